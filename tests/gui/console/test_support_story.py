"""The support story of docs/support.md, played on the real app (issue 21, "Done when"):
a tablet profile whose photo uploads its server refuses with an injected ``error_500``
exports a bundle; the support person's console opens it, shows the sandbox, and its
diagnosis names the refused upload and what the server answered; a click on that line
selects the trace rows behind it; "Save as a scenario" writes a ``.wbrepro`` whose field
variant fails headless with the same expectation and whose fixed variant passes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.console.conftest import SYNC_WAIT_MS
from tests.gui.console.test_bundle_source import _refused, refused_bundle, tablet
from tests.gui.waiting import settle
from wb_desktop.bootstrap import WorkBossApp
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.tools.console.diagnostics_panel import DiagnosticsPanel
from wb_desktop.tools.console.scenario_panel import ScenarioPanel
from wb_desktop.tools.console.trace_panel import TracePanel
from wb_desktop.tools.console.window import ConsoleWindow
from wb_desktop.tools.scenario.repro_file import open_repro, run_repro
from wb_desktop.tools.scenario.runner import RunOptions

__all__ = ["tablet"]  # the fixture, shared with the bundle-source test


def test_from_a_refused_upload_to_a_repro_that_fails_the_same_way(
    qtbot: QtBot, demo_app: WorkBossApp, tablet: WorkBossApp, clock: FixedClock, tmp_path: Path
) -> None:
    bundle = tmp_path / "out" / "anna-tablet.zip"
    _photo_id, job_title = refused_bundle(qtbot, tablet, clock, bundle)

    window = demo_app.open_console()
    assert isinstance(window, ConsoleWindow)
    diagnostics, trace = window.panels["Diagnostics"], window.panels["Sync trace"]
    assert isinstance(diagnostics, DiagnosticsPanel) and isinstance(trace, TracePanel)
    with qtbot.waitSignal(diagnostics.bundleOpened, timeout=SYNC_WAIT_MS):
        window.open_bundle(bundle)  # as `wb-desktop --bundle FILE` does at start
    settle(qtbot, demo_app.workday)  # the sandbox's trace is read on the op runner
    assert window.banner.isVisible() and bundle.name in window.banner_label.text()
    assert window.tabs.currentWidget() is diagnostics  # opened where the diagnosis is

    # The diagnosis says what went wrong, in words: the photo, its job, the server's answer.
    lines = [label.text() for label in diagnostics.summary.diagnosis_lines]
    refused_line = next(i for i, text in enumerate(lines) if "could not upload" in text)
    words = lines[refused_line]
    assert "meter.png" in words and job_title in words
    assert "500" in words and "error_500" in words
    assert not any("None recorded" in text for text in lines)

    # A click on that line shows the rows behind it in the sandbox's trace.
    label = diagnostics.summary.diagnosis_lines[refused_line]
    label.linkActivated.emit(f"rows:{refused_line}")
    assert window.tabs.currentWidget() is trace
    refused_ids = [str(e.request_id) for e in _refused(trace.model.events())]
    assert refused_ids and sorted(trace.selected_request_ids()) == sorted(refused_ids)

    # Save as a scenario: one shareable file, two variants, run headless.
    saved = diagnostics.save_scenario(tmp_path / "anna.wbrepro")
    assert saved is not None and saved.exists()
    repro = open_repro(saved, tmp_path / "unpacked")
    outcomes = {o.variant.name: o for o in run_repro(repro, RunOptions(data_dir=tmp_path / "run"))}
    field, fixed = outcomes["field"], outcomes["fixed"]
    assert not field.result.passed
    assert "uploads_waiting is 1, expected 0" in field.failures  # as on the tablet
    assert field.as_expected
    assert fixed.result.passed, fixed.failures

    # With the GUI alone: "Run it in Scenarios" (shown once saved) opens the .wbrepro in
    # the Scenarios tab, which runs each variant.
    scenarios = window.panels["Scenarios"]
    assert isinstance(scenarios, ScenarioPanel)
    assert diagnostics.run_saved_button.isVisibleTo(diagnostics)
    qtbot.mouseClick(diagnostics.run_saved_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is scenarios
    assert scenarios.variant_combo.count() == 2
    assert "uploads_waiting is 1, expected 0" in scenarios.variant_combo.itemText(0)
    for index in (0, 1):
        scenarios.variant_combo.setCurrentIndex(index)
        scenarios.variant_combo.activated.emit(index)
        with qtbot.waitSignal(scenarios.replayFinished, timeout=60_000):
            scenarios.run_all()
        qtbot.waitUntil(lambda: not scenarios.driver.is_running(), timeout=60_000)
        assert scenarios.invariants_label.text().startswith("As it must:"), (
            scenarios.invariants_label.text()
        )
        assert scenarios.invariants_label.property("role") == "ok"
