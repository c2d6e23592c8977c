"""The names both sides of the wire spell the same way: op kinds, record types, fault kinds.

String enums, so a value is its wire text (``OpKind.NOTE_CREATE == "note.create"``) and a
dict keyed by one is looked up with the plain string from a JSON body.
"""

from __future__ import annotations

from enum import StrEnum


class RecordType(StrEnum):
    """A kind of synced record, as named in ops, pulled changes and conflicts."""

    CUSTOMER = "customer"
    JOB = "job"
    JOB_LINE_ITEM = "job_line_item"
    NOTE = "note"
    PHOTO = "photo"
    SIGNATURE = "signature"
    TIME_ENTRY = "time_entry"
    DOCUMENT = "document"


class OpKind(StrEnum):
    """A kind of change a device pushes; each has a payload model in :mod:`.ops`."""

    CUSTOMER_CREATE = "customer.create"
    CUSTOMER_UPDATE = "customer.update"
    JOB_SET_STATUS = "job.set_status"
    NOTE_CREATE = "note.create"
    TIME_ENTRY_CREATE = "time_entry.create"
    TIME_ENTRY_UPDATE = "time_entry.update"
    PHOTO_CREATE = "photo.create"
    SIGNATURE_CREATE = "signature.create"
    DOCUMENT_CREATE = "document.create"
    DOCUMENT_UPDATE = "document.update"
    DOCUMENT_SEND = "document.send"

    @property
    def record_type(self) -> RecordType:
        """The record type an op of this kind changes (the part before the dot)."""
        return RecordType(self.value.split(".", 1)[0])


class FaultKind(StrEnum):
    """A QA fault the server can inject (``POST /v1/admin/faults``)."""

    LATENCY = "latency"
    ERROR_500 = "error_500"
    ERROR_503 = "error_503"
    RATE_LIMIT = "rate_limit"
    DROP = "drop"
    DROP_AFTER_COMMIT = "drop_after_commit"
    HANG = "hang"
