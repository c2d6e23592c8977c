"""Server faults, set and cleared through the reference server's admin API: a route or an
op kind, the kind of fault, a probability and a count."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.app.op_runner import OpRunner
from wb_desktop.core.protocol import routes
from wb_desktop.core.protocol.faults import FaultOut
from wb_desktop.core.protocol.kinds import FaultKind, OpKind
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.scenario.office import Office
from wb_desktop.ui.job_sections import card
from wb_desktop.ui.theme import TOUCH_TARGET_PX, set_role

FAULT_KINDS = tuple(FaultKind)
ROUTES = ("", routes.PUSH, routes.CHANGES, routes.BLOBS, routes.PAYMENTS, routes.AUTH)
OP_KINDS = (
    "",
    OpKind.JOB_SET_STATUS,
    OpKind.NOTE_CREATE,
    OpKind.PHOTO_CREATE,
    OpKind.SIGNATURE_CREATE,
    OpKind.DOCUMENT_SEND,
)


def describe_fault(fault: FaultOut) -> str:
    """One line per active fault: kind, where, how likely, how many left, how often fired."""
    where = fault.route or fault.op_kind or "every request"
    left = fault.remaining
    parts = [
        f"{fault.kind} on {where}",
        f"{round(fault.probability * 100)} %",
        "no limit" if left is None else f"{left} left",
        f"fired {fault.fired}×",
    ]
    return " · ".join(parts)


class FaultsCard(QFrame):
    """Every change is also offered as a scenario ``server`` step, for the recorder."""

    serverStep = Signal(dict)
    faultsShown = Signal()

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._calls = OpRunner(parent=self)
        frame, layout = card(self.tr("Server faults"), self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)

        form = QFormLayout()
        self.kind_combo = self._combo(FAULT_KINDS, editable=False)
        self.route_combo = self._combo(ROUTES, editable=True)
        self.op_kind_combo = self._combo(OP_KINDS, editable=True)
        self.probability_spin = self._spin(1, 100, 100, " %")
        self.count_spin = self._spin(0, 1000, 0, "")  # no limit: a field fault lasts
        self.count_spin.setSpecialValueText(self.tr("no limit"))
        self.latency_spin = self._spin(0, 600_000, 2000, " ms")
        self.retry_after_spin = self._spin(0, 3600, 2, " s")
        form.addRow(self.tr("Fault"), self.kind_combo)
        form.addRow(self.tr("Route (path prefix)"), self.route_combo)
        form.addRow(self.tr("Or op kind (push)"), self.op_kind_combo)
        form.addRow(self.tr("Probability"), self.probability_spin)
        form.addRow(self.tr("Count"), self.count_spin)
        form.addRow(self.tr("Latency (latency, hang)"), self.latency_spin)
        form.addRow(self.tr("Retry-After (rate_limit)"), self.retry_after_spin)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        self.add_button = self._button(self.tr("Add fault"), self.add_from_fields)
        self.refresh_button = self._button(self.tr("Refresh"), self.refresh)
        self.clear_button = self._button(self.tr("Clear all faults"), self.clear_all)
        for button in (self.add_button, self.refresh_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.faults_list = QListWidget(self)
        self.faults_list.setAccessibleName(self.tr("Active server faults"))
        self.faults_list.setMinimumHeight(TOUCH_TARGET_PX * 2)
        layout.addWidget(self.faults_list)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        self._calls.busyChanged.connect(lambda busy: self.add_button.setDisabled(busy))
        if not context.has_admin:
            for widget in (self.add_button, self.refresh_button, self.clear_button):
                widget.setEnabled(False)
            self._say(
                self.tr(
                    "This server's admin API is not open to the app: start it with "
                    "--admin-token to set faults from here."
                ),
                "warning",
            )

    def _combo(self, items: tuple[str, ...], *, editable: bool) -> QComboBox:
        combo = QComboBox(self)
        combo.setEditable(editable)
        combo.addItems(list(items))
        combo.setMinimumHeight(TOUCH_TARGET_PX)
        return combo

    def _spin(self, low: int, high: int, value: int, suffix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(suffix)
        spin.setMinimumHeight(TOUCH_TARGET_PX)
        return spin

    def _button(self, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setMinimumHeight(TOUCH_TARGET_PX)
        button.clicked.connect(slot)
        return button

    def fault_options(self) -> dict[str, Any]:
        """The admin API's options (and the scenario step's) from the fields."""
        options: dict[str, Any] = {
            "kind": self.kind_combo.currentText(),
            "probability": self.probability_spin.value() / 100,
        }
        route, op_kind = self.route_combo.currentText().strip(), self.op_kind_combo.currentText()
        if route:
            options["route"] = route
        if op_kind.strip():
            options["op_kind"] = op_kind.strip()
        if self.count_spin.value():
            options["count"] = self.count_spin.value()
        if options["kind"] in ("latency", "hang"):
            key = "latency_ms" if options["kind"] == "latency" else "hang_s"
            value = self.latency_spin.value()
            options[key] = value if key == "latency_ms" else value / 1000
        if options["kind"] == "rate_limit":
            options["retry_after_s"] = self.retry_after_spin.value()
        return options

    def add_from_fields(self) -> None:
        route = self.route_combo.currentText().strip()
        if route and not route.startswith("/"):
            self._say(self.tr("A route starts with “/”, for example /v1/push."), "error")
            return
        self.add(self.fault_options())

    def add(self, options: dict[str, Any]) -> None:
        def call(office: Office) -> list[FaultOut]:
            office.add_fault(**options)
            return office.faults()

        self._office_call(call, {"server": "fault", **options}, self.tr("Fault added."))

    def clear_all(self) -> None:
        def call(office: Office) -> list[FaultOut]:
            office.clear_faults()
            return office.faults()

        self._office_call(call, {"server": "clear_faults"}, self.tr("Every fault cleared."))

    def refresh(self) -> None:
        self._office_call(lambda office: office.faults(), None, "")

    def _office_call(self, call: Any, step: dict[str, Any] | None, done_text: str) -> None:
        context = self._context

        def run() -> list[FaultOut]:
            office = context.office()
            try:
                return call(office)  # type: ignore[no-any-return]
            finally:
                office.close()

        def done(faults: list[FaultOut]) -> None:
            self._show(faults)
            if step is not None:
                self.serverStep.emit(step)
            self._say(done_text, "ok")

        self._calls.call(run, done, lambda error: self._say(str(error), "error"))

    def _show(self, faults: list[FaultOut]) -> None:
        self.faults_list.clear()
        for fault in faults:
            self.faults_list.addItem(describe_fault(fault))
        if not faults:
            self.faults_list.addItem(self.tr("No server faults: the server behaves."))
        self.faultsShown.emit()

    def _say(self, text: str, role: str) -> None:
        self.message_label.setText(text)
        set_role(self.message_label, role)

    def busy(self) -> bool:
        return not self._calls.idle
