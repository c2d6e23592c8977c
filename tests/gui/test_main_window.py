"""The window's pages and the ways between them: the top bar, a job's "Create invoice",
and a customer's jobs and documents."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.conftest import Week
from tests.gui.waiting import settle
from wb_desktop.app.sync_service import SyncService
from wb_desktop.core.domain.records import DocumentKind
from wb_desktop.ui.device_dialog import DeviceDialog
from wb_desktop.ui.main_window import MainWindow
from wb_desktop.ui.theme import TOUCH_TARGET_PX
from wb_desktop.ui.workday import Workday

CLICK = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot: QtBot, workday: Workday, week: Week) -> Iterator[MainWindow]:
    def no_client(_listener: object) -> object:
        raise AssertionError("this window never starts sync")

    service = SyncService(no_client, initial_profile="offline", watch_network=False)  # type: ignore[arg-type]
    built = MainWindow(workday, service, technician_name="Anna Lindqvist", profile="anna")
    qtbot.addWidget(built)
    built.resize(1366, 860)
    built.show()
    qtbot.waitExposed(built)
    settle(qtbot, workday)
    yield built
    assert service.stop()


def test_the_top_bar_reaches_every_page(qtbot: QtBot, window: MainWindow) -> None:
    pages = [
        (window.documents_button, window.documents),
        (window.customers_button, window.customers),
        (window.reports_button, window.reports),
        (window.time_button, window.time_clock),
        (window.schedule_button, window.splitter),
    ]
    for button, page in pages:
        assert button.height() >= TOUCH_TARGET_PX
        qtbot.mouseClick(button, CLICK)
        assert window.pages.currentWidget() is page
        assert button.isChecked()


def test_create_invoice_on_a_job_opens_a_draft_from_its_lines(
    qtbot: QtBot, window: MainWindow, week: Week, workday: Workday
) -> None:
    job_id = week.today[0]
    window.open_job(job_id)
    settle(qtbot, workday)

    qtbot.mouseClick(window.job_page.invoice_button, CLICK)
    settle(qtbot, workday)

    assert window.pages.currentWidget() is window.documents
    assert window.documents_button.isChecked()
    editor = window.documents.editor
    assert editor.isVisible()
    assert editor.kind is DocumentKind.INVOICE and editor.document_id is None
    assert editor.header.customer_label.text() == "Karin Lund"  # the job's customer


def test_a_customers_job_opens_on_the_schedule(
    qtbot: QtBot, window: MainWindow, week: Week
) -> None:
    qtbot.mouseClick(window.customers_button, CLICK)

    window.customers.jobOpened.emit(week.today[1])

    assert window.pages.currentWidget() is window.splitter
    assert window.job_page.job_id == week.today[1]


def test_the_device_button_reads_the_cache_off_the_gui_thread_then_shows_it(
    qtbot: QtBot, window: MainWindow, workday: Workday
) -> None:
    qtbot.mouseClick(window.device_button, CLICK)
    settle(qtbot, workday)

    dialog = window.findChild(DeviceDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.records_label.text() == "5 jobs, 2 customers"  # every cached job
    dialog.close()
