# Qt names signals in camelCase; the service's signals follow Qt, not PEP 8.
"""The Qt adapter around the sync engine: the GUI's facade over the worker's QThread.

The engine is plain code; :mod:`wb_desktop.app.sync_worker` decides when a step runs. The GUI
talks to the worker only through this service's queued signals, and everything the GUI
hears is emitted on the GUI thread.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtNetwork import QNetworkInformation

from wb_desktop.app.sync_worker import ClientFactory, SyncWorker, simulated_offline
from wb_desktop.core.sync.connectivity import SyncActivity, SyncStatus, SyncView, decide_view
from wb_desktop.core.sync.payment_runner import (
    PaymentAttempts,
    not_started_refusal,
    offline_refusal,
)
from wb_desktop.core.sync.payments import PAYMENT_TIMEOUT_S, PaymentRefusedError
from wb_desktop.core.sync.profiles import NetworkProfile, profile_named
from wb_desktop.core.sync.step_report import OutboxCounts

_QUEUED = Qt.ConnectionType.QueuedConnection


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


class SyncService(QObject):
    """The GUI's handle on sync; construct, call and connect it on the GUI thread only.

    Call :meth:`stop` before the service goes away: a QThread destroyed while running
    aborts the process.
    """

    statusChanged = Signal(object)  # SyncStatus: the one source of the status bar
    changesNoticed = Signal(object)  # Changes: what a sync step sent, uploaded or pulled
    viewChanged = Signal(object)
    activityChanged = Signal(str, str)
    pendingChanged = Signal(int)
    lastSyncChanged = Signal(object)
    progress = Signal(int, int)
    recordStateChanged = Signal(str, str, str)
    conflictDetected = Signal(str, str, str)
    errorOccurred = Signal(str)
    stepFinished = Signal(object)
    paymentFinished = Signal(str, object)  # document id, PaymentOutcome or WorkBossError
    profileChanged = Signal(object)  # the NetworkProfile now in force (QA, the recorder)
    traceEvent = Signal(object)  # a TraceEvent: one request and its reply (the console)
    linkCut = Signal(float)  # a scheduled "drop the link at N % of an upload" happened
    paymentRequested = Signal(str, str)  # document id, card number (the scenario recorder)

    # To the worker (queued: they run on the worker's thread).
    _syncRequested = Signal()
    _localChanged = Signal()
    _profileRequested = Signal(object)
    _reachabilityChanged = Signal(object)
    _credentialsGiven = Signal(str, str, str)
    _paymentRequested = Signal(str, str, int)
    _stopRequested = Signal()
    _uploadCutRequested = Signal(float)

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
        initial_uploads: int = 0,
        payment_timeout_s: float = PAYMENT_TIMEOUT_S,
        parent: QObject | None = None,
    ) -> None:
        """``initial_counts``, ``initial_uploads`` and ``initial_last_sync``: what the cache
        says before the worker has reported, so the indicator never shows "All synced"
        while work waits.
        ``payment_timeout_s``: how long one card-payment call may wait for its answer."""
        super().__init__(parent)
        profile = profile_named(initial_profile)
        self._profile = profile
        self._watch_network = watch_network
        self._network: QNetworkInformation | None = None
        self._view = decide_view(
            simulated_offline=simulated_offline(profile),
            simulated_profile=profile.name,
            network_reachable=None,
            syncing=False,
            last_report=None,
            counts=initial_counts or OutboxCounts(),
        )
        self._last_sync: datetime | None = initial_last_sync
        self._status = SyncStatus(
            self._view,
            connected=self._view.activity is not SyncActivity.OFFLINE,
            uploads=initial_uploads,
            last_sync=initial_last_sync,
        )
        self._last_error: str | None = None
        self._state = "new"
        self._payment_timeout_s = payment_timeout_s
        self._attempts = PaymentAttempts()
        self._thread = QThread(self)
        self._thread.setObjectName("wb-sync")
        self._worker = SyncWorker(
            make_client,
            initial_profile=initial_profile,
            debounce_ms=debounce_ms,
            period_s=period_s,
            payment_timeout_s=payment_timeout_s,
            payment_attempts=self._attempts,
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
        self._uploadCutRequested.connect(worker.arm_upload_cut, _QUEUED)
        worker.traceEvent.connect(self.traceEvent, _QUEUED)
        worker.linkCut.connect(self.linkCut, _QUEUED)
        worker.profileForced.connect(self._on_profile_forced, _QUEUED)
        self._reachabilityChanged.connect(worker.set_network_reachable, _QUEUED)
        self._credentialsGiven.connect(worker.use_credentials, _QUEUED)
        self._paymentRequested.connect(worker.take_payment, _QUEUED)
        self._stopRequested.connect(worker.stop_work, _QUEUED)
        worker.statusChanged.connect(self._on_status, _QUEUED)
        worker.changesNoticed.connect(self.changesNoticed, _QUEUED)
        worker.viewChanged.connect(self._on_view, _QUEUED)
        worker.lastSyncChanged.connect(self._on_last_sync, _QUEUED)
        # Signal to signal: the service is the receiver, so they are re-emitted on its thread.
        worker.progressChanged.connect(self.progress, _QUEUED)
        worker.recordStateChanged.connect(self.recordStateChanged, _QUEUED)
        worker.conflictDetected.connect(self.conflictDetected, _QUEUED)
        worker.stepFinished.connect(self.stepFinished, _QUEUED)
        worker.paymentFinished.connect(self._on_payment_finished, _QUEUED)

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

    def status(self) -> SyncStatus:
        """The last snapshot emitted by :attr:`statusChanged`."""
        return self._status

    def last_sync(self) -> datetime | None:
        return self._last_sync

    def sync_now(self) -> None:
        self._syncRequested.emit()

    def notify_local_change(self) -> None:
        """Call after every local write; bursts fold into one step after the debounce."""
        self._localChanged.emit()

    def profile(self) -> NetworkProfile:
        """The simulated network profile in force (as last asked for)."""
        return self._profile

    def set_profile(self, profile: str | NetworkProfile) -> None:
        """Put the simulated network on a named profile (ValueError for an unknown name) or
        on a custom one from the console's profile editor."""
        chosen = profile_named(profile) if isinstance(profile, str) else profile
        self._profile = chosen
        self._profileRequested.emit(chosen)
        self.profileChanged.emit(chosen)
        self._on_status(self._status)  # Work offline shows at once, not after the step

    @Slot(object)
    def _on_status(self, status: SyncStatus) -> None:
        """The worker's snapshot, except that an offline profile chosen here wins over what
        a step still running on the worker reports (its progress, its "Syncing…")."""
        if simulated_offline(self._profile):
            status = status.offline_by_choice(self._profile.name)
        if status != self._status:
            self._status = status
            self.statusChanged.emit(status)

    def cut_link_at_upload(self, fraction: float | None) -> None:
        """Drop the link when the next upload passes ``fraction`` (0–1) of its size; None
        cancels. The link then stays offline until a profile is chosen again."""
        if fraction is not None and not 0 < fraction < 1:
            raise ValueError(f"the cut must be between 0 and 1 of the upload, not {fraction}")
        self._uploadCutRequested.emit(fraction or 0.0)

    def _on_profile_forced(self, profile: NetworkProfile) -> None:
        self._profile = profile
        self.profileChanged.emit(profile)
        self._on_status(self._status)

    def use_credentials(self, email: str, password: str | None, token: str | None) -> None:
        """Sign-in details the technician just gave (see :class:`PasswordSignIn`)."""
        self._credentialsGiven.emit(email, password or "", token or "")

    def set_network_reachable(self, reachable: bool | None) -> None:
        """What the operating system says; None when it cannot tell."""
        self._reachabilityChanged.emit(reachable)

    def payment_timeout_s(self) -> float:
        """How long one card-payment attempt waits for its answer (the panel counts it down)."""
        return self._payment_timeout_s

    def take_payment(self, document_id: str, card_number: str) -> None:
        """Charge the invoice's total on the worker thread; returns at once.

        :attr:`paymentFinished` follows with the document id and a ``PaymentOutcome`` or the
        ``WorkBossError`` to show. Offline, the refusal comes at once, without waiting for a
        sync step the worker may be in. Called again for the same invoice ("Try again"), the
        earlier attempt is given up on: only the new one answers, and it asks the server
        what became of the payment before it sends the card again."""
        self.paymentRequested.emit(document_id, card_number)
        attempt = self._attempts.begin(document_id)
        refusal: PaymentRefusedError | None = None
        if self._view.activity is SyncActivity.OFFLINE:
            refusal = offline_refusal()
        elif self._state != "running":
            refusal = not_started_refusal()
        if refusal is None:
            self._paymentRequested.emit(document_id, card_number, attempt)
        else:
            answer = refusal
            QTimer.singleShot(
                0, self, lambda: self._on_payment_finished(document_id, attempt, answer)
            )

    def cancel_payment(self, document_id: str) -> None:
        """The person gave up waiting: nothing more is sent for this attempt, and its answer,
        if one still comes, is not shown (the next attempt asks the server instead)."""
        self._attempts.cancel(document_id)

    @Slot(str, int, object)
    def _on_payment_finished(self, document_id: str, attempt: int, result: object) -> None:
        if self._attempts.finish(document_id, attempt):
            self.paymentFinished.emit(document_id, result)

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
