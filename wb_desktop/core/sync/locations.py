"""GPS pings: recorded locally whatever the connection, sent when the server answers.

Offline the pings simply wait (the indicator shows GPS paused); the next successful step
sends them in order, oldest first. The server stores each ping id once, so a resend after a
lost reply stores nothing twice.
"""

from __future__ import annotations

from sqlalchemy import select, update

from wb_desktop.core.domain.clock import Clock
from wb_desktop.core.protocol.locations import PingIn
from wb_desktop.core.store.database import Database
from wb_desktop.core.store.models import LocationPing
from wb_desktop.core.sync.protocol_client import SyncApi

PINGS_PER_REQUEST = 500


class LocationSender:
    def __init__(self, api: SyncApi, database: Database, clock: Clock) -> None:
        self.api = api
        self.database = database
        self.clock = clock

    def unsent(self) -> int:
        with self.database.reader() as session:
            return len(
                session.scalars(select(LocationPing.id).where(LocationPing.sent_at.is_(None))).all()
            )

    def send_all(self) -> int:
        sent = 0
        while True:
            with self.database.reader() as session:
                pings = list(
                    session.scalars(
                        select(LocationPing)
                        .where(LocationPing.sent_at.is_(None))
                        .order_by(LocationPing.recorded_at)
                        .limit(PINGS_PER_REQUEST)
                    )
                )
                wire = [
                    PingIn.model_construct(
                        id=p.id,
                        recorded_at=p.recorded_at,
                        latitude=p.latitude,
                        longitude=p.longitude,
                        accuracy_m=p.accuracy_m,
                        job_id=p.job_id,
                    )
                    for p in pings
                ]
            if not wire:
                return sent
            self.api.send_locations(wire)
            with self.database.writer() as session, session.begin():
                session.execute(
                    update(LocationPing)
                    .where(LocationPing.id.in_([p.id for p in wire]))
                    .values(sent_at=self.clock.now())
                )
            sent += len(wire)
