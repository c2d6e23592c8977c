"""Issue 20: the message beside the document form says only what is true now. "Queued to
send…" went on showing after the invoice was sent, synced and paid; "Saved on this
tablet." sat beside "Fix the marked lines before saving."."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from tests.conftest import Schedule
from tests.gui.test_documents import LABOUR, make_service, page_for, type_into
from tests.gui.waiting import settle
from wb_desktop.app.sync_service import SyncService
from wb_desktop.core.domain.records import DeliveryState
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.changes import Changes
from wb_desktop.core.store.models import Document
from wb_desktop.ui.workday import Workday

CLICK = Qt.MouseButton.LeftButton
QUEUED = "Queued to send: it goes to the office as soon as the tablet is online."
SAVED = "Saved on this tablet."
FIX_LINES = "Fix the marked lines before saving."


@pytest.fixture
def offline() -> Iterator[SyncService]:
    service = make_service("offline")
    yield service
    assert service.stop()


def shown(label) -> str:
    """What the technician reads in a label: nothing when it is hidden."""
    return "" if label.isHidden() else label.text()


def test_queued_to_send_goes_once_the_invoice_is_sent(
    qtbot: QtBot, workday: Workday, cache: LocalCache, schedule: Schedule, offline: SyncService
) -> None:
    page = page_for(qtbot, workday, offline)
    page.open_for_job(schedule.job_ids[0])
    settle(qtbot, workday)
    editor = page.editor
    qtbot.mouseClick(editor.send_button, CLICK)
    settle(qtbot, workday)
    assert shown(editor.message_label) == QUEUED

    with cache.database.writer() as session, session.begin():  # as a sync step would
        session.execute(
            update(Document)
            .where(Document.id == editor.document_id)
            .values(delivery_state=DeliveryState.SENT, sync_state=SyncState.SYNCED)
        )
    workday.runner.announce_soon(Changes.of_everything())  # a sync step's notice
    qtbot.waitUntil(lambda: editor.send_button.text() == "Sent")
    settle(qtbot, workday)
    assert shown(editor.message_label) == ""


def test_saved_and_fix_the_lines_never_show_together(
    qtbot: QtBot, workday: Workday, cache: LocalCache, schedule: Schedule, offline: SyncService
) -> None:
    saved = cache.changes.documents.create("invoice", schedule.customer_ids[0], [LABOUR])
    page = page_for(qtbot, workday, offline)
    page.open_document(saved.record_id)
    settle(qtbot, workday)
    editor = page.editor

    def row():  # the rows are built again when a read brings other lines
        return editor.lines.rows[0]

    type_into(qtbot, row(), quantity="3")
    qtbot.mouseClick(editor.save_button, CLICK)
    qtbot.waitUntil(lambda: shown(editor.message_label) == SAVED)
    settle(qtbot, workday)
    assert shown(editor.message_label) == SAVED
    assert shown(editor.form_error_label) == ""

    type_into(qtbot, row(), quantity="-2")
    qtbot.mouseClick(editor.save_button, CLICK)
    settle(qtbot, workday)
    assert shown(editor.form_error_label) == FIX_LINES
    assert shown(editor.message_label) == ""  # not saved: the old "Saved" went

    type_into(qtbot, row(), quantity="4")
    assert shown(editor.form_error_label) == ""
    qtbot.mouseClick(editor.save_button, CLICK)
    qtbot.waitUntil(lambda: shown(editor.message_label) == SAVED)
    settle(qtbot, workday)
    assert shown(editor.message_label) == SAVED
    assert shown(editor.form_error_label) == ""

    type_into(qtbot, row(), quantity="5")  # an unsaved edit: "Saved" is no longer true
    assert shown(editor.message_label) == ""
