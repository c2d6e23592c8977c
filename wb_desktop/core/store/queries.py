"""Read-only questions the screens ask of the cache."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wb_desktop.core.store.models import Customer, Job
from wb_desktop.core.store.outbox import pending_count


@dataclass(frozen=True)
class CacheSummary:
    jobs: int
    customers: int
    waiting_to_sync: int


def cache_summary(session: Session) -> CacheSummary:
    return CacheSummary(
        jobs=session.scalar(select(func.count()).select_from(Job)) or 0,
        customers=session.scalar(select(func.count()).select_from(Customer)) or 0,
        waiting_to_sync=pending_count(session),
    )


def day_schedule(session: Session, technician_id: str | None, day: date, zone: tzinfo) -> list[Job]:
    """A technician's jobs on one local day, by start time (a reassigned job is not shown)."""
    start = datetime.combine(day, time.min, tzinfo=zone)
    end = start + timedelta(days=1)
    query = select(Job).where(Job.scheduled_start >= start, Job.scheduled_start < end)
    if technician_id is None:
        query = query.where(Job.assigned_technician_id.is_not(None))
    else:
        query = query.where(Job.assigned_technician_id == technician_id)
    return list(session.scalars(query.order_by(Job.scheduled_start, Job.id)))
