"""Each op kind's payload, and the one table from kind to payload model.

A payload model says the shape (which keys, which JSON types, times with a zone, hashes in
hex); what the values may be (a note's length, a status transition, a document's totals)
is the domain's rule (:mod:`wb_desktop.core.domain`), which both sides apply. Payloads
allow keys they do not name: a client may send a record's whole snapshot, and the server
keeps what it knows how to store.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from wb_desktop.core.protocol.fields import DateTimeText, JsonInt, Sha256, StrictFloat
from wb_desktop.core.protocol.kinds import OpKind

Number = str | JsonInt | StrictFloat  # a decimal as the domain's money rules read it


class Payload(BaseModel):
    model_config = ConfigDict(extra="allow")


class CustomerCreate(Payload):
    name: str
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    notes: str | None = None


class CustomerChanges(BaseModel):
    """The customer fields an edit sets (only those given)."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    notes: str | None = None


class CustomerUpdate(Payload):
    fields: CustomerChanges
    previous: dict[str, Any] | None = Field(
        default=None, description="the values the edit replaced, to merge concurrent edits"
    )


class JobSetStatus(Payload):
    status: str
    previous: str | None = None
    changed_at: DateTimeText | None = None


class NoteCreate(Payload):
    job_id: str
    text: str


class TimeEntryCreate(Payload):
    job_id: str | None = None
    clock_in: DateTimeText
    note: str | None = Field(default=None, max_length=1000)


class TimeEntryChanges(BaseModel):
    model_config = ConfigDict(extra="forbid")

    clock_out: DateTimeText = Field(default=None)  # type: ignore[assignment]  # absent: unchanged; never null


class TimeEntryUpdate(Payload):
    fields: TimeEntryChanges


class PhotoCreate(Payload):
    job_id: str
    sha256: Sha256
    byte_size: JsonInt = Field(ge=1)
    content_type: str | None = None
    original_name: str | None = None
    width: JsonInt | None = None
    height: JsonInt | None = None
    taken_at: DateTimeText | None = None


class SignatureCreate(Payload):
    job_id: str
    signer_name: str
    strokes: list[Any]
    png_sha256: Sha256
    byte_size: JsonInt = Field(ge=1)
    captured_at: DateTimeText


class DocumentLine(Payload):
    description: str
    quantity: Number
    unit_price: Number
    vat_rate: Number | None = None


class DocumentContent(Payload):
    """What a document create and a draft edit both carry: its lines and their total."""

    currency: str
    lines: list[DocumentLine]
    total: Number
    notes: str | None = None


class DocumentCreate(DocumentContent):
    kind: str = Field(description="invoice or estimate")
    reference: str
    customer_id: str
    job_id: str | None = None
    converted_from_id: str | None = None


class DocumentUpdate(DocumentContent):
    pass


class DocumentSend(Payload):
    queued_at: DateTimeText | None = None


PAYLOADS: dict[OpKind, type[Payload]] = {
    OpKind.CUSTOMER_CREATE: CustomerCreate,
    OpKind.CUSTOMER_UPDATE: CustomerUpdate,
    OpKind.JOB_SET_STATUS: JobSetStatus,
    OpKind.NOTE_CREATE: NoteCreate,
    OpKind.TIME_ENTRY_CREATE: TimeEntryCreate,
    OpKind.TIME_ENTRY_UPDATE: TimeEntryUpdate,
    OpKind.PHOTO_CREATE: PhotoCreate,
    OpKind.SIGNATURE_CREATE: SignatureCreate,
    OpKind.DOCUMENT_CREATE: DocumentCreate,
    OpKind.DOCUMENT_UPDATE: DocumentUpdate,
    OpKind.DOCUMENT_SEND: DocumentSend,
}


def parse_payload(kind: str, payload: dict[str, Any]) -> Payload | None:
    """``payload`` as op ``kind``'s model (``None`` for a kind this contract does not know);
    raises pydantic's ``ValidationError`` when it does not match."""
    model = PAYLOADS.get(kind)  # type: ignore[call-overload]
    return None if model is None else model.model_validate(payload)


def payload_problem(kind: str, payload: dict[str, Any]) -> str | None:
    """Why ``payload`` is not a payload of op ``kind`` (``None``: it is, or the kind is
    unknown here), as one sentence naming the field: ``payload.fields.clock_out: …``."""
    try:
        parse_payload(kind, payload)
    except ValidationError as error:
        return readable(error, "payload")
    return None


def readable(error: ValidationError, root: str = "") -> str:
    """A validation error as ``where: what`` sentences, the way the server words them."""
    parts = []
    for item in error.errors():
        where = ".".join([root, *(str(p) for p in item["loc"])] if root else map(str, item["loc"]))
        parts.append(f"{where or 'body'}: {item['msg']}")
    return "; ".join(parts)
