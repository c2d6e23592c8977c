"""The time clock views on a real cache: the day's clock, the job's clock, and their ops."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.gui.waiting import settle
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.models import Job, OutboxOp, TimeEntry
from wb_desktop.core.store.time_queries import open_time_entries
from wb_desktop.ui.theme import TOUCH_TARGET_PX
from wb_desktop.ui.time_clock import JobTimeControls, TimeClockPanel
from wb_desktop.ui.time_entries_model import TimeEntriesModel
from wb_desktop.ui.workday import Workday

STOCKHOLM = ZoneInfo("Europe/Stockholm")  # the fixed clock's 07:30 UTC is 08:30 here


@pytest.fixture
def workday(cache, clock):
    return Workday(cache, clock, STOCKHOLM, technician_id=None)


@pytest.fixture
def panel(qtbot: QtBot, workday, schedule):
    widget = TimeClockPanel(workday)
    qtbot.addWidget(widget)
    widget.resize(720, 480)
    widget.show()
    settle(qtbot, workday)
    return widget


@pytest.fixture
def controls(qtbot: QtBot, workday, schedule):
    widget = JobTimeControls(workday)
    qtbot.addWidget(widget)
    widget.show()
    settle(qtbot, workday)
    return widget


def ops(cache) -> list[tuple[str, str, dict]]:
    with cache.database.reader() as session:
        rows = session.scalars(select(OutboxOp).order_by(OutboxOp.seq))
        return [(op.kind, op.record_id, op.payload) for op in rows]


def entries(cache) -> list[TimeEntry]:
    with cache.database.reader() as session:
        return list(session.scalars(select(TimeEntry).order_by(TimeEntry.clock_in)))


def column(model: TimeEntriesModel, col: int) -> list[str]:
    return [model.index(row, col).data() for row in range(model.rowCount())]


def set_status_quietly(cache, job_id: str, status: JobStatus) -> None:
    """As a pull would, but without telling the views (so they are stale)."""
    with cache.database.writer() as session, session.begin():
        session.get(Job, job_id).status = status


def click(qtbot: QtBot, button) -> None:
    """Press, and wait for the write and the re-reads it caused (before the clock moves on)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot, button.parentWidget()._workday)


def test_clock_in_and_out_for_the_day(qtbot, panel, cache, clock):
    assert panel.day_button.text() == "Clock in for the day"
    assert panel.day_button.height() >= TOUCH_TARGET_PX
    assert panel.day_button.property("primary") is True
    assert panel.timer_label.text() == "00:00:00"
    assert not panel.timer.isActive()

    click(qtbot, panel.day_button)
    assert panel.day_button.text() == "Clock out for the day"
    assert panel.state_label.text() == "Clocked in since 08:30"
    assert panel.timer.isActive()

    clock.advance(timedelta(hours=1, minutes=2, seconds=3))
    assert panel.timer_label.text() == "00:00:00"  # only a tick moves it on
    panel.tick()
    assert panel.timer_label.text() == "01:02:03"
    assert panel.total_label.text() == "Worked today: 1 h 02 min"
    assert column(panel.model, TimeEntriesModel.DURATION_COLUMN) == ["01:02:03"]

    click(qtbot, panel.day_button)
    assert panel.day_button.text() == "Clock in for the day"
    assert not panel.timer.isActive()
    assert column(panel.model, TimeEntriesModel.OUT_COLUMN) == ["09:32"]
    (entry,) = entries(cache)
    assert entry.job_id is None
    assert entry.clock_out == clock.now()
    assert [(kind, record) for kind, record, _ in ops(cache)] == [
        ("time_entry.create", entry.id),
        ("time_entry.update", entry.id),
    ]
    assert ops(cache)[1][2] == {"fields": {"clock_out": clock.now().isoformat()}}


