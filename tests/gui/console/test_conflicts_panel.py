"""The conflicts panel on the whole demo app: the office and the technician change the same
address, the panel shows both versions, and the decision reaches the office."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.gui.console.conftest import SYNC_WAIT_MS
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.conflict_resolution import Choice
from wb_desktop.core.store.models import Customer, Job
from wb_desktop.tools.console.conflicts_model import ConflictFieldsModel
from wb_desktop.tools.console.conflicts_panel import ConflictsPanel
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.ui.theme import TOUCH_TARGET_PX

MINE = "Anna's street 1, Uppsala"
OFFICE = "Office street 2, Uppsala"


def panel_for(qtbot: QtBot, console: ConsoleContext) -> ConflictsPanel:
    panel = ConflictsPanel(console)
    qtbot.addWidget(panel)
    panel.resize(1200, 600)
    panel.show()
    return panel


def a_customer(console: ConsoleContext) -> str:
    return console.workday.read(
        lambda session: session.scalars(
            select(Job.customer_id)
            .where(Job.status == JobStatus.SCHEDULED)
            .order_by(Job.scheduled_start, Job.id)
        ).first()
    )


def provoke_address_conflict(
    qtbot: QtBot, console: ConsoleContext, panel: ConflictsPanel, customer_id: str
) -> None:
    """The technician edits the address offline while the office edits it too."""
    console.service.set_profile("offline")
    qtbot.waitUntil(lambda: console.service.view().activity.value == "offline")
    console.workday.write("", lambda c: c.customers.edit(customer_id, {"address": MINE}))
    office = console.office()
    try:
        office.edit_customer(customer_id, address=OFFICE)
    finally:
        office.close()
    with qtbot.waitSignal(console.service.conflictDetected, timeout=SYNC_WAIT_MS):
        console.service.set_profile("online")
    qtbot.waitUntil(lambda: panel.records.rowCount() == 1, timeout=SYNC_WAIT_MS)


def office_address(console: ConsoleContext, customer_id: str) -> str:
    office = console.office()
    try:
        return next(c for c in office.customers() if c.id == customer_id).address
    finally:
        office.close()


def cached(console: ConsoleContext, customer_id: str) -> Customer:
    return console.workday.read(lambda session: session.get(Customer, customer_id))


def test_keep_mine_shows_both_versions_and_reaches_the_office(
    qtbot: QtBot, qtmodeltester, console: ConsoleContext
) -> None:
    customer_id = a_customer(console)
    panel = panel_for(qtbot, console)
    assert panel.records.rowCount() == 0 and not panel.keep_mine_button.isEnabled()
    provoke_address_conflict(qtbot, console, panel, customer_id)
    qtmodeltester.check(panel.records)
    qtmodeltester.check(panel.fields)
    assert panel.current_conflict().record_id == customer_id
    fields = panel.fields
    row = [fields.index(0, column).data() for column in range(4)]
    assert row == ["address", MINE, OFFICE, OFFICE]
    header = fields.headerData(ConflictFieldsModel.CURRENT, Qt.Orientation.Horizontal)
    assert header == "Now in the cache"
    for button in (panel.keep_mine_button, panel.keep_server_button, panel.merge_button):
        assert button.isEnabled() and button.minimumHeight() >= TOUCH_TARGET_PX

    with qtbot.waitSignal(panel.resolved) as decided:
        panel.keep_mine_button.click()
    [done] = decided.args[0]
    assert done.written == {"address": MINE} and done.op_ids
    assert panel.result_label.property("role") == "ok"
    assert MINE in panel.result_label.text()
    assert panel.records.rowCount() == 0

    qtbot.waitUntil(
        lambda: cached(console, customer_id).sync_state is SyncState.SYNCED, timeout=SYNC_WAIT_MS
    )
    assert office_address(console, customer_id) == MINE


def test_a_merge_with_a_typed_value_syncs_and_a_bad_one_is_refused_inline(
    qtbot: QtBot, console: ConsoleContext
) -> None:
    customer_id = a_customer(console)
    panel = panel_for(qtbot, console)
    provoke_address_conflict(qtbot, console, panel, customer_id)
    dialog = panel.merge_dialog(panel.current_conflict())
    qtbot.addWidget(dialog)
    row = dialog.rows["address"]
    assert row.text is not None and row.text.text() == OFFICE  # the server's by default
    row.side.setCurrentIndex(0)
    assert row.text.text() == MINE  # picking a side fills the value to keep
    row.text.setText("x" * 600)
    dialog.submit()
    assert not dialog.error_label.isHidden()
    assert "500" in dialog.error_label.text()
    assert panel.records.rowCount() == 1  # still open, nothing written
    assert cached(console, customer_id).address == OFFICE

    row.text.setText("Office street 2, Uppsala (back door)")
    with qtbot.waitSignal(panel.resolved):
        dialog.keep_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    qtbot.waitUntil(
        lambda: cached(console, customer_id).sync_state is SyncState.SYNCED, timeout=SYNC_WAIT_MS
    )
    assert office_address(console, customer_id) == "Office street 2, Uppsala (back door)"


def test_keep_the_servers_sends_nothing(qtbot: QtBot, console: ConsoleContext) -> None:
    customer_id = a_customer(console)
    panel = panel_for(qtbot, console)
    provoke_address_conflict(qtbot, console, panel, customer_id)
    [done] = panel.resolve_selected(Choice.KEEP_SERVER)
    assert done.written == {} and done.op_ids == ()
    assert "nothing to send" in panel.result_label.text()
    customer = cached(console, customer_id)
    assert (customer.address, customer.sync_state) == (OFFICE, SyncState.SYNCED)
    assert panel.resolve_selected(Choice.KEEP_SERVER) is None  # nothing selected now
    assert panel.result_label.property("role") == "error"
