"""The dispatcher and the office view (``/v1/admin/…``, admin token): what the office does.

Replies are records as the server stores them (:data:`RecordData`, the same snapshots the
change feed carries), and for the technicians list :class:`~.auth.TechnicianOut`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from wb_desktop.core.protocol.fields import DateTimeText, Money, Quantity, VatRate

RecordData = dict[str, Any]
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
