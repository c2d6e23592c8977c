"""The sync trace panel: what the trace file holds from before, live requests after, filters
and export; the console window opens from the app and keeps its panels."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.gui.console.conftest import SYNC_WAIT_MS
from wb_desktop.bootstrap import WorkBossApp
from wb_desktop.core.sync.trace import TraceLog
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.trace_panel import TracePanel


def test_the_first_sync_is_in_the_trace_file_and_the_panel(
    qtbot: QtBot, console: ConsoleContext
) -> None:
    on_disk = list(TraceLog(console.cache.paths.trace).events())
    assert any(e.route == "/v1/changes" and e.status == 200 for e in on_disk)
    assert all(e.profile == "online" for e in on_disk)

    panel = TracePanel(console)
    qtbot.addWidget(panel)

    assert panel.model.rowCount() == len(on_disk)
    assert "requests shown of" in panel.summary_label.text()


def test_live_requests_arrive_and_filters_narrow_them(
    qtbot: QtBot, console: ConsoleContext, demo_app: WorkBossApp
) -> None:
    panel = TracePanel(console)
    qtbot.addWidget(panel)
    before = panel.model.rowCount()
    job_id = demo_app.window.schedule.model.job_ids()[0]

    console.workday.write(job_id, lambda changes: changes.jobs.add_note(job_id, "Traced"))
    qtbot.waitUntil(
        lambda: any(e.route == "/v1/push" and e.op_ids for e in panel.model.events()[before:]),
        timeout=SYNC_WAIT_MS,
    )
    push = next(e for e in panel.model.events()[before:] if e.route == "/v1/push")
    assert push.method == "POST" and push.status == 200 and len(push.op_ids) == 1

    panel.search_edit.setText(push.op_ids[0][:8])
    assert [e.route for e in panel.shown_events()] == ["/v1/push"]
    panel.search_edit.clear()
    panel.failures_check.setChecked(True)
    assert panel.shown_events() == []

    console.service.set_profile("offline")
    console.service.sync_now()
    qtbot.waitUntil(lambda: bool(panel.shown_events()), timeout=SYNC_WAIT_MS)
    failed = panel.shown_events()[-1]
    assert failed.status is None and failed.profile == "offline"
    assert "offline" in (failed.error or "")


def test_export_writes_the_shown_rows_as_json_lines(
    qtbot: QtBot, console: ConsoleContext, tmp_path: Path
) -> None:
    panel = TracePanel(console)
    qtbot.addWidget(panel)
    panel.method_combo.setCurrentIndex(panel.method_combo.findData("GET"))

    written = panel.export_to(tmp_path / "trace.jsonl")

    lines = (tmp_path / "trace.jsonl").read_text(encoding="utf-8").splitlines()
    assert written == len(lines) == len(panel.shown_events()) > 0
    assert all(json.loads(line)["method"] == "GET" for line in lines)
    assert "Exported" in panel.summary_label.text()


def test_the_console_opens_from_the_app_with_its_panels(
    qtbot: QtBot, demo_app: WorkBossApp
) -> None:
    demo_app.window.consoleRequested.emit()
    support = demo_app.console.get()
    qtbot.waitUntil(lambda: support.window is not None and support.window.isVisible())
    console = support.window
    assert console is not None
    assert {"Connectivity", "Sync trace"} <= set(console.panels)
    console.close()
    assert not console.isVisible()
    assert demo_app.open_console() is console  # the same window comes back
