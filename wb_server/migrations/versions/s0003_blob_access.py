"""per-technician blob uploads and access; who attached each photo and signature

Revision ID: s0003
Revises: s0002
Create Date: 2026-11-26

Knowing a blob's hash is no longer enough to read it (issue 17): each technician uploads on
their own (``blob_access``), and an attachment remembers who attached it (``attached_by``),
so it gives the job's technician access only when that person had the bytes.

Data: every blob's uploader keeps access to it; an upload that was still in progress starts
over at 0 (its bytes were in the shared partial file); photos and signatures pushed by a
technician get ``attached_by`` from the op that created them (its device's technician), the
office's and the demo's stay empty.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0003"
down_revision: str | None = "s0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_blobs = sa.table(
    "blobs",
    sa.column("sha256", sa.String),
    sa.column("content_type", sa.String),
    sa.column("size", sa.BigInteger),
    sa.column("received", sa.BigInteger),
    sa.column("complete", sa.Boolean),
    sa.column("uploaded_by", sa.String),
    sa.column("created_at", sa.DateTime),
)
_access = sa.table(
    "blob_access",
    sa.column("sha256", sa.String),
    sa.column("technician_id", sa.String),
    sa.column("content_type", sa.String),
    sa.column("size", sa.BigInteger),
    sa.column("received", sa.BigInteger),
    sa.column("complete", sa.Boolean),
    sa.column("created_at", sa.DateTime),
    sa.column("updated_at", sa.DateTime),
)
_applied_ops = sa.table(
    "applied_ops",
    sa.column("device_id", sa.String),
    sa.column("kind", sa.String),
    sa.column("result", sa.String),
    sa.column("detail", sa.JSON),
)
_devices = sa.table("devices", sa.column("id", sa.String), sa.column("technician_id", sa.String))
_ATTACHMENTS = {"photo.create": "photos", "signature.create": "signatures"}


def upgrade() -> None:
    op.create_table(
        "blob_access",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("technician_id", sa.String(length=36), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("received", sa.BigInteger(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["technician_id"],
            ["technicians.id"],
            name=op.f("fk_blob_access_technician_id_technicians"),
        ),
        sa.PrimaryKeyConstraint("sha256", "technician_id", name=op.f("pk_blob_access")),
    )
    for table in ("photos", "signatures"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("attached_by", sa.String(length=36), nullable=True))
    _move_uploads()
    _backfill_attached_by()


def _move_uploads() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.select(_blobs)).mappings().all()
    if rows:
        connection.execute(
            _access.insert(),
            [
                {
                    "sha256": row["sha256"],
                    "technician_id": row["uploaded_by"],
                    "content_type": row["content_type"],
                    "size": row["size"],
                    "received": row["size"] if row["complete"] else 0,
                    "complete": bool(row["complete"]),
                    "created_at": row["created_at"],
                    "updated_at": row["created_at"],
                }
                for row in rows
            ],
        )
    connection.execute(_blobs.update().values(received=_blobs.c.size))
    connection.execute(_blobs.delete().where(_blobs.c.complete.is_(False)))


def _backfill_attached_by() -> None:
    connection = op.get_bind()
    ops = connection.execute(
        sa.select(_applied_ops.c.kind, _applied_ops.c.detail, _devices.c.technician_id)
        .join(_devices, _devices.c.id == _applied_ops.c.device_id)
        .where(_applied_ops.c.kind.in_(list(_ATTACHMENTS)), _applied_ops.c.result == "applied")
    )
    updates: dict[str, list[dict[str, str]]] = {table: [] for table in _ATTACHMENTS.values()}
    for kind, detail, technician_id in ops:
        record = (detail or {}).get("record") or {}
        if isinstance(record.get("id"), str):
            updates[_ATTACHMENTS[kind]].append({"record_id": record["id"], "by": technician_id})
    for table, rows in updates.items():
        if rows:
            target = sa.table(table, sa.column("id", sa.String), sa.column("attached_by"))
            connection.execute(
                target.update()
                .where(target.c.id == sa.bindparam("record_id"))
                .values(attached_by=sa.bindparam("by")),
                rows,
            )


def downgrade() -> None:
    connection = op.get_bind()
    in_progress = connection.execute(
        sa.select(_access).where(
            _access.c.complete.is_(False),
            _access.c.sha256.not_in(sa.select(_blobs.c.sha256)),
        )
    ).mappings()
    restored: dict[str, dict[str, object]] = {}
    for row in in_progress:
        restored.setdefault(
            row["sha256"],
            {
                "sha256": row["sha256"],
                "content_type": row["content_type"],
                "size": row["size"],
                "received": 0,
                "complete": False,
                "uploaded_by": row["technician_id"],
                "created_at": row["created_at"],
            },
        )
    if restored:
        connection.execute(_blobs.insert(), list(restored.values()))
    for table in ("signatures", "photos"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("attached_by")
    op.drop_table("blob_access")
