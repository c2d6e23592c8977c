"""Data side by side: the tablet's cache next to the office, and the convergence check."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.gui.console.conftest import SYNC_WAIT_MS
from wb_desktop.bootstrap import WorkBossApp
from wb_desktop.core.store.models import Job
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.data_panel import DataPanel
from wb_desktop.tools.diagnostics.convergence import ConvergenceReport, Presence, Why
from wb_desktop.ui.theme import TOUCH_TARGET_PX


def _panel(qtbot: QtBot, console: ConsoleContext) -> DataPanel:
    panel = DataPanel(console)
    qtbot.addWidget(panel)
    panel.resize(1400, 900)
    qtbot.waitUntil(lambda: panel.office_model.rowCount() > 0, timeout=SYNC_WAIT_MS)
    return panel


def _check(qtbot: QtBot, panel: DataPanel) -> ConvergenceReport:
    with qtbot.waitSignal(panel.convergenceChecked, timeout=SYNC_WAIT_MS) as checked:
        panel.check_button.click()
    return checked.args[0]


def _anna_jobs(console: ConsoleContext) -> set[str]:
    return set(
        console.workday.read(
            lambda s: s.scalars(
                select(Job.id).where(Job.assigned_technician_id == console.technician_id)
            ).all()
        )
    )


def test_both_sides_show_annas_jobs(qtbot: QtBot, console: ConsoleContext, qtmodeltester) -> None:
    panel = _panel(qtbot, console)
    local_ids = {panel.local_model.identity(r) for r in range(panel.local_model.rowCount())}
    office_ids = {panel.office_model.identity(r) for r in range(panel.office_model.rowCount())}
    assert local_ids == office_ids == _anna_jobs(console)
    assert panel.local_model.columns()[:2] == ("id", "sync_state")
    assert "technician_id" in panel.office_model.columns()
    qtmodeltester.check(panel.local_model)
    qtmodeltester.check(panel.office_model)
    for button in (panel.refresh_button, panel.check_button):
        assert button.minimumHeight() >= TOUCH_TARGET_PX


def test_selecting_a_record_selects_it_on_the_other_side(
    qtbot: QtBot, console: ConsoleContext
) -> None:
    panel = _panel(qtbot, console)
    panel.local_view.selectRow(2)
    identity = panel.local_model.identity(
        panel.local_proxy.mapToSource(panel.local_view.currentIndex()).row()
    )
    office_row = panel.office_proxy.mapToSource(panel.office_view.currentIndex()).row()
    assert panel.office_model.identity(office_row) == identity

    panel.reload_local()  # as after a sync step: the record stays selected
    row = panel.local_proxy.mapToSource(panel.local_view.currentIndex()).row()
    assert panel.local_model.identity(row) == identity

    panel.search_edit.setText(panel.local_model.record(0)["title"])
    assert 1 <= panel.local_proxy.rowCount() == panel.office_proxy.rowCount()


def test_a_session_that_has_synced_has_converged(
    qtbot: QtBot, console: ConsoleContext, qtmodeltester
) -> None:
    panel = _panel(qtbot, console)
    report = _check(qtbot, panel)
    assert report.converged and report.records > 10
    assert panel.summary_label.text() == (
        f"Converged: the tablet and the office agree on {report.records} records"
    )
    assert panel.summary_label.property("role") == "ok"
    assert panel.differences_model.rowCount() == 0
    qtmodeltester.check(panel.differences_model)


def test_a_note_written_offline_is_listed_as_waiting_to_sync(
    qtbot: QtBot, console: ConsoleContext, demo_app: WorkBossApp, qtmodeltester
) -> None:
    panel = _panel(qtbot, console)
    console.service.set_profile("offline")
    job_id = panel.local_model.identity(0)
    receipt = console.workday.write(job_id, lambda c: c.jobs.add_note(job_id, "Gate code 4711"))

    report = _check(qtbot, panel)
    assert [(d.kind, d.record_id, d.presence, d.why) for d in report.differences] == [
        ("notes", receipt.record_id, Presence.HERE_ONLY, Why.WAITING_TO_SYNC)
    ]
    assert panel.differences_model.rowCount() == 1
    qtmodeltester.check(panel.differences_model)
    why = panel.differences_model.index(0, 4).data()
    assert why.startswith("Waiting to sync")
    assert "1 difference" in panel.summary_label.text()
    assert panel.summary_label.property("role") == "warning"

    panel.differences_view.clicked.emit(panel.differences_model.index(0, 0))
    assert panel.table_combo.currentData() == "notes"
    row = panel.local_proxy.mapToSource(panel.local_view.currentIndex()).row()
    assert panel.local_model.identity(row) == receipt.record_id
    assert panel.local_model.record(row)["sync_state"] == "local_only"

    panel.show_table("outbox")
    assert panel.local_model.rowCount() >= 1
    assert panel.office_model.rowCount() == 0

    console.service.set_profile("online")
    console.service.sync_now()
    qtbot.waitUntil(lambda: console.service.view().pending == 0, timeout=SYNC_WAIT_MS)
    assert _check(qtbot, panel).converged


def test_render_the_data_panel(qtbot: QtBot, console: ConsoleContext) -> None:
    panel = _panel(qtbot, console)
    console.service.set_profile("offline")
    job_id = panel.local_model.identity(0)
    console.workday.write(job_id, lambda c: c.jobs.add_note(job_id, "Gate code 4711"))
    _check(qtbot, panel)
    panel.show()
    panel.grab().save(str(Path("/tmp/data_panel.png")))


def test_without_the_admin_api_the_tablet_side_still_shows(
    qtbot: QtBot, console: ConsoleContext
) -> None:
    panel = DataPanel(dataclasses.replace(console, admin_token=None))
    qtbot.addWidget(panel)
    assert panel.local_model.rowCount() > 0
    assert panel.office_model.rowCount() == 0
    assert not panel.check_button.isEnabled()
    assert panel.message_label.property("role") == "warning"
    assert "admin API" in panel.message_label.text()
