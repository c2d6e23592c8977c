"""The headless scenario runner, driven from the console one step at a time or at speed.

The run lives on one pool thread of its own from its first sync to its invariants (its
cache and client belong to that thread); its events come back here through a queued signal
and go out as this object's signals, on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from wb_desktop.app.op_runner import OpRunner
from wb_desktop.tools.scenario.format import Scenario
from wb_desktop.tools.scenario.runner import RunOptions, RunResult
from wb_desktop.tools.scenario.stepper import (
    ReplayEvent,
    ReplayFinished,
    ReplayOpened,
    ReplayStep,
    SteppedReplay,
)


class ReplayDriver(QObject):
    opened = Signal(int)  # the number of steps; the run is signed in and synced once
    stepStarted = Signal(int)  # the step number now running
    stepDone = Signal(object)  # StepResult
    finished = Signal(object)  # RunResult, after the last step
    failed = Signal(str)  # the run could not start
    runningChanged = Signal(bool)

    _event = Signal(object)  # from the run's thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._calls = OpRunner(parent=self)
        self._replay: SteppedReplay | None = None
        self._next_number = 1
        self._steps = 0
        self._running_all = False
        self._event.connect(self._on_event)
        application = QCoreApplication.instance()
        if application is not None:  # a run waiting for its next command must not block exit
            application.aboutToQuit.connect(self.cancel)

    def is_running(self) -> bool:
        return self._replay is not None

    def start(self, scenario: Scenario, options: RunOptions) -> None:
        """Open a run; ``opened`` follows when it is ready for its first step."""
        if self._replay is not None:
            return
        emit = self._event.emit
        replay = SteppedReplay(scenario, options, emit)
        self._replay, self._next_number, self._steps = replay, 1, len(scenario.steps)
        self._running_all = False
        self.runningChanged.emit(True)
        self.destroyed.connect(replay.cancel)  # a run waiting for a command must not outlive us
        self._calls.call(replay.serve, self._served, self._failed)

    def next_step(self) -> None:
        if self._replay is not None:
            self.stepStarted.emit(self._next_number)
            self._replay.next_step()

    def run_all(self) -> None:
        if self._replay is not None and not self._running_all:
            self._running_all = True
            self.stepStarted.emit(self._next_number)
            self._replay.run_all()

    def cancel(self) -> None:
        if self._replay is not None:
            self._replay.cancel()

    def wait(self, timeout_ms: int = 60_000) -> bool:
        """Cancel and wait for the run's thread (closing the console, tests)."""
        self.cancel()
        return self._calls.wait_until_idle(timeout_ms)

    @Slot(object)
    def _on_event(self, event: ReplayEvent) -> None:
        if isinstance(event, ReplayOpened):
            self.opened.emit(event.steps)
        elif isinstance(event, ReplayStep):
            self._next_number = event.result.number + 1
            self.stepDone.emit(event.result)
            if self._running_all and self._next_number <= self._steps:
                self.stepStarted.emit(self._next_number)
        elif isinstance(event, ReplayFinished):
            self.finished.emit(event.result)

    def _served(self, _result: RunResult | None) -> None:
        self._end()

    def _failed(self, error: Exception) -> None:
        self._end()
        self.failed.emit(str(error))

    def _end(self) -> None:
        self._replay = None
        self._running_all = False
        self.runningChanged.emit(False)
