"""Time clock entries: for the day or for one job."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from wb_desktop.core.persistence.column_types import UTCDateTime
from wb_desktop.core.store.models.base import Base, SyncedRecord


class TimeEntry(SyncedRecord, Base):
    """An open entry has no ``clock_out``; the write path allows at most one open day entry
    (no job) and one open job entry at a time."""

    __tablename__ = "time_entries"

    job_id: Mapped[str | None] = mapped_column(ForeignKey("jobs.id"), index=True)
    clock_in: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    clock_out: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
