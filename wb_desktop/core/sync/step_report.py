"""What a sync step reports, and the outbox and attachments as the indicator counts them.

The engine fills these; the sync service, the status bar, the console and the scenario
checks read them, so they live apart from the engine that makes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from sqlalchemy import func, select

from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.database import Database
from wb_desktop.core.store.models import OutboxOp, OutboxState, PullCursor
from wb_desktop.core.store.outbox import blocked_count
from wb_desktop.core.sync.uploads import uploads_waiting


class Failure(StrEnum):
    OFFLINE = "offline"  # no link at all
    UNREACHABLE = "unreachable"  # a link, but the server does not answer
    PORTAL = "portal"  # something else answered (a captive portal, a proxy)
    SERVER = "server"  # the server answered with an error
    AUTH = "auth"  # sign in again
    STOPPED = "stopped"  # the pull stopped cleanly (quota, disk, unusable data)


@dataclass
class StepReport:
    ok: bool
    failure: Failure | None = None
    reason: str | None = None
    retry_in_s: float | None = None
    pushed: int = 0
    applied: int = 0
    conflicts: int = 0
    dead: int = 0
    uploaded: int = 0
    pulled: int = 0
    pings: int = 0
    server_error: str | None = None  # the server's error code, for the log (not the screen)


@dataclass(frozen=True)
class OutboxCounts:
    queued: int = 0  # can go as soon as the server answers
    in_flight: int = 0
    blocked: int = 0  # waiting behind a dead op
    dead: int = 0
    by_state: dict[str, int] = field(default_factory=dict)

    @property
    def pending(self) -> int:
        """What the technician's indicator shows: everything the server has not accepted."""
        return self.queued + self.in_flight + self.blocked + self.dead

    @property
    def drained(self) -> bool:
        """Nothing left that a sync could still send."""
        return self.queued == 0 and self.in_flight == 0


def outbox_counts(database: Database) -> OutboxCounts:
    """The outbox as the indicator counts it; also read by the app before sync starts."""
    with database.reader() as session:
        by_state = dict(
            session.execute(select(OutboxOp.state, func.count()).group_by(OutboxOp.state)).all()
        )
        blocked = blocked_count(session)
    queued = by_state.get(OutboxState.QUEUED, 0)
    return OutboxCounts(
        queued=queued - blocked,
        in_flight=by_state.get(OutboxState.IN_FLIGHT, 0),
        blocked=blocked,
        dead=by_state.get(OutboxState.DEAD, 0),
        by_state={str(state): count for state, count in by_state.items()},
    )


def attachments_waiting(database: Database) -> int:
    """Photos and signatures whose bytes the server does not have; read before sync starts
    too, so the indicator never says "All synced" while a photo waits."""
    with database.reader() as session:
        return uploads_waiting(session)


def last_success(database: Database) -> datetime | None:
    with database.reader() as session:
        return session.scalar(select(PullCursor.last_success_at).where(PullCursor.id == 1))


class SyncListener(Protocol):
    """What the engine tells whoever shows it (the service turns these into Qt signals)."""

    def progress(self, done: int, total: int) -> None: ...
    def records_changed(self, changes: list[tuple[str, str, SyncState]]) -> None: ...
    def conflict(self, record_type: str, record_id: str, field_name: str) -> None: ...
