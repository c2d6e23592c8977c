"""Two technicians side by side against one server: an office change reaches the one it is
for, and not the other."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from tests.gui.console.conftest import SYNC_WAIT_MS
from wb_desktop.bootstrap import WorkBossApp
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.technicians_panel import TechniciansPanel


def test_a_second_technician_window_syncs_on_its_own(
    qtbot: QtBot, demo_app: WorkBossApp, console: ConsoleContext
) -> None:
    panel = TechniciansPanel(console, demo_app.technicians.open)
    qtbot.addWidget(panel)
    panel.email_combo.setCurrentIndex(panel.email_combo.findData("erik@demo.workboss.se"))
    assert panel.password_edit.text() == "erik-demo"  # the demo account is filled in

    with qtbot.waitSignal(panel.windowOpened, timeout=SYNC_WAIT_MS):
        panel.open_button.click()
    [erik] = demo_app.technicians.opened
    assert erik.cache.paths.name == "erik" and erik.link.url == demo_app.link.url
    assert erik.workday.technician_id != demo_app.workday.technician_id
    qtbot.waitUntil(lambda: erik.window.schedule.model.rowCount() > 0, timeout=SYNC_WAIT_MS)
    assert erik.window.isVisible()
    assert erik.window.geometry().left() > demo_app.window.geometry().left()  # to the right

    office = console.office()
    try:
        customer = office.customers()[0].id
        start = console.clock.now() + timedelta(hours=1)
        job = office.create_job(
            customer_id=customer,
            technician_id=erik.workday.technician_id,
            title="Staged for Erik",
            scheduled_start=start.isoformat(),
            scheduled_end=(start + timedelta(hours=1)).isoformat(),
        )
    finally:
        office.close()
    erik.service.sync_now()
    demo_app.service.sync_now()
    qtbot.waitUntil(lambda: job.id in erik.window.schedule.model.job_ids(), timeout=SYNC_WAIT_MS)
    qtbot.waitUntil(lambda: demo_app.service.view().activity.value == "idle")
    assert job.id not in demo_app.window.schedule.model.job_ids()


def test_a_wrong_password_is_explained_inline(
    qtbot: QtBot, demo_app: WorkBossApp, console: ConsoleContext
) -> None:
    panel = TechniciansPanel(console, demo_app.technicians.open)
    qtbot.addWidget(panel)
    panel.email_combo.setCurrentIndex(panel.email_combo.findData("sam@demo.workboss.se"))
    panel.password_edit.setText("wrong")

    panel.open_button.click()

    assert panel.message_label.property("role") == "error"
    assert "email or password is not right" in panel.message_label.text()
    assert demo_app.technicians.opened == []


def test_the_signed_in_technician_cannot_open_twice(
    qtbot: QtBot, demo_app: WorkBossApp, console: ConsoleContext
) -> None:
    panel = TechniciansPanel(console, demo_app.technicians.open)
    qtbot.addWidget(panel)
    panel.email_combo.setCurrentIndex(panel.email_combo.findData("anna@demo.workboss.se"))
    panel.open_button.click()
    assert "already signed in as anna@demo.workboss.se" in panel.message_label.text()
