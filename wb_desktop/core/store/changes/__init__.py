"""The one write path, grouped by what the technician changes."""

from __future__ import annotations

from wb_desktop.core.store.changes.core import ChangeReceipt, WritePath
from wb_desktop.core.store.changes.customers import CustomerChanges
from wb_desktop.core.store.changes.documents import DocumentChanges
from wb_desktop.core.store.changes.jobs import JobChanges
from wb_desktop.core.store.changes.media import MediaChanges
from wb_desktop.core.store.changes.notice import Changes
from wb_desktop.core.store.changes.positions import PositionChanges
from wb_desktop.core.store.changes.timeclock import TimeClockChanges


class LocalChanges:
    """Every local change the app can make, each validated and committed with its op."""

    def __init__(self, write_path: WritePath, technician_id: str | None = None) -> None:
        self.write_path = write_path
        self.customers = CustomerChanges(write_path)
        self.jobs = JobChanges(write_path, technician_id)
        self.media = MediaChanges(write_path)
        self.time = TimeClockChanges(write_path)
        self.documents = DocumentChanges(write_path)
        self.positions = PositionChanges(write_path)


__all__ = ["ChangeReceipt", "Changes", "LocalChanges", "WritePath"]
