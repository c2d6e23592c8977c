"""What the schedule and the job page read: plain rows, so the views never hold ORM objects.

A job's sync badge sums up the job and everything recorded on it (notes, photos, the
signature, time entries, documents): the technician asks "has the office got this job as
I left it?", not "has the job row synced?".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import Select, case, func, literal, select, union_all
from sqlalchemy.orm import Session

from wb_desktop.core.domain.records import UploadState
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.models import (
    Customer,
    Document,
    Job,
    JobLineItem,
    Note,
    Photo,
    Signature,
    TimeEntry,
)


class JobBadge(StrEnum):
    """A job's sync badge, worst first."""

    CONFLICT = "conflict"
    FAILED = "failed"
    WAITING = "waiting"  # something on the job is local only or not yet synced
    SYNCED = "synced"


_BADGE_RANK = {
    SyncState.CONFLICT: 0,
    SyncState.FAILED: 1,
    SyncState.LOCAL_ONLY: 2,
    SyncState.PENDING: 2,
}
_RANK_BADGE = {0: JobBadge.CONFLICT, 1: JobBadge.FAILED, 2: JobBadge.WAITING}


@dataclass(frozen=True)
class ScheduleRow:
    job_id: str
    title: str
    customer_name: str
    address: str
    start: datetime
    end: datetime
    status: JobStatus
    badge: JobBadge


@dataclass(frozen=True)
class LineRow:
    description: str
    quantity: Decimal
    unit_price: Decimal
    vat_rate: Decimal


@dataclass(frozen=True)
class NoteRow:
    note_id: str
    text: str
    created_at: datetime
    sync_state: SyncState


@dataclass(frozen=True)
class JobDetail:
    row: ScheduleRow
    description: str
    customer_id: str
    customer_phone: str
    customer_email: str
    customer_address: str
    customer_notes: str
    status_changed_at: datetime | None
    job_sync_state: SyncState
    lines: list[LineRow]
    notes: list[NoteRow]
    signer_name: str | None
    signed_at: datetime | None
    signature_path: str | None


def _day_bounds(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min, tzinfo=zone)
    return start, datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)


def _for_technician(query: Select, technician_id: str | None) -> Select:  # type: ignore[type-arg]
    if technician_id is None:
        return query.where(Job.assigned_technician_id.is_not(None))
    return query.where(Job.assigned_technician_id == technician_id)


def _row_query() -> Select:  # type: ignore[type-arg]
    return select(
        Job.id,
        Job.title,
        Customer.name,
        Job.address,
        Job.scheduled_start,
        Job.scheduled_end,
        Job.status,
        Job.sync_state,
    ).join(Customer, Customer.id == Job.customer_id)


def schedule_rows(
    session: Session, technician_id: str | None, day: date, zone: tzinfo
) -> list[ScheduleRow]:
    """The technician's jobs on one local day by start time, each with its sync badge."""
    start, end = _day_bounds(day, zone)
    query = _row_query().where(Job.scheduled_start >= start, Job.scheduled_start < end)
    found = session.execute(
        _for_technician(query, technician_id).order_by(Job.scheduled_start, Job.id)
    ).all()
    badges = job_badges(session, [row[0] for row in found])
    return [_schedule_row(row, badges[row[0]]) for row in found]


def _schedule_row(row: Sequence[object], badge: JobBadge) -> ScheduleRow:
    job_id, title, customer, address, start, end, status, _state = row
    return ScheduleRow(
        str(job_id),
        str(title),
        str(customer),
        str(address),
        start,  # type: ignore[arg-type]
        end,  # type: ignore[arg-type]
        JobStatus(status),
        badge,
    )


