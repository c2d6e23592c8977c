"""The day's schedule: a model over the cache, cards in start order, badges, other days."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.conftest import PNG_1X1
from tests.gui.conftest import Week
from tests.gui.waiting import settle
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.store.job_views import JobBadge
from wb_desktop.ui.schedule_model import ScheduleRole
from wb_desktop.ui.schedule_view import CARD_HEIGHT_PX, ScheduleView
from wb_desktop.ui.theme import TOUCH_TARGET_PX
from wb_desktop.ui.workday import Workday


def rows(view: ScheduleView) -> list:
    model = view.model
    return [model.index(i).data(ScheduleRole.ROW) for i in range(model.rowCount())]


def test_today_lists_my_jobs_by_start_time_with_customer_address_and_window(
    qtbot: QtBot, workday: Workday, week: Week, qtmodeltester: ModelTester
) -> None:
    view = ScheduleView(workday)
    qtbot.addWidget(view)
    settle(qtbot, workday)
    qtmodeltester.check(view.model)

    shown = rows(view)
    assert [r.job_id for r in shown] == week.today  # not tomorrow's, not someone else's
    assert [r.title for r in shown] == ["Boiler service", "Leaking tap", "Heat pump check"]
    assert shown[0].customer_name == "Karin Lund"
    assert shown[0].address == "Storgatan 1, Uppsala"
    # 08:30 UTC is 09:30 in Stockholm; two hours booked
    assert view.model.index(0).data(ScheduleRole.TIME_WINDOW) == "09:30–11:30"
    assert "Boiler service" in view.model.index(0).data(Qt.ItemDataRole.DisplayRole)
    assert all(r.status is JobStatus.SCHEDULED for r in shown)
    assert all(r.badge is JobBadge.SYNCED for r in shown)
    assert view.navigator.day_label.text().startswith("Today")


def test_other_days_and_back_to_today(qtbot: QtBot, workday: Workday, week: Week) -> None:
    view = ScheduleView(workday)
    qtbot.addWidget(view)
    settle(qtbot, workday)

    qtbot.mouseClick(view.navigator.next_button, Qt.MouseButton.LeftButton)
    settle(qtbot, workday)
    assert [r.job_id for r in rows(view)] == [week.tomorrow]
    assert view.navigator.day == workday.today() + timedelta(days=1)
    assert view.navigator.today_button.isEnabled()

    qtbot.mouseClick(view.navigator.next_button, Qt.MouseButton.LeftButton)
    settle(qtbot, workday)
    assert rows(view) == []
    assert not view.empty_label.isHidden()

    qtbot.mouseClick(view.navigator.today_button, Qt.MouseButton.LeftButton)
    settle(qtbot, workday)
    assert [r.job_id for r in rows(view)] == week.today
    assert not view.navigator.today_button.isEnabled()


def test_a_local_change_shows_at_once_as_status_and_not_synced_badge(
    qtbot: QtBot, workday: Workday, week: Week
) -> None:
    view = ScheduleView(workday)
    qtbot.addWidget(view)
    settle(qtbot, workday)
    first, second = week.today[0], week.today[1]

    with qtbot.waitSignal(workday.changed):
        workday.write(first, lambda c: c.jobs.set_status(first, "en_route"))
    workday.write(second, lambda c: c.media.add_photo(second, PNG_1X1, "meter.png"))
    settle(qtbot, workday)

    by_id = {r.job_id: r for r in rows(view)}
    assert by_id[first].status is JobStatus.EN_ROUTE
    assert by_id[first].badge is JobBadge.WAITING
    assert by_id[second].status is JobStatus.SCHEDULED
    assert by_id[second].badge is JobBadge.WAITING  # the photo waits, so the job does
    assert by_id[week.today[2]].badge is JobBadge.SYNCED


def test_picking_a_card_opens_the_job_and_selection_survives_a_reload(
    qtbot: QtBot, workday: Workday, week: Week
) -> None:
    view = ScheduleView(workday)
    qtbot.addWidget(view)
    settle(qtbot, workday)
    view.resize(700, 600)
    view.show()
    qtbot.waitExposed(view)
    second = view.model.index(1)
    rect = view.list_view.visualRect(second)
    assert rect.height() >= CARD_HEIGHT_PX >= TOUCH_TARGET_PX

    with qtbot.waitSignal(view.jobOpened) as opened:
        qtbot.mouseClick(view.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [week.today[1]]

    view.reload()
    settle(qtbot, workday)
    assert view.selected_job_id() == week.today[1]


def test_keyboard_opens_a_job_too(qtbot: QtBot, workday: Workday, week: Week) -> None:
    view = ScheduleView(workday)
    qtbot.addWidget(view)
    settle(qtbot, workday)
    view.show()
    qtbot.waitExposed(view)
    view.list_view.setFocus()
    view.list_view.setCurrentIndex(view.model.index(0))

    with qtbot.waitSignal(view.jobOpened) as opened:
        qtbot.keyClick(view.list_view, Qt.Key.Key_Down)
        qtbot.keyClick(view.list_view, Qt.Key.Key_Return)
    assert opened.args == [week.today[1]]
