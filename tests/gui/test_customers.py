"""The customers screen: search, details, offline edits with inline refusals, and jumps to a
customer's jobs and documents."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.conftest import Schedule
from tests.gui.waiting import settle
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.models import ConflictRecord, Customer, OutboxOp
from wb_desktop.ui.customers import CustomersPage
from wb_desktop.ui.customers.list_model import CustomerRole
from wb_desktop.ui.theme import TOUCH_TARGET_PX
from wb_desktop.ui.workday import Workday

LINE = {"description": "Labour", "quantity": "2", "unit_price": "650", "vat_rate": "25"}


def make_page(qtbot: QtBot, workday: Workday) -> CustomersPage:
    page = CustomersPage(workday)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot, workday)
    return page


def names(page: CustomersPage) -> list[str]:
    model = page.model
    return [model.index(i).data(CustomerRole.ROW).name for i in range(model.rowCount())]


def click_row(qtbot: QtBot, view: QAbstractItemView, row: int, column: int = 0) -> None:
    rect = view.visualRect(view.model().index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def tab_from(widget: QWidget) -> QWidget:
    """Where Tab moves focus: the next visible, enabled widget that takes tab focus."""
    candidate = widget.nextInFocusChain()
    while not (
        candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
        and candidate.isVisible()
        and candidate.isEnabled()
    ):
        candidate = candidate.nextInFocusChain()
    return candidate


def stored(cache: LocalCache, customer_id: str) -> tuple[str, str, SyncState, int]:
    with cache.database.reader() as session:
        customer = session.get(Customer, customer_id)
        ops = session.scalar(
            select(func.count()).select_from(OutboxOp).where(OutboxOp.record_id == customer_id)
        )
        return customer.name, customer.phone, customer.sync_state, ops


def test_lists_every_cached_customer_and_searches_name_address_and_phone(
    qtbot: QtBot,
    workday: Workday,
    cache: LocalCache,
    schedule: Schedule,
    qtmodeltester: ModelTester,
) -> None:
    cache.changes.customers.create(
        {"name": "Åsa Östberg", "address": "Kvarngatan 3, Lund", "phone": "070-123 45 67"}
    )
    page = make_page(qtbot, workday)
    qtmodeltester.check(page.model)
    assert names(page) == ["Karin Lund", "Oliver Smith", "Åsa Östberg"]
    karin = page.model.index(0).data(CustomerRole.ROW)
    assert (karin.address, karin.job_count) == ("Storgatan 1, Uppsala", 1)

    page.search_input.setText("östb")  # QTest types ASCII only
    assert names(page) == ["Åsa Östberg"]
    assert page.count_label.text() == "1 of 3 customers"

    page.search_input.clear()
    qtbot.keyClicks(page.search_input, "high st")
    assert names(page) == ["Oliver Smith"]

    page.search_input.clear()
    qtbot.keyClicks(page.search_input, "0701234567")
    assert names(page) == ["Åsa Östberg"]

    page.search_input.setText("nobody at all")
    assert names(page) == []
    assert not page.empty_label.isHidden()
    assert "nobody at all" in page.empty_label.text()

    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert len(names(page)) == 3
    assert page.empty_label.isHidden()


def test_a_picked_customer_shows_contact_jobs_and_documents(
    qtbot: QtBot, workday: Workday, cache: LocalCache, schedule: Schedule
) -> None:
    karin = schedule.customer_ids[0]
    invoice = cache.changes.documents.create("invoice", karin, [LINE])
    page = make_page(qtbot, workday)
    assert page.detail_stack.currentWidget() is page.placeholder

    click_row(qtbot, page.list_view, 0)
    settle(qtbot, workday)

    detail = page.detail
    assert page.shown_customer_id() == karin
    assert detail.name_label.text() == "Karin Lund"
    assert detail.address_label.text() == "Storgatan 1, Uppsala"
    assert not detail.office_note.isHidden()
    assert detail.sync_label.text() == "Synced"
    assert detail.jobs_model.rowCount() == 1
    assert detail.jobs_model.index(0, 1).data() == "Boiler service"
    assert detail.documents_model.rowCount() == 1
    assert detail.documents_model.index(0, 0).data().startswith("INV-")
    assert detail.documents_model.index(0, 3).data() == "Draft"
    assert detail.documents_model.index(0, 4).data() == "—"  # no card payment tried
    assert detail.documents_model.index(0, 5).data() == "Local only"

    with qtbot.waitSignal(page.jobOpened) as opened_job:
        click_row(qtbot, detail.jobs_table, 0, 1)
    assert opened_job.args == [schedule.job_ids[0]]
    with qtbot.waitSignal(page.documentOpened) as opened_document:
        click_row(qtbot, detail.documents_table, 0, 0)
    assert opened_document.args == [invoice.record_id]


def test_editing_offline_saves_at_once_and_shows_not_synced(
    qtbot: QtBot, workday: Workday, cache: LocalCache, schedule: Schedule
) -> None:
    karin = schedule.customer_ids[0]
    page = make_page(qtbot, workday)
    page.show_customer(karin)
    settle(qtbot, workday)
    qtbot.mouseClick(page.detail.edit_button, Qt.MouseButton.LeftButton)
    editor = page.detail.editor
    assert page.detail.editing
    assert editor.inputs["name"].text() == "Karin Lund"

    editor.inputs["phone"].setText("070-555 12 34")
    with qtbot.waitSignal(workday.changed):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, workday)

    assert not page.detail.editing
    assert page.detail.phone_label.text() == "070-555 12 34"
    assert page.detail.sync_label.text().startswith("Not synced")
    row = page.model.index(page.model.row_of(karin)).data(CustomerRole.ROW)
    assert row.sync_state is SyncState.PENDING
    assert row.waiting_ops == 1
    assert stored(cache, karin) == ("Karin Lund", "070-555 12 34", SyncState.PENDING, 1)


def test_an_empty_name_is_refused_inline_and_nothing_is_saved(
    qtbot: QtBot, workday: Workday, cache: LocalCache, schedule: Schedule
) -> None:
    karin = schedule.customer_ids[0]
    page = make_page(qtbot, workday)
    page.show_customer(karin)
    settle(qtbot, workday)
    page.detail.start_editing()
    editor = page.detail.editor

    editor.inputs["name"].setText("   ")
    editor.inputs["phone"].setText("070-555 12 34")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, workday)

    assert page.detail.editing  # the form stays open with what was typed
    assert editor.errors["name"].text() == "A customer needs a name"
    assert editor.errors["name"].property("role") == "error"
    assert not editor.errors["name"].isHidden()
    assert editor.inputs["phone"].text() == "070-555 12 34"
    assert stored(cache, karin) == ("Karin Lund", "", SyncState.SYNCED, 0)

    editor.inputs["name"].setText("Karin Lund-Berg")
    editor.inputs["email"].setText("karin@")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, workday)
    assert editor.errors["name"].isHidden()
    assert "“karin@” is not an email address" in editor.errors["email"].text()
    assert stored(cache, karin) == ("Karin Lund", "", SyncState.SYNCED, 0)

    editor.inputs["email"].setText("karin@example.se")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, workday)
    assert not page.detail.editing
    assert stored(cache, karin)[:3] == ("Karin Lund-Berg", "070-555 12 34", SyncState.PENDING)
    assert "Karin Lund-Berg" in names(page)


def test_cancel_leaves_the_customer_as_it_was(
    qtbot: QtBot, workday: Workday, cache: LocalCache, schedule: Schedule
) -> None:
    karin = schedule.customer_ids[0]
    page = make_page(qtbot, workday)
    page.show_customer(karin)
    settle(qtbot, workday)
    page.detail.start_editing()
    page.detail.editor.inputs["name"].setText("")
    qtbot.mouseClick(page.detail.editor.cancel_button, Qt.MouseButton.LeftButton)

    assert not page.detail.editing
    assert page.detail.name_label.text() == "Karin Lund"
    assert stored(cache, karin) == ("Karin Lund", "", SyncState.SYNCED, 0)


def test_the_office_owned_address_explains_the_policy_and_shows_a_lost_edit(
    qtbot: QtBot, workday: Workday, cache: LocalCache, schedule: Schedule
) -> None:
    karin = schedule.customer_ids[0]
    with cache.database.writer() as session, session.begin():
        session.add(
            ConflictRecord(
                record_type="customer",
                record_id=karin,
                field="address",
                local_value="Storgatan 3, Uppsala",
                server_value="Storgatan 1, Uppsala",
                winner="server",
                detected_at=datetime(2026, 11, 23, 7, 0, tzinfo=UTC),
            )
        )
    page = make_page(qtbot, workday)
    page.show_customer(karin)
    settle(qtbot, workday)

    conflict = page.detail.conflict_label
    assert not conflict.isHidden()
    assert "Storgatan 3, Uppsala" in conflict.text()
    assert "theirs was kept" in conflict.text()
    page.detail.start_editing()
    notes = [w.text() for w in page.detail.editor.findChildren(type(conflict))]
    assert any("The office owns the address" in text for text in notes)
    assert page.detail.editor.inputs["address"].isEnabled()


def test_a_settled_conflict_is_a_quiet_note_and_an_open_one_a_warning(
    qtbot: QtBot, workday: Workday, cache: LocalCache, schedule: Schedule
) -> None:
    """Issue 21: what a conflict settled by policy (or by a person) replaced is said quietly
    on the customer's page; an open one keeps its warning."""
    karin = schedule.customer_ids[0]
    at = datetime(2026, 11, 23, 8, 14, tzinfo=UTC)  # 09:14 in Stockholm
    page = make_page(qtbot, workday)
    page.show_customer(karin)
    settle(qtbot, workday)
    assert page.detail.settled_label.isHidden()
    with cache.database.writer() as session, session.begin():
        settled = {"record_type": "customer", "record_id": karin, "detected_at": at}
        session.add_all(
            [
                ConflictRecord(
                    **settled,
                    field="phone",
                    local_value="070-111 11 11",
                    server_value="070-999 99 99",
                    winner="client",
                    resolved_at=at,
                    resolution="policy",
                ),
                ConflictRecord(
                    **settled,
                    field="address",
                    local_value="Storgatan 3, Uppsala",
                    server_value="Storgatan 1, Uppsala",
                    winner="server",
                    resolved_at=at,
                    resolution="kept_server",
                ),
            ]
        )
    workday.announce("")  # as a sync step's notice does
    settle(qtbot, workday)

    note = page.detail.settled_label
    assert not note.isHidden() and note.property("role") == "muted"
    assert note.text().splitlines() == [
        "Address: the office's change (Storgatan 1, Uppsala) was kept; "
        "yours (Storgatan 3, Uppsala) was replaced at 09:14.",
        "Phone: your change (070-111 11 11) was kept; "
        "the office's (070-999 99 99) was replaced at 09:14.",
    ]
    assert page.detail.conflict_label.isHidden()  # nothing is open


