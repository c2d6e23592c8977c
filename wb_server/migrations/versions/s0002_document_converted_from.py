"""documents remember the estimate they were converted from

Revision ID: s0002
Revises: s0001
Create Date: 2026-11-21
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0002"
down_revision: str | None = "s0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("converted_from_id", sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_documents_converted_from_id_documents"),
            "documents",
            ["converted_from_id"],
            ["id"],
        )
        batch_op.create_index(
            batch_op.f("ix_documents_converted_from_id"), ["converted_from_id"], unique=True
        )


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_converted_from_id"))
        batch_op.drop_constraint(
            batch_op.f("fk_documents_converted_from_id_documents"), type_="foreignkey"
        )
        batch_op.drop_column("converted_from_id")
