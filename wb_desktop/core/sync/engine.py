"""The sync engine: one :meth:`SyncEngine.step` pushes, uploads, pulls and sends GPS pings.

It is plain code with its transport, clock, cache and random source passed in, so a test, a
scenario or a benchmark runs a step directly; the QThread service only decides *when*. A
step never raises for a network or server failure: it reports it, with the backoff delay
before the next attempt.

No head-of-line blocking in a push. A batch the server refuses as a whole (4xx) is split
until the op at fault is alone, and that op is dead-lettered. A batch the server keeps
failing transiently (a 5xx without ``Retry-After``, ``POISON_STRIKES`` times in a row for an
op in it) is split the same way: parts that go through are answered, and an op that fails
alone is *held*: it keeps its place in the queue and retries on its own backoff (0.5 s
doubling, full jitter, capped at 60 s), its dependents wait, and the step goes on with
uploads and the pull. Such an op is then always sent alone, so it never holds back a batch
again. A split batch is the same op ids and sequence numbers, so an op the server had
already applied is answered ``duplicate``. A failure without a server's answer (offline,
a reset, a timeout), a ``Retry-After`` (429, 503) and a reply that is not ours split nothing:
the link or the server is at fault, not the batch. A server that fails every push is not
asked op by op: while no push of the step has been answered, a split stops at the first
failure past the depth one bad op costs (the step then backs off as a whole), and only one
op that failed alone is tried.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update

from wb_desktop.core.domain.clock import Clock
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.protocol.push import OpIn
from wb_desktop.core.store.database import Database
from wb_desktop.core.store.media_files import MediaFiles
from wb_desktop.core.store.models import ConflictRecord, OutboxOp, OutboxState, PullCursor
from wb_desktop.core.store.quota import StorageQuota
from wb_desktop.core.sync.backoff import Backoff, resend_if_reset
from wb_desktop.core.sync.errors import StepInterruptedError
from wb_desktop.core.sync.locations import LocationSender
from wb_desktop.core.sync.protocol_client import (
    IncompatibleServerError,
    ProtocolError,
    ServerRefusedError,
    SyncApi,
)
from wb_desktop.core.sync.pull import Puller, PullStoppedError
from wb_desktop.core.sync.push import Pusher, PushSummary
from wb_desktop.core.sync.step_report import (
    Failure,
    OutboxCounts,
    StepReport,
    SyncListener,
    attachments_waiting,
    last_success,
    outbox_counts,
)
from wb_desktop.core.sync.transport import FailureKind, TransportError
from wb_desktop.core.sync.uploads import PARALLEL_UPLOADS, Uploader, UploadItem

MAX_PUSH_ROUNDS = 10_000
# Consecutive transient server failures (5xx, no Retry-After) of batches holding an op after
# which its batch is split: one may be a blip, two of the same ops are the batch.
POISON_STRIKES = 2


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
        parallel_uploads: int = PARALLEL_UPLOADS,
    ) -> None:
        self.api = api
        self.database = database
        self.clock = clock
        self.listener = listener
        self.backoff = Backoff(rng)
        self.pusher = Pusher(api, database, clock, device_id)
        self.uploader = Uploader(api, database, media, parallel=parallel_uploads)
        self.puller = Puller(api, database, media, quota, clock)
        self.locations = LocationSender(api, database, clock)
        self._unanswered: list[OpIn] = []
        # Per op id: consecutive transient server failures of batches that held it, and
        # failures on its own (an op that failed alone is sent alone from then on).
        self._strikes: dict[str, int] = {}
        self._alone: dict[str, tuple[int, str]] = {}  # op id → (failures, last reason)
        # This step: ops held (not to be claimed again), push requests answered, and whether
        # an op that fails alone was tried before any push was answered.
        self._held: set[str] = set()
        self._answered_pushes = 0
        self._probed = False

    def step(self, should_stop: Callable[[], bool] = lambda: False) -> StepReport:
        """Push every ready op, upload waiting attachments, pull, send GPS pings.

        ``should_stop`` is asked between batches, files and pages: a step asked to stop
        ends at the next such point, with everything done so far committed."""
        report = StepReport(ok=False)
        self._held, self._answered_pushes, self._probed = set(), 0, False
        progress = self.puller.progress()
        total = self.counts().pending + len(self.uploader.waiting())
        done = uploads = 0

        def advance(amount: int) -> None:
            nonlocal done
            done += amount
            if self.listener is not None:
                self.listener.progress(min(done, total), total)

        def uploaded(item: UploadItem) -> None:
            nonlocal uploads
            uploads += 1
            advance(1)
            # The server has the bytes: the record's tile says so now, not after a restart.
            self._announce([(item.record_type, item.record_id, SyncState.SYNCED)])

        try:
            resend_if_reset(self.api.health)  # the probe: our server, speaking our protocol?
            self._push_all(report, advance, should_stop)
            sent = self.uploader.upload_all(uploaded, should_stop)
            report.uploaded = sent.uploaded
            self._announce([(kind, i, SyncState.FAILED) for kind, i, _why in sent.failed])
            summary = self.puller.pull_all(should_stop=should_stop)
            report.pulled = summary.changes
            self._announce([(t, i, SyncState.SYNCED) for t, i in summary.changed])
            report.pings = self.locations.send_all()
            # Held back by an earlier failure: the server answers now. An op that failed
            # alone keeps its own retry time.
            if self.counts().queued and self.pusher.retry_now(exclude=self._alone):
                self.backoff.reset()
                self._push_all(report, advance, should_stop)
        except (TransportError, ProtocolError, ServerRefusedError, PullStoppedError) as error:
            progressed = (
                self.puller.progress() != progress or self._answered_pushes > 0 or uploads > 0
            )
            return self._failed(report, error, progressed)
        except StepInterruptedError:
            report.reason = Text(QT_TRANSLATE_NOOP("Domain", "stopped"))
            return report
        self.backoff.reset()
        self._mark_success()
        return self._report_held(report)

    def _report_held(self, report: StepReport) -> StepReport:
        """Everything else went through. Ops that fail alone, waiting for their own retry
        time, make the step a server failure: the indicator says why, and the next step
        comes when the first of them is due."""
        waiting = self.pusher.retry_times(self._alone)
        for op_id in set(self._alone) - set(waiting):  # answered or dead-lettered since
            self._alone.pop(op_id)
            self._strikes.pop(op_id, None)
        if not waiting:
            report.ok = True
            return report
        now = self.clock.now()
        first = min(waiting, key=lambda op_id: waiting[op_id] or now)
        due = waiting[first] or now
        report.failure, report.reason = Failure.SERVER, self._alone[first][1]
        report.retry_in_s = max(0.0, (due - now).total_seconds())
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

    def uploads_waiting(self) -> int:
        return attachments_waiting(self.database)

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
            ops = self.pusher.claim_batch(exclude=self._held)
            if not ops:
                return
            summary = PushSummary()
            try:
                # An op that failed alone goes alone; the rest first, as one batch. Until a
                # push of this step is answered, only one such op is tried: a server that
                # fails everything gets one request for them, not one per op.
                alone = [op for op in ops if op.op_id in self._alone]
                batch = [op for op in ops if op.op_id not in self._alone]
                if batch:
                    self._push(batch, summary)
                for op in alone:
                    if self._answered_pushes or not self._probed:
                        self._probed = True
                        self._push([op], summary)
                    else:
                        self._wait_alone(op)
            except (TransportError, ProtocolError, ServerRefusedError):
                self._unanswered = ops  # released with the retry time once it is known
                raise
            finally:
                report.pushed += summary.sent
                report.applied += summary.applied
                report.conflicts += summary.conflicts
                report.dead += summary.dead
                advance(summary.sent)
                self._announce(summary.changed)
                if self.listener is not None:
                    for record_type, record_id, name in summary.new_conflicts:
                        self.listener.conflict(record_type, record_id, name)

    def _push(self, ops: list[OpIn], summary: PushSummary, split: _Split | None = None) -> None:
        """Push ``ops`` and count the answers in ``summary``; split the batch when the
        server refuses it as a whole (4xx: the op at fault is dead-lettered) or keeps
        failing it (5xx: the op at fault is held). See the module's docstring."""
        try:
            answered = self.pusher.push_batch(ops)
        except ServerRefusedError as refusal:
            if refusal.status in (401, 403):
                raise
            if refusal.transient:
                split = self._strike(ops, refusal, split)  # raises when not worth a split
                if len(ops) == 1:
                    self._hold(ops[0], refusal)
                    return
            elif len(ops) == 1:
                summary.add(
                    self.pusher.reject(
                        ops[0],
                        Text(
                            QT_TRANSLATE_NOOP("Domain", "the server refused it: %1"),
                            refusal.reason,
                        ),
                    )
                )
                self._answered(ops)
                return
        else:
            summary.add(answered)
            self._answered(ops)
            self._answered_pushes += 1
            return
        half = len(ops) // 2
        self._push(ops[:half], summary, split)
        self._push(ops[half:], summary, split)

    def _strike(self, ops: list[OpIn], refusal: ServerRefusedError, split: _Split | None) -> _Split:
        """Count a transient server failure against ``ops``; the split to go on with, or
        the refusal raised again when splitting is no use (see the module's docstring)."""
        if refusal.status < 500 or refusal.retry_after_s is not None:
            raise refusal  # overload or a rate limit: the server said when, not which op
        strikes = [self._strikes.get(op.op_id, 0) + 1 for op in ops]
        for op, count in zip(ops, strikes, strict=True):
            self._strikes[op.op_id] = count
        if split is None:
            if max(strikes) < POISON_STRIKES:
                raise refusal
            return _Split(depth=math.ceil(math.log2(len(ops))))
        split.failed += 1
        if not self._answered_pushes and split.failed > split.depth:
            raise refusal  # every part fails, and nothing else went: the server, not one op
        return split

    def _hold(self, op: OpIn, refusal: ServerRefusedError) -> None:
        """An op that fails alone: back to the queue with its own retry time."""
        failures = self._alone[op.op_id][0] + 1 if op.op_id in self._alone else 1
        self._alone[op.op_id] = (failures, _reason(refusal))
        self._wait_alone(op)

    def _wait_alone(self, op: OpIn) -> None:
        """An op that fails alone waits for its own backoff, over its own failures."""
        failures, reason = self._alone[op.op_id]
        delay = self.backoff.draw(failures)
        self.pusher.release([op], reason, self.clock.now() + timedelta(seconds=delay))
        self._held.add(op.op_id)

    def _answered(self, ops: list[OpIn]) -> None:
        for op in ops:
            self._strikes.pop(op.op_id, None)
            self._alone.pop(op.op_id, None)

    def _announce(self, changes: list[tuple[str, str, SyncState]]) -> None:
        if changes and self.listener is not None:
            self.listener.records_changed(changes)

    def _failed(self, report: StepReport, error: Exception, progressed: bool) -> StepReport:
        retry_after = error.retry_after_s if isinstance(error, ServerRefusedError) else None
        report.failure = _classify(error)
        report.reason = _reason(error)
        if isinstance(error, ServerRefusedError):
            report.server_error = error.error
        if progressed:  # the link carries work: the next try goes soon (backoff.py)
            self.backoff.reset()
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


@dataclass
class _Split:
    """One batch being split after transient server failures."""

    depth: int  # halvings down to a single op: the failures one bad op costs
    failed: int = 0


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
