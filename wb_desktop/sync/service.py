# Qt names signals in camelCase; the service's signals follow Qt, not PEP 8.
"""The Qt adapter around the sync engine: a worker in its own QThread, and the GUI's facade.

The engine is plain code; this module only decides *when* a step runs (on start, after local
changes settle, periodically, after a failure's backoff, on reconnect) and turns what the
engine reports into signals. The worker builds its client inside its thread, so the engine's
SQLAlchemy engine and sessions never cross threads; the GUI talks to it only through queued
signals, and everything the GUI hears is emitted on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtNetwork import QNetworkInformation

from wb_desktop.domain.sync_state import SyncState
from wb_desktop.sync.client import SyncClient
from wb_desktop.sync.connectivity import SyncActivity, SyncView, decide_view
from wb_desktop.sync.engine import Failure, OutboxCounts, StepReport, SyncListener
from wb_desktop.sync.profiles import Behaviour, NetworkProfile, profile_named

ClientFactory = Callable[[SyncListener], SyncClient]

_log = logging.getLogger(__name__)
_QUEUED = Qt.ConnectionType.QueuedConnection
# Profiles on which nothing reaches the server: leaving one is a reconnect.
_CARRIES_NOTHING = frozenset({Behaviour.OFFLINE, Behaviour.HALF_OPEN, Behaviour.CAPTIVE_PORTAL})


def reachability_to_bool(reachability: QNetworkInformation.Reachability) -> bool | None:
    """Only "Online" and "Disconnected" are answers; a local or site link says nothing about
    the server, so the health of the next request decides."""
    if reachability == QNetworkInformation.Reachability.Disconnected:
        return False
    if reachability == QNetworkInformation.Reachability.Online:
        return True
    return None


def system_network_information() -> QNetworkInformation | None:
    """The operating system's reachability backend, or None where there is none (CI)."""
    if not QNetworkInformation.loadDefaultBackend():
        return None
    return QNetworkInformation.instance()


def _simulated_offline(profile: NetworkProfile) -> bool:
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

    viewChanged = Signal(object)
    lastSyncChanged = Signal(object)
    progressChanged = Signal(int, int)
    recordStateChanged = Signal(str, str, str)
    conflictDetected = Signal(str, str, str)
    stepFinished = Signal(object)

    def __init__(
        self,
        make_client: ClientFactory,
        *,
        initial_profile: str = "online",
        debounce_ms: int = 500,
        period_s: float = 60.0,
    ) -> None:
        super().__init__()
        self._make_client = make_client
        self._profile = profile_named(initial_profile)
        self._debounce_ms = debounce_ms
        self._period_ms = max(1, round(period_s * 1000))
        self._live: _Live | None = None
        self._network_reachable: bool | None = None
        self._last_report: StepReport | None = None
        self._running = False
        self._wanted = False

    # The engine's listener: called on this thread during a step.
    def progress(self, done: int, total: int) -> None:
        self.progressChanged.emit(done, total)

    def records_changed(self, changes: list[tuple[str, str, SyncState]]) -> None:
        for record_type, record_id, state in changes:
            self.recordStateChanged.emit(record_type, record_id, str(state))

    def conflict(self, record_type: str, record_id: str, field_name: str) -> None:
        self.conflictDetected.emit(record_type, record_id, field_name)

    @Slot()
    def start_work(self) -> None:
        """Build the client and the timers here, on the worker thread, then sync once."""
        try:
            client = self._make_client(self)
        except Exception as error:
            _log.exception("the sync client could not be built")
            self.viewChanged.emit(
                SyncView(SyncActivity.ERROR, None, f"Sync error: cannot start: {error}", 0, 0)
            )
            return
        client.network.set_profile(self._profile)
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

    @Slot(str)
    def set_profile(self, name: str) -> None:
        was_dead = self._profile.behaviour in _CARRIES_NOTHING
        self._profile = profile_named(name)
        if self._live is None:
            return
        self._live.client.network.set_profile(self._profile)
        if was_dead and self._profile.behaviour not in _CARRIES_NOTHING:
            self._reconnect(self._live)
        else:
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
        self._last_report = report
        if not report.ok and report.retry_in_s is not None:
            live.retry.start(max(0, round(report.retry_in_s * 1000)))
        live.periodic.start()
        self._publish()
        self.lastSyncChanged.emit(engine.last_success())
        self.stepFinished.emit(report)

    def _publish(self, *, syncing: bool = False) -> None:
        if self._live is None:
            return
        self.viewChanged.emit(
            decide_view(
                simulated_offline=_simulated_offline(self._profile),
                simulated_profile=self._profile.name,
                network_reachable=self._network_reachable,
                syncing=syncing,
                last_report=self._last_report,
                counts=self._live.client.engine.counts(),
            )
        )


