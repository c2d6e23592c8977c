"""The reference cloud's own tables (its own metadata and migrations, never the client's).

Every technician-owned record has a ``version`` that grows by one per accepted change. Every
change also appends a row to ``changes``, per technician who may see it: the pull feed is
that table read by ``seq``, the server's monotonic change sequence.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from wb_desktop.core.persistence.column_types import DecimalText, UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
ID = 36
SHA256 = 64


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)

    def __init__(self, **values: Any) -> None:
        """Fills scalar column defaults at construction, so a record is complete before its
        flush: a push batch publishes records it writes only when the batch ends."""
        for column in self.__table__.columns:
            default = column.default
            if column.key not in values and default is not None and default.is_scalar:
                values[column.key] = default.arg  # type: ignore[attr-defined]
        for key, value in values.items():
            if not hasattr(type(self), key):
                raise TypeError(f"{type(self).__name__} has no attribute {key!r}")
            setattr(self, key, value)


class Versioned:
    id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Technician(ServerBase):
    __tablename__ = "technicians"

    id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AuthToken(ServerBase):
    """Only the token's SHA-256 is stored; the token itself exists only on the device."""

    __tablename__ = "auth_tokens"

    token_hash: Mapped[str] = mapped_column(String(SHA256), primary_key=True)
    technician_id: Mapped[str] = mapped_column(ForeignKey("technicians.id"), index=True)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Device(ServerBase):
    """A technician's installation; ``last_seq`` is the highest op sequence applied from it."""

    __tablename__ = "devices"

    id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    technician_id: Mapped[str] = mapped_column(ForeignKey("technicians.id"), index=True)
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AppliedOp(ServerBase):
    """The result given for each op, so a replay gets the same answer, marked duplicate."""

    __tablename__ = "applied_ops"
    __table_args__ = (UniqueConstraint("device_id", "seq"),)

    op_id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"))
    seq: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(40))
    result: Mapped[str] = mapped_column(String(20))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
    applied_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Customer(Versioned, ServerBase):
    __tablename__ = "customers"

    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    address: Mapped[str] = mapped_column(String(500), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str | None] = mapped_column(String(ID))


class Job(Versioned, ServerBase):
    __tablename__ = "jobs"

    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str] = mapped_column(String(500), default="")
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    technician_id: Mapped[str | None] = mapped_column(ForeignKey("technicians.id"), index=True)
    scheduled_start: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    scheduled_end: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(20), default="scheduled")
    status_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class JobLineItem(Versioned, ServerBase):
    __tablename__ = "job_line_items"

    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(String(500))
    quantity: Mapped[Decimal] = mapped_column(DecimalText)
    unit_price: Mapped[Decimal] = mapped_column(DecimalText)
    vat_rate: Mapped[Decimal] = mapped_column(DecimalText)


class Note(Versioned, ServerBase):
    __tablename__ = "notes"

    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[str | None] = mapped_column(String(ID))


class Photo(Versioned, ServerBase):
    __tablename__ = "photos"

    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(SHA256), index=True)
    content_type: Mapped[str] = mapped_column(String(100))
    byte_size: Mapped[int] = mapped_column(BigInteger)
    original_name: Mapped[str] = mapped_column(String(260), default="")
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    taken_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # the technician who attached it (None: the office or the demo seed); see BlobAccess
    attached_by: Mapped[str | None] = mapped_column(String(ID))


class Signature(Versioned, ServerBase):
    __tablename__ = "signatures"

    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id"), index=True)
    signer_name: Mapped[str] = mapped_column(String(200))
    strokes: Mapped[list[Any]] = mapped_column(JSON)
    png_sha256: Mapped[str] = mapped_column(String(SHA256))
    byte_size: Mapped[int] = mapped_column(BigInteger)
    captured_at: Mapped[datetime] = mapped_column(UTCDateTime)
    attached_by: Mapped[str | None] = mapped_column(String(ID))  # as Photo.attached_by


class TimeEntry(Versioned, ServerBase):
    __tablename__ = "time_entries"

    technician_id: Mapped[str] = mapped_column(ForeignKey("technicians.id"), index=True)
    job_id: Mapped[str | None] = mapped_column(ForeignKey("jobs.id"), index=True)
    clock_in: Mapped[datetime] = mapped_column(UTCDateTime)
    clock_out: Mapped[datetime | None] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(Text, default="")


