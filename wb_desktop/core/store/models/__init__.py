"""Every table of the local cache; importing this package registers them on ``Base.metadata``."""

from wb_desktop.core.store.models.base import Base, SyncedRecord
from wb_desktop.core.store.models.billing import Document, DocumentLine, Payment
from wb_desktop.core.store.models.location import LocationPing
from wb_desktop.core.store.models.media import MediaFile, Photo, Signature, StorageTotals
from wb_desktop.core.store.models.profile import Device, TechnicianProfile
from wb_desktop.core.store.models.sync import (
    POLICY,
    ConflictRecord,
    OpResult,
    OutboxDependency,
    OutboxOp,
    OutboxState,
    PullCursor,
    SyncLogEntry,
)
from wb_desktop.core.store.models.time_entries import TimeEntry
from wb_desktop.core.store.models.work import Customer, Job, JobLineItem, Note

__all__ = [
    "POLICY",
    "Base",
    "ConflictRecord",
    "Customer",
    "Device",
    "Document",
    "DocumentLine",
    "Job",
    "JobLineItem",
    "LocationPing",
    "MediaFile",
    "Note",
    "OpResult",
    "OutboxDependency",
    "OutboxOp",
    "OutboxState",
    "Payment",
    "Photo",
    "PullCursor",
    "Signature",
    "StorageTotals",
    "SyncLogEntry",
    "SyncedRecord",
    "TechnicianProfile",
    "TimeEntry",
]
