# Qt names signals in camelCase; the worker's signals follow Qt, not PEP 8.
"""The sync worker: runs engine steps on its own QThread and reports them as signals.

It decides *when* a step runs (on start, after local changes settle, periodically, after a
failure's backoff, on reconnect). It builds its client inside its thread, so the engine's
SQLAlchemy engine and sessions never cross threads; :class:`SyncService` is its only caller.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.store.changes import Changes
from wb_desktop.core.sync.client import SyncClient
from wb_desktop.core.sync.connectivity import SyncActivity, SyncStatus, SyncView, decide_view
from wb_desktop.core.sync.payment_runner import PaymentAttempts, not_started_refusal, take_payment
from wb_desktop.core.sync.payments import PAYMENT_TIMEOUT_S
from wb_desktop.core.sync.profiles import Behaviour, NetworkProfile, profile_named
from wb_desktop.core.sync.step_report import Failure, StepReport, SyncListener

ClientFactory = Callable[[SyncListener], SyncClient]

_log = logging.getLogger(__name__)
# Profiles on which nothing reaches the server: leaving one is a reconnect.
_CARRIES_NOTHING = frozenset({Behaviour.OFFLINE, Behaviour.HALF_OPEN, Behaviour.CAPTIVE_PORTAL})


def simulated_offline(profile: NetworkProfile) -> bool:
    return profile.behaviour is Behaviour.OFFLINE


@dataclass(frozen=True)
class _Live:
    """What the worker builds on its own thread once started."""

    client: SyncClient
    debounce: QTimer  # local changes settle
    periodic: QTimer
    retry: QTimer  # a failed step's backoff
    kick: QTimer  # zero delay: folds a burst of queued requests into one step


class SyncWorker(QObject):
    """Runs engine steps on its own thread; it is the engine's listener and re-emits as signals.

    Every slot runs on the worker's thread. A step blocks that thread's event loop, so requests
    that arrive during a step queue up and are folded into one more step after it.
    """

    statusChanged = Signal(object)  # SyncStatus: the whole of what the status bar shows
    changesNoticed = Signal(object)  # Changes: records a step sent, uploaded or pulled
    viewChanged = Signal(object)
    lastSyncChanged = Signal(object)
    progressChanged = Signal(int, int)
    recordStateChanged = Signal(str, str, str)
    conflictDetected = Signal(str, str, str)
    stepFinished = Signal(object)
    paymentFinished = Signal(str, int, object)  # document id, attempt, result
    traceEvent = Signal(object)  # a TraceEvent, from whichever thread sent the request
    linkCut = Signal(float)  # QA's scheduled cut happened at this fraction of an upload
    profileForced = Signal(object)  # the worker changed the profile itself (the cut)
    _cutHappened = Signal(float)

    def __init__(
        self,
        make_client: ClientFactory,
        *,
        initial_profile: str = "online",
        debounce_ms: int = 500,
        period_s: float = 60.0,
        payment_timeout_s: float = PAYMENT_TIMEOUT_S,
        payment_attempts: PaymentAttempts | None = None,
    ) -> None:
        super().__init__()
        self._attempts = payment_attempts or PaymentAttempts()
        self._make_client = make_client
        self._profile = profile_named(initial_profile)
        self._debounce_ms = debounce_ms
        self._period_ms = max(1, round(period_s * 1000))
        self._payment_timeout_s = payment_timeout_s
        self._live: _Live | None = None
        self._network_reachable: bool | None = None
        self._last_report: StepReport | None = None
        self._status = SyncStatus(SyncView(SyncActivity.IDLE, None, "", 0, 0))
        self._running = False
        self._wanted = False
        self._cutHappened.connect(self._after_cut)

    # The engine's listener: called on this thread during a step.
    def progress(self, done: int, total: int) -> None:
        self.progressChanged.emit(done, total)
        self._set_status(self._status.with_progress(done, total))

    def records_changed(self, changes: list[tuple[str, str, SyncState]]) -> None:
        for record_type, record_id, state in changes:
            self.recordStateChanged.emit(record_type, record_id, str(state))
        self.changesNoticed.emit(
            Changes(
                kinds=frozenset(record_type for record_type, _id, _state in changes),
                record_ids=frozenset(record_id for _type, record_id, _state in changes),
            )
        )

    def conflict(self, record_type: str, record_id: str, field_name: str) -> None:
        self.conflictDetected.emit(record_type, record_id, field_name)

    @Slot()
    def start_work(self) -> None:
        """Build the client and the timers here, on the worker thread, then sync once."""
        try:
            client = self._make_client(self)
        except Exception as error:
            _log.exception("the sync client could not be built")
            view = SyncView(
                SyncActivity.ERROR,
                None,
                Text(QT_TRANSLATE_NOOP("Domain", "Sync error: cannot start: %1"), str(error)),
                0,
                0,
            )
            self.viewChanged.emit(view)
            self._set_status(self._status.with_view(view))
            return
        client.network.set_profile(self._profile)
        if client.tracing is not None:
            client.tracing.listeners.append(self.traceEvent.emit)
        client.network.on_cut = self._on_cut
        self._live = live = _Live(
            client,
            debounce=self._timer(self._debounce_ms, self._request),
            periodic=self._timer(self._period_ms, self._request, single_shot=False),
            retry=self._timer(0, self._request),
            kick=self._timer(0, self._run_wanted),
        )
        live.periodic.start()
        self._publish()
        self.lastSyncChanged.emit(client.engine.last_success())
        self._request()

    @Slot()
    def sync_now(self) -> None:
        """A person asked: try everything now, not after the last failure's backoff."""
        if self._live is not None:
            self._live.client.engine.reset_backoff()
            self._request()

    @Slot()
    def local_change(self) -> None:
        """Show the new pending count at once; sync when the changes settle."""
        if self._live is not None:
            self._live.debounce.start()
            self._publish()

    @Slot(object)
    def set_profile(self, profile: NetworkProfile) -> None:
        was_dead = self._profile.behaviour in _CARRIES_NOTHING
        self._profile = profile
        if self._live is None:
            return
        self._live.client.network.set_profile(self._profile)
        if was_dead and self._profile.behaviour not in _CARRIES_NOTHING:
            self._reconnect(self._live)
        else:
            self._publish()

    @Slot(float)
    def arm_upload_cut(self, fraction: float) -> None:
        """Drop the link once an upload passes ``fraction``; 0 or less disarms. The link
        plugs in the network simulator the composition root gave it."""
        if self._live is None:
            return
        if fraction <= 0:
            self._live.client.network.disarm_upload_cut()
        else:
            self._live.client.network.arm_upload_cut(fraction)

    def _on_cut(self, fraction: float) -> None:
        """Called by the upload's thread (maybe a pool thread) once the link has gone down;
        the rest happens on the worker's thread."""
        self._cutHappened.emit(fraction)

    @Slot(float)
    def _after_cut(self, fraction: float) -> None:
        self._profile = profile_named("offline")
        self.profileForced.emit(self._profile)
        self.linkCut.emit(fraction)
        self._publish()

    @Slot(str, str, str)
    def use_credentials(self, email: str, password: str, token: str) -> None:
        """After the technician signed in again: sync at once with the new sign-in."""
        if self._live is not None:
            self._live.client.sign_in.use(email, password or None, token or None)
            self._reconnect(self._live)

    @Slot(object)
    def set_network_reachable(self, reachable: bool | None) -> None:
        was = self._network_reachable
        self._network_reachable = reachable
        if self._live is None:
            return
        if reachable is True and was is not True:
            self._reconnect(self._live)
        else:
            self._publish()

    @Slot(str, str, int)
    def take_payment(self, document_id: str, card_number: str, attempt: int) -> None:
        """Charge a card here, off the GUI thread; sync steps wait until it has answered.

        An attempt the person gave up on while it waited in the queue is not sent."""
        live = self._live
        if live is None:
            self.paymentFinished.emit(document_id, attempt, not_started_refusal())
            return
        thread = QThread.currentThread()
        result = take_payment(
            live.client,
            document_id,
            card_number,
            is_online=lambda: self._view().activity is not SyncActivity.OFFLINE,
            sync=lambda: self._step(live, thread),
            timeout_s=self._payment_timeout_s,
            cancelled=lambda: not self._attempts.is_live(document_id, attempt),
        )
        self.paymentFinished.emit(document_id, attempt, result)

    @Slot()
    def stop_work(self) -> None:
        """Stop the timers, close the client, end this thread's event loop."""
        live, self._live = self._live, None
        if live is not None:
            for timer in (live.debounce, live.periodic, live.retry, live.kick):
                timer.stop()
            live.client.close()
        QThread.currentThread().quit()

    def _timer(
        self, interval_ms: int, slot: Callable[[], None], single_shot: bool = True
    ) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single_shot)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        return timer

    def _reconnect(self, live: _Live) -> None:
        """The link is back: the next attempt goes at once (DESIGN: retries)."""
        live.client.engine.reset_backoff()
        live.retry.stop()
        self._request()

    def _request(self) -> None:
        self._wanted = True
        if self._live is not None and not self._running:
            self._live.kick.start()

    def _run_wanted(self) -> None:
        if self._running:
            return
        self._running = True
        thread = QThread.currentThread()
        try:
            while self._wanted and self._live is not None:
                if thread.isInterruptionRequested():
                    return
                self._wanted = False
                self._step(self._live, thread)
        finally:
            self._running = False

    def _step(self, live: _Live, thread: QThread) -> None:
        live.retry.stop()
        self._publish(syncing=True)
        engine = live.client.engine
        try:
            # The thread object, not currentThread(): the upload threads ask too.
            report = engine.step(should_stop=thread.isInterruptionRequested)
        except Exception as error:
            _log.exception("a sync step failed unexpectedly")
            report = StepReport(ok=False, failure=Failure.STOPPED, reason=str(error) or repr(error))
        _log_outcome(report, self._last_report)
        self._last_report = report
        if not report.ok and report.retry_in_s is not None:
            live.retry.start(max(0, round(report.retry_in_s * 1000)))
        live.periodic.start()
        self._publish()
        self.lastSyncChanged.emit(engine.last_success())
        if report.pulled:  # a pull may touch anything: jobs, customers, ended timers
            self.changesNoticed.emit(Changes.of_everything())
        self.stepFinished.emit(report)

    def _publish(self, *, syncing: bool = False) -> None:
        """One snapshot of everything the status bar shows, read at one moment."""
        if self._live is None:
            return
        view = self._view(syncing=syncing)
        engine = self._live.client.engine
        status = dataclasses.replace(
            self._status.with_view(view),
            uploads=engine.uploads_waiting(),
            last_sync=engine.last_success(),
            last_report=self._last_report,
        )
        self.viewChanged.emit(view)
        self._set_status(status)

    def _set_status(self, status: SyncStatus) -> None:
        if status != self._status:
            self._status = status
            self.statusChanged.emit(status)

    def _view(self, *, syncing: bool = False) -> SyncView:
        assert self._live is not None
        return decide_view(
            simulated_offline=simulated_offline(self._profile),
            simulated_profile=self._profile.name,
            network_reachable=self._network_reachable,
            syncing=syncing,
            last_report=self._last_report,
            counts=self._live.client.engine.counts(),
        )


def _log_outcome(report: StepReport, previous: StepReport | None) -> None:
    """A failed step goes to the app's log with its reason (what support reads in a bundle);
    being offline is not a problem, so it is noted once, when it starts."""
    if report.ok:
        if previous is not None and not previous.ok:
            _log.info("sync works again (pushed %d, uploaded %d)", report.pushed, report.uploaded)
        return
    if report.failure is Failure.OFFLINE:
        if previous is None or previous.failure is not Failure.OFFLINE:
            _log.info("sync waits: offline")
        return
    retry = "" if report.retry_in_s is None else f"; next try in {report.retry_in_s:.1f} s"
    code = "" if report.server_error is None else f" [{report.server_error}]"
    _log.warning("sync step failed (%s)%s: %s%s", report.failure, code, report.reason, retry)
