"""Read-only questions the time clock asks of the cache.

Answers are frozen values, not ORM rows, so a view may keep them after the session closes
and work out running durations on each timer tick without asking the database again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from wb_desktop.core.domain.status import JobStatus, is_open
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.changes.timeclock import open_entries
from wb_desktop.core.store.models import Job, TimeEntry


@dataclass(frozen=True)
class TimeEntryView:
    """One time entry as the screens show it; ``job_title`` is None for a day entry."""

    id: str
    job_id: str | None
    job_title: str | None
    clock_in: datetime
    clock_out: datetime | None
    sync_state: SyncState
    sync_error: str | None
    note: str

    @property
    def running(self) -> bool:
        return self.clock_out is None

    def worked(self, now: datetime) -> timedelta:
        """Time on the clock, up to ``now`` while running (never negative if the clock jumps)."""
        end = self.clock_out or now
        return max(end - self.clock_in, timedelta(0))


@dataclass(frozen=True)
class OpenTimeEntries:
    day: TimeEntryView | None
    job: TimeEntryView | None


@dataclass(frozen=True)
class JobTime:
    """What a job's time controls need: may it be clocked, what runs, what is logged."""

    job_id: str
    title: str
    status: JobStatus
    open_entry: TimeEntryView | None  # the running entry on this job
    other_job_entry: TimeEntryView | None  # a running entry on another job
    closed_total: timedelta  # finished entries only; add open_entry.worked(now) for the total

    @property
    def can_clock_in(self) -> bool:
        return is_open(self.status)

    def total(self, now: datetime) -> timedelta:
        running = self.open_entry.worked(now) if self.open_entry else timedelta(0)
        return self.closed_total + running


def _entries_query() -> Select[tuple[TimeEntry, str | None]]:
    return (
        select(TimeEntry, Job.title)
        .outerjoin(Job, Job.id == TimeEntry.job_id)
        .order_by(TimeEntry.clock_in, TimeEntry.job_id.is_not(None), TimeEntry.id)
    )


def _view(entry: TimeEntry, title: str | None) -> TimeEntryView:
    return TimeEntryView(
        id=entry.id,
        job_id=entry.job_id,
        job_title=title,
        clock_in=entry.clock_in,
        clock_out=entry.clock_out,
        sync_state=entry.sync_state,
        sync_error=entry.sync_error,
        note=entry.note,
    )


def _title(session: Session, job_id: str | None) -> str | None:
    return None if job_id is None else session.scalar(select(Job.title).where(Job.id == job_id))


def time_entry(session: Session, entry_id: str) -> TimeEntryView | None:
    row = session.execute(_entries_query().where(TimeEntry.id == entry_id)).first()
    return None if row is None else _view(*row)


def open_time_entries(session: Session) -> OpenTimeEntries:
    current = open_entries(session)
    return OpenTimeEntries(
        day=None if current.day is None else _view(current.day, None),
        job=None
        if current.job is None
        else _view(current.job, _title(session, current.job.job_id)),
    )


def day_bounds(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """Local midnight to the next local midnight (23 or 25 hours on a DST change)."""
    start = datetime.combine(day, time.min, tzinfo=zone)
    return start, datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)


def entries_for_day(session: Session, day: date, zone: tzinfo) -> list[TimeEntryView]:
    """Entries overlapping one local day, so a night shift or a forgotten clock-out shows."""
    start, end = day_bounds(day, zone)
    query = _entries_query().where(
        TimeEntry.clock_in < end,
        (TimeEntry.clock_out.is_(None)) | (TimeEntry.clock_out > start),
    )
    return [_view(entry, title) for entry, title in session.execute(query)]


def worked_per_job(
    session: Session, now: datetime, job_ids: Iterable[str] | None = None
) -> dict[str, timedelta]:
    """Total time logged on each job (all entries, running ones up to ``now``)."""
    query = select(TimeEntry.job_id, TimeEntry.clock_in, TimeEntry.clock_out)
    query = query.where(TimeEntry.job_id.is_not(None))
    if job_ids is not None:
        query = query.where(TimeEntry.job_id.in_(list(job_ids)))
    totals: dict[str, timedelta] = {}
    for job_id, clock_in, clock_out in session.execute(query):
        worked = max((clock_out or now) - clock_in, timedelta(0))
        totals[job_id] = totals.get(job_id, timedelta(0)) + worked
    return totals


def job_time(session: Session, job_id: str) -> JobTime | None:
    """The time-clock state of one job, or None if the job is not in the cache."""
    job = session.get(Job, job_id)
    if job is None:
        return None
    closed = select(TimeEntry.clock_in, TimeEntry.clock_out).where(
        TimeEntry.job_id == job_id, TimeEntry.clock_out.is_not(None)
    )
    closed_total = sum(
        (
            max(clock_out - clock_in, timedelta(0))
            for clock_in, clock_out in session.execute(closed)
        ),
        timedelta(0),
    )
    on_job = session.scalars(
        select(TimeEntry)
        .where(TimeEntry.job_id == job_id, TimeEntry.clock_out.is_(None))
        .order_by(TimeEntry.clock_in, TimeEntry.id)
    ).first()
    running = open_time_entries(session).job
    return JobTime(
        job_id=job.id,
        title=job.title,
        status=job.status,
        open_entry=None if on_job is None else _view(on_job, job.title),
        other_job_entry=running if running is not None and running.job_id != job_id else None,
        closed_total=closed_total,
    )


def worked_within(
    entries: Iterable[TimeEntryView], start: datetime, end: datetime, now: datetime
) -> timedelta:
    """Time covered by any entry between ``start`` and ``end``; overlapping day and job
    entries count once, so job time inside the day is not added twice."""
    spans = sorted(
        (max(entry.clock_in, start), min(entry.clock_out or now, end)) for entry in entries
    )
    total = timedelta(0)
    covered_until: datetime | None = None
    for span_start, span_end in spans:
        if covered_until is not None:
            span_start = max(span_start, covered_until)
        if span_end > span_start:
            total += span_end - span_start
            covered_until = span_end
    return total
