"""GPS pings in the cache: recorded directly, sent later by the sync engine.

A ping is a measurement, not a record anyone edits: it has no version, no conflicts and no
outbox op. It is inserted as it is and :class:`wb_desktop.core.sync.locations.LocationSender`
sends every row whose ``sent_at`` is empty, oldest first.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wb_desktop.core.domain.route import HOME_BASE, GeoPoint, Route, Visit, plan_route
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.store.database import Database
from wb_desktop.core.store.job_views import schedule_rows
from wb_desktop.core.store.models import Job, LocationPing


def record_ping(
    database: Database,
    *,
    recorded_at: datetime,
    latitude: float,
    longitude: float,
    accuracy_m: float | None,
    job_id: str | None,
) -> str:
    """Insert one unsent ping and return its id.

    A job a pull removed a moment ago is dropped from the ping rather than failing it:
    the position is what matters, and a missing job would break the foreign key."""
    ping_id = str(uuid.uuid4())
    with database.writer() as session, session.begin():
        if job_id is not None and session.get(Job, job_id) is None:
            job_id = None
        session.add(
            LocationPing(
                id=ping_id,
                recorded_at=recorded_at,
                latitude=latitude,
                longitude=longitude,
                accuracy_m=accuracy_m,
                job_id=job_id,
                sent_at=None,
            )
        )
    return ping_id


def unsent_count(session: Session) -> int:
    query = select(func.count()).select_from(LocationPing)
    return session.scalar(query.where(LocationPing.sent_at.is_(None))) or 0


@dataclass(frozen=True)
class TrackedDay:
    """What the GPS simulation needs from the cache for one local day."""

    route: Route
    working_job_id: str | None  # the first of today's jobs in progress, if any


def tracked_day(
    session: Session,
    technician_id: str | None,
    day: date,
    zone: tzinfo,
    home: GeoPoint = HOME_BASE,
) -> TrackedDay:
    """The day's route through its jobs in start order; cancelled jobs are not visited."""
    rows = schedule_rows(session, technician_id, day, zone)
    visits = [
        Visit(row.job_id, row.address, row.start, row.end)
        for row in rows
        if row.status is not JobStatus.CANCELLED
    ]
    working = next((row.job_id for row in rows if row.status is JobStatus.IN_PROGRESS), None)
    return TrackedDay(plan_route(visits, home), working)