def job_badges(session: Session, job_ids: list[str]) -> dict[str, JobBadge]:
    """The worst sync state over each job and what hangs on it; SYNCED when all is synced,
    which includes the bytes of its photos and signature (else the card says Synced while
    the status bar counts a photo waiting).

    One grouped query: the database ranks and keeps the worst state per job, so a day with
    thousands of unsynced notes costs one row per job, not one per note.
    """
    badges = dict.fromkeys(job_ids, JobBadge.SYNCED)
    if not job_ids:
        return badges
    unsynced = [state.value for state in _BADGE_RANK]
    parts = []
    for model in (Job, Note, Photo, Signature, TimeEntry, Document):
        column = model.id if model is Job else model.job_id
        parts.append(
            select(column.label("job_id"), model.sync_state.label("state"))
            .where(column.in_(job_ids), model.sync_state.in_(unsynced))
            .distinct()
        )
    for media in (Photo, Signature):  # synced as a record, but the bytes still wait
        parts.append(
            select(media.job_id.label("job_id"), literal(SyncState.PENDING.value).label("state"))
            .where(
                media.job_id.in_(job_ids),
                media.upload_state != UploadState.UPLOADED,
                media.sync_state == SyncState.SYNCED,
            )
            .distinct()
        )
    states = union_all(*parts).subquery()
    rank = case(
        *((states.c.state == state.value, value) for state, value in _BADGE_RANK.items()),
        else_=len(_RANK_BADGE),
    )
    worst = select(states.c.job_id, func.min(rank)).group_by(states.c.job_id)
    for job_id, best_rank in session.execute(worst):
        badges[job_id] = _RANK_BADGE[best_rank]
    return badges


def days_with_jobs(
    session: Session, technician_id: str | None, around: date, zone: tzinfo, span_days: int = 14
) -> dict[date, int]:
    """How many jobs each local day holds within ``span_days`` of ``around`` (for the day
    picker); counted in Python because SQLite cannot shift into an arbitrary zone."""
    start, _ = _day_bounds(around - timedelta(days=span_days), zone)
    _, end = _day_bounds(around + timedelta(days=span_days), zone)
    query = select(Job.scheduled_start).where(
        Job.scheduled_start >= start, Job.scheduled_start < end
    )
    counts: dict[date, int] = {}
    for (moment,) in session.execute(_for_technician(query, technician_id)):
        local_day = moment.astimezone(zone).date()
        counts[local_day] = counts.get(local_day, 0) + 1
    return counts


def job_detail(session: Session, job_id: str) -> JobDetail | None:
    """Everything the job page shows about one job, or None when it is not in the cache
    (reassigned or removed by the office since the page opened)."""
    job = session.get(Job, job_id)
    if job is None:
        return None
    customer = session.get(Customer, job.customer_id)
    badge = job_badges(session, [job.id])[job.id]
    row = ScheduleRow(
        job.id,
        job.title,
        customer.name if customer else "",
        job.address,
        job.scheduled_start,
        job.scheduled_end,
        job.status,
        badge,
    )
    lines = [
        LineRow(line.description, line.quantity, line.unit_price, line.vat_rate)
        for line in session.scalars(
            select(JobLineItem).where(JobLineItem.job_id == job.id).order_by(JobLineItem.position)
        )
    ]
    notes = [
        NoteRow(note.id, note.text, note.created_at, note.sync_state)
        for note in session.scalars(
            select(Note).where(Note.job_id == job.id).order_by(Note.created_at, Note.id)
        )
    ]
    signature = session.scalars(
        select(Signature)
        .where(Signature.job_id == job.id)
        .order_by(Signature.captured_at.desc())
        .limit(1)
    ).first()
    return JobDetail(
        row=row,
        description=job.description,
        customer_id=job.customer_id,
        customer_phone=customer.phone if customer else "",
        customer_email=customer.email if customer else "",
        customer_address=customer.address if customer else "",
        customer_notes=customer.notes if customer else "",
        status_changed_at=job.status_changed_at,
        job_sync_state=job.sync_state,
        lines=lines,
        notes=notes,
        signer_name=signature.signer_name if signature else None,
        signed_at=signature.captured_at if signature else None,
        signature_path=signature.png_path if signature else None,
    )


def count_jobs(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Job)) or 0


def job_caption(session: Session, job_id: str) -> str:
    """ "Boiler service — Karin Lund", so the customer sees what they sign for ("" if gone)."""
    job = session.get(Job, job_id)
    if job is None:
        return ""
    customer = session.get(Customer, job.customer_id)
    return f"{job.title} — {customer.name}" if customer else job.title
