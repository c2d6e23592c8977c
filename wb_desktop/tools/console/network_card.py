"""The link itself: a large online/offline switch, the profile picker with the profile's
figures, and an editor for a custom profile (QA's own latency, bandwidth and loss)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from wb_desktop.app.sync_service import SyncService
from wb_desktop.core.sync.profiles import PROFILE_NAMES, Behaviour, NetworkProfile, profile_named
from wb_desktop.ui.job_sections import card
from wb_desktop.ui.theme import TOUCH_TARGET_PX, set_role

CUSTOM = "custom"
SWITCH_HEIGHT_PX = TOUCH_TARGET_PX * 2


def profile_figures(profile: NetworkProfile) -> str:
    """The profile's figures in words the console reader knows (kbps, ms, %)."""
    return profile.figures() + (f" — {profile.source}" if profile.source else "")


class NetworkCard(QFrame):
    """Follows :attr:`SyncService.profileChanged`, so the main window's Work offline button,
    a scheduled outage and this card always agree."""

    profileApplied = Signal(object)  # the NetworkProfile a person chose here

    def __init__(self, service: SyncService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._last_online = profile_named("online")
        frame, layout = card(self.tr("Network"), self)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)

        self.switch = QPushButton(self)
        self.switch.setCheckable(True)
        self.switch.setMinimumHeight(SWITCH_HEIGHT_PX)
        self.switch.setAccessibleName(self.tr("Online / offline switch"))
        self.switch.clicked.connect(self._switch_clicked)
        layout.addWidget(self.switch)

        picker_row = QHBoxLayout()
        self.profile_combo = QComboBox(self)
        self.profile_combo.setMinimumHeight(TOUCH_TARGET_PX)
        self.profile_combo.setAccessibleName(self.tr("Network profile"))
        for name in PROFILE_NAMES:
            self.profile_combo.addItem(name, name)
        self.profile_combo.addItem(self.tr("Custom…"), CUSTOM)
        self.profile_combo.activated.connect(self._picked)
        picker_row.addWidget(QLabel(self.tr("Profile"), self))
        picker_row.addWidget(self.profile_combo, 1)
        layout.addLayout(picker_row)
        self.figures_label = QLabel(self)
        self.figures_label.setProperty("role", "muted")
        self.figures_label.setWordWrap(True)
        layout.addWidget(self.figures_label)

        self.custom_box = QFrame(self)
        form = QFormLayout(self.custom_box)
        form.setContentsMargins(0, 0, 0, 0)
        self.latency_spin = self._spin(0, 60_000, " ms")
        self.jitter_spin = self._spin(0, 10_000, " ms")
        self.down_spin = self._spin(0, 1_000_000, " kbps", special=self.tr("unlimited"))
        self.up_spin = self._spin(0, 1_000_000, " kbps", special=self.tr("unlimited"))
        self.loss_spin = self._spin(0, 100, " %")
        form.addRow(self.tr("Latency"), self.latency_spin)
        form.addRow(self.tr("Jitter"), self.jitter_spin)
        form.addRow(self.tr("Download"), self.down_spin)
        form.addRow(self.tr("Upload"), self.up_spin)
        form.addRow(self.tr("Loss"), self.loss_spin)
        self.apply_button = QPushButton(self.tr("Use this profile"), self.custom_box)
        self.apply_button.setMinimumHeight(TOUCH_TARGET_PX)
        self.apply_button.clicked.connect(self.apply_custom)
        form.addRow("", self.apply_button)
        self.custom_error = QLabel(self.custom_box)
        self.custom_error.setProperty("role", "error")
        self.custom_error.setWordWrap(True)
        self.custom_error.hide()
        form.addRow("", self.custom_error)
        self.custom_box.hide()
        layout.addWidget(self.custom_box)

        service.profileChanged.connect(self.show_profile)
        self.show_profile(service.profile())

    def _spin(
        self, low: float, high: float, suffix: str, special: str | None = None
    ) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setRange(low, high)
        spin.setDecimals(1)
        spin.setSuffix(suffix)
        spin.setMinimumHeight(TOUCH_TARGET_PX)
        if special is not None:
            spin.setSpecialValueText(special)  # shown at the minimum: no limit
        return spin

    def show_profile(self, profile: NetworkProfile) -> None:
        offline = profile.behaviour is Behaviour.OFFLINE
        if not offline:
            self._last_online = profile
        self.switch.setChecked(not offline)
        self.switch.setText(
            self.tr("Offline — tap to go online")
            if offline
            else self.tr("Online — tap to go offline")
        )
        set_role(self.switch, "offline" if offline else "online")
        index = self.profile_combo.findData(profile.name)
        self.profile_combo.setCurrentIndex(
            index if index >= 0 else self.profile_combo.findData(CUSTOM)
        )
        self.custom_box.setVisible(index < 0)
        self.figures_label.setText(profile_figures(profile))

    def choose(self, profile: NetworkProfile) -> None:
        self._service.set_profile(profile)
        if profile.behaviour is not Behaviour.OFFLINE:
            self._service.sync_now()
        self.profileApplied.emit(profile)

    def _switch_clicked(self, online: bool) -> None:
        self.choose(self._last_online if online else profile_named("offline"))

    def _picked(self, index: int) -> None:
        name = self.profile_combo.itemData(index)
        if name == CUSTOM:
            self.custom_box.show()
            self._fill_custom(self._service.profile())
            return
        self.custom_box.hide()
        self.choose(profile_named(str(name)))

    def _fill_custom(self, base: NetworkProfile) -> None:
        self.latency_spin.setValue(base.latency_ms)
        self.jitter_spin.setValue(base.jitter_ms)
        self.down_spin.setValue(base.down_kbps or 0)
        self.up_spin.setValue(base.up_kbps or 0)
        self.loss_spin.setValue(base.loss_pct)

    def apply_custom(self) -> None:
        """Use the editor's figures; a jitter larger than the latency is refused inline."""
        latency, jitter = self.latency_spin.value(), self.jitter_spin.value()
        if jitter > latency:
            self.custom_error.setText(
                self.tr("The jitter (%1 ms) cannot be larger than the latency (%2 ms).")
                .replace("%1", f"{jitter:g}")
                .replace("%2", f"{latency:g}")
            )
            self.custom_error.show()
            return
        self.custom_error.hide()
        down, up = self.down_spin.value(), self.up_spin.value()
        self.choose(
            NetworkProfile(
                CUSTOM,
                latency_ms=latency,
                jitter_ms=jitter,
                down_kbps=down or None,
                up_kbps=up or None,
                loss_pct=self.loss_spin.value(),
                source=self.tr("set in the console"),
            )
        )
