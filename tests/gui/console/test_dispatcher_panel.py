"""The dispatcher: stage the office's moves while the technician is offline."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.gui.console.conftest import SYNC_WAIT_MS
from wb_desktop.core.protocol.records import JobRecord
from wb_desktop.core.store.models import Job
from wb_desktop.core.store.queries import day_schedule
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.dispatcher_panel import DispatcherPanel
from wb_desktop.tools.scenario.format import parse_scenario
from wb_desktop.ui.theme import TOUCH_TARGET_PX


def _panel(qtbot: QtBot, console: ConsoleContext) -> DispatcherPanel:
    panel = DispatcherPanel(console)
    qtbot.addWidget(panel)
    panel.resize(1300, 900)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=SYNC_WAIT_MS)
    return panel


def _office_jobs(console: ConsoleContext) -> list[JobRecord]:
    office = console.office()
    try:
        return office.jobs()
    finally:
        office.close()


def _local_job(console: ConsoleContext, job_id: str) -> Job | None:
    return console.workday.read(lambda s: s.get(Job, job_id))


def _today(console: ConsoleContext) -> list[str]:
    workday = console.workday
    return workday.read(
        lambda s: [
            j.id for j in day_schedule(s, console.technician_id, workday.today(), workday.zone)
        ]
    )


def _step(qtbot: QtBot, panel: DispatcherPanel, action) -> dict:
    with qtbot.waitSignal(panel.officeChanged, timeout=SYNC_WAIT_MS) as changed:
        action()
    qtbot.waitUntil(lambda: panel._calls.idle, timeout=SYNC_WAIT_MS)
    return changed.args[0]


def _row_of_title(panel: DispatcherPanel, title: str) -> int:
    rows = [r for r in range(panel.model.rowCount()) if panel.model.job(r).title == title]
    assert len(rows) == 1
    return rows[0]


def test_the_list_shows_annas_jobs_first(
    qtbot: QtBot, console: ConsoleContext, qtmodeltester
) -> None:
    panel = _panel(qtbot, console)
    assert panel.filter_combo.currentData() == console.technician_id
    technicians = {panel.model.job(r).technician_id for r in range(panel.model.rowCount())}
    assert technicians == {console.technician_id}
    panel.filter_combo.setCurrentIndex(panel.filter_combo.findData(""))
    assert panel.model.rowCount() == len(_office_jobs(console))
    qtmodeltester.check(panel.model)
    for button in (panel.new_button, panel.refresh_button, panel.edit_button):
        assert button.minimumHeight() >= TOUCH_TARGET_PX
    assert not panel.edit_button.isEnabled()  # nothing selected yet


def test_a_job_created_offline_reaches_the_tablet_after_sync(
    qtbot: QtBot, console: ConsoleContext
) -> None:
    panel = _panel(qtbot, console)
    console.service.set_profile("offline")
    panel.new_button.click()
    assert panel.form.isVisible() and panel.form.customer_combo.count() > 0
    assert panel.form.technician_combo.currentData() == console.technician_id
    panel.form.title_edit.setText("Emergency: no hot water")
    panel.form.lines_edit.setPlainText("Call-out; 1; 450,00")
    step = _step(qtbot, panel, panel.form.save_button.click)

    assert not panel.form.isVisible()
    assert panel.message_label.text() == "Job created."
    customer_id = panel.form.customer_combo.itemData(0)
    assert step["server"] == "assign_job" and step["title"] == "Emergency: no hot water"
    assert step["customer"] == customer_id and step["technician"] == "anna@demo.workboss.se"
    assert "1 line item" in step["why"]
    parse_scenario({"name": "recorded", "technician": "anna", "steps": [step]})
    [created] = [j for j in _office_jobs(console) if j.title == "Emergency: no hot water"]
    assert created.technician_id == console.technician_id
    assert panel.selected_job().id == created.id
    assert _local_job(console, created.id) is None

    console.service.set_profile("online")
    console.service.sync_now()
    qtbot.waitUntil(lambda: created.id in _today(console), timeout=SYNC_WAIT_MS)


def test_a_bad_time_range_and_an_empty_title_are_refused_inline(
    qtbot: QtBot, console: ConsoleContext
) -> None:
    panel = _panel(qtbot, console)
    before = len(_office_jobs(console))
    panel.new_button.click()
    form = panel.form
    form.save_button.click()
    assert form.error_label.isVisible() and "title" in form.error_label.text()
    assert form.error_label.property("role") == "error"

    form.title_edit.setText("Backwards")
    form.end_date.setDate(form.start_date.date())
    form.end_time.setTime(form.start_time.time().addSecs(-3600))
    with qtbot.assertNotEmitted(panel.officeChanged):
        form.save_button.click()
    assert "must end after it starts" in form.error_label.text()

    form.end_time.setTime(form.start_time.time().addSecs(3600))
    form.lines_edit.setPlainText("Valve; lots; 450")
    form.save_button.click()
    assert "Line item 1" in form.error_label.text()
    assert len(_office_jobs(console)) == before
    assert panel._calls.idle


def test_edit_cancel_and_reassign(qtbot: QtBot, console: ConsoleContext) -> None:
    panel = _panel(qtbot, console)
    scheduled = [
        r for r in range(panel.model.rowCount()) if panel.model.job(r).status == "scheduled"
    ]
    job = panel.model.job(scheduled[-1])
    panel.select_job(job.id)
    assert panel.edit_button.isEnabled()

    panel.edit_button.click()
    assert panel.form.title_edit.text() == job.title
    panel.form.save_button.click()
    assert "Nothing changed" in panel.form.error_label.text()
    panel.form.title_edit.setText("Boiler service, bring the long ladder")
    later = panel.form.end_time.time().addSecs(1800)
    panel.form.end_time.setTime(later)
    step = _step(qtbot, panel, panel.form.save_button.click)
    assert step["server"] == "edit_job" and step["job"] == job.id
    assert step["fields"]["title"] == "Boiler service, bring the long ladder"
    assert set(step["fields"]) == {"title", "scheduled_end"}
    [edited] = [j for j in _office_jobs(console) if j.id == job.id]
    assert edited.title == "Boiler service, bring the long ladder"

    erik = panel.reassign_combo.findText("Erik Johansson")
    panel.reassign_combo.setCurrentIndex(erik)
    step = _step(qtbot, panel, panel.reassign_button.click)
    assert step == {"server": "assign_job", "job": job.id, "technician": "erik@demo.workboss.se"}
    assert panel.model.row_of(job.id) == -1  # it left Anna's list
    panel.filter_combo.setCurrentIndex(panel.filter_combo.findText("Erik Johansson"))
    assert panel.select_job(job.id)

    panel.cancel_button.click()
    assert panel.confirm_frame.isVisible()
    step = _step(qtbot, panel, panel.confirm_cancel_button.click)
    assert step == {"server": "cancel_job", "job": job.id}
    [cancelled] = [j for j in _office_jobs(console) if j.id == job.id]
    assert cancelled.status == "cancelled"
    parse_scenario({"name": "recorded", "technician": "anna", "steps": [step]})

    assert panel.select_job(job.id)
    panel.cancel_button.click()
    panel.confirm_cancel_button.click()
    qtbot.waitUntil(lambda: panel._calls.idle, timeout=SYNC_WAIT_MS)
    assert panel.message_label.property("role") == "error"
    assert panel.message_label.text().startswith("The office refused:")
    assert "409" in panel.message_label.text()

    panel.reassign_combo.setCurrentIndex(erik)
    panel.reassign_button.click()
    assert "already" in panel.message_label.text()

    panel.reassign_combo.setCurrentIndex(panel.reassign_combo.findData("unassigned"))
    step = _step(qtbot, panel, panel.reassign_button.click)
    assert step == {"server": "unassign_job", "job": job.id}


def test_render_the_dispatcher_panel(qtbot: QtBot, console: ConsoleContext) -> None:
    panel = _panel(qtbot, console)
    panel.select_job(panel.model.job(1).id)
    panel.new_button.click()
    panel.form.title_edit.setText("Emergency: no hot water")
    panel.form.end_date.setDate(panel.form.start_date.date())
    panel.form.end_time.setTime(panel.form.start_time.time().addSecs(-1800))
    panel.form.save_button.click()
    panel.grab().save(str(Path("/tmp/dispatcher_panel.png")))


def test_without_the_admin_api_it_says_so(qtbot: QtBot, console: ConsoleContext) -> None:
    panel = DispatcherPanel(dataclasses.replace(console, admin_token=None))
    qtbot.addWidget(panel)
    assert not panel.new_button.isEnabled() and not panel.refresh_button.isEnabled()
    assert panel.message_label.property("role") == "warning"
    assert "admin API" in panel.message_label.text()
