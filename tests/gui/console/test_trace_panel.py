"""The sync trace panel: what the trace file holds from before, live requests after, filters
and export; the console window opens from the app and keeps its panels."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.conftest import PNG_1X1
from tests.gui.console.conftest import SYNC_WAIT_MS
from tests.gui.waiting import settle
from wb_desktop.bootstrap import WorkBossApp
from wb_desktop.core.store.models import Job
from wb_desktop.core.sync.trace import TraceEvent, TraceLog
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.timeline import lane_of
from wb_desktop.tools.console.trace_model import TraceColumn
from wb_desktop.tools.console.trace_panel import TracePanel


def test_the_first_sync_is_in_the_trace_file_and_the_panel(
    qtbot: QtBot, console: ConsoleContext
) -> None:
    on_disk = list(TraceLog(console.cache.paths.trace).events())
    assert any(e.route == "/v1/changes" and e.status == 200 for e in on_disk)
    assert all(e.profile == "online" for e in on_disk)

    panel = TracePanel(console)
    qtbot.addWidget(panel)
    settle(qtbot, console.workday)  # the trace file is read on the app's op runner

    assert panel.model.rowCount() == len(on_disk)
    assert "requests shown of" in panel.summary_label.text()
    # a pull says from which cursor and how many changes the real server sent back
    first_pull = next(
        row for row, e in enumerate(on_disk) if e.route == "/v1/changes" and e.status == 200
    )
    about = panel.model.index(first_pull, TraceColumn.ABOUT).data()
    assert re.fullmatch(r"changes after 0: [1-9]\d* received", about), about


def test_live_requests_arrive_and_filters_narrow_them(
    qtbot: QtBot, console: ConsoleContext, demo_app: WorkBossApp
) -> None:
    panel = TracePanel(console)
    qtbot.addWidget(panel)
    settle(qtbot, console.workday)  # the trace file is read on the app's op runner
    before = panel.model.rowCount()
    job_id = demo_app.window.schedule.model.job_ids()[0]

    console.workday.write(job_id, lambda changes: changes.jobs.add_note(job_id, "Traced"))
    qtbot.waitUntil(
        lambda: any(e.route == "/v1/push" and e.op_ids for e in panel.model.events()[before:]),
        timeout=SYNC_WAIT_MS,
    )
    push = next(e for e in panel.model.events()[before:] if e.route == "/v1/push")
    assert push.method == "POST" and push.status == 200 and len(push.op_ids) == 1
    with console.cache.database.reader() as db:
        title = db.get(Job, job_id).title
    row = panel.model.events().index(push)
    qtbot.waitUntil(lambda: bool(panel.model.index(row, TraceColumn.ABOUT).data()))
    assert panel.model.index(row, TraceColumn.ABOUT).data() == f"note.create on '{title}'"

    panel.search_edit.setText(push.op_ids[0][:8])
    assert [e.route for e in panel.shown_events()] == ["/v1/push"]
    panel.search_edit.clear()
    panel.failures_check.setChecked(True)
    assert panel.shown_events() == []

    # Offline probes are not failures: the failures filter hides them, the summary counts
    # them apart.
    console.service.set_profile("offline")
    console.service.sync_now()
    qtbot.waitUntil(lambda: panel.model.not_sent() > 0, timeout=SYNC_WAIT_MS)
    probe = panel.model.events()[-1]
    assert probe.status is None and probe.profile == "offline" and probe.offline
    assert "offline" in (probe.error or "")
    assert panel.shown_events() == [] and panel.model.failures() == 0
    assert "0 failed, " in panel.summary_label.text()
    assert "not sent (offline)" in panel.summary_label.text()


def test_export_writes_the_shown_rows_as_json_lines(
    qtbot: QtBot, console: ConsoleContext, tmp_path: Path
) -> None:
    panel = TracePanel(console)
    qtbot.addWidget(panel)
    settle(qtbot, console.workday)  # the trace file is read on the app's op runner
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


def _refused_upload(panel: TracePanel) -> TraceEvent | None:
    return next(
        (e for e in panel.model.events() if e.route.startswith("/v1/blobs/") and e.status == 500),
        None,
    )


def test_a_refused_upload_names_its_photo_and_shows_what_the_server_said_and_logged(
    qtbot: QtBot, console: ConsoleContext, demo_app: WorkBossApp
) -> None:
    panel = TracePanel(console)
    qtbot.addWidget(panel)
    settle(qtbot, console.workday)  # the trace file is read on the app's op runner
    job_id = demo_app.window.schedule.model.job_ids()[0]
    with console.cache.database.reader() as db:
        title = db.get(Job, job_id).title
    office = console.office()
    try:
        office.add_fault(kind="error_500", route="/v1/blobs")
        console.workday.write(
            job_id, lambda changes: changes.media.add_photo(job_id, PNG_1X1, "meter.png")
        )
        qtbot.waitUntil(lambda: _refused_upload(panel) is not None, timeout=SYNC_WAIT_MS)
    finally:
        office.clear_faults()
        office.close()
    refused = _refused_upload(panel)
    assert refused is not None and lane_of(refused) == 2  # the uploads lane
    row = panel.model.events().index(refused)
    qtbot.waitUntil(
        lambda: bool(panel.model.index(row, TraceColumn.ABOUT).data()), timeout=SYNC_WAIT_MS
    )
    assert panel.model.index(row, TraceColumn.ABOUT).data() == f"photo meter.png on '{title}'"
    said = panel.model.index(row, TraceColumn.SERVER_SAID).data()
    assert said.startswith("injected_fault: fault ") and said.endswith("(error_500)")

    panel.search_edit.setText(title)  # rows are found by what they are about
    assert refused in panel.shown_events()
    shown = panel.shown_events().index(refused)
    panel.table.setCurrentIndex(panel.filtered.index(shown, 0))
    assert refused.request_id is not None and refused.request_id in panel.detail_label.text()
    qtbot.waitUntil(lambda: "server's log" in panel.detail_label.text(), timeout=SYNC_WAIT_MS)
    assert "→ 500 injected_fault" in panel.detail_label.text()


def test_two_consoles_say_whose_profile_they_show(demo_app: WorkBossApp) -> None:
    window = demo_app.open_console()
    assert window is not None
    title = window.windowTitle()
    assert demo_app.cache.paths.name in title
    assert str(demo_app.cache.paths.folder.parent.parent) in title
    window.close()


def test_the_trace_is_read_off_the_gui_thread_and_keeps_what_was_heard_meanwhile(
    qtbot: QtBot, console: ConsoleContext
) -> None:
    panel = TracePanel(console)
    qtbot.addWidget(panel)
    settle(qtbot, console.workday)
    on_disk = list(TraceLog(console.cache.paths.trace).events())
    assert panel.loaded() and panel.model.events() == on_disk

    panel.reload()  # as when the console switches to a bundle and back
    assert not panel.loaded() and panel.model.rowCount() == 0  # nothing read on this thread
    assert panel.summary_label.text().startswith("Reading ")
    heard = replace(on_disk[-1], request_id="heard-while-reading")  # not in the file
    panel.add_event(on_disk[-1])  # already in the file: not shown twice
    panel.add_event(heard)
    settle(qtbot, console.workday)
    assert panel.loaded()
    assert panel.model.events() == [*on_disk, heard]
    assert "requests shown of" in panel.summary_label.text()
