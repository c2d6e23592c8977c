"""The job page: who, where, what; status steps that offer only allowed moves; notes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import delete, func, select

from tests.gui.conftest import Week
from tests.gui.waiting import settle
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.job_views import JobBadge
from wb_desktop.core.store.models import Job, JobLineItem, Note, OutboxOp
from wb_desktop.ui.job_page import JobPage
from wb_desktop.ui.theme import TOUCH_TARGET_PX
from wb_desktop.ui.workday import Workday

CLICK = Qt.MouseButton.LeftButton


def page_for(qtbot: QtBot, workday: Workday, job_id: str) -> JobPage:
    page = JobPage(workday)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show_job(job_id)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot, workday)
    return page


def ops(workday: Workday) -> list[str]:
    return workday.read(lambda s: list(s.scalars(select(OutboxOp.kind).order_by(OutboxOp.seq))))


def test_it_shows_the_customer_the_job_and_its_line_items(
    qtbot: QtBot, workday: Workday, week: Week, qtmodeltester: ModelTester
) -> None:
    page = page_for(qtbot, workday, week.today[0])

    assert page.title_label.text() == "Boiler service"
    assert page.customer.name_label.text() == "Karin Lund"
    assert page.customer.address_label.text() == "Storgatan 1, Uppsala"
    assert "09:30–11:30" in page.when_label.text()
    assert page.badge_label.text() == "Synced"
    qtmodeltester.check(page.lines_model)
    count = workday.read(
        lambda s: s.scalar(
            select(func.count()).select_from(JobLineItem).where(JobLineItem.job_id == week.today[0])
        )
    )
    assert page.lines_model.rowCount() == count > 0
    assert page.lines_model.index(0, 0).data() == "Labour, per hour"


def test_status_steps_offer_only_the_next_allowed_move_and_save_at_once(
    qtbot: QtBot, workday: Workday, week: Week
) -> None:
    page = page_for(qtbot, workday, week.today[0])
    buttons = page.steps.buttons
    assert all(b.height() >= TOUCH_TARGET_PX for b in buttons.values())

    walked = []
    for step in (JobStatus.EN_ROUTE, JobStatus.IN_PROGRESS, JobStatus.COMPLETE):
        assert [s for s, b in buttons.items() if b.isEnabled()] == [step]
        qtbot.mouseClick(buttons[step], CLICK)
        settle(qtbot, workday)
        walked.append(workday.read(lambda s: s.get(Job, week.today[0]).status))

    assert walked == [JobStatus.EN_ROUTE, JobStatus.IN_PROGRESS, JobStatus.COMPLETE]
    assert not any(b.isEnabled() for b in buttons.values())  # a complete job is closed
    assert ops(workday) == ["job.set_status"] * 3
    assert page.badge_label.text() == "Not synced"
    assert page.steps.message.isHidden()


def test_a_note_is_added_offline_and_an_empty_one_is_refused_inline(
    qtbot: QtBot, workday: Workday, week: Week
) -> None:
    page = page_for(qtbot, workday, week.today[1])

    qtbot.mouseClick(page.notes.add_button, CLICK)
    settle(qtbot, workday)
    assert not page.notes.message.isHidden()
    assert page.notes.message.text() == "A note cannot be empty."
    assert ops(workday) == []

    qtbot.keyClicks(page.notes.editor, "Customer asks for a call before the next visit")
    qtbot.mouseClick(page.notes.add_button, CLICK)
    settle(qtbot, workday)

    assert page.notes.message.isHidden()
    assert page.notes.editor.toPlainText() == ""
    assert page.notes.model.rowCount() == 1
    shown = page.notes.model.index(0).data()
    assert "Local only" in shown and "call before the next visit" in shown
    notes = workday.read(lambda s: list(s.scalars(select(Note))))
    assert [(n.job_id, n.sync_state) for n in notes] == [(week.today[1], SyncState.LOCAL_ONLY)]
    assert page.detail is not None and page.detail.row.badge is JobBadge.WAITING


def test_a_job_the_office_took_away_says_so_and_offers_no_status_moves(
    qtbot: QtBot, workday: Workday, week: Week
) -> None:
    page = page_for(qtbot, workday, week.today[2])
    with workday.cache.database.writer() as session, session.begin():
        session.execute(delete(JobLineItem).where(JobLineItem.job_id == week.today[2]))
        session.execute(delete(Job).where(Job.id == week.today[2]))

    page.reload()
    settle(qtbot, workday)

    assert not page.gone_label.isHidden()
    assert "no longer on your schedule" in page.gone_label.text()
    assert not page.steps.isEnabled()


def test_a_note_on_a_full_disk_is_refused_inline_and_kept_in_the_editor(
    qtbot: QtBot, workday: Workday, week: Week, cache
) -> None:
    from tests.unit.test_disk_full import fill_the_disk

    page = page_for(qtbot, workday, week.today[1])
    fill_the_disk(cache)
    long_note = "Measured every radiator; readings below. " * 200  # needs new pages
    page.notes.editor.setPlainText(long_note)

    qtbot.mouseClick(page.notes.add_button, CLICK)
    settle(qtbot, workday)

    assert not page.notes.message.isHidden()
    assert "storage is full" in page.notes.message.text()
    assert "nothing already saved is lost" in page.notes.message.text()
    assert page.notes.editor.toPlainText() == long_note  # the text is not thrown away
    assert ops(workday) == []
