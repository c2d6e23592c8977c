"""How a server record (as pulled, or as a push answer carries it) maps onto the cache's rows.

The server and the cache are separate schemas; this is the one place that knows which
server field lands in which column and how its JSON value becomes a Python value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table

from wb_desktop.core.domain.records import UploadState
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.protocol.kinds import RecordType
from wb_desktop.core.protocol.records import RecordBody, RecordBodyError, parse_record
from wb_desktop.core.store.models import (
    Customer,
    Document,
    Job,
    JobLineItem,
    Note,
    Photo,
    Signature,
    SyncedRecord,
    TimeEntry,
)
from wb_desktop.core.store.record_info import fields_changed_by


class RecordDataError(ValueError):
    """A server record that cannot be stored (wrong type of value, missing field)."""


@dataclass(frozen=True)
class RecordKind:
    record_type: RecordType
    model: type[SyncedRecord]
    fields: tuple[str, ...]  # server keys stored in columns of the same name
    renamed: Mapping[str, str] = field(default_factory=dict)  # server key → column
    media_sha_key: str | None = None  # the server key holding an attachment's hash

    @property
    def table(self) -> Table:
        return self.model.__table__  # type: ignore[attr-defined, no-any-return]

    def parse(self, data: object) -> RecordBody:
        """A record the server sent, read through its type's model in the wire contract."""
        try:
            return parse_record(self.record_type, data)
        except RecordBodyError as error:
            raise RecordDataError(str(error)) from None

    def columns_from(self, body: RecordBody) -> dict[str, Any]:
        """The record's fields as the cache's column values."""
        values: dict[str, Any] = {key: getattr(body, key) for key in self.fields}
        for key, column in self.renamed.items():
            values[column] = getattr(body, key)
        return values

    def media_sha256(self, body: RecordBody) -> str:
        """The hash naming an attachment's bytes (only for photos and signatures)."""
        assert self.media_sha_key is not None
        return str(getattr(body, self.media_sha_key))


KINDS: dict[RecordType, RecordKind] = {
    k.record_type: k
    for k in (
        RecordKind(RecordType.CUSTOMER, Customer, ("name", "phone", "email", "address", "notes")),
        RecordKind(
            RecordType.JOB,
            Job,
            (
                "title",
                "description",
                "address",
                "customer_id",
                "scheduled_start",
                "scheduled_end",
                "status",
                "status_changed_at",
            ),
            {"technician_id": "assigned_technician_id"},
        ),
        RecordKind(
            RecordType.JOB_LINE_ITEM,
            JobLineItem,
            ("job_id", "position", "description", "quantity", "unit_price", "vat_rate"),
        ),
        RecordKind(RecordType.NOTE, Note, ("job_id", "text", "author_id")),
        RecordKind(
            RecordType.PHOTO,
            Photo,
            (
                "job_id",
                "sha256",
                "content_type",
                "byte_size",
                "original_name",
                "width",
                "height",
                "taken_at",
            ),
            media_sha_key="sha256",
        ),
        RecordKind(
            RecordType.SIGNATURE,
            Signature,
            ("job_id", "signer_name", "strokes", "png_sha256", "byte_size", "captured_at"),
            media_sha_key="png_sha256",
        ),
        RecordKind(RecordType.TIME_ENTRY, TimeEntry, ("job_id", "clock_in", "clock_out", "note")),
        RecordKind(
            RecordType.DOCUMENT,
            Document,
            (
                "kind",
                "reference",
                "job_id",
                "customer_id",
                "currency",
                "subtotal",
                "vat_total",
                "total",
                "notes",
                "delivery_state",
                "sent_at",
                "converted_from_id",
            ),
        ),
    )
}
APPLY_ORDER = tuple(KINDS)  # parents before children, so foreign keys always hold
MEDIA_KINDS = {RecordType.PHOTO: "photos", RecordType.SIGNATURE: "signatures"}


fields_touched_by = fields_changed_by
"""Columns a pending op changes locally: a pull keeps their local values (rebase)."""


def synced_columns(body: RecordBody, version: int) -> dict[str, Any]:
    """The bookkeeping columns of a record the server has just confirmed."""
    return {
        "version": version,
        "sync_state": SyncState.SYNCED,
        "sync_error": None,
        "created_at": body.created_at,
        "updated_at": body.updated_at,
    }


def media_columns(kind: RecordKind, relative_path: str, byte_size: int) -> dict[str, Any]:
    """Local-only columns of a pulled attachment: where its bytes are, and that it is uploaded."""
    path_column = "stored_path" if kind.record_type == RecordType.PHOTO else "png_path"
    return {
        path_column: relative_path,
        "upload_state": UploadState.UPLOADED,
        "uploaded_bytes": byte_size,
    }
