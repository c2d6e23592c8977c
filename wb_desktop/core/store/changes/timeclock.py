"""Clocking in and out, for the day or for one job.

A technician clocks in for the day and, within it, on the job in hand; so at most one *day*
entry (no job) and at most one *job* entry may be open at a time. The server accepts
overlapping entries, so the ops stay one create and one update per entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from wb_desktop.core.domain.errors import StateError, ValidationError
from wb_desktop.core.domain.records import clean_text
from wb_desktop.core.domain.status import JobStatus, is_open
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.store.changes.core import (
    Change,
    ChangeReceipt,
    WritePath,
    load,
    new_record,
    touch,
)
from wb_desktop.core.store.changes.notice import Changes
from wb_desktop.core.store.models import Job, TimeEntry
from wb_desktop.core.store.outbox import OpSpec, Outbox

RECORD = "time_entry"
MAX_ENTRY_NOTE = 1000
# Whole sentences per closed status, so each reads naturally once translated.
_CLOSED_JOB = {
    JobStatus.COMPLETE: QT_TRANSLATE_NOOP("Domain", "Cannot clock in on job '%1': it is complete."),
    JobStatus.CANCELLED: QT_TRANSLATE_NOOP(
        "Domain", "Cannot clock in on job '%1': it is cancelled."
    ),
}
_CLOSED_JOB_OTHER = QT_TRANSLATE_NOOP("Domain", "Cannot clock in on job '%1': it is %2.")
_ALREADY_IN = QT_TRANSLATE_NOOP("Domain", "Already clocked in %1 since %2; clock out of it first.")
_JOB_AND_DAY = QT_TRANSLATE_NOOP("Domain", "give a job or the day to clock out of, not both")
_OUT_BEFORE_IN = QT_TRANSLATE_NOOP(
    "Domain", "the clock-out time is before the clock-in time; check the device clock"
)
_NOT_IN_FOR_DAY = QT_TRANSLATE_NOOP(
    "Domain", "Not clocked in for the day, so there is nothing to clock out of."
)
_NOT_IN = QT_TRANSLATE_NOOP("Domain", "Not clocked in, so there is nothing to clock out of.")
_NOT_IN_ON_JOB = QT_TRANSLATE_NOOP(
    "Domain", "Not clocked in on '%1', so there is nothing to clock out of."
)
_OTHER_JOB_OPEN = QT_TRANSLATE_NOOP("Domain", "Not clocked in on '%1': the open job entry is %2.")


@dataclass(frozen=True)
class OpenEntries:
    """The open day entry and the open job entry; either may be missing."""

    day: TimeEntry | None
    job: TimeEntry | None

    @property
    def any(self) -> TimeEntry | None:
        """The one to close when the caller does not say: the job entry comes first."""
        return self.job or self.day


def open_entry(session: Session) -> TimeEntry | None:
    """The earliest open entry of either kind (for callers that predate day and job entries)."""
    return session.scalars(
        select(TimeEntry).where(TimeEntry.clock_out.is_(None)).order_by(TimeEntry.clock_in)
    ).first()


def open_entries(session: Session) -> OpenEntries:
    """The earliest open entry of each kind; a pull may bring more, the write path never does."""
    query = select(TimeEntry).where(TimeEntry.clock_out.is_(None))
    query = query.order_by(TimeEntry.clock_in, TimeEntry.id)
    day = session.scalars(query.where(TimeEntry.job_id.is_(None))).first()
    job = session.scalars(query.where(TimeEntry.job_id.is_not(None))).first()
    return OpenEntries(day=day, job=job)


def describe_entry(session: Session, entry: TimeEntry) -> Text:
    """How a message names an entry: "on 'Boiler service'" or "for the day"."""
    if entry.job_id is None:
        return Text(QT_TRANSLATE_NOOP("Domain", "for the day"))
    job = session.get(Job, entry.job_id)
    if job is None:
        return Text(QT_TRANSLATE_NOOP("Domain", "on a job"))
    return Text(QT_TRANSLATE_NOOP("Domain", "on '%1'"), job.title)


def closed_job_refusal(job: Job) -> Text:
    """Why no time can start on a job that is no longer open."""
    template = _CLOSED_JOB.get(job.status)
    if template is None:
        return Text(_CLOSED_JOB_OTHER, job.title, job.status.value)
    return Text(template, job.title)


def stop_job_timers(session: Session, job_id: str, now: datetime) -> tuple[Change, ...]:
    """The domain rule "no time runs on a job that is closed": close every open entry on
    ``job_id`` at ``now`` and hand back the changes whose ops the caller queues in the same
    transaction. Called when the job is completed here (:meth:`JobChanges.set_status`) and
    when the office cancels or reassigns it (:func:`stop_timers_the_office_ended`)."""
    running = session.scalars(
        select(TimeEntry)
        .where(TimeEntry.job_id == job_id, TimeEntry.clock_out.is_(None))
        .order_by(TimeEntry.clock_in, TimeEntry.id)
    ).all()
    return tuple(_close(entry, now) for entry in running)


def _close(entry: TimeEntry, now: datetime) -> Change:
    """Close an entry at ``now`` (at its start if the device clock went back meanwhile)."""
    entry.clock_out = max(now, entry.clock_in)
    touch(entry, now)
    spec = OpSpec(
        "time_entry.update",
        RECORD,
        entry.id,
        {"fields": {"clock_out": entry.clock_out}},
        base_version=entry.version,
    )
    return Change(RECORD, entry.id, spec, entry.job_id)


def stop_timers_the_office_ended(
    session: Session, outbox: Outbox, ended_job_ids: set[str], now: datetime
) -> list[str]:
    """Close the running entries on jobs a pull just ended, queueing their ops; returns the
    closed entries' ids.

    ``ended_job_ids`` are the jobs the page took away from this technician (a tombstone: the
    office reassigned them) or delivered closed (cancelled, or completed by the office).
    The entry closes at the moment the device *learns* of it, in the pull's own transaction:
    the device cannot know when the office pressed the button (its clock is not ours), time
    worked until the news arrived was really worked, and closing it here, as a local change
    with its op, is what makes the office's copy of the entry stop too. No quota check: the
    op is a few bytes, and refusing it would stop the pull for good.
    """
    closed: list[str] = []
    for job_id in sorted(ended_job_ids):
        for change in stop_job_timers(session, job_id, now):
            assert change.spec is not None
            outbox.enqueue(session, change.spec, now)
            closed.append(change.record_id)
    return closed


def clock_time(moment: datetime, zone: tzinfo | None) -> str:
    """A clock time for a message: local when the caller knows the zone, else marked UTC."""
    if zone is None:
        return moment.strftime("%H:%M UTC")
    return moment.astimezone(zone).strftime("%H:%M")


@dataclass(frozen=True)
class Punch:
    """What one press of a clock button did: its writes in order, and the running job entry
    it stopped on the way (the technician is told "Stopped 'X' at 10:02")."""

    receipts: tuple[ChangeReceipt, ...]
    stopped_entry_id: str | None = None

    def changes(self, initiator: object | None = None) -> Changes:
        return Changes.merged((receipt.changes() for receipt in self.receipts), initiator)


class TimeClockChanges:
    def __init__(self, write_path: WritePath) -> None:
        self._write = write_path

    def toggle_day(self, zone: tzinfo | None = None) -> Punch:
        """The day button: clock in for the day, or out of it (stopping a running job first)."""
        day_open, running = self._running()
        if not day_open:
            return Punch((self.clock_in(zone=zone),))
        stopped = self.clock_out(running[1]) if running else None
        closed = self.clock_out(day=True)
        return Punch(tuple(r for r in (stopped, closed) if r), running[0] if running else None)

    def toggle_job(self, job_id: str, zone: tzinfo | None = None) -> Punch:
        """A job's button: stop work on it, or start it (stopping work on another job first)."""
        _day_open, running = self._running()
        if running and running[1] == job_id:
            return Punch((self.clock_out(job_id),))
        stopped = self.clock_out(running[1]) if running else None
        started = self.clock_in(job_id, zone=zone)
        return Punch(tuple(r for r in (stopped, started) if r), running[0] if running else None)

    def _running(self) -> tuple[bool, tuple[str, str] | None]:
        """Whether the day is clocked in, and the running job entry as (entry id, job id)."""
        with self._write.database.reader() as session:
            current = open_entries(session)
            job = current.job
            return current.day is not None, (job.id, job.job_id) if job and job.job_id else None

    def clock_in(
        self, job_id: str | None = None, note: str = "", *, zone: tzinfo | None = None
    ) -> ChangeReceipt:
        """Open a day entry (no ``job_id``) or a job entry; ``zone`` only words the refusal."""
        clean_note = clean_text(note, "note", MAX_ENTRY_NOTE)

        def mutate(session: Session, now: datetime) -> Change:
            current = open_entries(session)
            same_kind = current.day if job_id is None else current.job
            if same_kind is not None:
                where = describe_entry(session, same_kind)
                raise StateError(Text(_ALREADY_IN, where, clock_time(same_kind.clock_in, zone)))
            if job_id is not None:
                job = load(session, Job, job_id, "job")
                if not is_open(job.status):
                    raise StateError(closed_job_refusal(job))
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
            return Change(RECORD, entry.id, spec, job_id)

        return self._write.write(mutate)

    def clock_out(self, job_id: str | None = None, *, day: bool = False) -> ChangeReceipt:
        """Close an open entry: the one on ``job_id``, the day entry (``day=True``), or, with
        neither, the job entry if one is open and else the day entry.

        A job that was completed while clocked in can still be clocked out of.
        """
        if day and job_id is not None:
            raise ValidationError.single("job_id", Text(_JOB_AND_DAY))

        def mutate(session: Session, now: datetime) -> Change:
            entry = self._entry_to_close(session, job_id, day=day)
            if now < entry.clock_in:
                raise ValidationError.single("clock_out", Text(_OUT_BEFORE_IN))
            entry.clock_out = now
            touch(entry, now)
            spec = OpSpec(
                "time_entry.update",
                RECORD,
                entry.id,
                {"fields": {"clock_out": now}},
                base_version=entry.version,
            )
            return Change(RECORD, entry.id, spec, entry.job_id)

        return self._write.write(mutate)

    @staticmethod
    def _entry_to_close(session: Session, job_id: str | None, *, day: bool) -> TimeEntry:
        current = open_entries(session)
        if day:
            if current.day is None:
                raise StateError(Text(_NOT_IN_FOR_DAY))
            return current.day
        if job_id is None:
            if current.any is None:
                raise StateError(Text(_NOT_IN))
            return current.any
        job = load(session, Job, job_id, "job")
        on_job = session.scalars(
            select(TimeEntry)
            .where(TimeEntry.job_id == job_id, TimeEntry.clock_out.is_(None))
            .order_by(TimeEntry.clock_in, TimeEntry.id)
        ).first()
        if on_job is not None:
            return on_job
        if current.job is None:
            raise StateError(Text(_NOT_IN_ON_JOB, job.title))
        raise StateError(Text(_OTHER_JOB_OPEN, job.title, describe_entry(session, current.job)))
