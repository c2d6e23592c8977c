"""The status bar: online or offline at a glance, and what sync is doing.

A technician in a cellar must see without reading much whether the tablet reaches the
server and how many of today's changes still wait. The badge says it with colour, a shape
that survives greyscale and sunlight, and words; the indicator says how much waits, when the
last sync worked, and shows a sync error only here, never in a dialog of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.app.sync_service import SyncService
from wb_desktop.core.sync.connectivity import SyncActivity, SyncStatus, SyncView
from wb_desktop.core.sync.step_report import Failure
from wb_desktop.ui.gps import GpsTracker
from wb_desktop.ui.gps_indicator import GpsIndicator
from wb_desktop.ui.messages import translated
from wb_desktop.ui.relative_time import relative_time
from wb_desktop.ui.sync_details import SyncDetailsDialog, connection_words
from wb_desktop.ui.theme import TOUCH_TARGET_PX, Colours, colours_for, set_flag

ICON_PX = 24
REFRESH_MS = 30_000  # "2 min ago" must not go stale while the tablet sits on the dashboard
_ERROR_FAILURES = (Failure.SERVER, Failure.AUTH, Failure.STOPPED)


def _colours(high_contrast: bool | None) -> Colours:
    """None follows the application's theme (``apply_theme`` records the choice)."""
    if high_contrast is None:
        app = QApplication.instance()
        high_contrast = bool(app.property("wb_high_contrast")) if app is not None else False
    return colours_for(high_contrast)


def _paint_label(label: QLabel, colour: str, *, bold: bool = True) -> None:
    weight = 700 if bold else 400
    label.setStyleSheet(f"color: {colour}; font-weight: {weight};")


