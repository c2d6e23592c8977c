"""fault rules in the database, shared by every server process

Revision ID: s0004
Revises: s0003
Create Date: 2026-12-06

Fault injection kept its rules in one process's memory: with ``wb-server --workers N`` a
fault set through one process never fired in the others (issue 17).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0004"
down_revision: str | None = "s0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "fault_rules",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("route", sa.String(length=200), nullable=True),
        sa.Column("op_kind", sa.String(length=40), nullable=True),
        sa.Column("probability", sa.Float(), nullable=False),
        sa.Column("remaining", sa.Integer(), nullable=True),
        sa.Column("seed", sa.BigInteger(), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("fired", sa.Integer(), nullable=False),
        sa.Column("draws", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fault_rules")),
    )


def downgrade() -> None:
    op.drop_table("fault_rules")
