"""initial schema of the local cache

The media total is kept by triggers, which autogenerate does not see: they are created and
dropped here by hand, with the one row of storage_totals they maintain.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("record_type", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("local_value", sa.JSON(), nullable=False),
        sa.Column("server_value", sa.JSON(), nullable=False),
        sa.Column("winner", sa.String(length=10), nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=True),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolution", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflicts")),
    )
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_conflicts_record_id"), ["record_id"], unique=False)

    op.create_table(
        "customers",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("address", sa.String(length=500), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "sync_state",
            sa.Enum(
                "local_only",
                "pending",
                "synced",
                "failed",
                "conflict",
                name="sync_state",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("sync_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
    )
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_customers_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_customers_sync_state"), ["sync_state"], unique=False)

    op.create_table(
        "device",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("next_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device")),
    )
    op.create_table(
        "media_files",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("relative_path", sa.String(length=500), nullable=False),
        sa.Column("byte_size", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_media_files")),
    )
    op.create_table(
        "outbox",
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("record_type", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "queued",
                "in_flight",
                "done",
                "dead",
                name="outbox_state",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "result",
            sa.Enum(
                "applied",
                "duplicate",
                "conflict",
                "rejected",
                name="op_result",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=True,
        ),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("op_id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("seq", name=op.f("uq_outbox_seq")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_record", ["record_type", "record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_outbox_state"), ["state"], unique=False)

    op.create_table(
        "pull_cursor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("pulled_at", sa.DateTime(), nullable=True),
        sa.Column("last_success_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pull_cursor")),
    )
    op.create_table(
        "storage_totals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("media_bytes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_storage_totals")),
    )
    op.create_table(
        "sync_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("event", sa.String(length=40), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=True),
        sa.Column("details", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_log")),
    )
    with op.batch_alter_table("sync_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_log_at"), ["at"], unique=False)

    op.create_table(
        "technician_profile",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("server_url", sa.String(length=500), nullable=False),
        sa.Column("signed_in_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_technician_profile")),
    )
    op.create_table(
        "jobs",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("address", sa.String(length=500), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("scheduled_start", sa.DateTime(), nullable=False),
        sa.Column("scheduled_end", sa.DateTime(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "scheduled",
                "en_route",
                "in_progress",
                "complete",
                "cancelled",
                name="job_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("status_changed_at", sa.DateTime(), nullable=True),
        sa.Column("assigned_technician_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "sync_state",
            sa.Enum(
                "local_only",
                "pending",
                "synced",
                "failed",
                "conflict",
                name="sync_state",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("sync_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_jobs_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jobs")),
    )
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_jobs_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_jobs_scheduled_start"), ["scheduled_start"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_jobs_sync_state"), ["sync_state"], unique=False)

    op.create_table(
        "outbox_dependencies",
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("depends_on", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["depends_on"],
            ["outbox.op_id"],
            name=op.f("fk_outbox_dependencies_depends_on_outbox"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["op_id"],
            ["outbox.op_id"],
            name=op.f("fk_outbox_dependencies_op_id_outbox"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("op_id", "depends_on", name=op.f("pk_outbox_dependencies")),
    )
    with op.batch_alter_table("outbox_dependencies", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outbox_dependencies_depends_on"), ["depends_on"], unique=False
        )

    op.create_table(
        "documents",
        sa.Column(
            "kind",
            sa.Enum(
                "invoice",
                "estimate",
                name="document_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("job_id", sa.String(length=36), nullable=True),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("subtotal", sa.String(length=40), nullable=False),
        sa.Column("vat_total", sa.String(length=40), nullable=False),
        sa.Column("total", sa.String(length=40), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column(
            "delivery_state",
            sa.Enum(
                "draft",
                "queued",
                "sent",
                name="delivery_state",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("queued_at", sa.DateTime(), nullable=True),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("converted_from_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "sync_state",
            sa.Enum(
                "local_only",
                "pending",
                "synced",
                "failed",
                "conflict",
                name="sync_state",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("sync_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["converted_from_id"],
            ["documents.id"],
            name=op.f("fk_documents_converted_from_id_documents"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_documents_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_documents_job_id_jobs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("reference", name=op.f("uq_documents_reference")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_job_id"), ["job_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_sync_state"), ["sync_state"], unique=False)

    op.create_table(
        "job_line_items",
        sa.Column("job_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("quantity", sa.String(length=40), nullable=False),
        sa.Column("unit_price", sa.String(length=40), nullable=False),
        sa.Column("vat_rate", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "sync_state",
            sa.Enum(
                "local_only",
                "pending",
                "synced",
                "failed",
                "conflict",
                name="sync_state",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("sync_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("fk_job_line_items_job_id_jobs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_line_items")),
    )
    with op.batch_alter_table("job_line_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_job_line_items_job_id"), ["job_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_job_line_items_sync_state"), ["sync_state"], unique=False
        )

    op.create_table(
        "location_pings",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.Column("accuracy_m", sa.Float(), nullable=True),
        sa.Column("job_id", sa.String(length=36), nullable=True),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("fk_location_pings_job_id_jobs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_location_pings")),
    )
    with op.batch_alter_table("location_pings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_location_pings_recorded_at"), ["recorded_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_location_pings_sent_at"), ["sent_at"], unique=False)

    op.create_table(
        "notes",
        sa.Column("job_id", sa.String(length=36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "sync_state",
            sa.Enum(
                "local_only",
                "pending",
                "synced",
                "failed",
                "conflict",
                name="sync_state",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("sync_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_notes_job_id_jobs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notes")),
    )
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notes_job_id"), ["job_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_notes_sync_state"), ["sync_state"], unique=False)

    op.create_table(
        "photos",
        sa.Column("job_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("byte_size", sa.Integer(), nullable=False),
        sa.Column("stored_path", sa.String(length=500), nullable=False),
        sa.Column("original_name", sa.String(length=260), nullable=False),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("taken_at", sa.DateTime(), nullable=True),
        sa.Column(
            "upload_state",
            sa.Enum(
                "waiting",
                "uploading",
                "uploaded",
                name="upload_state",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("uploaded_bytes", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "sync_state",
            sa.Enum(
                "local_only",
                "pending",
                "synced",
                "failed",
                "conflict",
                name="sync_state",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("sync_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_photos_job_id_jobs")),
        sa.ForeignKeyConstraint(
            ["sha256"], ["media_files.sha256"], name=op.f("fk_photos_sha256_media_files")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_photos")),
        sa.UniqueConstraint("job_id", "sha256", name=op.f("uq_photos_job_id_sha256")),
    )
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_photos_job_id"), ["job_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_photos_sha256"), ["sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_photos_sync_state"), ["sync_state"], unique=False)

    op.create_table(
        "signatures",
        sa.Column("job_id", sa.String(length=36), nullable=False),
        sa.Column("signer_name", sa.String(length=200), nullable=False),
        sa.Column("strokes", sa.JSON(), nullable=False),
        sa.Column("png_sha256", sa.String(length=64), nullable=False),
        sa.Column("png_path", sa.String(length=500), nullable=False),
        sa.Column("byte_size", sa.Integer(), nullable=False),
        sa.Column("captured_at", sa.DateTime(), nullable=False),
        sa.Column(
            "upload_state",
            sa.Enum(
                "waiting",
                "uploading",
                "uploaded",
                name="upload_state",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("uploaded_bytes", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "sync_state",
            sa.Enum(
                "local_only",
                "pending",
                "synced",
                "failed",
                "conflict",
                name="sync_state",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("sync_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_signatures_job_id_jobs")),
        sa.ForeignKeyConstraint(
            ["png_sha256"],
            ["media_files.sha256"],
            name=op.f("fk_signatures_png_sha256_media_files"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signatures")),
    )
    with op.batch_alter_table("signatures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signatures_job_id"), ["job_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_signatures_png_sha256"), ["png_sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_signatures_sync_state"), ["sync_state"], unique=False)

    op.create_table(
        "time_entries",
        sa.Column("job_id", sa.String(length=36), nullable=True),
        sa.Column("clock_in", sa.DateTime(), nullable=False),
        sa.Column("clock_out", sa.DateTime(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "sync_state",
            sa.Enum(
                "local_only",
                "pending",
                "synced",
                "failed",
                "conflict",
                name="sync_state",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("sync_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_time_entries_job_id_jobs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_time_entries")),
    )
    with op.batch_alter_table("time_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_time_entries_clock_in"), ["clock_in"], unique=False)
        batch_op.create_index(batch_op.f("ix_time_entries_clock_out"), ["clock_out"], unique=False)
        batch_op.create_index(batch_op.f("ix_time_entries_job_id"), ["job_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_time_entries_sync_state"), ["sync_state"], unique=False
        )

    op.create_table(
        "document_lines",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("document_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("quantity", sa.String(length=40), nullable=False),
        sa.Column("unit_price", sa.String(length=40), nullable=False),
        sa.Column("vat_rate", sa.String(length=40), nullable=False),
        sa.Column("net", sa.String(length=40), nullable=False),
        sa.Column("vat", sa.String(length=40), nullable=False),
        sa.Column("total", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_lines_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_lines")),
    )
    with op.batch_alter_table("document_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_document_lines_document_id"), ["document_id"], unique=False
        )

    op.create_table(
        "payments",
        sa.Column("document_id", sa.String(length=36), nullable=False),
        sa.Column("amount", sa.String(length=40), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "approved",
                "declined",
                "unknown",
                name="payment_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("idempotency_key", sa.String(length=36), nullable=False),
        sa.Column("card_last4", sa.String(length=4), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("processed_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "sync_state",
            sa.Enum(
                "local_only",
                "pending",
                "synced",
                "failed",
                "conflict",
                name="sync_state",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("sync_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_payments_document_id_documents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_payments_idempotency_key")),
    )
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payments_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_payments_sync_state"), ["sync_state"], unique=False)

    op.execute("INSERT INTO storage_totals (id, media_bytes) VALUES (1, 0)")
    op.execute(
        "CREATE TRIGGER media_files_added AFTER INSERT ON media_files BEGIN "
        "UPDATE storage_totals SET media_bytes = media_bytes + NEW.byte_size WHERE id = 1; END"
    )
    op.execute(
        "CREATE TRIGGER media_files_removed AFTER DELETE ON media_files BEGIN "
        "UPDATE storage_totals SET media_bytes = media_bytes - OLD.byte_size WHERE id = 1; END"
    )
    op.execute(
        "CREATE TRIGGER media_files_resized AFTER UPDATE OF byte_size ON media_files BEGIN "
        "UPDATE storage_totals SET media_bytes = media_bytes - OLD.byte_size + NEW.byte_size "
        "WHERE id = 1; END"
    )


def downgrade() -> None:
    for trigger in ("media_files_added", "media_files_removed", "media_files_resized"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payments_sync_state"))
        batch_op.drop_index(batch_op.f("ix_payments_document_id"))

    op.drop_table("payments")
    with op.batch_alter_table("document_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_lines_document_id"))

    op.drop_table("document_lines")
    with op.batch_alter_table("time_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_time_entries_sync_state"))
        batch_op.drop_index(batch_op.f("ix_time_entries_job_id"))
        batch_op.drop_index(batch_op.f("ix_time_entries_clock_out"))
        batch_op.drop_index(batch_op.f("ix_time_entries_clock_in"))

    op.drop_table("time_entries")
    with op.batch_alter_table("signatures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signatures_sync_state"))
        batch_op.drop_index(batch_op.f("ix_signatures_png_sha256"))
        batch_op.drop_index(batch_op.f("ix_signatures_job_id"))

    op.drop_table("signatures")
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_photos_sync_state"))
        batch_op.drop_index(batch_op.f("ix_photos_sha256"))
        batch_op.drop_index(batch_op.f("ix_photos_job_id"))

    op.drop_table("photos")
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notes_sync_state"))
        batch_op.drop_index(batch_op.f("ix_notes_job_id"))

    op.drop_table("notes")
    with op.batch_alter_table("location_pings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_location_pings_sent_at"))
        batch_op.drop_index(batch_op.f("ix_location_pings_recorded_at"))

    op.drop_table("location_pings")
    with op.batch_alter_table("job_line_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_line_items_sync_state"))
        batch_op.drop_index(batch_op.f("ix_job_line_items_job_id"))

    op.drop_table("job_line_items")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_sync_state"))
        batch_op.drop_index(batch_op.f("ix_documents_job_id"))
        batch_op.drop_index(batch_op.f("ix_documents_customer_id"))

    op.drop_table("documents")
    with op.batch_alter_table("outbox_dependencies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_dependencies_depends_on"))

    op.drop_table("outbox_dependencies")
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_jobs_sync_state"))
        batch_op.drop_index(batch_op.f("ix_jobs_scheduled_start"))
        batch_op.drop_index(batch_op.f("ix_jobs_customer_id"))

    op.drop_table("jobs")
    op.drop_table("technician_profile")
    with op.batch_alter_table("sync_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_log_at"))

    op.drop_table("sync_log")
    op.drop_table("storage_totals")
    op.drop_table("pull_cursor")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_state"))
        batch_op.drop_index("ix_outbox_record")

    op.drop_table("outbox")
    op.drop_table("media_files")
    op.drop_table("device")
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customers_sync_state"))
        batch_op.drop_index(batch_op.f("ix_customers_name"))

    op.drop_table("customers")
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conflicts_record_id"))

    op.drop_table("conflicts")
