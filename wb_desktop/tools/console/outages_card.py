"""Scheduled outages: "offline in 30 s for 2 min", and "drop the link when the photo upload
reaches 40 %". Each planned outage is listed with its countdown and can be cancelled."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.app.sync_service import SyncService
from wb_desktop.core.sync.profiles import Behaviour, NetworkProfile, profile_named
from wb_desktop.ui.job_sections import card
from wb_desktop.ui.theme import TOUCH_TARGET_PX

TICK_MS = 1000


@dataclass
class PlannedOutage:
    starts_at: datetime
    ends_at: datetime
    restore: NetworkProfile | None = None  # set when the outage began
    started: bool = False


class OutagesCard(QFrame):
    """Timers run on the GUI thread against the wall clock; an outage restores whatever
    profile was in force when it began (a custom one included)."""

    def __init__(
        self, service: SyncService, now: Callable[[], datetime], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._now = now
        self._planned: list[PlannedOutage] = []
        frame, layout = card(self.tr("Scheduled outages"), self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)

        row = QHBoxLayout()
        self.delay_spin = self._spin(0, 3600, 30, self.tr(" s"))
        self.length_spin = self._spin(1, 24 * 60, 2, self.tr(" min"))
        self.plan_button = QPushButton(self.tr("Plan outage"), self)
        self.plan_button.setMinimumHeight(TOUCH_TARGET_PX)
        self.plan_button.clicked.connect(self.plan_from_fields)
        row.addWidget(QLabel(self.tr("Offline in"), self))
        row.addWidget(self.delay_spin)
        row.addWidget(QLabel(self.tr("for"), self))
        row.addWidget(self.length_spin)
        row.addWidget(self.plan_button)
        row.addStretch(1)
        layout.addLayout(row)

        self.planned_list = QListWidget(self)
        self.planned_list.setMaximumHeight(TOUCH_TARGET_PX * 3)
        self.planned_list.setAccessibleName(self.tr("Planned outages"))
        layout.addWidget(self.planned_list)
        self.cancel_button = QPushButton(self.tr("Cancel planned outages"), self)
        self.cancel_button.setMinimumHeight(TOUCH_TARGET_PX)
        self.cancel_button.clicked.connect(self.cancel_all)
        layout.addWidget(self.cancel_button)

        cut_row = QHBoxLayout()
        self.cut_spin = self._spin(1, 99, 40, self.tr(" %"))
        self.cut_button = QPushButton(self.tr("Drop the link at this point of the next upload"))
        self.cut_button.setCheckable(True)
        self.cut_button.setMinimumHeight(TOUCH_TARGET_PX)
        self.cut_button.toggled.connect(self._arm_cut)
        cut_row.addWidget(QLabel(self.tr("Upload cut at"), self))
        cut_row.addWidget(self.cut_spin)
        cut_row.addWidget(self.cut_button)
        cut_row.addStretch(1)
        layout.addLayout(cut_row)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setProperty("role", "warning")
        layout.addWidget(self.message_label)

        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        service.linkCut.connect(self._cut_happened)
        self._show()

    def _spin(self, low: int, high: int, value: int, suffix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(suffix)
        spin.setMinimumSize(TOUCH_TARGET_PX * 2, TOUCH_TARGET_PX)
        return spin

    def plan_from_fields(self) -> None:
        self.plan(
            timedelta(seconds=self.delay_spin.value()), timedelta(minutes=self.length_spin.value())
        )

    def plan(self, delay: timedelta, length: timedelta) -> PlannedOutage:
        """Go offline after ``delay`` for ``length``; returns the planned outage."""
        starts = self._now() + delay
        outage = PlannedOutage(starts, starts + length)
        self._planned.append(outage)
        self._timer.start()
        self.tick()
        return outage

    def cancel_all(self) -> None:
        """Forget planned outages; one already running ends now and the link comes back."""
        for outage in self._planned:
            if outage.started:
                self._end(outage)
        self._planned.clear()
        self._timer.stop()
        self._show()

    def planned(self) -> list[PlannedOutage]:
        return list(self._planned)

    def tick(self) -> None:
        now = self._now()
        for outage in list(self._planned):
            if not outage.started and now >= outage.starts_at:
                outage.started = True
                outage.restore = self._service.profile()
                self._service.set_profile("offline")
            if outage.started and now >= outage.ends_at:
                self._end(outage)
                self._planned.remove(outage)
        if not self._planned:
            self._timer.stop()
        self._show()

    def _end(self, outage: PlannedOutage) -> None:
        restore = outage.restore or profile_named("online")
        if restore.behaviour is Behaviour.OFFLINE:
            restore = profile_named("online")
        self._service.set_profile(restore)
        self._service.sync_now()

    def _show(self) -> None:
        now = self._now()
        self.planned_list.clear()
        for outage in self._planned:
            if outage.started:
                left = max(0, round((outage.ends_at - now).total_seconds()))
                text = self.tr("Offline now — back online in %1 s").replace("%1", str(left))
            else:
                starts = max(0, round((outage.starts_at - now).total_seconds()))
                length = round((outage.ends_at - outage.starts_at).total_seconds())
                text = (
                    self.tr("Offline in %1 s for %2 s")
                    .replace("%1", str(starts))
                    .replace("%2", str(length))
                )
            self.planned_list.addItem(text)
        self.cancel_button.setEnabled(bool(self._planned))

    def _arm_cut(self, armed: bool) -> None:
        fraction = self.cut_spin.value() / 100 if armed else None
        self._service.cut_link_at_upload(fraction)
        self.cut_spin.setEnabled(not armed)
        self.message_label.setText(
            self.tr("Armed: the link drops when the next upload reaches %1 %.").replace(
                "%1", str(self.cut_spin.value())
            )
            if armed
            else ""
        )

    def _cut_happened(self, fraction: float) -> None:
        self.cut_button.blockSignals(True)
        self.cut_button.setChecked(False)
        self.cut_button.blockSignals(False)
        self.cut_spin.setEnabled(True)
        self.message_label.setText(
            self.tr(
                "The link dropped at %1 % of an upload. It stays offline until you switch it "
                "back on; the upload then resumes where the server stopped."
            ).replace("%1", str(round(fraction * 100)))
        )
