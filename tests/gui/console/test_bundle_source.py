"""An opened bundle switches the whole console to its sandbox (issue 21, item 1): a second
profile (the tablet) has its photo uploads refused by an injected ``error_500``, exports a
bundle; the support person's console opens it and every reading tab shows the tablet's
trace, outbox, data, conflicts, logs and settings, until "Back to the live profile"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.conftest import PNG_1X1
from tests.gui.conftest import gui_test_options
from tests.gui.console.conftest import SYNC_WAIT_MS
from tests.gui.waiting import settle
from wb_desktop.bootstrap import WorkBossApp, build
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.store.models import Job, Photo
from wb_desktop.core.sync.trace import TraceEvent, TraceLog
from wb_desktop.tools.console.conflicts_panel import ConflictsPanel
from wb_desktop.tools.console.data_panel import DataPanel
from wb_desktop.tools.console.diagnostics_panel import DiagnosticsPanel
from wb_desktop.tools.console.logs_panel import LogsPanel, SettingsPanel
from wb_desktop.tools.console.outbox_model import StateFilter
from wb_desktop.tools.console.outbox_panel import OutboxPanel
from wb_desktop.tools.console.trace_model import TraceColumn
from wb_desktop.tools.console.trace_panel import TracePanel
from wb_desktop.tools.console.window import ConsoleWindow
from wb_desktop.tools.diagnostics.bundle import export_bundle


def _refused(events: list[TraceEvent]) -> list[TraceEvent]:
    return [e for e in events if e.route.startswith("/v1/blobs") and e.status == 500]


@pytest.fixture
def tablet(qtbot: QtBot, tmp_path: Path, clock: FixedClock) -> Iterator[WorkBossApp]:
    """A second profile, on its own data root and demo server: the technician's tablet."""
    built = build(gui_test_options(tmp_path / "tablet", profile="tablet"), clock=clock)
    qtbot.addWidget(built.window)
    qtbot.waitUntil(lambda: built.link.demo is not None, timeout=SYNC_WAIT_MS)
    qtbot.waitUntil(lambda: built.window.schedule.model.rowCount() >= 3, timeout=SYNC_WAIT_MS)
    qtbot.waitUntil(lambda: built.service.view().pending == 0, timeout=SYNC_WAIT_MS)
    yield built
    assert built.close()


def refused_bundle(
    qtbot: QtBot, tablet: WorkBossApp, clock: FixedClock, target: Path
) -> tuple[str, str]:
    """A photo the tablet's server refuses (500 on /v1/blobs), then the bundle; the photo's
    id and its job's title."""
    context = tablet.console.get().context()
    trace = TraceLog(tablet.cache.paths.trace)
    job_id = tablet.window.schedule.model.job_ids()[0]
    office = context.office()
    try:
        office.add_fault(kind="error_500", route="/v1/blobs")
        context.workday.write(
            job_id, lambda changes: changes.media.add_photo(job_id, PNG_1X1, "meter.png")
        )
        qtbot.waitUntil(lambda: bool(_refused(list(trace.events()))), timeout=SYNC_WAIT_MS)
    finally:
        office.close()
    with tablet.cache.database.reader() as session:
        photo_id = session.scalars(select(Photo.id).where(Photo.job_id == job_id)).all()[-1]
        title = session.get(Job, job_id).title
    export_bundle(tablet.cache.paths, target, redact=False, now=clock.now(), app_version="x")
    return str(photo_id), title


def _photo_ids(data: DataPanel) -> set[str]:
    data.show_table("photos")
    return {data.local_model.identity(row) for row in range(data.local_model.rowCount())}