def test_the_model_lists_the_days_entries(
    qtbot, panel, controls, workday, schedule, clock, qtmodeltester
):
    boiler, leak = schedule.job_ids
    click(qtbot, panel.day_button)
    clock.advance(timedelta(minutes=20))
    controls.show_job(boiler)
    settle(qtbot, controls._workday)
    click(qtbot, controls.button)
    clock.advance(timedelta(minutes=45))
    controls.show_job(leak)
    settle(qtbot, controls._workday)
    click(qtbot, controls.button)
    clock.advance(timedelta(minutes=5))
    panel.tick()

    model = panel.model
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert column(model, model.JOB_COLUMN) == ["Day", "Boiler service", "Leaking tap"]
    assert column(model, model.IN_COLUMN) == ["08:30", "08:50", "09:35"]
    assert column(model, model.OUT_COLUMN) == ["running", "09:35", "running"]
    assert column(model, model.DURATION_COLUMN) == ["01:10:00", "00:45:00", "00:05:00"]
    assert column(model, model.SYNC_COLUMN) == ["Local only"] * 3
    assert model.headerData(model.SYNC_COLUMN, Qt.Orientation.Horizontal) == "Sync"
    assert panel.total_label.text() == "Worked today: 1 h 10 min"  # job time inside the day


def test_sync_state_follows_the_cache(qtbot, panel, cache, workday):
    click(qtbot, panel.day_button)
    with cache.database.writer() as session, session.begin():
        for entry in session.scalars(select(TimeEntry)):
            entry.sync_state = SyncState.SYNCED
    workday.announce("")
    settle(qtbot, workday)
    assert column(panel.model, TimeEntriesModel.SYNC_COLUMN) == ["Synced"]


def test_start_and_stop_work_on_a_job(qtbot, controls, cache, clock, schedule):
    boiler = schedule.job_ids[0]
    controls.show_job(boiler)
    settle(qtbot, controls._workday)
    assert controls.button.text() == "Start work on this job"
    assert controls.button.isEnabled()
    assert controls.button.height() >= TOUCH_TARGET_PX
    assert controls.total_label.text() == "Logged on this job: 0 h 00 min"

    click(qtbot, controls.button)
    assert controls.button.text() == "Stop work on this job"
    clock.advance(timedelta(minutes=10, seconds=5))
    controls.tick()
    assert controls.timer_label.text() == "00:10:05"
    assert controls.total_label.text() == "Logged on this job: 0 h 10 min"

    click(qtbot, controls.button)
    assert controls.button.text() == "Start work on this job"
    assert controls.timer_label.text() == "00:00:00"
    clock.advance(timedelta(minutes=30))
    click(qtbot, controls.button)
    clock.advance(timedelta(minutes=20))
    controls.tick()
    assert controls.total_label.text() == "Logged on this job: 0 h 30 min"  # all entries

    kinds = [kind for kind, _, _ in ops(cache)]
    assert kinds == ["time_entry.create", "time_entry.update", "time_entry.create"]
    assert ops(cache)[0][2]["job_id"] == boiler


def test_starting_another_job_stops_the_first(qtbot, controls, workday, cache, clock, schedule):
    boiler, leak = schedule.job_ids
    controls.show_job(boiler)
    settle(qtbot, controls._workday)
    click(qtbot, controls.button)
    clock.advance(timedelta(minutes=32))
    controls.show_job(leak)
    settle(qtbot, controls._workday)
    assert controls.button.text() == "Start work on this job"

    click(qtbot, controls.button)
    assert controls.notice_label.isVisible()
    assert controls.notice_label.text() == "Stopped 'Boiler service' at 09:02"
    assert controls.button.text() == "Stop work on this job"
    current = workday.read(open_time_entries)
    assert current.job.job_id == leak
    first, second = entries(cache)
    assert (first.job_id, first.clock_out) == (boiler, clock.now())
    assert (second.job_id, second.clock_out) == (leak, None)
    assert [(kind, record) for kind, record, _ in ops(cache)] == [
        ("time_entry.create", first.id),
        ("time_entry.update", first.id),
        ("time_entry.create", second.id),
    ]


def test_clocking_out_of_the_day_closes_the_job_entry_first(
    qtbot, panel, controls, cache, clock, schedule
):
    click(qtbot, panel.day_button)
    controls.show_job(schedule.job_ids[0])
    settle(qtbot, controls._workday)
    click(qtbot, controls.button)
    clock.advance(timedelta(hours=2))

    click(qtbot, panel.day_button)
    assert panel.day_button.text() == "Clock in for the day"
    assert panel.notice_label.text() == "Stopped 'Boiler service' at 10:30"
    assert controls.button.text() == "Start work on this job"  # heard workday.changed
    day, job = entries(cache)
    assert day.clock_out == job.clock_out == clock.now()
    updates = [record for kind, record, _ in ops(cache) if kind == "time_entry.update"]
    assert updates == [job.id, day.id]
    assert column(panel.model, TimeEntriesModel.OUT_COLUMN) == ["10:30", "10:30"]


