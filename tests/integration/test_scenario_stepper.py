"""The step-wise runner behind the console's Next step and Run all: the same steps and the
same result as ``scenario run``, one command at a time, on the run's own thread."""

from __future__ import annotations

import threading
from pathlib import Path

from wb_desktop.tools.scenario.format import load_scenario
from wb_desktop.tools.scenario.runner import RunOptions, RunResult, run_scenario
from wb_desktop.tools.scenario.stepper import (
    ReplayEvent,
    ReplayFinished,
    ReplayOpened,
    ReplayStep,
    SteppedReplay,
)

LIBRARY = Path(__file__).resolve().parents[2] / "scenarios"
WAIT_S = 60


class Events:
    def __init__(self) -> None:
        self.seen: list[ReplayEvent] = []
        self.changed = threading.Condition()

    def __call__(self, event: ReplayEvent) -> None:
        with self.changed:
            self.seen.append(event)
            self.changed.notify_all()

    def wait_for(self, count: int) -> None:
        with self.changed:
            assert self.changed.wait_for(lambda: len(self.seen) >= count, WAIT_S), self.seen


def serve(replay: SteppedReplay) -> tuple[threading.Thread, list[RunResult | None]]:
    results: list[RunResult | None] = []
    thread = threading.Thread(target=lambda: results.append(replay.serve()))
    thread.start()
    return thread, results


def test_stepping_gives_what_a_whole_run_gives() -> None:
    file = LIBRARY / "offline-workday.yaml"
    scenario = load_scenario(file)
    options = RunOptions(scenario_dir=file.parent)
    whole = run_scenario(scenario, options)
    events = Events()
    replay = SteppedReplay(scenario, options, events)
    thread, results = serve(replay)
    events.wait_for(1)
    assert events.seen == [ReplayOpened(len(scenario.steps))]
    replay.next_step()
    events.wait_for(2)
    first = events.seen[1]
    assert isinstance(first, ReplayStep) and first.result.number == 1
    replay.next_step()
    events.wait_for(3)
    assert len(events.seen) == 3  # one step per command
    replay.run_all()
    thread.join(WAIT_S)
    assert not thread.is_alive()
    steps = [e.result for e in events.seen if isinstance(e, ReplayStep)]
    assert [s.as_json() for s in steps] == [s.as_json() for s in whole.steps]
    finished = events.seen[-1]
    assert isinstance(finished, ReplayFinished) and results == [finished.result]
    stepped = finished.result
    assert stepped.passed
    assert stepped.invariants.as_json() == whole.invariants.as_json()
    assert stepped.outbox == whole.outbox
    assert stepped.server is not None and whole.server is not None
    assert stepped.server["jobs"] == whole.server["jobs"]  # devices (and so references) differ


def test_a_cancelled_replay_closes_without_a_result() -> None:
    scenario = load_scenario(LIBRARY / "queue-is-visible.yaml")
    events = Events()
    replay = SteppedReplay(scenario, RunOptions(), events)
    thread, results = serve(replay)
    events.wait_for(1)
    replay.next_step()
    events.wait_for(2)
    replay.cancel()
    thread.join(WAIT_S)
    assert results == [None]
    assert not any(isinstance(e, ReplayFinished) for e in events.seen)
