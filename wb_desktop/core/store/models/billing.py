"""Invoices and estimates (one table, told apart by kind), their lines, and payments."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from wb_desktop.core.domain.records import DeliveryState, DocumentKind, PaymentStatus
from wb_desktop.core.persistence.column_types import DecimalText, UTCDateTime
from wb_desktop.core.store.models.base import UUID_LENGTH, Base, SyncedRecord, enum_column_type


class Document(SyncedRecord, Base):
    __tablename__ = "documents"

    kind: Mapped[DocumentKind] = mapped_column(enum_column_type(DocumentKind, "document_kind"))
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    job_id: Mapped[str | None] = mapped_column(ForeignKey("jobs.id"), index=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    currency: Mapped[str] = mapped_column(String(3))
    subtotal: Mapped[Decimal] = mapped_column(DecimalText)
    vat_total: Mapped[Decimal] = mapped_column(DecimalText)
    total: Mapped[Decimal] = mapped_column(DecimalText)
    notes: Mapped[str] = mapped_column(Text, default="")
    delivery_state: Mapped[DeliveryState] = mapped_column(
        enum_column_type(DeliveryState, "delivery_state"), default=DeliveryState.DRAFT
    )
    queued_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    converted_from_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id"))

    lines: Mapped[list[DocumentLine]] = relationship(
        back_populates="document",
        order_by="DocumentLine.position",
        cascade="all, delete-orphan",
    )


class DocumentLine(Base):
    """A line of a document; it travels with its document, so it has no sync state of its own."""

    __tablename__ = "document_lines"

    id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(String(500))
    quantity: Mapped[Decimal] = mapped_column(DecimalText)
    unit_price: Mapped[Decimal] = mapped_column(DecimalText)
    vat_rate: Mapped[Decimal] = mapped_column(DecimalText)
    net: Mapped[Decimal] = mapped_column(DecimalText)
    vat: Mapped[Decimal] = mapped_column(DecimalText)
    total: Mapped[Decimal] = mapped_column(DecimalText)

    document: Mapped[Document] = relationship(back_populates="lines")


class Payment(SyncedRecord, Base):
    """A card payment attempt; the idempotency key makes a retry charge at most once."""

    __tablename__ = "payments"

    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    amount: Mapped[Decimal] = mapped_column(DecimalText)
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[PaymentStatus] = mapped_column(
        enum_column_type(PaymentStatus, "payment_status"), default=PaymentStatus.PENDING
    )
    idempotency_key: Mapped[str] = mapped_column(String(UUID_LENGTH), unique=True)
    card_last4: Mapped[str] = mapped_column(String(4), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