def test_a_closed_job_cannot_be_clocked_in(qtbot, controls, cache, schedule):
    boiler, leak = schedule.job_ids
    set_status_quietly(cache, boiler, JobStatus.COMPLETE)
    set_status_quietly(cache, leak, JobStatus.CANCELLED)
    controls.show_job(boiler)
    settle(qtbot, controls._workday)
    assert not controls.button.isEnabled()
    assert controls.closed_label.isVisible()
    assert controls.closed_label.text() == (
        "This job is complete, so no more time can be logged on it."
    )
    controls.show_job(leak)
    settle(qtbot, controls._workday)
    assert controls.closed_label.text() == "This job was cancelled, so no time can be logged on it."
    assert entries(cache) == []


def test_a_refused_clock_in_is_shown_inline(qtbot, controls, cache, schedule):
    boiler = schedule.job_ids[0]
    controls.show_job(boiler)
    settle(qtbot, controls._workday)
    set_status_quietly(cache, boiler, JobStatus.COMPLETE)  # the view has not heard yet

    click(qtbot, controls.button)
    assert controls.error_label.isVisible()
    assert controls.error_label.property("role") == "error"
    assert controls.error_label.text() == (
        "Cannot clock in on job 'Boiler service': it is complete."
    )
    assert not controls.button.isEnabled()  # the refusal re-read the job
    assert entries(cache) == []
    assert ops(cache) == []


def test_a_job_completed_while_running_can_still_be_stopped(qtbot, controls, cache, schedule):
    boiler = schedule.job_ids[0]
    controls.show_job(boiler)
    settle(qtbot, controls._workday)
    click(qtbot, controls.button)
    set_status_quietly(cache, boiler, JobStatus.COMPLETE)
    controls.refresh()
    settle(qtbot, controls._workday)
    assert controls.button.isEnabled()
    assert controls.button.text() == "Stop work on this job"
    click(qtbot, controls.button)
    assert entries(cache)[0].clock_out is not None


def test_a_clock_that_went_back_is_refused_inline(qtbot, panel, cache, clock):
    click(qtbot, panel.day_button)
    clock.advance(timedelta(minutes=-5))
    click(qtbot, panel.day_button)
    assert panel.error_label.isVisible()
    assert panel.error_label.text() == (
        "The clock-out time is before the clock-in time; check the device clock."
    )
    assert panel.day_button.text() == "Clock out for the day"
    assert entries(cache)[0].clock_out is None
    assert len(ops(cache)) == 1


def test_no_job_means_no_button(controls):
    controls.show_job(None)  # no job: nothing to read
    assert not controls.button.isEnabled()
    assert controls.closed_label.text() == "No job selected."


def test_completing_the_job_on_its_page_stops_its_timer_in_both_views(
    qtbot, panel, cache, clock, schedule
):
    """Issue 20: after Complete the job timer stopped (it used to run on until clock-out)."""
    from wb_desktop.ui.job_page import JobPage

    boiler = schedule.job_ids[0]
    workday = panel._workday
    page = JobPage(workday)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show_job(boiler)
    page.show()
    settle(qtbot, workday)
    click(qtbot, panel.day_button)
    click(qtbot, page.time.button)
    assert page.time.button.text() == "Stop work on this job"
    for step in (JobStatus.EN_ROUTE, JobStatus.IN_PROGRESS):
        click(qtbot, page.steps.buttons[step])
    clock.advance(timedelta(minutes=1, seconds=58))
    completed_at = clock.now()
    qtbot.mouseClick(page.steps.buttons[JobStatus.COMPLETE], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.time.timer.isActive())
    settle(qtbot, workday)

    clock.advance(timedelta(minutes=5))
    page.time.tick()
    panel.tick()
    assert page.time.timer_label.text() == "00:00:00"
    assert page.time.total_label.text() == "Logged on this job: 0 h 01 min"
    job_entry = next(e for e in entries(cache) if e.job_id == boiler)
    assert job_entry.clock_out == completed_at
    # The time clock shows the job's entry closed and the day still running.
    assert panel.day_button.text() == "Clock out for the day"
    assert panel.timer.isActive()
    outs = column(panel.model, TimeEntriesModel.OUT_COLUMN)
    assert completed_at.astimezone(STOCKHOLM).strftime("%H:%M") in outs
