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

MY_PHONE = "070-111 11 11"
OFFICE_PHONE = "070-999 99 99"


def _cells(model: ConflictHistoryModel, row: int) -> list[str]:
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_a_phone_settled_by_policy_is_in_the_history(
    qtbot: QtBot, qtmodeltester, console: ConsoleContext
) -> None:
    customer_id = a_customer(console)
    panel = panel_for(qtbot, console)
    assert panel.history.rowCount() == 0
    console.service.set_profile("offline")
    qtbot.waitUntil(lambda: console.service.view().activity.value == "offline")
    console.workday.write("", lambda c: c.customers.edit(customer_id, {"phone": MY_PHONE}))
    office = console.office()
    try:
        office.edit_customer(customer_id, phone=OFFICE_PHONE)
    finally:
        office.close()
    console.service.set_profile("online")
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
