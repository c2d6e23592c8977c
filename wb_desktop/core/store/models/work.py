"""Customers, jobs, their line items and notes."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.persistence.column_types import DecimalText, UTCDateTime
from wb_desktop.core.store.models.base import UUID_LENGTH, Base, SyncedRecord, enum_column_type


class Customer(SyncedRecord, Base):
    __tablename__ = "customers"

    name: Mapped[str] = mapped_column(String(200), index=True)
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    address: Mapped[str] = mapped_column(String(500), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Job(SyncedRecord, Base):
    __tablename__ = "jobs"

    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str] = mapped_column(String(500), default="")
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    scheduled_start: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    scheduled_end: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[JobStatus] = mapped_column(
        enum_column_type(JobStatus, "job_status"), default=JobStatus.SCHEDULED
    )
    status_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    assigned_technician_id: Mapped[str | None] = mapped_column(String(UUID_LENGTH))


class JobLineItem(SyncedRecord, Base):
    """Planned work and parts on a job, set by the office; invoices start from these."""

    __tablename__ = "job_line_items"

    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(String(500))
    quantity: Mapped[Decimal] = mapped_column(DecimalText)
    unit_price: Mapped[Decimal] = mapped_column(DecimalText)
    vat_rate: Mapped[Decimal] = mapped_column(DecimalText)


class Note(SyncedRecord, Base):
    __tablename__ = "notes"

    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[str | None] = mapped_column(String(UUID_LENGTH))