class SyncService(QObject):
    """The GUI's handle on sync; construct, call and connect it on the GUI thread only.

    Call :meth:`stop` before the service goes away: a QThread destroyed while running
    aborts the process.
    """

    viewChanged = Signal(object)
    activityChanged = Signal(str, str)
    pendingChanged = Signal(int)
    lastSyncChanged = Signal(object)
    progress = Signal(int, int)
    recordStateChanged = Signal(str, str, str)
    conflictDetected = Signal(str, str, str)
    errorOccurred = Signal(str)
    stepFinished = Signal(object)

    # To the worker (queued: they run on the worker's thread).
    _syncRequested = Signal()
    _localChanged = Signal()
    _profileRequested = Signal(str)
    _reachabilityChanged = Signal(object)
    _credentialsGiven = Signal(str, str, str)
    _stopRequested = Signal()

    def __init__(
        self,
        make_client: ClientFactory,
        *,
        initial_profile: str = "online",
        debounce_ms: int = 500,
        period_s: float = 60.0,
        watch_network: bool = True,
        initial_counts: OutboxCounts | None = None,
        initial_last_sync: datetime | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``initial_counts`` and ``initial_last_sync``: what the cache says before the worker
        has reported, so the indicator never shows "All synced" while work waits."""
        super().__init__(parent)
        profile = profile_named(initial_profile)
        self._watch_network = watch_network
        self._network: QNetworkInformation | None = None
        self._view = decide_view(
            simulated_offline=_simulated_offline(profile),
            simulated_profile=profile.name,
            network_reachable=None,
            syncing=False,
            last_report=None,
            counts=initial_counts or OutboxCounts(),
        )
        self._last_sync: datetime | None = initial_last_sync
        self._last_error: str | None = None
        self._state = "new"
        self._thread = QThread(self)
        self._thread.setObjectName("wb-sync")
        self._worker = SyncWorker(
            make_client, initial_profile=initial_profile, debounce_ms=debounce_ms, period_s=period_s
        )
        self._worker.moveToThread(self._thread)
        self._wire()

    def _wire(self) -> None:
        worker, thread = self._worker, self._thread
        thread.started.connect(worker.start_work)
        thread.finished.connect(worker.deleteLater)
        self._syncRequested.connect(worker.sync_now, _QUEUED)
        self._localChanged.connect(worker.local_change, _QUEUED)
        self._profileRequested.connect(worker.set_profile, _QUEUED)
        self._reachabilityChanged.connect(worker.set_network_reachable, _QUEUED)
        self._credentialsGiven.connect(worker.use_credentials, _QUEUED)
        self._stopRequested.connect(worker.stop_work, _QUEUED)
        worker.viewChanged.connect(self._on_view, _QUEUED)
        worker.lastSyncChanged.connect(self._on_last_sync, _QUEUED)
        # Signal to signal: the service is the receiver, so they are re-emitted on its thread.
        worker.progressChanged.connect(self.progress, _QUEUED)
        worker.recordStateChanged.connect(self.recordStateChanged, _QUEUED)
        worker.conflictDetected.connect(self.conflictDetected, _QUEUED)
        worker.stepFinished.connect(self.stepFinished, _QUEUED)

    def start(self) -> None:
        """Start the worker thread (it syncs at once); a second call does nothing."""
        if self._state != "new":
            return
        self._state = "running"
        if self._watch_network:
            self._network = system_network_information()
        if self._network is not None:
            self._network.reachabilityChanged.connect(self._on_reachability)
            self.set_network_reachable(reachability_to_bool(self._network.reachability()))
        self._thread.start()

    def stop(self, timeout_ms: int = 30000) -> bool:
        """Interrupt the running step, stop the worker and wait for its thread.

        Returns whether the thread finished within ``timeout_ms``; safe to call again."""
        if self._state == "new":
            self._state = "stopped"
            return True
        if self._state == "running":
            self._state = "stopped"
            if self._network is not None:
                self._network.reachabilityChanged.disconnect(self._on_reachability)
                self._network = None
            self._thread.requestInterruption()
            self._stopRequested.emit()
        return self._thread.isFinished() or self._thread.wait(timeout_ms)

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def worker_thread(self) -> QThread:
        """The thread the engine runs on (for checks; never move objects onto it)."""
        return self._thread

    def view(self) -> SyncView:
        """The last view emitted by :attr:`viewChanged`."""
        return self._view

    def last_sync(self) -> datetime | None:
        return self._last_sync

    def sync_now(self) -> None:
        self._syncRequested.emit()

    def notify_local_change(self) -> None:
        """Call after every local write; bursts fold into one step after the debounce."""
        self._localChanged.emit()

    def set_profile(self, name: str) -> None:
        """Put the simulated network on the named profile (ValueError for an unknown name)."""
        self._profileRequested.emit(profile_named(name).name)

    def use_credentials(self, email: str, password: str | None, token: str | None) -> None:
        """Sign-in details the technician just gave (see :class:`PasswordSignIn`)."""
        self._credentialsGiven.emit(email, password or "", token or "")

    def set_network_reachable(self, reachable: bool | None) -> None:
        """What the operating system says; None when it cannot tell."""
        self._reachabilityChanged.emit(reachable)

    @Slot(QNetworkInformation.Reachability)
    def _on_reachability(self, reachability: QNetworkInformation.Reachability) -> None:
        self.set_network_reachable(reachability_to_bool(reachability))

    @Slot(object)
    def _on_view(self, view: SyncView) -> None:
        old, self._view = self._view, view
        if view == old:
            return
        self.viewChanged.emit(view)
        if (view.activity, view.offline_reason) != (old.activity, old.offline_reason):
            reason = view.offline_reason.value if view.offline_reason is not None else ""
            self.activityChanged.emit(view.activity.value, reason)
        if view.pending != old.pending:
            self.pendingChanged.emit(view.pending)
        if view.activity is SyncActivity.ERROR:
            if view.message != self._last_error:
                self._last_error = view.message
                self.errorOccurred.emit(view.message)
        elif view.activity is not SyncActivity.SYNCING:
            self._last_error = None

    @Slot(object)
    def _on_last_sync(self, when: datetime | None) -> None:
        if when != self._last_sync:
            self._last_sync = when
            self.lastSyncChanged.emit(when)
