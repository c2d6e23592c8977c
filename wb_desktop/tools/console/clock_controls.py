"""Moving the app's virtual clock: jump ahead (a retry due later, tomorrow's schedule) and
skew the device clock (a tablet whose clock is wrong)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.core.domain.virtual_clock import MAX_SKEW, VirtualClock
from wb_desktop.ui.job_sections import card
from wb_desktop.ui.theme import TOUCH_TARGET_PX, set_role

MINUTES_PER_DAY = 24 * 60
MAX_SKEW_MINUTES = int(MAX_SKEW.total_seconds() // 60)


class ClockControls(QFrame):
    """Disabled, with the reason, when the app was not built on a virtual clock."""

    jumped = Signal(object)  # the timedelta the clock moved ahead, for the recorder

    def __init__(self, clock: VirtualClock | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        frame, layout = card(self.tr("Virtual clock"), self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        self.time_label = QLabel(frame)
        self.time_label.setWordWrap(True)
        layout.addWidget(self.time_label)

        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Jump ahead"), frame), 0, 0)
        quick = QHBoxLayout()
        self.jump_buttons: list[QPushButton] = []
        for text, delta in (
            (self.tr("+5 min"), timedelta(minutes=5)),
            (self.tr("+1 h"), timedelta(hours=1)),
            (self.tr("+1 day"), timedelta(days=1)),
        ):
            button = self._button(text, frame)
            button.clicked.connect(lambda _checked=False, d=delta: self.jump(d))
            quick.addWidget(button)
            self.jump_buttons.append(button)
        grid.addLayout(quick, 0, 1)
        custom = QHBoxLayout()
        self.custom_spin = self._spin(1, 30 * MINUTES_PER_DAY, 30, frame)
        self.custom_spin.setAccessibleName(self.tr("Minutes to jump ahead"))
        self.custom_button = self._button(self.tr("Jump"), frame)
        self.custom_button.clicked.connect(self.jump_custom)
        custom.addWidget(self.custom_spin, 1)
        custom.addWidget(self.custom_button)
        grid.addWidget(QLabel(self.tr("Custom"), frame), 1, 0)
        grid.addLayout(custom, 1, 1)
        self.skew_spin = self._spin(-MAX_SKEW_MINUTES, MAX_SKEW_MINUTES, 0, frame)
        self.skew_spin.setAccessibleName(self.tr("Device clock skew in minutes"))
        self.skew_spin.valueChanged.connect(self.set_skew_minutes)
        grid.addWidget(QLabel(self.tr("Device clock skew"), frame), 2, 0)
        grid.addWidget(self.skew_spin, 2, 1)
        layout.addLayout(grid)
        self.message_label = QLabel(frame)
        self.message_label.setWordWrap(True)
        set_role(self.message_label, "muted")
        layout.addWidget(self.message_label)
        self.setTabOrder(self.jump_buttons[-1], self.custom_spin)
        self.setTabOrder(self.custom_spin, self.custom_button)
        self.setTabOrder(self.custom_button, self.skew_spin)
        if clock is None:
            for widget in (*self.jump_buttons, self.custom_spin, self.custom_button):
                widget.setEnabled(False)
            self.skew_spin.setEnabled(False)
            self.message_label.setText(
                self.tr(
                    "This app runs on the real clock, so time cannot be moved here. "
                    "The app builds the console on a virtual clock to allow it."
                )
            )
        self._show_time()

    def _button(self, text: str, parent: QWidget) -> QPushButton:
        button = QPushButton(text, parent)
        button.setMinimumSize(TOUCH_TARGET_PX * 2, TOUCH_TARGET_PX)
        return button

    def _spin(self, low: int, high: int, value: int, parent: QWidget) -> QSpinBox:
        spin = QSpinBox(parent)
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(self.tr(" min"))
        spin.setMinimumHeight(TOUCH_TARGET_PX)
        return spin

    def jump(self, delta: timedelta) -> None:
        if self._clock is None:
            return
        try:
            self._clock.jump(delta)
        except ValueError as error:
            self.message_label.setText(str(error))
            set_role(self.message_label, "error")
            return
        set_role(self.message_label, "muted")
        self.message_label.setText("")
        self._show_time()
        self.jumped.emit(delta)

    def jump_custom(self) -> None:
        self.jump(timedelta(minutes=self.custom_spin.value()))

    def set_skew_minutes(self, minutes: int) -> None:
        if self._clock is None:
            return
        self._clock.set_skew(timedelta(minutes=minutes))
        self._show_time()

    def _show_time(self) -> None:
        clock = self._clock
        if clock is None:
            self.time_label.setText(self.tr("Real time"))
            return
        self.time_label.setText(
            self.tr("Device time %1 · jumped %2 · skew %3 min")
            .replace("%1", clock.now().strftime("%Y-%m-%d %H:%M UTC"))
            .replace("%2", _duration(clock.jumped))
            .replace("%3", f"{int(clock.skew.total_seconds() // 60):+d}")
        )


def _duration(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, MINUTES_PER_DAY)
    hours, minutes = divmod(rest, 60)
    return f"{days} d {hours:02d}:{minutes:02d}"
