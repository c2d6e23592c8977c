"""Invoices and estimates in the technician app: the list, the editor, bad input, sending
offline, converting an estimate, and the card-payment panel's states.

The sync service here is never started: nothing reaches a server, and what the worker would
answer is staged by emitting the service's own signals.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.conftest import Schedule
from tests.gui.waiting import settle
from wb_desktop.app.sync_service import SyncService
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.records import DeliveryState, DocumentKind, PaymentStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.changes import Changes
from wb_desktop.core.store.models import POLICY, ConflictRecord, Document, OutboxOp
from wb_desktop.core.sync.payments import PaymentOutcome, PaymentRefusedError
from wb_desktop.ui.documents import DocumentRole, DocumentsPage
from wb_desktop.ui.documents.editor import DocumentEditor
from wb_desktop.ui.documents.line_form import LineRow
from wb_desktop.ui.theme import TOUCH_TARGET_PX
from wb_desktop.ui.workday import Workday

CLICK = Qt.MouseButton.LeftButton
LABOUR = {"description": "Labour", "quantity": "2", "unit_price": "650.00"}


def make_service(profile: str) -> SyncService:
    def no_client(_listener: object) -> object:
        raise AssertionError("these tests never start sync")

    return SyncService(no_client, initial_profile=profile, watch_network=False)  # type: ignore[arg-type]


@pytest.fixture
def online() -> Iterator[SyncService]:
    service = make_service("online")
    yield service
    assert service.stop()


@pytest.fixture
def offline() -> Iterator[SyncService]:
    service = make_service("offline")
    yield service
    assert service.stop()


def page_for(qtbot: QtBot, workday: Workday, service: SyncService) -> DocumentsPage:
    page = DocumentsPage(workday, service)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot, workday)
    return page


def counts(cache: LocalCache) -> tuple[int, int]:
    with cache.database.reader() as db:
        return (
            db.scalar(select(func.count()).select_from(Document)),
            db.scalar(select(func.count()).select_from(OutboxOp)),
        )


def type_into(qtbot: QtBot, row: LineRow, **fields: str) -> None:
    """Type as a person does, so textEdited fires (the editor listens to it)."""
    edits = {
        "description": row.description_edit,
        "quantity": row.quantity_edit,
        "unit_price": row.price_edit,
    }
    for name, text in fields.items():
        if name == "vat_rate":
            row.vat_combo.setCurrentText(text)
            continue
        edits[name].clear()
        qtbot.keyClicks(edits[name], text)


def document(cache: LocalCache, document_id: str) -> Document:
    with cache.database.reader() as db:
        found = db.get(Document, document_id)
        assert found is not None
        _ = list(found.lines)
        db.expunge(found)
        return found


def test_the_list_shows_each_document_with_its_delivery_and_sync_state(
    qtbot: QtBot,
    workday: Workday,
    cache: LocalCache,
    schedule: Schedule,
    offline: SyncService,
    qtmodeltester: ModelTester,
) -> None:
    invoice = cache.changes.documents.create(
        "invoice", schedule.customer_ids[0], [LABOUR], job_id=schedule.job_ids[0]
    ).record_id
    estimate = cache.changes.documents.create(
        "estimate", schedule.customer_ids[1], [LABOUR]
    ).record_id
    cache.changes.documents.send(invoice)
    page = page_for(qtbot, workday, offline)
    model = page.list_view.model
    qtmodeltester.check(model)

    assert model.rowCount() == 2
    shown = {
        model.index(i).data(DocumentRole.DOCUMENT_ID): model.index(i).data(
            Qt.ItemDataRole.AccessibleTextRole
        )
        for i in range(2)
    }
    assert "Karin Lund" in shown[invoice] and "Queued to send" in shown[invoice]
    assert "Local only" in shown[invoice] and "1625.00" in shown[invoice]
    assert "Estimate" in shown[estimate] and "Draft" in shown[estimate]
    row = model.index(model.row_of(invoice)).data(DocumentRole.ROW)
    assert row.job_title == "Boiler service" and row.sync_state is SyncState.LOCAL_ONLY
    assert page.list_view.empty_label.isHidden()


def test_filters_and_search_narrow_the_list(
    qtbot: QtBot, workday: Workday, cache: LocalCache, schedule: Schedule, offline: SyncService
) -> None:
    cache.changes.documents.create("invoice", schedule.customer_ids[0], [LABOUR])
    cache.changes.documents.create("estimate", schedule.customer_ids[1], [LABOUR])
    page = page_for(qtbot, workday, offline)
    view, model = page.list_view, page.list_view.model

    qtbot.mouseClick(view.estimates_button, CLICK)
    settle(qtbot, workday)
    assert [model.index(i).data(DocumentRole.ROW).kind for i in range(model.rowCount())] == [
        DocumentKind.ESTIMATE
    ]
    qtbot.mouseClick(view.all_button, CLICK)
    settle(qtbot, workday)
    qtbot.keyClicks(view.search_edit, "lund")
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.index(0).data(DocumentRole.ROW).customer_name == "Karin Lund"

    view.search_edit.setText("nobody")
    qtbot.waitUntil(lambda: model.rowCount() == 0)
    assert not view.empty_label.isHidden() and "nobody" in view.empty_label.text()


def test_the_list_reloads_after_a_local_change_and_after_a_sync_step(
    qtbot: QtBot, workday: Workday, cache: LocalCache, schedule: Schedule, offline: SyncService
) -> None:
    page = page_for(qtbot, workday, offline)
    assert page.list_view.model.rowCount() == 0
    workday.write(
        "", lambda changes: changes.documents.create("invoice", schedule.customer_ids[0], [LABOUR])
    )
    settle(qtbot, workday)
    assert page.list_view.model.rowCount() == 1

    cache.changes.documents.create("estimate", schedule.customer_ids[0], [LABOUR])  # as a pull
    workday.runner.announce_soon(Changes.of_everything())  # a sync step's notice
    qtbot.waitUntil(lambda: page.list_view.model.rowCount() == 2)


def test_an_invoice_from_a_job_starts_with_its_lines_and_shows_exact_totals(
    qtbot: QtBot, workday: Workday, cache: LocalCache, schedule: Schedule, offline: SyncService
) -> None:
    page = page_for(qtbot, workday, offline)
    page.open_for_job(schedule.job_ids[0])
    settle(qtbot, workday)
    assert page.stack.currentWidget() is page.editor
    editor = page.editor
    assert editor.header.title_label.text() == "New invoice"
    assert editor.header.customer_label.text() == "Karin Lund"
    assert "Boiler service" in editor.header.job_label.text()
    assert [r.description_edit.text() for r in editor.lines.rows] == ["Labour, per hour"]

    qtbot.mouseClick(editor.lines.add_button, CLICK)
    settle(qtbot, workday)
    type_into(
        qtbot,
        editor.lines.rows[1],
        description="Washer kit",
        quantity="3",
        unit_price="39.90",
        vat_rate="12",
    )
    # 2 × 650.00 at 25 % and 3 × 39.90 at 12 %: VAT 325.00 + 14.36 (14.364 rounded per line)
    assert editor.totals.subtotal_label.text() == "SEK 1419.70"
    assert [label.text() for label in editor.totals._vat_rows] == ["SEK 325.00", "SEK 14.36"]
    assert editor.totals.total_label.text() == "SEK 1759.06"

    with qtbot.waitSignal(editor.documentSaved) as saved:
        qtbot.mouseClick(editor.save_button, CLICK)
    settle(qtbot, workday)
    stored = document(cache, saved.args[0])
    assert stored.total == Decimal("1759.06") and stored.job_id == schedule.job_ids[0]
    assert editor.header.title_label.text() == f"Invoice {stored.reference}"
    assert "Local only" in editor.header.sync_chip.text()
    assert not editor.is_dirty()

    qtbot.mouseClick(editor.header.back_button, CLICK)
    settle(qtbot, workday)
    assert page.stack.currentWidget() is page.list_view
    assert page.list_view.model.document_ids() == [stored.id]


def test_a_document_from_scratch_needs_a_customer_and_a_line(
    qtbot: QtBot, workday: Workday, cache: LocalCache, schedule: Schedule, offline: SyncService
) -> None:
    page = page_for(qtbot, workday, offline)
    qtbot.mouseClick(page.list_view.new_estimate_button, CLICK)
    settle(qtbot, workday)
    editor = page.editor
    assert editor.header.title_label.text() == "New estimate"

    qtbot.mouseClick(editor.save_button, CLICK)
    settle(qtbot, workday)
    assert editor.header.customer_error_label.text() == "Pick the customer this estimate is for."
    assert not editor.header.customer_error_label.isHidden()
    row = editor.lines.rows[0]
    assert "Describe the work or part." in row.error_label.text()
    assert counts(cache) == (0, 0)

    qtbot.mouseClick(row.remove_button, CLICK)  # an empty estimate
    settle(qtbot, workday)
    editor.header.customer_combo.setCurrentIndex(
        editor.header.customer_combo.findText("Oliver Smith")
    )
    qtbot.mouseClick(editor.save_button, CLICK)
    settle(qtbot, workday)
    assert editor.form_error_label.text() == "An estimate needs at least one line."
    assert editor.header.customer_error_label.isHidden()
    assert counts(cache) == (0, 0)

    qtbot.mouseClick(editor.lines.add_button, CLICK)
    settle(qtbot, workday)
    type_into(qtbot, editor.lines.rows[0], description="Survey", unit_price="900")
    with qtbot.waitSignal(editor.documentSaved) as saved:
        qtbot.mouseClick(editor.save_button, CLICK)
    settle(qtbot, workday)
    stored = document(cache, saved.args[0])
    assert stored.kind is DocumentKind.ESTIMATE and stored.customer_id == schedule.customer_ids[1]
    assert stored.total == Decimal("1125.00")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"unit_price": "650.505"}, "Unit price: A price has at most 2 decimals."),
        ({"quantity": "1.2345"}, "Quantity: A quantity has at most 3 decimals."),
        ({"quantity": "-2"}, "Quantity: A quantity cannot be negative."),
        ({"quantity": "0"}, "Quantity: The quantity must be more than zero."),
        ({"unit_price": "-10"}, "Unit price: A price cannot be negative."),
        ({"unit_price": "12abc"}, "Unit price: “12abc” is not a number; type digits, like"),
        ({"vat_rate": "125"}, "VAT: VAT is a percentage from 0 to 100."),
    ],
)
def test_bad_input_is_explained_beside_the_line_and_nothing_saved_changes(
    qtbot: QtBot,
    workday: Workday,
    cache: LocalCache,
    schedule: Schedule,
    offline: SyncService,
    fields: dict[str, str],
    message: str,
) -> None:
    saved = cache.changes.documents.create("invoice", schedule.customer_ids[0], [LABOUR])
    before = counts(cache)
    page = page_for(qtbot, workday, offline)
    page.open_document(saved.record_id)
    settle(qtbot, workday)
    assert page.stack.currentWidget() is page.editor
    editor = page.editor
    row = editor.lines.rows[0]

    type_into(qtbot, row, **fields)

    assert not row.error_label.isHidden() and message in row.error_label.text()
    assert row.amount_label.text() == "—"
    assert not editor.totals.incomplete_label.isHidden()
    qtbot.mouseClick(editor.send_button, CLICK)  # neither Send nor Save takes it
    settle(qtbot, workday)
    qtbot.mouseClick(editor.save_button, CLICK)
    settle(qtbot, workday)
    assert editor.form_error_label.text() == "Fix the marked lines before saving."
    assert counts(cache) == before
    stored = document(cache, saved.record_id)
    assert stored.total == Decimal("1625.00") and stored.delivery_state is DeliveryState.DRAFT


def test_numbers_are_read_the_way_swedish_writes_them(
    qtbot: QtBot, workday: Workday, cache: LocalCache, schedule: Schedule, offline: SyncService
) -> None:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    try:
        page = page_for(qtbot, workday, offline)
        page.open_for_job(schedule.job_ids[0])
        settle(qtbot, workday)
        row = page.editor.lines.rows[0]
        assert (row.quantity_edit.text(), row.price_edit.text()) == ("2", "650,00")
        type_into(qtbot, row, quantity="1,5", unit_price="1 250,50")
        with qtbot.waitSignal(page.editor.documentSaved) as saved:
            qtbot.mouseClick(page.editor.save_button, CLICK)
        settle(qtbot, workday)
    finally:
        QLocale.setDefault(previous)
    stored = document(cache, saved.args[0])
    assert (stored.lines[0].quantity, stored.lines[0].unit_price) == (
        Decimal("1.5"),
        Decimal("1250.50"),
    )


def test_send_works_offline_once_and_the_document_becomes_final(
    qtbot: QtBot, workday: Workday, cache: LocalCache, schedule: Schedule, offline: SyncService
) -> None:
    page = page_for(qtbot, workday, offline)
    page.open_for_job(schedule.job_ids[0])
    settle(qtbot, workday)
    editor = page.editor
    qtbot.mouseClick(editor.send_button, CLICK)  # saves, then queues
    settle(qtbot, workday)

    assert editor.document_id is not None
    stored = document(cache, editor.document_id)
    assert stored.delivery_state is DeliveryState.QUEUED
    assert editor.header.delivery_chip.text() == "Queued to send"
    assert not editor.send_button.isEnabled() and editor.send_button.text() == "Queued to send"
    assert editor.save_button.isHidden()
    assert editor.lines.rows[0].quantity_edit.isReadOnly()
    assert "as soon as the tablet is online" in editor.message_label.text()

    before = counts(cache)
    editor.send()  # a second Send does nothing more
    settle(qtbot, workday)
    cache.changes.documents.send(editor.document_id)
    assert counts(cache) == before
    with cache.database.reader() as db:
        sends = select(func.count()).where(OutboxOp.kind == "document.send")
        assert db.scalar(sends) == 1


def test_the_next_document_after_a_sent_one_can_be_edited(
    qtbot: QtBot, workday: Workday, schedule: Schedule, offline: SyncService
) -> None:
    page = page_for(qtbot, workday, offline)
    page.open_for_job(schedule.job_ids[0])
    settle(qtbot, workday)
    qtbot.mouseClick(page.editor.send_button, CLICK)
    settle(qtbot, workday)
    assert page.editor.lines.rows[0].quantity_edit.isReadOnly()

    page.open_for_job(schedule.job_ids[1])
    settle(qtbot, workday)

    editor = page.editor
    assert not editor.lines.rows[0].quantity_edit.isReadOnly()
    assert editor.lines.add_button.isVisibleTo(editor)
    assert not editor.notes_edit.isReadOnly()


def test_an_estimate_becomes_an_invoice_and_a_second_tap_opens_that_invoice(
    qtbot: QtBot, workday: Workday, cache: LocalCache, schedule: Schedule, offline: SyncService
) -> None:
    estimate = cache.changes.documents.create(
        "estimate", schedule.customer_ids[0], [LABOUR], job_id=schedule.job_ids[0]
    )
    page = page_for(qtbot, workday, offline)
    page.open_document(estimate.record_id)
    settle(qtbot, workday)
    editor = page.editor
    assert not editor.convert_button.isHidden()
    assert editor.payment.isHidden()  # no card payment on an estimate

    with qtbot.waitSignal(page.documentOpened) as opened:
        qtbot.mouseClick(editor.convert_button, CLICK)
    settle(qtbot, workday)
    invoice = document(cache, opened.args[0])
    assert invoice.kind is DocumentKind.INVOICE and invoice.converted_from_id == estimate.record_id
    assert editor.kind is DocumentKind.INVOICE and editor.convert_button.isHidden()
    assert "made from estimate EST-" in editor.message_label.text()

    page.open_document(estimate.record_id)
    settle(qtbot, workday)
    assert editor.convert_button.text() == f"Open invoice {invoice.reference}"
    with qtbot.waitSignal(page.documentOpened) as again:
        qtbot.mouseClick(editor.convert_button, CLICK)
    settle(qtbot, workday)
    assert again.args[0] == invoice.id
    assert counts(cache)[0] == 2


def test_leaving_with_unsaved_mistakes_keeps_the_editor_open_until_discarded(
    qtbot: QtBot, workday: Workday, cache: LocalCache, schedule: Schedule, offline: SyncService
) -> None:
    saved = cache.changes.documents.create("invoice", schedule.customer_ids[0], [LABOUR])
    page = page_for(qtbot, workday, offline)
    page.open_document(saved.record_id)
    settle(qtbot, workday)
    type_into(qtbot, page.editor.lines.rows[0], quantity="-1")

    qtbot.mouseClick(page.editor.header.back_button, CLICK)
    settle(qtbot, workday)
    assert page.stack.currentWidget() is page.editor
    assert not page.editor.discard_button.isHidden()

    qtbot.mouseClick(page.editor.discard_button, CLICK)
    settle(qtbot, workday)
    assert page.stack.currentWidget() is page.list_view
    assert document(cache, saved.record_id).total == Decimal("1625.00")


def queued_invoice(cache: LocalCache, schedule: Schedule) -> str:
    invoice = cache.changes.documents.create("invoice", schedule.customer_ids[0], [LABOUR])
    cache.changes.documents.send(invoice.record_id)
    return invoice.record_id


def test_offline_the_card_payment_is_disabled_with_the_reason_in_plain_text(
    qtbot: QtBot, workday: Workday, cache: LocalCache, schedule: Schedule, offline: SyncService
) -> None:
    page = page_for(qtbot, workday, offline)
    page.open_document(queued_invoice(cache, schedule))
    settle(qtbot, workday)
    panel = page.editor.payment

    assert panel.isVisible()
    assert not panel.charge_button.isEnabled() and not panel.card_edit.isEnabled()
    assert panel.status_label.isVisible()
    assert panel.status_label.text().startswith("Card payments need a connection")
    assert "by email once you are back in range" in panel.status_label.text()
    assert panel.charge_button.toolTip() == ""

    with qtbot.waitSignal(offline.paymentFinished) as refused:
        offline.take_payment(page.editor.document_id or "", "4242 4242 4242 4242")
    assert isinstance(refused.args[1], PaymentRefusedError)
    assert "offline" in refused.args[1].message


def test_online_a_draft_must_be_sent_before_it_is_paid(
    qtbot: QtBot, workday: Workday, cache: LocalCache, schedule: Schedule, online: SyncService
) -> None:
    draft = cache.changes.documents.create("invoice", schedule.customer_ids[0], [LABOUR])
    page = page_for(qtbot, workday, online)
    page.open_document(draft.record_id)
    settle(qtbot, workday)
    panel = page.editor.payment
    assert not panel.charge_button.isEnabled()
    assert panel.status_label.text().startswith("Send the invoice first")


@pytest.mark.parametrize(
    ("card", "message"),
    [
        ("", "Type the card number."),
        ("4242-abcd", "A card number has only digits (spaces are fine)."),
        ("4242 4242", "A card number has 12 to 19 digits; this one has 8."),
    ],
)
def test_a_bad_card_number_is_explained_inline_and_nothing_is_charged(
    qtbot: QtBot,
    workday: Workday,
    cache: LocalCache,
    schedule: Schedule,
    online: SyncService,
    card: str,
    message: str,
) -> None:
    page = page_for(qtbot, workday, online)
    page.open_document(queued_invoice(cache, schedule))
    settle(qtbot, workday)
    panel = page.editor.payment
    assert panel.charge_button.isEnabled() and panel.charge_button.text() == "Charge SEK 1625.00"
    heard: list[object] = []
    online.paymentFinished.connect(lambda *args: heard.append(args))

    qtbot.keyClicks(panel.card_edit, card)
    qtbot.mouseClick(panel.charge_button, CLICK)

    assert panel.input_error_label.text() == message and not panel.input_error_label.isHidden()
    assert not panel.is_charging()
    qtbot.wait(20)
    assert heard == []


def test_charging_then_approved_declined_and_no_answer_each_end_clearly(
    qtbot: QtBot, workday: Workday, cache: LocalCache, schedule: Schedule, online: SyncService
) -> None:
    page = page_for(qtbot, workday, online)
    invoice = queued_invoice(cache, schedule)
    page.open_document(invoice)
    settle(qtbot, workday)
    panel = page.editor.payment

    qtbot.keyClicks(panel.card_edit, "4242 4242 4242 4242")
    with qtbot.waitSignal(online.paymentFinished):  # the service is not started: it refuses
        qtbot.mouseClick(panel.charge_button, CLICK)
        assert panel.status_label.text() == "Charging… 20 s"  # counts down to the timeout
        assert not panel.charge_button.isEnabled()
    assert "Sync has not started yet" in panel.status_label.text()
    assert panel.charge_button.isEnabled()

    def answer(status: PaymentStatus, reason: str = "") -> None:
        online.paymentFinished.emit(invoice, PaymentOutcome("p1", status, reason, 1))

    answer(PaymentStatus.DECLINED, "card declined")
    assert panel.status_label.text() == "Declined: card declined. Try another card."
    assert panel.status_label.property("role") == "error" and panel.charge_button.isEnabled()

    answer(PaymentStatus.UNKNOWN, "no answer from the payment service")
    assert panel.status_label.text() == (
        "No answer from the card service yet — it may still go through."
    )
    assert panel.charge_button.isHidden() and panel.retry_button.isEnabled()
    assert not panel.cancel_button.isHidden()
    qtbot.mouseClick(panel.cancel_button, CLICK)  # back to idle, the invoice unpaid
    assert panel.status_label.text() == "" and panel.charge_button.isEnabled()
    assert panel.retry_button.isHidden() and panel.cancel_button.isHidden()

    answer(PaymentStatus.APPROVED)
    assert panel.status_label.text() == "Approved — paid."
    assert panel.status_label.property("role") == "ok" and not panel.charge_button.isEnabled()
    assert panel.card_edit.isHidden() and panel.charge_button.isHidden()  # nothing to charge


def test_every_control_is_a_touch_target(
    qtbot: QtBot, workday: Workday, cache: LocalCache, schedule: Schedule, online: SyncService
) -> None:
    page = page_for(qtbot, workday, online)
    estimate = cache.changes.documents.create("estimate", schedule.customer_ids[0], [LABOUR])
    invoice = queued_invoice(cache, schedule)

    def check_buttons(root: QWidget) -> int:
        shown = [b for b in root.findChildren(QAbstractButton) if b.isVisible()]
        for button in shown:
            assert button.width() >= TOUCH_TARGET_PX, button.text()
            assert button.height() >= TOUCH_TARGET_PX, button.text()
        return len(shown)

    page.reload()
    settle(qtbot, workday)
    assert check_buttons(page.list_view) == 5
    page.open_document(estimate.record_id)
    settle(qtbot, workday)
    assert check_buttons(page.editor) >= 6  # back, remove, add, save, send, convert
    page.open_document(invoice)
    settle(qtbot, workday)
    assert check_buttons(page.editor) >= 3  # back, send, charge
    row = page.editor.lines.rows[0]
    fields = (row.description_edit, row.quantity_edit, row.price_edit, row.vat_combo)
    for field in (*fields, page.editor.payment.card_edit, page.list_view.search_edit):
        assert field.height() >= TOUCH_TARGET_PX


def test_editor_can_be_used_alone(
    qtbot: QtBot, workday: Workday, schedule: Schedule, offline: SyncService
) -> None:
    editor = DocumentEditor(workday, offline)
    qtbot.addWidget(editor)
    found: list[bool] = []
    editor.open_for_job("no-such-job", opened=found.append)
    editor.open_document("no-such-document", opened=found.append)
    settle(qtbot, workday)
    assert found == [False]  # the later read wins; the earlier answer is not shown
    editor.open_document("no-such-document", opened=found.append)
    settle(qtbot, workday)
    assert found == [False, False]
    editor.new_document(DocumentKind.INVOICE, schedule.customer_ids[1])
    settle(qtbot, workday)
    assert editor.header.picked_customer_id() == schedule.customer_ids[1]


def test_a_draft_whose_notes_another_device_changed_says_so_quietly(
    qtbot: QtBot,
    workday: Workday,
    offline: SyncService,
    cache: LocalCache,
    schedule: Schedule,
    clock: FixedClock,
) -> None:
    """Last write wins on a draft (another of the technician's tablets changed it too):
    the editor says, in a muted line, which device's change was replaced and when."""
    receipt = cache.changes.documents.create(
        DocumentKind.INVOICE, schedule.customer_ids[0], [LABOUR], notes="Gate code 4711"
    )
    with cache.database.writer() as db, db.begin():
        db.add(
            ConflictRecord(
                record_type="document",
                record_id=receipt.record_id,
                field="notes",
                local_value="Gate code 4711",
                server_value="Ring the bell",
                winner="client",
                op_id=None,
                detected_at=clock.now(),
                resolved_at=clock.now(),
                resolution=POLICY,
            )
        )
    page = page_for(qtbot, workday, offline)
    page.open_document(receipt.record_id)
    settle(qtbot, workday)
    note = page.editor.card.settled_label
    assert note.isVisibleTo(page) and note.property("role") == "muted"
    expected = "Notes: a change from another of your devices was replaced by this one's at 08:30."
    assert note.text() == expected  # 07:30 UTC, in Stockholm
