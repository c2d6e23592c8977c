"""The records the server sends: one model per record type, the one description of their fields.

A record travels as a JSON object in the pull feed (``ChangeOut.data``), in a push answer
(``OpResultOut.record``) and in the office's replies (``/v1/admin/…``). The server writes
exactly the fields of its type's model (:func:`fields_of`) and the client reads a record
only through :func:`parse_record`, so neither side decodes a record by hand and the OpenAPI
document describes them (``CustomerRecord``, ``JobRecord``, …).

Fields a newer server adds are ignored (``extra="ignore"``), so an older client keeps
syncing; a field of the wrong type or a missing one is a :class:`RecordBodyError` naming it.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PlainSerializer,
    ValidationError,
    WithJsonSchema,
)

from wb_desktop.core.protocol.kinds import RecordType


def _decimal_text(value: object) -> object:
    if not isinstance(value, str):
        raise ValueError("must be a decimal number written as text, e.g. '1625.00'")
    return value


DecimalText = Annotated[
    Decimal,
    BeforeValidator(_decimal_text),
    WithJsonSchema({"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$"}),
]
"""Money, quantities and rates: decimals sent as text, never as floats."""
Time = Annotated[
    AwareDatetime,
    PlainSerializer(datetime.isoformat, when_used="json"),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]
"""A moment, as ISO 8601 text with its zone (written as the server stores it: ``+00:00``)."""


class RecordBody(BaseModel):
    """What every synced record carries: its id, its version and when it was made and changed."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str
    version: int
    created_at: Time
    updated_at: Time


class CustomerRecord(RecordBody):
    name: str
    phone: str
    email: str
    address: str
    notes: str


class JobRecord(RecordBody):
    title: str
    description: str
    address: str
    customer_id: str
    technician_id: str | None
    scheduled_start: Time
    scheduled_end: Time
    status: str
    status_changed_at: Time | None


class JobLineItemRecord(RecordBody):
    job_id: str
    position: int
    description: str
    quantity: DecimalText
    unit_price: DecimalText
    vat_rate: DecimalText


class NoteRecord(RecordBody):
    job_id: str
    text: str
    author_id: str | None


class PhotoRecord(RecordBody):
    job_id: str
    sha256: str
    content_type: str
    byte_size: int
    original_name: str
    width: int | None
    height: int | None
    taken_at: Time | None
    attached_by: str | None


class SignatureRecord(RecordBody):
    job_id: str
    signer_name: str
    strokes: list[Any]
    png_sha256: str
    byte_size: int
    captured_at: Time
    attached_by: str | None


class TimeEntryRecord(RecordBody):
    technician_id: str
    job_id: str | None
    clock_in: Time
    clock_out: Time | None
    note: str


class DocumentLineRecord(BaseModel):
    """One priced line of a quote or invoice, as the server priced it."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    description: str
    quantity: DecimalText
    unit_price: DecimalText
    vat_rate: DecimalText
    net: DecimalText
    vat: DecimalText
    total: DecimalText


class DocumentRecord(RecordBody):
    technician_id: str
    kind: str
    reference: str
    job_id: str | None
    customer_id: str
    currency: str
    subtotal: DecimalText
    vat_total: DecimalText
    total: DecimalText
    notes: str
    lines: list[DocumentLineRecord]
    delivery_state: str
    sent_at: Time | None
    converted_from_id: str | None


RECORD_MODELS: dict[RecordType, type[RecordBody]] = {
    RecordType.CUSTOMER: CustomerRecord,
    RecordType.JOB: JobRecord,
    RecordType.JOB_LINE_ITEM: JobLineItemRecord,
    RecordType.NOTE: NoteRecord,
    RecordType.PHOTO: PhotoRecord,
    RecordType.SIGNATURE: SignatureRecord,
    RecordType.TIME_ENTRY: TimeEntryRecord,
    RecordType.DOCUMENT: DocumentRecord,
}


RECORD_MARK = "x-record-of-its-type"
RecordJson = Annotated[
    dict[str, Any],
    WithJsonSchema(
        {
            "type": "object",
            "description": "the record's fields: the model of its record_type",
            RECORD_MARK: True,
        }
    ),
]
"""A record as it travels inside another reply (read it with :func:`parse_record`); the
server's OpenAPI document puts the record models where its schema carries ``RECORD_MARK``."""


class RecordBodyError(ValueError):
    """A record the contract does not describe: a missing field or a value of the wrong type."""


_FIELDS = {record_type: tuple(model.model_fields) for record_type, model in RECORD_MODELS.items()}


def fields_of(record_type: RecordType | str) -> tuple[str, ...]:
    """The fields a record of this type carries on the wire, in the model's order."""
    return _FIELDS[RecordType(record_type)]


def parse_record(record_type: RecordType | str, data: object) -> RecordBody:
    """``data`` as its type's model; :class:`RecordBodyError` names what is wrong."""
    model = RECORD_MODELS.get(record_type)  # type: ignore[call-overload]  # text finds a StrEnum key
    if model is None:
        raise RecordBodyError(f"{record_type}: not a record type of this contract")
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the record"
        record_id = data.get("id") if isinstance(data, dict) else None
        raise RecordBodyError(
            f"{record_type} {record_id or '?'}: {where}: {first['msg']}"
        ) from None


def wire_value(value: object) -> object:
    """A stored value as the contract sends it (decimals and times as text, enums by value)."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


__all__ = [
    "RECORD_MARK",
    "RECORD_MODELS",
    "CustomerRecord",
    "DocumentLineRecord",
    "DocumentRecord",
    "JobLineItemRecord",
    "JobRecord",
    "NoteRecord",
    "PhotoRecord",
    "RecordBody",
    "RecordBodyError",
    "RecordJson",
    "SignatureRecord",
    "TimeEntryRecord",
    "fields_of",
    "parse_record",
    "wire_value",
]
