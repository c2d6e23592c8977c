"""The dispatcher and the office view (``/v1/admin/…``, admin token): what the office does.

Replies are records as the change feed carries them (:mod:`.records`), the office view
(:class:`OfficeView`) and for the technicians list :class:`~.auth.TechnicianOut`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from wb_desktop.core.protocol.fields import DateTimeText, Money, Quantity, VatRate
from wb_desktop.core.protocol.records import (
    DecimalText,
    DocumentRecord,
    JobRecord,
    NoteRecord,
    PhotoRecord,
    SignatureRecord,
    Time,
    TimeEntryRecord,
)

Text200 = Annotated[str, Field(min_length=1, max_length=200)]
Id36 = Annotated[str, Field(max_length=36)]


class LineItemIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: Text200
    quantity: Quantity
    unit_price: Money
    vat_rate: VatRate = Decimal(25)


class JobIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    customer_id: Id36
    technician_id: Id36 | None = None
    title: Text200
    description: str = Field(default="", max_length=5000)
    address: str = Field(default="", max_length=500)
    scheduled_start: DateTimeText
    scheduled_end: DateTimeText
    line_items: list[LineItemIn] = Field(default_factory=list, max_length=100)


class JobEdit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Text200 | None = None
    description: str | None = Field(default=None, max_length=5000)
    address: str | None = Field(default=None, max_length=500)
    scheduled_start: DateTimeText | None = None
    scheduled_end: DateTimeText | None = None


class Assignment(BaseModel):
    model_config = ConfigDict(extra="forbid")

    technician_id: Id36 | None


class CustomerEdit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Text200 | None = None
    phone: str | None = Field(default=None, max_length=40)
    email: str | None = Field(default=None, max_length=254)
    address: str | None = Field(default=None, max_length=500)
    notes: str | None = Field(default=None, max_length=5000)


class _Row(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class PaymentRow(_Row):
    """A card charge as the office sees it (the idempotency key made a retry charge once)."""

    idempotency_key: str
    id: str
    document_id: str
    technician_id: str
    amount: DecimalText
    currency: str
    status: str
    card_last4: str
    reason: str
    created_at: Time


class LocationPingRow(_Row):
    id: str
    technician_id: str
    recorded_at: Time
    latitude: float
    longitude: float
    accuracy_m: float | None
    job_id: str | None


class DeliveryRow(_Row):
    """A document the technician sent, queued in the office's outbox to be mailed."""

    id: str
    document_id: str
    recipient: str
    queued_at: Time


class OfficeView(BaseModel):
    """Everything a technician has uploaded, as the office sees it."""

    jobs: list[JobRecord]
    time_entries: list[TimeEntryRecord]
    documents: list[DocumentRecord]
    payments: list[PaymentRow]
    location_pings: list[LocationPingRow]
    notes: list[NoteRecord]
    photos: list[PhotoRecord]
    signatures: list[SignatureRecord]
    deliveries: list[DeliveryRow]
    generated_at: Time
