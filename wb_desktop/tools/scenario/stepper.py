"""A scenario run that moves one step when asked: the console's Next step and Run all.

The run's cache, client and embedded server belong to the thread that opened them, so
:meth:`SteppedReplay.serve` runs on one background thread from the first sync to the
invariants, and the GUI sends it commands through a queue. What happens is reported through
a callback (on that thread), one event at a time.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass

from wb_desktop.tools.scenario.format import Scenario
from wb_desktop.tools.scenario.runner import RunOptions, RunResult, StepResult, open_run

_STEP, _ALL, _CANCEL = "step", "all", "cancel"


@dataclass(frozen=True)
class ReplayOpened:
    """Signed in and synced once; the first step waits for a command."""

    steps: int


@dataclass(frozen=True)
class ReplayStep:
    result: StepResult


@dataclass(frozen=True)
class ReplayFinished:
    """Every step ran; ``result`` holds the invariants and the server's summary."""

    result: RunResult


ReplayEvent = ReplayOpened | ReplayStep | ReplayFinished


class SteppedReplay:
    """Thread-safe commands in; ``serve`` (blocking) runs the scenario as they come."""

    def __init__(
        self,
        scenario: Scenario,
        options: RunOptions,
        report: Callable[[ReplayEvent], None],
    ) -> None:
        self.scenario = scenario
        self.options = options
        self._report = report
        self._commands: queue.Queue[str] = queue.Queue()
        self._cancelled = threading.Event()

    def next_step(self) -> None:
        self._commands.put(_STEP)

    def run_all(self) -> None:
        """Run the remaining steps without waiting for more commands."""
        self._commands.put(_ALL)

    def cancel(self) -> None:
        """Stop after the step that is running; the run is closed without a result."""
        self._cancelled.set()
        self._commands.put(_CANCEL)

    def serve(self) -> RunResult | None:
        """Open the run, then step on command; the result, or None when cancelled.

        Raises what :func:`open_run` raises when the run cannot start (the first sync)."""
        with open_run(self.scenario, self.options) as run:
            self._report(ReplayOpened(len(self.scenario.steps)))
            remaining = list(self.scenario.steps)
            done: list[StepResult] = []
            running_all = False
            while remaining:
                if not running_all:
                    command = self._commands.get()
                    running_all = command == _ALL
                if self._cancelled.is_set():
                    return None
                result = run.run_step(remaining.pop(0))
                done.append(result)
                self._report(ReplayStep(result))
            final = run.finish(done)
            self._report(ReplayFinished(final))
            return final
