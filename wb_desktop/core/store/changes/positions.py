"""The van's position while online: one ping per tick, at the simulated point on the day's
route. A ping is not an outbox op (the sync engine sends every unsent ping), so it concerns
no view; it runs on the op runner's write worker like every other write."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from sqlalchemy.exc import DBAPIError

from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.core.domain.route import HOME_BASE, Fix, GeoPoint, position_at
from wb_desktop.core.store.changes.core import WritePath
from wb_desktop.core.store.changes.notice import Changes
from wb_desktop.core.store.locations import record_ping, tracked_day


class PingSkippedError(WorkBossError):
    """The cache did not take a ping (busy or locked); the next tick simply tries again."""

    def __init__(self) -> None:
        super().__init__("a GPS ping was skipped: the cache did not take it")


@dataclass(frozen=True)
class RecordedPosition:
    ping_id: str
    fix: Fix

    def changes(self, initiator: object | None = None) -> Changes:
        return Changes(initiator=initiator)  # nothing a view shows


class PositionChanges:
    def __init__(self, write_path: WritePath) -> None:
        self._write = write_path

    def record(
        self,
        technician_id: str | None,
        day: date,
        zone: tzinfo,
        now: datetime,
        home: GeoPoint = HOME_BASE,
    ) -> RecordedPosition:
        """Record where the route puts the technician at ``now``, naming the job in hand."""
        database = self._write.database
        try:
            with database.reader() as session:
                tracked = tracked_day(session, technician_id, day, zone, home)
            fix = position_at(tracked.route, now)
            ping_id = record_ping(
                database,
                recorded_at=now,
                latitude=fix.latitude,
                longitude=fix.longitude,
                accuracy_m=fix.accuracy_m,
                job_id=tracked.working_job_id,
            )
        except DBAPIError as error:
            raise PingSkippedError() from error
        return RecordedPosition(ping_id, fix)
