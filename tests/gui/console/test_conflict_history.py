"""The conflicts panel's history on the whole demo app (issue 21, item 6): a phone both sides
changed, settled by the server's policy, is listed with both values and who won; a conflict a
person decided is listed as such."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.gui.console.conftest import SYNC_WAIT_MS
from tests.gui.console.test_conflicts_panel import (
    MINE,
    OFFICE,
    a_customer,
    panel_for,
    provoke_address_conflict,
)
from wb_desktop.tools.console.conflict_history_model import ConflictHistoryModel
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.ui.customers import CustomersPage

MY_PHONE = "070-111 11 11"
OFFICE_PHONE = "070-999 99 99"


def _cells(model: ConflictHistoryModel, row: int) -> list[str]:
    return [model.index(row, column).data() for column in range(model.columnCount())]


def _phone_changed_on_both_sides(qtbot: QtBot, console: ConsoleContext, customer_id: str) -> None:
    """The technician changes the phone offline; the office changes it too; back online."""
    console.service.set_profile("offline")
    qtbot.waitUntil(lambda: console.service.view().activity.value == "offline")
    console.workday.write("", lambda c: c.customers.edit(customer_id, {"phone": MY_PHONE}))
    office = console.office()
    try:
        office.edit_customer(customer_id, phone=OFFICE_PHONE)
    finally:
        office.close()
    console.service.set_profile("online")


def test_a_phone_settled_by_policy_is_in_the_history(
    qtbot: QtBot, qtmodeltester, console: ConsoleContext
) -> None:
    customer_id = a_customer(console)
    panel = panel_for(qtbot, console)
    assert panel.history.rowCount() == 0
    _phone_changed_on_both_sides(qtbot, console, customer_id)
    qtbot.waitUntil(lambda: panel.history.rowCount() == 1, timeout=SYNC_WAIT_MS)
    qtmodeltester.check(panel.history)
    cells = _cells(panel.history, 0)
    assert cells[ConflictHistoryModel.FIELD :] == [
        "phone",
        MY_PHONE,
        OFFICE_PHONE,
        "Technician's",
        "Settled by policy",
    ]
    assert cells[ConflictHistoryModel.WHEN]  # when it was settled
    assert panel.records.rowCount() == 0  # nothing open: nobody has to decide


def test_a_decision_by_a_person_is_in_the_history(qtbot: QtBot, console: ConsoleContext) -> None:
    customer_id = a_customer(console)
    panel = panel_for(qtbot, console)
    provoke_address_conflict(qtbot, console, panel, customer_id)
    assert _cells(panel.history, 0)[ConflictHistoryModel.HOW] == (
        "Open: the server's value for now"
    )
    with qtbot.waitSignal(panel.resolved):
        panel.keep_mine_button.click()
    cells = _cells(panel.history, 0)
    assert cells[ConflictHistoryModel.FIELD :] == [
        "address",
        MINE,
        OFFICE,
        "Technician's",
        "Decided by a person",
    ]


def test_the_customer_page_notes_the_office_phone_it_replaced(
    qtbot: QtBot, console: ConsoleContext
) -> None:
    customer_id = a_customer(console)
    page = CustomersPage(console.workday)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.show_customer(customer_id)
    qtbot.waitUntil(lambda: page.shown_customer_id() == customer_id)
    note = page.detail.settled_label
    assert note.isHidden()
    _phone_changed_on_both_sides(qtbot, console, customer_id)
    qtbot.waitUntil(lambda: not note.isHidden(), timeout=SYNC_WAIT_MS)  # re-read on the notice
    assert note.property("role") == "muted"
    assert note.text().startswith(
        f"Phone: your change ({MY_PHONE}) was kept; the office's ({OFFICE_PHONE}) was replaced at "
    )
    assert page.detail.conflict_label.isHidden()  # nothing to decide