def _round_pen(colour: str, width: float) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def connection_icon(online: bool, colour: str, ratio: float = 1.0) -> QPixmap:
    """A filled disc with a tick when online, a hollow disc struck through when offline:
    the two differ in shape, not only in colour, so they read apart in greyscale."""
    pixmap = QPixmap(round(ICON_PX * ratio), round(ICON_PX * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    stroke = ICON_PX / 8
    disc = QRectF(stroke / 2, stroke / 2, ICON_PX - stroke, ICON_PX - stroke)
    if online:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawEllipse(disc)
        painter.setPen(_round_pen("#ffffff", stroke))
        unit = ICON_PX / 24
        tick = [(7.0, 12.5), (10.5, 16.0), (17.0, 8.5)]
        painter.drawPolyline([QPointF(x * unit, y * unit) for x, y in tick])
    else:
        painter.setPen(_round_pen(colour, stroke))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(disc)
        inset = ICON_PX * 0.22
        painter.drawLine(QPointF(inset, inset), QPointF(ICON_PX - inset, ICON_PX - inset))
    painter.end()
    return pixmap


class ConnectionBadge(QWidget):
    """Online or offline, and why: :attr:`SyncStatus.connected`, which keeps what the last
    finished step found while a step runs, so an offline tablet does not flash "Online" at
    every retry."""

    def __init__(self, *, high_contrast: bool | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colours = _colours(high_contrast)
        self.online: bool = True
        self.colour = self._colours.online
        self.icon_label = QLabel(self)
        self.icon_label.setFixedSize(ICON_PX, ICON_PX)
        self.text_label = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(8)
        layout.addWidget(self.icon_label)
        layout.addWidget(self.text_label)
        self._show(online=True, words=self.tr("Online"), detail="")

    def set_status(self, status: SyncStatus) -> None:
        if status.syncing:
            return  # ``connected`` is still what the last finished step found: shown already
        view = status.view
        self._show(
            online=status.connected, words=connection_words(view), detail=translated(view.message)
        )

    def _show(self, *, online: bool, words: str, detail: str) -> None:
        self.online = online
        self.colour = self._colours.online if online else self._colours.offline
        self.icon_label.setPixmap(connection_icon(online, self.colour, self.devicePixelRatioF()))
        self.text_label.setText(words)
        _paint_label(self.text_label, self.colour)
        self.setAccessibleName(words)
        self.setAccessibleDescription(detail)
        self.setToolTip(detail)


class SyncIndicator(QWidget):
    """How much waits, when sync last worked, progress while it runs, and errors.

    ``now`` and ``zone`` are injected so the "… ago" words are testable; a timer re-reads
    ``now`` every 30 s. The Details button opens :class:`SyncDetailsDialog` on a tap only.
    """

    syncNowRequested = Signal()

    def __init__(
        self,
        now: Callable[[], datetime],
        zone: tzinfo,
        *,
        high_contrast: bool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._zone = zone
        self._colours = _colours(high_contrast)
        self._status = SyncStatus(SyncView(SyncActivity.IDLE, None, "", 0, 0))
        self.details_dialog: SyncDetailsDialog | None = None

        self.state_label = QLabel(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setMinimumWidth(160)
        self.progress_bar.setMaximumHeight(20)
        self.progress_bar.setTextVisible(False)  # the numbers go in the state label
        self.pending_label = QLabel(self)
        self.last_sync_label = QLabel(self)
        _paint_label(self.last_sync_label, self._colours.muted, bold=False)
        self.details_button = QPushButton(self.tr("Details"), self)
        self.details_button.setMinimumSize(TOUCH_TARGET_PX * 2, TOUCH_TARGET_PX)
        self.details_button.clicked.connect(self.open_details)
        self.sync_now_button = QPushButton(self.tr("Sync now"), self)
        self.sync_now_button.setMinimumSize(TOUCH_TARGET_PX * 2, TOUCH_TARGET_PX)
        self.sync_now_button.clicked.connect(self.syncNowRequested)
        self.setTabOrder(self.details_button, self.sync_now_button)

        counts = QVBoxLayout()
        counts.setSpacing(0)
        counts.addWidget(self.pending_label)
        counts.addWidget(self.last_sync_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.setSpacing(12)
        layout.addWidget(self.state_label)
        layout.addWidget(self.progress_bar)
        layout.addLayout(counts)
        layout.addWidget(self.details_button)
        layout.addWidget(self.sync_now_button)

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self.refresh_timer.start()
        self.refresh()

    def details(self) -> SyncStatus:
        return self._status

    def set_status(self, status: SyncStatus) -> None:
        """Show one snapshot whole: state, progress, what waits and when sync last worked."""
        if status.syncing and not self._status.syncing and status.progress is None:
            self.progress_bar.setRange(0, 0)  # busy until the engine knows the total
        self._status = status
        if status.progress is not None:
            done, total = status.progress
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
        self.refresh()

    def refresh(self) -> None:
        """Re-render everything from the last snapshot and ``now``."""
        status = self._status
        view = status.view
        syncing = status.syncing
        error = view.activity is SyncActivity.ERROR
        self.progress_bar.setVisible(syncing and status.connected)
        self.details_button.setVisible(error)
        self.state_label.setVisible(syncing or error)
        if syncing:
            self.state_label.setText(self._syncing_words())
            _paint_label(self.state_label, self._colours.text)
        elif error:
            self.state_label.setText(self._error_words())
            _paint_label(self.state_label, self._colours.error)
        self.state_label.setToolTip(translated(view.message))
        self.state_label.setAccessibleDescription(translated(view.message))
        self._show_waiting(status)
        self._show_last_sync(status.last_sync)
        if self.details_dialog is not None:
            self.details_dialog.set_details(status)

    def open_details(self) -> None:
        """Only a tap gets here: errors stay in the indicator until someone asks."""
        if self.details_dialog is None:
            self.details_dialog = SyncDetailsDialog(self._status, self._now, self._zone, self)
            self.details_dialog.syncNowRequested.connect(self.syncNowRequested)
        self.details_dialog.set_details(self._status)
        self.details_dialog.open()

    def _syncing_words(self) -> str:
        if not self._status.connected:  # a retry while the server did not answer
            return self.tr("Trying to reach the server…")
        if self._status.progress is None:
            return self.tr("Syncing…")
        done, total = self._status.progress
        return self.tr("Syncing… %1 of %2").replace("%1", str(done)).replace("%2", str(total))

    def _error_words(self) -> str:
        view, report = self._status.view, self._status.last_report
        failed = report is not None and not report.ok and report.failure in _ERROR_FAILURES
        if failed and report.failure is Failure.AUTH:
            return self.tr("Sync error — sign in again")
        if view.dead > 0 and not failed:
            return self.tr("%n refused by the server", "", view.dead)
        return self.tr("Sync error")

    def _show_waiting(self, status: SyncStatus) -> None:
        """ "All synced" only when it is true (nothing waits, no error); photos whose bytes
        are not at the office yet wait too."""
        if status.all_synced:
            self.pending_label.setText(self.tr("All synced"))
            _paint_label(self.pending_label, self._colours.synced)
        elif status.waiting == 0:
            self.pending_label.setText(self.tr("Nothing waiting to sync"))
            _paint_label(self.pending_label, self._colours.muted)
        else:
            self.pending_label.setText(self.tr("%n waiting to sync", "", status.waiting))
            _paint_label(self.pending_label, self._colours.pending)

    def _show_last_sync(self, when: datetime | None) -> None:
        if when is None:
            self.last_sync_label.setText(self.tr("Never synced"))
            return
        ago = relative_time(when, self._now(), self._zone)
        self.last_sync_label.setText(self.tr("Last sync %1").replace("%1", ago))


class WorkStatusBar(QStatusBar):
    """The main window's status bar, wired to a :class:`SyncService` (or anything with its
    signals and ``view``, ``last_sync``, ``sync_now``).

    The GPS indicator stays hidden until :meth:`attach_gps` gives it a tracker."""

    def __init__(
        self,
        service: SyncService,
        now: Callable[[], datetime],
        zone: tzinfo,
        parent: QWidget | None = None,
        *,
        high_contrast: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)  # a tablet app runs maximised; the grip is a mis-tap
        self._service = service
        row = QWidget(self)
        self.badge = ConnectionBadge(high_contrast=high_contrast, parent=row)
        self.indicator = SyncIndicator(now, zone, high_contrast=high_contrast, parent=row)
        self.gps_indicator = GpsIndicator(high_contrast=high_contrast, parent=row)
        self.gps_indicator.hide()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.badge)
        layout.addWidget(self.gps_indicator)
        layout.addStretch(1)
        layout.addWidget(self.indicator)
        # Permanent, so a passing showMessage() never hides online/offline.
        self.addPermanentWidget(row, 1)

        service.statusChanged.connect(self.show_status)
        self.indicator.syncNowRequested.connect(service.sync_now)
        self.show_status(service.status())

    def attach_gps(self, tracker: GpsTracker) -> None:
        """Show whether ``tracker`` records positions, and follow it from now on."""
        self.gps_indicator.set_paused(tracker.paused)
        tracker.pausedChanged.connect(self.gps_indicator.set_paused)
        self.gps_indicator.show()

    def show_status(self, status: SyncStatus) -> None:
        """Bar, badge and indicator from the same snapshot, so they never disagree."""
        set_flag(self, "offline", not status.connected)  # the whole bar turns orange
        self.badge.set_status(status)
        self.indicator.set_status(status)