def test_changes_made_elsewhere_update_the_list_and_the_details(
    qtbot: QtBot, workday: Workday, schedule: Schedule
) -> None:
    karin = schedule.customer_ids[0]
    page = make_page(qtbot, workday)
    page.show_customer(karin)
    settle(qtbot, workday)

    workday.write("", lambda changes: changes.documents.create("estimate", karin, [LINE]))
    settle(qtbot, workday)

    row = page.model.index(page.model.row_of(karin)).data(CustomerRole.ROW)
    assert row.open_documents == 1
    assert page.detail.documents_model.rowCount() == 1
    assert page.shown_customer_id() == karin


def test_every_control_is_touch_sized_and_focus_follows_the_screen(
    qtbot: QtBot, workday: Workday, schedule: Schedule
) -> None:
    page = make_page(qtbot, workday)
    page.show_customer(schedule.customer_ids[0])
    settle(qtbot, workday)
    page.detail.start_editing()
    for button in page.findChildren(QPushButton):
        if button.isVisible():
            assert button.height() >= TOUCH_TARGET_PX, button.text()
            assert button.width() >= TOUCH_TARGET_PX, button.text()
    assert tab_from(page.search_input) is page.clear_button
    assert tab_from(page.clear_button) is page.list_view
    editor = page.detail.editor
    chain: list[QWidget] = [editor.inputs["name"]]
    while len(chain) < 7:
        chain.append(tab_from(chain[-1]))
    assert chain == [
        *(editor.inputs[f] for f in ("name", "phone", "email", "address")),
        editor.notes_input,
        editor.cancel_button,
        editor.save_button,
    ]


def test_a_customer_removed_from_the_cache_falls_back_to_the_placeholder(
    qtbot: QtBot, workday: Workday
) -> None:
    page = make_page(qtbot, workday)
    page.show_customer("8c1f3b8e-0000-4000-8000-000000000000")
    settle(qtbot, workday)
    settle(qtbot, workday)
    assert page.detail_stack.currentWidget() is page.placeholder
    assert page.empty_label.text() == "No customers on this tablet yet."
