"""Recording a scenario from the live session: Record, Stop, Save as…, and the steps as
they are recorded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.scenario_recording import LiveRecorder
from wb_desktop.tools.console.scenario_steps_model import ScenarioStepsModel
from wb_desktop.tools.console.scenario_widgets import message_label, say, steps_table, touch_button
from wb_desktop.tools.scenario.format import ScenarioError
from wb_desktop.tools.scenario.recorder import ScenarioRecorder
from wb_desktop.ui.job_sections import card
from wb_desktop.ui.theme import TOUCH_TARGET_PX, set_role

FILE_FILTER = "*.yaml *.yml *.json"


class RecordCard(QWidget):
    saved = Signal(Path)  # a scenario file was written

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._recording: ScenarioRecorder | None = None
        self.live = LiveRecorder(context, self)
        frame, layout = card(self.tr("Record"), self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        self.name_edit = QLineEdit(self.tr("Recorded session"), frame)
        self.name_edit.setMinimumHeight(TOUCH_TARGET_PX)
        self.name_edit.setAccessibleName(self.tr("Scenario name"))
        layout.addWidget(self.name_edit)
        row = QHBoxLayout()
        self.record_button = touch_button(
            self.tr("● Record"), self.start_recording, frame, primary=True
        )
        self.stop_button = touch_button(self.tr("■ Stop"), self.stop_recording, frame)
        self.save_button = touch_button(self.tr("Save as…"), self.save_as, frame)
        for button in (self.record_button, self.stop_button, self.save_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status_label = QLabel(self.tr("Not recording."), frame)
        set_role(self.status_label, "muted")
        layout.addWidget(self.status_label)
        self.message = message_label(frame)
        layout.addWidget(self.message)
        self.model = ScenarioStepsModel(self)
        self.view = steps_table(self.model, frame, outcomes=False)
        layout.addWidget(self.view, 1)
        self.setTabOrder(self.name_edit, self.record_button)
        self.setTabOrder(self.record_button, self.stop_button)
        self.setTabOrder(self.stop_button, self.save_button)
        self.live.stepRecorded.connect(self._on_recorded)
        self.live.problem.connect(lambda text: say(self.message, text, "warning"))
        self._update()

    @property
    def recording(self) -> ScenarioRecorder | None:
        """The last recording Stop handed back (None while recording or before one)."""
        return self._recording

    def start_recording(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            say(self.message, self.tr("Give the scenario a name first."), "error")
            return
        self.model.set_steps([])
        say(self.message, "", "error")
        try:
            self.live.start(name)
        except ScenarioError as error:
            text = self.tr("This session cannot be recorded: %1").replace("%1", error.message)
            say(self.message, text, "error")
            return
        self._recording = None
        self._update()

    def stop_recording(self) -> None:
        self._recording = self.live.stop()
        self._update()

    def record_server_step(self, step: dict[str, Any]) -> None:
        """Slot for the dispatcher's and the faults card's ``server`` steps."""
        self.live.record_server_step(step)

    def save_as(self) -> None:
        if self._recording is None:
            return
        name = "".join(c if c.isalnum() else "-" for c in self._recording.name.lower())
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the scenario"),
            f"{name.strip('-') or 'scenario'}.yaml",
            self.tr("Scenarios (%1)").replace("%1", FILE_FILTER),
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Write the recording, with its photos beside it; a refusal is shown inline."""
        if self._recording is None:
            return False
        try:
            written = self._recording.save(path)
        except ScenarioError as error:
            say(self.message, str(error), "error")
            return False
        except OSError as error:
            text = self.tr("Cannot write %1: %2").replace("%1", str(path)).replace("%2", str(error))
            say(self.message, text, "error")
            return False
        say(self.message, self.tr("Saved to %1.").replace("%1", str(written)), "ok")
        self.saved.emit(written)
        return True

    def _on_recorded(self, step: dict[str, Any]) -> None:
        self.model.append_step(step)
        self.view.scrollToBottom()
        self._update()

    def _update(self) -> None:
        recording = self.live.is_recording()
        self.record_button.setEnabled(not recording)
        self.name_edit.setEnabled(not recording)
        self.stop_button.setEnabled(recording)
        self.save_button.setEnabled(not recording and self._recording is not None)
        steps = self.model.rowCount()
        if recording:
            text = self.tr("Recording: %n step(s) so far.", "", steps)
        elif self._recording is not None:
            text = self.tr("Recorded %n step(s). Save them as a scenario file.", "", steps)
        else:
            text = self.tr("Not recording.")
        self.status_label.setText(text)
