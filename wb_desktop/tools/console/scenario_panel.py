"""Scenarios in the console: record what happens in the technician's app into a scenario
file, open a scenario and replay it (one step at a time or at speed) with the invariant
check at the end, and move the virtual clock.

A replay runs the headless runner (``wb-desktop scenario run``) in a temporary data folder,
never in the technician's profile; by default against a fresh embedded demo server, as
``scenario run`` does, so replaying a recording does not write into the office's data.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from wb_desktop.core.domain.virtual_clock import VirtualClock
from wb_desktop.tools.console.clock_controls import ClockControls
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.scenario_record_card import FILE_FILTER, RecordCard
from wb_desktop.tools.console.scenario_replay import ReplayDriver
from wb_desktop.tools.console.scenario_steps_model import ScenarioStepsModel
from wb_desktop.tools.console.scenario_widgets import message_label, say, steps_table, touch_button
from wb_desktop.tools.scenario.describe import step_as_dict
from wb_desktop.tools.scenario.format import Scenario, ScenarioError, load_scenario
from wb_desktop.tools.scenario.repro_file import (
    MUST_PASS,
    SUFFIX,
    Repro,
    Variant,
    VariantOutcome,
    open_repro,
)
from wb_desktop.tools.scenario.runner import RunOptions, RunResult, StepResult
from wb_desktop.ui.job_sections import card
from wb_desktop.ui.theme import SPACING_PX, TOUCH_TARGET_PX, set_role

FRESH, SESSION = "fresh", "session"
MAX_PROBLEMS_SHOWN = 5


class ScenarioPanel(QWidget):
    """``record`` records the session; the replay card and the clock are this widget's."""

    replayFinished = Signal(object)  # RunResult

    def __init__(
        self,
        context: ConsoleContext,
        clock: VirtualClock | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._scenario: Scenario | None = None
        self._path: Path | None = None
        self._repro: Repro | None = None  # an opened .wbrepro: its variants, unpacked
        self._unpacked: tempfile.TemporaryDirectory[str] | None = None
        self._queued_command: str | None = None
        self.driver = ReplayDriver(self)
        columns = QHBoxLayout(self)
        columns.setSpacing(SPACING_PX)
        left = QVBoxLayout()
        self.record = RecordCard(context, self)
        left.addWidget(self.record, 1)
        self.clock_controls = ClockControls(clock, self)
        left.addWidget(self.clock_controls)
        columns.addLayout(left, 1)
        columns.addWidget(self._replay_card(), 1)
        self.live = self.record.live
        self.record.saved.connect(self.open_file)
        self.clock_controls.jumped.connect(self.live.record_clock_jump)
        self.driver.opened.connect(self._on_opened)
        self.driver.stepStarted.connect(lambda n: self.replay_model.set_outcome(n, "running"))
        self.driver.stepDone.connect(self._on_step_done)
        self.driver.finished.connect(self._on_finished)
        self.driver.failed.connect(self._on_failed)
        self.driver.runningChanged.connect(self._on_running)
        self._update_buttons()

    def record_server_step(self, step: dict[str, Any]) -> None:
        """Slot for the dispatcher's and the faults card's ``server`` steps."""
        self.record.record_server_step(step)

    def close_replay(self, timeout_ms: int = 30_000) -> bool:
        """Stop a running replay after its current step and wait for its thread (app close)."""
        stopped = self.driver.wait(timeout_ms)
        if stopped:
            self._forget_repro()
        return stopped

    def _replay_card(self) -> QWidget:
        frame, layout = card(self.tr("Replay"), self)
        row = QHBoxLayout()
        self.open_button = touch_button(self.tr("Open…"), self.open_dialog, frame)
        self.file_label = QLabel(self.tr("No scenario open."), frame)
        self.file_label.setWordWrap(True)
        row.addWidget(self.open_button)
        row.addWidget(self.file_label, 1)
        layout.addLayout(row)
        self.replay_message = message_label(frame)
        layout.addWidget(self.replay_message)
        self.variant_combo = QComboBox(frame)  # a .wbrepro's variants: as in the field, fixed
        self.variant_combo.setMinimumHeight(TOUCH_TARGET_PX)
        self.variant_combo.setAccessibleName(self.tr("Variant"))
        self.variant_combo.hide()
        self.variant_combo.activated.connect(self._show_variant)
        layout.addWidget(self.variant_combo)
        self.server_combo = QComboBox(frame)
        self.server_combo.setMinimumHeight(TOUCH_TARGET_PX)
        self.server_combo.setAccessibleName(self.tr("Replay against"))
        self.server_combo.addItem(self.tr("A fresh demo server (as “scenario run” does)"), FRESH)
        self.server_combo.addItem(
            self.tr("This session's server: %1").replace("%1", self._context.server_url), SESSION
        )
        layout.addWidget(self.server_combo)
        buttons = QHBoxLayout()
        self.next_button = touch_button(self.tr("Next step"), self.next_step, frame)
        self.run_all_button = touch_button(self.tr("Run all"), self.run_all, frame, primary=True)
        self.cancel_button = touch_button(self.tr("Stop replay"), self.driver.cancel, frame)
        for button in (self.next_button, self.run_all_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.replay_model = ScenarioStepsModel(self)
        self.replay_view = steps_table(self.replay_model, frame, outcomes=True)
        layout.addWidget(self.replay_view, 1)
        self.invariants_label = QLabel(frame)  # not wrapped: a wrapped label gets squeezed
        self.invariants_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.invariants_label)
        self.setTabOrder(self.open_button, self.server_combo)
        self.setTabOrder(self.server_combo, self.next_button)
        self.setTabOrder(self.next_button, self.run_all_button)
        self.setTabOrder(self.run_all_button, self.cancel_button)
        return frame

    def _update_buttons(self) -> None:
        running = self.driver.is_running()
        ready = self._scenario is not None and self._queued_command != "all"
        self.open_button.setEnabled(not running)
        self.server_combo.setEnabled(not running)
        self.next_button.setEnabled(ready)
        self.run_all_button.setEnabled(ready)
        self.cancel_button.setEnabled(running)

    # --- replaying --------------------------------------------------------------------------

    def open_dialog(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a scenario"),
            "",
            self.tr("Scenarios (%1)").replace("%1", f"{FILE_FILTER} *{SUFFIX}"),
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> bool:
        """Validate and list the scenario's steps; a bad file is explained inline and the
        scenario open before stays open. A ``.wbrepro`` (a failure and its fix, saved from a
        bundle) opens its variants: pick one, run it, and the panel says whether it did what
        it must (the field variant fail as on the tablet, the fixed one pass)."""
        if self.driver.is_running():
            text = self.tr("A replay is running; stop it before opening another scenario.")
            say(self.replay_message, text, "warning")
            return False
        if Path(path).suffix.lower() == SUFFIX:
            return self._open_repro(Path(path))
        self._forget_repro()
        return self._open_scenario(Path(path))

    def _open_repro(self, path: Path) -> bool:
        unpacked = tempfile.TemporaryDirectory(prefix="wb-repro-")
        try:
            repro = open_repro(path, Path(unpacked.name))
        except ScenarioError as error:
            unpacked.cleanup()
            say(self.replay_message, error.message, "error")
            return False
        self._forget_repro()
        self._repro, self._unpacked = repro, unpacked
        self.variant_combo.clear()
        for variant in repro.variants:
            self.variant_combo.addItem(self._variant_words(variant))
        self.variant_combo.show()
        return self._show_variant(0)

    def _variant_words(self, variant: Variant) -> str:
        if variant.must == MUST_PASS:
            return self.tr("%1: must pass").replace("%1", variant.name)
        if variant.failure:
            return (
                self.tr("%1: must fail with “%2”")
                .replace("%1", variant.name)
                .replace("%2", variant.failure)
            )
        return self.tr("%1: must fail").replace("%1", variant.name)

    def _show_variant(self, index: int) -> bool:
        if self._repro is None or not 0 <= index < len(self._repro.variants):
            return False
        if self.driver.is_running():
            text = self.tr("A replay is running; stop it before opening another scenario.")
            say(self.replay_message, text, "warning")
            return False
        variant = self._repro.variants[index]
        return self._open_scenario(self._repro.folder / variant.file)

    def _forget_repro(self) -> None:
        self._repro = None
        self.variant_combo.clear()
        self.variant_combo.hide()
        if self._unpacked is not None:
            self._unpacked.cleanup()
            self._unpacked = None

    def _open_scenario(self, path: Path) -> bool:
        try:
            scenario = load_scenario(path)
        except ScenarioError as error:
            text = (
                error.message
                if error.step is None
                else (
                    self.tr("%1: step %2: %3")
                    .replace("%1", Path(path).name)
                    .replace("%2", str(error.step))
                    .replace("%3", error.message)
                )
            )
            say(self.replay_message, text, "error")
            return False
        self._scenario, self._path = scenario, Path(path)
        say(self.replay_message, "", "error")
        self.file_label.setText(
            self.tr("%1 — %2 (%3)")
            .replace("%1", scenario.name)
            .replace("%2", Path(path).name)
            .replace("%3", scenario.technician)
        )
        self.replay_model.set_steps([step_as_dict(step) for step in scenario.steps])
        self.invariants_label.setText("")
        self._update_buttons()
        return True

    def replay_options(self) -> RunOptions:
        """Never the technician's profile: the runner makes a temporary data folder."""
        folder = self._path.resolve().parent if self._path is not None else None
        if self.server_combo.currentData() == SESSION:
            context = self._context
            return RunOptions(
                server_url=context.server_url,
                admin_token=context.admin_token,
                scenario_dir=folder,
                clock=context.clock,
            )
        return RunOptions(scenario_dir=folder)

    def next_step(self) -> None:
        self._command("step")

    def run_all(self) -> None:
        self._command("all")

    def _command(self, command: str) -> None:
        if self._scenario is None:
            return
        if self.driver.is_running():
            if command == "all":
                self._queued_command = "all"
                self.driver.run_all()
            else:
                self.driver.next_step()
            self._update_buttons()
            return
        self.replay_model.clear_outcomes()
        self.invariants_label.setText(self.tr("Starting the replay: signing in and syncing…"))
        set_role(self.invariants_label, "muted")
        self._queued_command = command
        self.driver.start(self._scenario, self.replay_options())
        self._update_buttons()

    def _on_opened(self, _steps: int) -> None:
        self.invariants_label.setText("")
        if self._queued_command == "all":
            self.driver.run_all()
        else:
            self._queued_command = None
            self.driver.next_step()
        self._update_buttons()

    def _on_step_done(self, result: StepResult) -> None:
        self.replay_model.set_outcome(
            result.number, "ok" if result.ok else "failed", result.message
        )
        self.replay_view.scrollTo(self.replay_model.index(result.number - 1, 0))

    def _on_finished(self, result: RunResult) -> None:
        self._queued_command = None
        counts = {name: detail["count"] for name, detail in result.invariants.as_json().items()}
        text = (
            self.tr("Invariants: lost %1 · duplicated %2 · out of order %3 · unaccounted %4")
            .replace("%1", str(counts["lost"]))
            .replace("%2", str(counts["duplicated"]))
            .replace("%3", str(counts["out_of_order"]))
            .replace("%4", str(counts["unaccounted"]))
        )
        failed = sum(1 for step in result.steps if not step.ok)
        if result.passed:
            verdict = self.tr("Passed: every step and every invariant held.")
        elif failed:
            verdict = self.tr("Failed: %n step(s) did not do what they say.", "", failed)
        else:
            verdict = self.tr("Failed: every step held, but an invariant broke.")
        problems = [
            f"• {item}"
            for detail in result.invariants.as_json().values()
            for item in detail["items"]
        ]
        shown = problems[:MAX_PROBLEMS_SHOWN]
        if len(problems) > len(shown):
            more = len(problems) - len(shown)
            shown.append(self.tr("… and %n more (in the tooltip)", "", more))
        as_expected = self._variant_verdict(result)
        self.invariants_label.setText("\n".join([*as_expected, verdict, text, *shown]))
        self.invariants_label.setToolTip("\n".join(problems))
        good = result.passed if not as_expected else self._variant_held(result)
        set_role(self.invariants_label, "ok" if good else "error")
        self._update_buttons()
        self.replayFinished.emit(result)

    def _running_variant(self) -> Variant | None:
        index = self.variant_combo.currentIndex()
        if self._repro is None or not 0 <= index < len(self._repro.variants):
            return None
        return self._repro.variants[index]

    def _variant_held(self, result: RunResult) -> bool:
        variant = self._running_variant()
        return variant is not None and VariantOutcome(variant, result).as_expected

    def _variant_verdict(self, result: RunResult) -> list[str]:
        """For a .wbrepro's variant: did it do what it must?"""
        variant = self._running_variant()
        if variant is None:
            return []
        if self._variant_held(result):
            return [self.tr("As it must: %1.").replace("%1", self._variant_words(variant))]
        return [self.tr("Not as it must: %1.").replace("%1", self._variant_words(variant))]

    def _on_running(self, running: bool) -> None:
        if not running:
            self._queued_command = None
            self.replay_model.clear_running()  # a stopped replay leaves no step "running"
        self._update_buttons()

    def _on_failed(self, message: str) -> None:
        self._queued_command = None
        self.invariants_label.setText("")
        say(
            self.replay_message,
            self.tr("The replay could not start: %1").replace("%1", message),
            "error",
        )
        self._update_buttons()