class Document(Versioned, ServerBase):
    """An invoice or estimate as the technician made it; lines travel inside it."""

    __tablename__ = "documents"

    technician_id: Mapped[str] = mapped_column(ForeignKey("technicians.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    reference: Mapped[str] = mapped_column(String(40))
    job_id: Mapped[str | None] = mapped_column(ForeignKey("jobs.id"), index=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    currency: Mapped[str] = mapped_column(String(3))
    subtotal: Mapped[Decimal] = mapped_column(DecimalText)
    vat_total: Mapped[Decimal] = mapped_column(DecimalText)
    total: Mapped[Decimal] = mapped_column(DecimalText)
    notes: Mapped[str] = mapped_column(Text, default="")
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    delivery_state: Mapped[str] = mapped_column(String(10), default="draft")
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # the estimate this invoice was made from; unique, so an estimate becomes one invoice
    converted_from_id: Mapped[str | None] = mapped_column(
        ForeignKey("documents.id"), index=True, unique=True
    )


class OfficeDelivery(ServerBase):
    """The office outbox: a document the technician sent, as the office will mail it."""

    __tablename__ = "office_deliveries"

    id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), unique=True)
    recipient: Mapped[str] = mapped_column(String(254))
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Payment(ServerBase):
    """A card charge; the idempotency key makes a retried request charge at most once."""

    __tablename__ = "payments"

    idempotency_key: Mapped[str] = mapped_column(String(ID), primary_key=True)
    id: Mapped[str] = mapped_column(String(ID), unique=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    technician_id: Mapped[str] = mapped_column(ForeignKey("technicians.id"), index=True)
    amount: Mapped[Decimal] = mapped_column(DecimalText)
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(10))
    card_last4: Mapped[str] = mapped_column(String(4))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LocationPing(ServerBase):
    __tablename__ = "location_pings"

    id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    technician_id: Mapped[str] = mapped_column(ForeignKey("technicians.id"), index=True)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    accuracy_m: Mapped[float | None] = mapped_column(Float)
    job_id: Mapped[str | None] = mapped_column(String(ID))


class Change(ServerBase):
    """One entry of a technician's pull feed; ``data`` is the record as it now is, or None
    for a tombstone (deleted, or no longer visible to that technician)."""

    __tablename__ = "changes"
    __table_args__ = (Index("ix_changes_feed", "technician_id", "seq"),)

    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    technician_id: Mapped[str] = mapped_column(String(ID))
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(ID))
    version: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    origin_device_id: Mapped[str | None] = mapped_column(String(ID))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class ConflictLogEntry(ServerBase):
    """A field both sides changed: who won by policy and the value that lost."""

    __tablename__ = "conflict_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(ID), index=True)
    field: Mapped[str] = mapped_column(String(60))
    client_value: Mapped[Any] = mapped_column(JSON)
    server_value: Mapped[Any] = mapped_column(JSON)
    winner: Mapped[str] = mapped_column(String(10))
    device_id: Mapped[str] = mapped_column(String(ID))
    op_id: Mapped[str] = mapped_column(String(ID))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class Blob(ServerBase):
    """Verified attachment bytes by content hash (a row exists once an upload of them
    completed and matched the hash); ``uploaded_by`` is the first technician who sent them.
    Who may read them is :class:`BlobAccess` and the records they are attached to."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(SHA256), primary_key=True)
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(BigInteger)
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    uploaded_by: Mapped[str] = mapped_column(ForeignKey("technicians.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class BlobAccess(ServerBase):
    """One technician's own upload of a blob, and the proof of possession it gives.

    Knowing a hash is never enough: a technician reads a blob they uploaded themselves
    (``complete``: the bytes they sent matched the hash), or one attached to a record they
    see whose attachment was vouched for (see :mod:`wb_server.blobs`). Uploads are
    per technician, so one never sees or resumes another's."""

    __tablename__ = "blob_access"

    sha256: Mapped[str] = mapped_column(String(SHA256), primary_key=True)
    technician_id: Mapped[str] = mapped_column(ForeignKey("technicians.id"), primary_key=True)
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(BigInteger)
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class FaultRuleRow(ServerBase):
    """An injected QA fault, shared by every server process on the database.

    ``draws`` counts the requests it has matched (each draw's random number comes from the
    seed and that count, so a run repeats); ``remaining`` is taken down in the UPDATE that
    fires it, so ``count`` holds across processes."""

    __tablename__ = "fault_rules"

    id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    route: Mapped[str | None] = mapped_column(String(200))
    op_kind: Mapped[str | None] = mapped_column(String(40))
    probability: Mapped[float] = mapped_column(Float)
    remaining: Mapped[int | None] = mapped_column(Integer)
    seed: Mapped[int] = mapped_column(BigInteger)
    params: Mapped[dict[str, Any]] = mapped_column(JSON)
    fired: Mapped[int] = mapped_column(Integer, default=0)
    draws: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
