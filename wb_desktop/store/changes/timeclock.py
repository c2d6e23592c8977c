"""Clocking in and out, for the day or for one job."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from wb_desktop.domain.errors import StateError, ValidationError
from wb_desktop.domain.records import clean_text
from wb_desktop.domain.status import is_open
from wb_desktop.store.changes.core import Change, ChangeReceipt, WritePath, load, new_record, touch
from wb_desktop.store.models import Job, TimeEntry
from wb_desktop.store.outbox import OpSpec

RECORD = "time_entry"
MAX_ENTRY_NOTE = 1000


def open_entry(session: Session) -> TimeEntry | None:
    return session.scalars(
        select(TimeEntry).where(TimeEntry.clock_out.is_(None)).order_by(TimeEntry.clock_in)
    ).first()


class TimeClockChanges:
    def __init__(self, write_path: WritePath) -> None:
        self._write = write_path

    def clock_in(self, job_id: str | None = None, note: str = "") -> ChangeReceipt:
        clean_note = clean_text(note, "note", MAX_ENTRY_NOTE)

        def mutate(session: Session, now: datetime) -> Change:
            current = open_entry(session)
            if current is not None:
                since = current.clock_in.strftime("%H:%M UTC")
                raise StateError(f"Already clocked in since {since}; clock out first.")
            if job_id is not None:
                job = load(session, Job, job_id, "job")
                if not is_open(job.status):
                    raise StateError(
                        f"Cannot clock in on job '{job.title}': it is {job.status.value}."
                    )
            entry = new_record(TimeEntry, now, job_id=job_id, clock_in=now, note=clean_note)
            session.add(entry)
            parents = (("job", job_id),) if job_id else ()
            spec = OpSpec(
                "time_entry.create",
                RECORD,
                entry.id,
                {"job_id": job_id, "clock_in": now, "note": entry.note},
                parents=parents,
            )
            return Change(RECORD, entry.id, spec)

        return self._write.write(mutate)

    def clock_out(self) -> ChangeReceipt:
        def mutate(session: Session, now: datetime) -> Change:
            entry = open_entry(session)
            if entry is None:
                raise StateError("Not clocked in, so there is nothing to clock out of.")
            if now < entry.clock_in:
                raise ValidationError.single(
                    "clock_out", "is before the clock-in time; check the device clock"
                )
            entry.clock_out = now
            touch(entry, now)
            spec = OpSpec(
                "time_entry.update",
                RECORD,
                entry.id,
                {"fields": {"clock_out": now}},
                base_version=entry.version,
            )
            return Change(RECORD, entry.id, spec)

        return self._write.write(mutate)
