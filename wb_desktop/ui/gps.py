"""GPS while online: a simulated position along the day's route, recorded every interval.

The office follows the van only while the tablet reaches the server; offline the tracker
records nothing and says "GPS paused", so no backlog of stale positions floods the office
on reconnect. When the connection returns it records a position at once, and the next sync
step sends it (the engine sends every unsent ping, see ``wb_desktop.core.sync.locations``).

Online and offline follow what the status bar's badge shows: while a sync step runs the
tracker keeps the last finished step's answer, so a retry while offline does not resume.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from wb_desktop.app.sync_service import SyncService
from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.core.domain.route import HOME_BASE, Fix, GeoPoint
from wb_desktop.core.store.changes.positions import RecordedPosition
from wb_desktop.core.sync.connectivity import SyncStatus
from wb_desktop.ui.workday import Workday

_log = logging.getLogger(__name__)
DEFAULT_INTERVAL_S = 30.0


class GpsTracker(QObject):
    """Records a ping per tick while online; ticks on the GUI thread, records through the
    op runner's write worker (one small read and one small insert).

    Call :meth:`start` to begin; :meth:`stop` before the cache closes."""

    pausedChanged = Signal(bool)
    positionChanged = Signal(float, float)  # latitude, longitude of the ping just recorded

    def __init__(
        self,
        workday: Workday,
        service: SyncService,
        interval_s: float = DEFAULT_INTERVAL_S,
        parent: QObject | None = None,
        *,
        home: GeoPoint = HOME_BASE,
    ) -> None:
        super().__init__(parent)
        self._workday = workday
        self._home = home
        self._online = service.status().connected
        self.last_fix: Fix | None = None
        self._recording = False  # a ping on its way: a slow disk never piles ticks up
        self.timer = QTimer(self)
        self.timer.setInterval(max(1, round(interval_s * 1000)))
        self.timer.timeout.connect(self.tick)
        service.statusChanged.connect(self._on_status)

    @property
    def paused(self) -> bool:
        """True while offline: nothing is recorded."""
        return not self._online

    def is_running(self) -> bool:
        return self.timer.isActive()

    def start(self) -> None:
        """Tick now and then every interval; calling it again changes nothing."""
        if self.timer.isActive():
            return
        self.timer.start()
        self.tick()

    def stop(self) -> None:
        self.timer.stop()

    @Slot()
    def tick(self) -> None:
        """Record one ping at the simulated position for now (nothing while paused);
        :attr:`positionChanged` follows, or a skipped ping is logged and the next tick tries
        again."""
        if self.paused or (self._recording and not self._workday.runner.idle):
            return  # an idle runner has answered the last ping, even if a bug ended it
        self._recording = True
        workday, home = self._workday, self._home
        technician_id, today, zone, now = (
            workday.technician_id,
            workday.today(),
            workday.zone,
            workday.clock.now(),
        )
        workday.runner.write(
            lambda changes: changes.positions.record(technician_id, today, zone, now, home),
            self._recorded,
            self._skipped,
            initiator=self,
        )

    def _recorded(self, recorded: RecordedPosition) -> None:
        self._recording = False
        self.last_fix = recorded.fix
        self.positionChanged.emit(recorded.fix.latitude, recorded.fix.longitude)

    def _skipped(self, error: WorkBossError) -> None:
        self._recording = False
        _log.warning("%s", error, exc_info=error)

    @Slot(object)
    def _on_status(self, status: SyncStatus) -> None:
        """Paused exactly when the status bar says offline (the same snapshot)."""
        online = status.connected
        if online == self._online:
            return
        self._online = online
        self.pausedChanged.emit(not online)
        if online and self.timer.isActive():
            self.timer.start()  # the next tick one interval after this one
            self.tick()
