"""The scenario panel: record a session from the real app, replay it headless to the same
final state, replay in the panel step by step or at speed, and the virtual clock."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.conftest import START
from tests.gui.console.conftest import SYNC_WAIT_MS
from tests.gui.waiting import settle
from wb_desktop.bootstrap import WorkBossApp
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.domain.virtual_clock import VirtualClock
from wb_desktop.core.store.models import OutboxOp
from wb_desktop.core.store.queries import day_schedule
from wb_desktop.core.sync.connectivity import SyncActivity
from wb_desktop.core.sync.step_report import outbox_counts
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.scenario_panel import SESSION, ScenarioPanel
from wb_desktop.tools.console.scenario_steps_model import ScenarioStepsModel
from wb_desktop.tools.scenario.format import load_scenario
from wb_desktop.tools.scenario.runner import RunOptions, RunResult, run_scenario

REPLAY_WAIT_MS = 60_000
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def panel(qtbot: QtBot, console: ConsoleContext) -> ScenarioPanel:
    widget = ScenarioPanel(console, None)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    return widget


def first_job(console: ConsoleContext) -> str:
    today = console.workday.today()
    jobs = console.workday.read(
        lambda s: day_schedule(s, console.technician_id, today, console.zone)
    )
    return jobs[0].id


def wait_synced(qtbot: QtBot, console: ConsoleContext) -> None:
    qtbot.waitUntil(
        lambda: outbox_counts(console.cache.database).pending == 0, timeout=SYNC_WAIT_MS
    )


def add_note(qtbot: QtBot, app: WorkBossApp, text: str) -> None:
    notes = app.window.job_page.notes
    notes.editor.setPlainText(text)
    qtbot.mouseClick(notes.add_button, LEFT)
    settle(qtbot, app.workday)  # the note is written through the op runner


def office_job(console: ConsoleContext, job_id: str) -> dict[str, Any]:
    office = console.office()
    try:
        view = office.office_view(str(console.technician_id))
    finally:
        office.close()
    job = next(j for j in view.jobs if j.id == job_id)
    notes = sum(1 for n in view.notes if n.job_id == job_id)
    return {"status": job.status, "notes": notes}


def record_a_session(
    qtbot: QtBot, demo_app: WorkBossApp, console: ConsoleContext, panel: ScenarioPanel
) -> str:
    """Through the app's own widgets: complete the job and add a note, then a note
    offline, then back online until everything is synced."""
    job_id = first_job(console)
    panel.record.name_edit.setText("Basement note")
    qtbot.mouseClick(panel.record.record_button, LEFT)
    assert panel.live.is_recording() and not panel.record.record_button.isEnabled()
    recorder = panel.live.recorder
    assert recorder is not None
    demo_app.window.open_job(job_id)
    settle(qtbot, demo_app.workday)  # the job page reads the job through the op runner
    complete = demo_app.window.job_page.steps.buttons[JobStatus.COMPLETE]
    assert complete.isEnabled()
    qtbot.mouseClick(complete, LEFT)
    settle(qtbot, demo_app.workday)
    add_note(qtbot, demo_app, "Replaced the valve.")
    wait_synced(qtbot, console)
    # The sync step has ended (a profile change applies from the next step on).
    qtbot.waitUntil(lambda: "sync" in recorder.steps[-1], timeout=SYNC_WAIT_MS)
    console.service.set_profile("offline")
    add_note(qtbot, demo_app, "No coverage down here; noted offline.")
    qtbot.waitUntil(lambda: console.service.view().activity is SyncActivity.OFFLINE)
    assert outbox_counts(console.cache.database).pending == 1
    console.service.set_profile("online")
    wait_synced(qtbot, console)
    qtbot.waitUntil(lambda: "sync" in recorder.steps[-1], timeout=SYNC_WAIT_MS)
    qtbot.mouseClick(panel.record.stop_button, LEFT)
    return job_id


def count_ops(console: ConsoleContext) -> int:
    with console.cache.database.reader() as session:
        return int(session.scalar(select(func.count()).select_from(OutboxOp)) or 0)


def test_a_recorded_session_replays_headless_to_the_same_final_state(
    qtbot: QtBot,
    demo_app: WorkBossApp,
    console: ConsoleContext,
    panel: ScenarioPanel,
    tmp_path: Path,
) -> None:
    job_id = record_a_session(qtbot, demo_app, console, panel)
    path = tmp_path / "library" / "basement-note.yaml"
    path.parent.mkdir()
    assert panel.record.save_to(path), panel.record.message.text()

    scenario = load_scenario(path)
    recording = panel.record.recording
    assert recording is not None
    assert recording.steps[:-1] == [
        {"do": "set_status", "job": 1, "status": "complete"},
        {"do": "add_note", "job": 1, "text": "Replaced the valve."},
        {"sync": {"timeout": 60}},
        {"network": "offline"},
        {"do": "add_note", "job": 1, "text": "No coverage down here; noted offline."},
        {"network": "online"},
        {"sync": {"timeout": 60}},
    ]
    final_check = recording.steps[-1]["expect"]
    assert final_check["pending"] == 0
    assert final_check["job"] == [
        {
            "job": 1,
            "status": "complete",
            "sync_state": "synced",
            "notes": 2,
            "photos": 0,
            "signatures": 0,
            "time_entries": 0,
        }
    ]
    assert panel.record.model.rowCount() == len(scenario.steps)
    assert panel.replay_model.rowCount() == len(scenario.steps)  # opened for replay

    gui_final = office_job(console, job_id)
    assert gui_final == {"status": "complete", "notes": 2}

    # A fresh reference server with the same demo day: the recorded positions find the
    # same job, and the run must end where the GUI session ended.
    result = run_scenario(
        scenario, RunOptions(start=START, data_dir=tmp_path / "replay", scenario_dir=path.parent)
    )
    failed = [s.as_json() for s in result.steps if not s.ok]
    assert result.passed, (failed, result.invariants.as_json())
    assert all(detail["count"] == 0 for detail in result.invariants.as_json().values())
    assert result.server is not None
    replayed = next(j for j in result.server["jobs"] if j["id"] == job_id)
    assert {"status": replayed["status"], "notes": replayed["notes"]} == gui_final
    assert result.outbox == {"done": 3}


def test_the_panel_replays_a_recording_step_by_step_then_at_speed(
    qtbot: QtBot,
    demo_app: WorkBossApp,
    console: ConsoleContext,
    panel: ScenarioPanel,
    tmp_path: Path,
) -> None:
    record_a_session(qtbot, demo_app, console, panel)
    assert panel.record.save_to(tmp_path / "recorded.json")
    model = panel.replay_model
    total = model.rowCount()
    qtbot.mouseClick(panel.next_button, LEFT)
    qtbot.waitUntil(lambda: model.rows()[0].outcome == "ok", timeout=REPLAY_WAIT_MS)
    assert model.rows()[1].outcome == ""  # one step per press
    qtbot.mouseClick(panel.next_button, LEFT)
    qtbot.waitUntil(lambda: model.rows()[1].outcome == "ok", timeout=REPLAY_WAIT_MS)
    with qtbot.waitSignal(panel.replayFinished, timeout=REPLAY_WAIT_MS) as finished:
        qtbot.mouseClick(panel.run_all_button, LEFT)
    result: RunResult = finished.args[0]
    assert result.passed, [s.as_json() for s in result.steps]
    assert [row.outcome for row in model.rows()] == ["ok"] * total
    assert "lost 0 · duplicated 0 · out of order 0 · unaccounted 0" in (
        panel.invariants_label.text()
    )
    assert panel.invariants_label.property("role") == "ok"
    qtbot.waitUntil(lambda: not panel.driver.is_running())
    assert panel.next_button.isEnabled() and panel.open_button.isEnabled()


def test_an_unknown_step_is_named_inline_and_the_open_scenario_stays(
    panel: ScenarioPanel, tmp_path: Path
) -> None:
    good = tmp_path / "good.yaml"
    good.write_text("name: good\ntechnician: anna\nsteps:\n  - sync: true\n", encoding="utf-8")
    assert panel.open_file(good)
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "name: bad\ntechnician: anna\nsteps:\n  - {network: offline}\n  - {do: fly, job: 1}\n",
        encoding="utf-8",
    )
    assert not panel.open_file(bad)
    assert panel.replay_message.isVisible() or not panel.isVisible()
    assert panel.replay_message.property("role") == "error"
    assert panel.replay_message.text().startswith("bad.yaml: step 2: unknown action 'fly'")
    assert panel.replay_model.rowCount() == 1 and "good" in panel.file_label.text()
    assert not panel.open_file(tmp_path / "missing.yaml")
    assert "no such scenario file" in panel.replay_message.text()


def test_recording_the_office_and_the_clock(
    qtbot: QtBot, console: ConsoleContext, tmp_path: Path
) -> None:
    clock = VirtualClock(FixedClock(START))
    panel = ScenarioPanel(console, clock)
    qtbot.addWidget(panel)
    panel.record.start_recording()
    controls = panel.clock_controls
    qtbot.mouseClick(controls.jump_buttons[1], LEFT)  # +1 h
    controls.custom_spin.setValue(90)
    qtbot.mouseClick(controls.custom_button, LEFT)
    controls.skew_spin.setValue(-20)
    assert clock.jumped == timedelta(hours=2, minutes=30)
    assert clock.skew == timedelta(minutes=-20)
    assert clock.now() == START + timedelta(hours=2, minutes=10)
    panel.record_server_step({"server": "cancel_job", "job": first_job(console)})
    panel.record_server_step({"server": "fault", "kind": "teleport"})
    assert "step 4" in panel.record.message.text()  # refused, with its number
    recorder = panel.live.recorder
    assert recorder is not None
    assert recorder.steps == [
        {"clock": "+1h"},
        {"clock": "+90m"},
        {"server": "cancel_job", "job": 1},
    ]
    assert panel.record.model.rowCount() == 3


def test_without_a_virtual_clock_the_controls_say_why(panel: ScenarioPanel) -> None:
    controls = panel.clock_controls
    assert not any(b.isEnabled() for b in controls.jump_buttons)
    assert not controls.skew_spin.isEnabled()
    assert "real clock" in controls.message_label.text()


def test_the_panel_is_touch_sized_and_its_models_are_sound(
    panel: ScenarioPanel, console: ConsoleContext, qtmodeltester: Any
) -> None:
    path = Path(__file__).resolve().parents[3] / "scenarios" / "offline-workday.yaml"
    assert panel.open_file(path)
    panel.replay_model.set_outcome(1, "ok", "network is offline")
    panel.replay_model.set_outcome(2, "failed", "job 1: nope")
    qtmodeltester.check(panel.replay_model)
    qtmodeltester.check(ScenarioStepsModel())
    panel.show()
    for button in (
        panel.record.record_button,
        panel.record.stop_button,
        panel.record.save_button,
        panel.open_button,
        panel.next_button,
        panel.run_all_button,
        panel.cancel_button,
    ):
        assert button.height() >= 48 and button.width() >= 48
    assert panel.server_combo.currentData() != SESSION  # a fresh server unless asked
    assert panel.replay_options().server_url is None
    panel.server_combo.setCurrentIndex(panel.server_combo.findData(SESSION))
    options = panel.replay_options()
    assert options.server_url == console.server_url and options.data_dir is None


def test_a_replay_against_this_sessions_server_uses_a_scratch_profile(
    qtbot: QtBot, console: ConsoleContext, panel: ScenarioPanel, tmp_path: Path
) -> None:
    job_id = first_job(console)
    file = tmp_path / "remote.yaml"
    file.write_text(
        "name: remote\ntechnician: anna\nsteps:\n"
        "  - {do: add_note, job: 1, text: From a replay}\n"
        "  - sync: true\n"
        "  - expect: {pending: 0, server_job: {job: 1, notes: 1}}\n",
        encoding="utf-8",
    )
    assert panel.open_file(file)
    ops_before = count_ops(console)
    panel.server_combo.setCurrentIndex(panel.server_combo.findData(SESSION))
    with qtbot.waitSignal(panel.replayFinished, timeout=REPLAY_WAIT_MS) as finished:
        qtbot.mouseClick(panel.run_all_button, LEFT)
    result: RunResult = finished.args[0]
    assert result.passed, [s.as_json() for s in result.steps]
    assert office_job(console, job_id)["notes"] == 1  # the office got the replayed note
    assert count_ops(console) == ops_before  # the replay queued nothing in this profile
    qtbot.waitUntil(lambda: not panel.driver.is_running())


def test_stopping_a_replay_leaves_it_ready_to_start_again(
    qtbot: QtBot, panel: ScenarioPanel
) -> None:
    path = Path(__file__).resolve().parents[3] / "scenarios" / "offline-workday.yaml"
    assert panel.open_file(path)
    model = panel.replay_model
    qtbot.mouseClick(panel.next_button, LEFT)
    qtbot.waitUntil(lambda: model.rows()[0].outcome == "ok", timeout=REPLAY_WAIT_MS)
    assert panel.cancel_button.isEnabled() and not panel.open_button.isEnabled()
    assert not panel.open_file(path)
    assert "stop it" in panel.replay_message.text()
    qtbot.mouseClick(panel.cancel_button, LEFT)
    qtbot.waitUntil(lambda: not panel.driver.is_running(), timeout=REPLAY_WAIT_MS)
    assert [row.outcome for row in model.rows()[1:]] == [""] * (model.rowCount() - 1)
    assert panel.next_button.isEnabled() and panel.open_button.isEnabled()
    assert not panel.cancel_button.isEnabled()
