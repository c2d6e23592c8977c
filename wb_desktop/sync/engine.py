"""The sync engine: one :meth:`SyncEngine.step` pushes, uploads, pulls and sends GPS pings.

It is plain code with its transport, clock, cache and random source passed in, so a test, a
scenario or a benchmark runs a step directly; the QThread service only decides *when*. A
step never raises for a network or server failure: it reports it, with the backoff delay
before the next attempt.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, Protocol

from sqlalchemy import func, select, update

from wb_desktop.domain.clock import Clock
from wb_desktop.domain.sync_state import SyncState
from wb_desktop.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.store.database import Database
from wb_desktop.store.media_files import MediaFiles
from wb_desktop.store.models import ConflictRecord, OutboxOp, OutboxState, PullCursor
from wb_desktop.store.outbox import blocked_count
from wb_desktop.store.quota import StorageQuota
from wb_desktop.sync.api import (
    IncompatibleServerError,
    ProtocolError,
    ServerRefusedError,
    SyncApi,
)
from wb_desktop.sync.backoff import Backoff
from wb_desktop.sync.errors import StepInterruptedError
from wb_desktop.sync.locations import LocationSender
from wb_desktop.sync.pull import Puller, PullStoppedError
from wb_desktop.sync.push import Pusher, PushSummary
from wb_desktop.sync.transport import FailureKind, TransportError
from wb_desktop.sync.uploads import Uploader

MAX_PUSH_ROUNDS = 10_000


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


def last_success(database: Database) -> datetime | None:
    with database.reader() as session:
        return session.scalar(select(PullCursor.last_success_at).where(PullCursor.id == 1))


class SyncListener(Protocol):
    """What the engine tells whoever shows it (the service turns these into Qt signals)."""

    def progress(self, done: int, total: int) -> None: ...
    def records_changed(self, changes: list[tuple[str, str, SyncState]]) -> None: ...
    def conflict(self, record_type: str, record_id: str, field_name: str) -> None: ...


class SyncEngine:
    def __init__(
        self,
        *,
        api: SyncApi,
        database: Database,
        media: MediaFiles,
        quota: StorageQuota,
        clock: Clock,
        device_id: str,
        rng: random.Random,
        listener: SyncListener | None = None,
    ) -> None:
        self.api = api
        self.database = database
        self.clock = clock
        self.listener = listener
        self.backoff = Backoff(rng)
        self.pusher = Pusher(api, database, clock, device_id)
        self.uploader = Uploader(api, database, media)
        self.puller = Puller(api, database, media, quota, clock)
        self.locations = LocationSender(api, database, clock)
        self._unanswered: list[dict[str, Any]] = []

    def step(self, should_stop: Callable[[], bool] = lambda: False) -> StepReport:
        """Push every ready op, upload waiting attachments, pull, send GPS pings.

        ``should_stop`` is asked between batches, files and pages: a step asked to stop
        ends at the next such point, with everything done so far committed."""
        report = StepReport(ok=False)
        total = self.counts().pending + len(self.uploader.waiting())
        done = 0

        def advance(amount: int) -> None:
            nonlocal done
            done += amount
            if self.listener is not None:
                self.listener.progress(min(done, total), total)

        try:
            self.api.health()  # the probe: is it our server, speaking our protocol?
            self._push_all(report, advance, should_stop)
            report.uploaded = self.uploader.upload_all(
                lambda _item: advance(1), should_stop
            ).uploaded
            summary = self.puller.pull_all(should_stop=should_stop)
            report.pulled = summary.changes
            self._announce([(t, i, SyncState.SYNCED) for t, i in summary.changed])
            report.pings = self.locations.send_all()
            if self.counts().queued:  # held back by an earlier failure: the server answers now
                self.reset_backoff()
                self._push_all(report, advance, should_stop)
        except (TransportError, ProtocolError, ServerRefusedError, PullStoppedError) as error:
            return self._failed(report, error)
        except StepInterruptedError:
            report.reason = Text(QT_TRANSLATE_NOOP("Domain", "stopped"))
            return report
        self.backoff.reset()
        self._mark_success()
        report.ok = True
        return report

    def reset_backoff(self) -> None:
        """On reconnect the next attempt goes at once, not after the last failure's delay."""
        self.backoff.reset()
        with self.database.writer() as session, session.begin():
            session.execute(
                update(OutboxOp)
                .where(OutboxOp.state == OutboxState.QUEUED)
                .values(next_attempt_at=None)
            )

    def counts(self) -> OutboxCounts:
        return outbox_counts(self.database)

    def last_success(self) -> datetime | None:
        return last_success(self.database)

    def unresolved_conflicts(self) -> int:
        with self.database.reader() as session:
            query = select(func.count()).select_from(ConflictRecord)
            return session.scalar(query.where(ConflictRecord.resolved_at.is_(None))) or 0

    def _push_all(
        self,
        report: StepReport,
        advance: Callable[[int], None],
        should_stop: Callable[[], bool],
    ) -> None:
        for _ in range(MAX_PUSH_ROUNDS):
            if should_stop():
                raise StepInterruptedError
            ops = self.pusher.claim_batch()
            if not ops:
                return
            try:
                summary = self._push(ops)
            except (TransportError, ProtocolError, ServerRefusedError):
                self._unanswered = ops  # released with the retry time once it is known
                raise
            report.pushed += summary.sent
            report.applied += summary.applied
            report.conflicts += summary.conflicts
            report.dead += summary.dead
            advance(summary.sent)
            self._announce(summary.changed)
            if self.listener is not None:
                for record_type, record_id, name in summary.new_conflicts:
                    self.listener.conflict(record_type, record_id, name)

    def _push(self, ops: list[dict[str, Any]]) -> PushSummary:
        """A batch the server refuses as a whole (one malformed op) is split until the op
        at fault is alone; that op alone is dead-lettered, the others go through."""
        try:
            return self.pusher.push_batch(ops)
        except ServerRefusedError as refusal:
            if refusal.transient or refusal.status in (401, 403):
                raise
            if len(ops) == 1:
                return self.pusher.reject(
                    ops[0],
                    Text(QT_TRANSLATE_NOOP("Domain", "the server refused it: %1"), refusal.reason),
                )
        half = len(ops) // 2
        first, second = self._push(ops[:half]), self._push(ops[half:])
        return PushSummary(
            sent=first.sent + second.sent,
            applied=first.applied + second.applied,
            conflicts=first.conflicts + second.conflicts,
            dead=first.dead + second.dead,
            changed=first.changed + second.changed,
            new_conflicts=first.new_conflicts + second.new_conflicts,
        )

    def _announce(self, changes: list[tuple[str, str, SyncState]]) -> None:
        if changes and self.listener is not None:
            self.listener.records_changed(changes)

    def _failed(self, report: StepReport, error: Exception) -> StepReport:
        retry_after = error.retry_after_s if isinstance(error, ServerRefusedError) else None
        report.failure = _classify(error)
        report.reason = _reason(error)
        report.retry_in_s = self.backoff.failed(retry_after)
        if self._unanswered:
            retry_at = self.clock.now() + timedelta(seconds=report.retry_in_s)
            self.pusher.release(self._unanswered, report.reason, retry_at)
            self._unanswered = []
        return report

    def _mark_success(self) -> None:
        with self.database.writer() as session, session.begin():
            session.execute(
                update(PullCursor)
                .where(PullCursor.id == 1)
                .values(last_success_at=self.clock.now())
            )


def _classify(error: Exception) -> Failure:
    if isinstance(error, TransportError):
        return Failure.OFFLINE if error.kind is FailureKind.OFFLINE else Failure.UNREACHABLE
    if isinstance(error, IncompatibleServerError):
        return Failure.SERVER
    if isinstance(error, ProtocolError):
        return Failure.PORTAL
    if isinstance(error, ServerRefusedError):
        return Failure.AUTH if error.status in (401, 403) else Failure.SERVER
    return Failure.STOPPED


def _reason(error: Exception) -> str:
    if isinstance(error, TransportError | ProtocolError | PullStoppedError):
        return error.reason
    if isinstance(error, ServerRefusedError):
        return Text(
            QT_TRANSLATE_NOOP("Domain", "the server answered %1: %2"), error.status, error.reason
        )
    return str(error)