def test_an_opened_bundle_switches_the_console_and_back(
    qtbot: QtBot, demo_app: WorkBossApp, tablet: WorkBossApp, clock: FixedClock, tmp_path: Path
) -> None:
    bundle = tmp_path / "out" / "tablet-bundle.zip"
    photo_id, job_title = refused_bundle(qtbot, tablet, clock, bundle)
    window = demo_app.open_console()
    assert isinstance(window, ConsoleWindow)
    window.resize(1366, 860)
    trace = window.panels["Sync trace"]
    outbox = window.panels["Outbox"]
    data = window.panels["Data side by side"]
    diagnostics = window.panels["Diagnostics"]
    assert isinstance(trace, TracePanel) and isinstance(outbox, OutboxPanel)
    assert isinstance(data, DataPanel) and isinstance(diagnostics, DiagnosticsPanel)
    conflicts = window.panels["Conflicts"]
    assert isinstance(conflicts, ConflictsPanel)
    logs, settings = window.panels["Logs"], window.panels["Settings"]
    assert isinstance(logs, LogsPanel) and isinstance(settings, SettingsPanel)
    settle(qtbot, demo_app.workday)
    live_events = list(trace.model.events())
    assert not _refused(live_events)  # the support person's own profile had no refusal
    outbox.set_state_filter(StateFilter.EVERYTHING)
    live_ops = outbox.model.rowCount()
    assert photo_id not in _photo_ids(data)
    assert not window.banner.isVisible()

    with qtbot.waitSignal(diagnostics.bundleOpened, timeout=SYNC_WAIT_MS) as opened:
        diagnostics.open_path(bundle)
    sandbox = opened.args[0]
    settle(qtbot, demo_app.workday)  # the trace and logs are read on the op runner
    assert trace.loaded()

    # the banner: which bundle, whose, from which device, made when; the title names it too
    assert window.banner.isVisible()
    banner = window.banner_label.text() + window.banner_whose.text()
    assert bundle.name in banner and "Anna" in banner
    assert tablet.cache.device_id in banner
    assert sandbox.manifest.created.astimezone(demo_app.workday.zone).strftime("%H:%M") in banner
    assert bundle.name in window.windowTitle()
    assert window.bundle_tabs() == [
        "Outbox",
        "Sync trace",
        "Data side by side",
        "Conflicts",
        "Logs",
        "Settings",
    ]

    # the trace is the bundle's: the refused upload with its 500, not the live rows
    bundle_events = list(TraceLog(sandbox.paths.trace).events())
    assert trace.model.events() == bundle_events
    refused = _refused(trace.model.events())
    assert refused and all(e.request_id for e in refused)
    assert refused[0].server_error == "injected_fault"
    ids = [str(e.request_id) for e in refused]
    assert trace.select_requests(ids) == len(ids)
    assert trace.selected_request_ids() == ids
    # search and filters over the bundle's trace as over the live one
    trace.failures_check.setChecked(True)
    assert trace.shown_events() and all(not e.ok for e in trace.shown_events())
    trace.search_edit.setText(ids[0])
    assert trace.shown_events() == [refused[0]]
    trace.search_edit.setText("no such request")
    assert trace.shown_events() == []
    assert trace.select_requests(ids[:1]) == 1  # hidden rows: the filters give way
    assert trace.selected_request_ids() == ids[:1]
    assert trace.search_edit.text() == "" and not trace.failures_check.isChecked()

    # outbox and data: the sandbox's records, read-only
    waiting = {op["op_id"] for op in sandbox.outbox()}
    assert waiting and all(outbox.model.row_of(op_id) >= 0 for op_id in waiting)
    assert outbox.uploads == 1  # the refused photo waits to upload
    assert "1 file waiting to upload" in outbox.summary_label.text()
    outbox.select_ops(list(waiting))
    assert not outbox.retry_button.isEnabled() and not outbox.discard_button.isEnabled()
    assert "bundle" in outbox.retry_button.toolTip()
    assert photo_id in _photo_ids(data)
    assert not data.check_button.isEnabled()
    assert data.office_count.text() == "Not shown for a bundle."
    assert not conflicts.keep_mine_button.isEnabled()
    assert "bundle" in conflicts.keep_mine_button.toolTip()
    assert logs.file_names() and logs.summary_label.text()
    lines = logs.text_view.toPlainText().splitlines()
    logs.search_edit.setText("500")  # the refused uploads, as the log wrote them
    assert 0 < len(logs.text_view.toPlainText().splitlines()) < len(lines)
    assert sandbox.paths.settings.as_posix() in settings.path_label.text()
    assert settings.text_view.toPlainText().startswith("{")

    row = trace.model.events().index(refused[0])
    qtbot.waitUntil(  # named from the sandbox's cache, not the live one
        lambda: (
            trace.model.index(row, TraceColumn.ABOUT).data()
            == "photo meter.png on " + f"'{job_title}'"
        ),
        timeout=SYNC_WAIT_MS,
    )
    # and back: every tab shows the live profile again
    window.back_button.click()
    assert not window.banner.isVisible()
    settle(qtbot, demo_app.workday)
    assert bundle.name not in window.windowTitle()
    assert window.bundle_tabs() == []
    assert not _refused(trace.model.events())
    assert trace.model.events()[: len(live_events)] == live_events
    assert outbox.model.rowCount() == live_ops
    assert outbox.uploads == 0
    assert all(outbox.model.row_of(op_id) < 0 for op_id in waiting)
    assert photo_id not in _photo_ids(data)
    assert conflicts.keep_mine_button.toolTip() == ""
    assert demo_app.cache.paths.settings.as_posix() in settings.path_label.text()
    data.wait()
