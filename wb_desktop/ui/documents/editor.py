"""Make and edit an invoice or estimate offline: from a job's line items or from scratch.

Everything is read and saved on the tablet through the op runner and the one write path;
*Send* queues the document and it goes out with the next sync, so it works the same
offline. Queued and sent documents are final and shown read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.app.sync_service import SyncService
from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.core.domain.money import DEFAULT_CURRENCY, LineInput
from wb_desktop.core.domain.records import DeliveryState, DocumentKind
from wb_desktop.core.store.changes import ChangeReceipt, LocalChanges
from wb_desktop.core.store.document_views import (
    DocumentDetail,
    JobStart,
    customer_choices,
    document_detail,
    job_start,
)
from wb_desktop.ui.documents.editor_parts import EditorHeader
from wb_desktop.ui.documents.line_form import LinesForm
from wb_desktop.ui.documents.line_input import CheckedLine
from wb_desktop.ui.documents.payment_panel import CardPaymentPanel
from wb_desktop.ui.documents.totals import TotalsCard
from wb_desktop.ui.messages import user_message
from wb_desktop.ui.theme import SPACING_PX, TOUCH_TARGET_PX, repolish
from wb_desktop.ui.workday import Workday

NEW_LINE = LineInput("", "1", "", "25")
Opened = Callable[[bool], None]  # told whether the document (or job) was found


class DocumentEditor(QWidget):
    """Signals: :attr:`backRequested`; :attr:`documentSaved` and :attr:`documentOpened` with
    the id of the document saved, or now shown (after a conversion)."""

    backRequested = Signal()
    documentSaved = Signal(str)
    documentOpened = Signal(str)

    def __init__(
        self, workday: Workday, service: SyncService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workday = workday
        self.document_id: str | None = None
        self.kind = DocumentKind.INVOICE
        self._job_id: str | None = None
        self._customer_id: str | None = None
        self._currency = DEFAULT_CURRENCY
        self.detail: DocumentDetail | None = None
        self._shown_lines: tuple[LineInput, ...] = ()
        self._dirty = False
        self._loading = False
        self._tried_to_save = False
        self._told_saved = False  # a save happened: "Saved" while that is still true
        self._told_event = ""  # a one-off message (a conversion) until the next edit
        self._request = 0  # the newest read asked for; an older answer is not shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING_PX)
        self.header = EditorHeader(self)
        self.header.backRequested.connect(self.go_back)
        layout.addWidget(self.header)
        body = QHBoxLayout()
        body.setSpacing(SPACING_PX)
        body.addWidget(self._lines_card(), 3)
        side = QVBoxLayout()
        side.setSpacing(SPACING_PX)
        self.totals = TotalsCard(self)
        side.addWidget(self.totals)
        side.addLayout(self._actions())
        self.payment = CardPaymentPanel(service)
        self.payment.paymentFinished.connect(lambda _id: self.refresh())
        side.addWidget(self.payment)
        side.addStretch(1)
        body.addLayout(side, 2)
        layout.addLayout(body, 1)
        self.header.customer_combo.currentIndexChanged.connect(lambda _i: self._mark_dirty())
        self.lines.changed.connect(self._lines_changed)
        self.notes_edit.textChanged.connect(self._mark_dirty)
        self._set_tab_order()

    def _lines_card(self) -> QFrame:
        card = QFrame(self)
        card.setProperty("role", "card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(16, 12, 16, 12)
        self.lines = LinesForm(card)
        layout.addWidget(self.lines, 1)
        self.notes_edit = QPlainTextEdit(card)
        self.notes_edit.setPlaceholderText(self.tr("Notes for the customer (optional)"))
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setFixedHeight(TOUCH_TARGET_PX * 2)
        layout.addWidget(self.notes_edit)
        self.form_error_label = QLabel(card)
        self.form_error_label.setProperty("role", "error")
        self.form_error_label.setWordWrap(True)
        self.form_error_label.hide()
        layout.addWidget(self.form_error_label)
        return card

    def _actions(self) -> QVBoxLayout:
        column = QVBoxLayout()
        buttons = QHBoxLayout()
        self.save_button = self._button(self.tr("Save draft"))
        self.send_button = self._button(self.tr("Send"))
        self.send_button.setProperty("primary", True)
        self.discard_button = self._button(self.tr("Discard changes"))
        self.discard_button.hide()
        for button in (self.save_button, self.send_button, self.discard_button):
            buttons.addWidget(button)
        column.addLayout(buttons)
        self.convert_button = self._button(self.tr("Convert to invoice"))
        column.addWidget(self.convert_button)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setProperty("role", "muted")
        column.addWidget(self.message_label)
        self.save_button.clicked.connect(lambda: self.save())
        self.send_button.clicked.connect(self.send)
        self.convert_button.clicked.connect(self.convert_to_invoice)
        self.discard_button.clicked.connect(self.discard_changes)
        return column

    def _button(self, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setMinimumSize(TOUCH_TARGET_PX * 2, TOUCH_TARGET_PX)
        return button

    def _set_tab_order(self) -> None:
        chain = [
            self.header.back_button,
            self.header.customer_combo,
            self.lines.add_button,
            self.notes_edit,
            self.save_button,
            self.send_button,
            self.convert_button,
            self.payment.card_edit,
            self.payment.charge_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # Opening (each reads through the op runner and shows the answer)

    def new_document(
        self,
        kind: DocumentKind = DocumentKind.INVOICE,
        customer_id: str | None = None,
        opened: Opened | None = None,
    ) -> None:
        """A new document from scratch; the technician picks the customer."""

        def show(customers: list[tuple[str, str]]) -> None:
            picked = next((c for c in customers if c[0] == customer_id), None)
            self._start(kind, None, None, None)
            self.header.show_new(kind, customers, picked, None)
            self._show_lines([NEW_LINE], "")
            if opened is not None:
                opened(True)

        self._read(customer_choices, show)

    def open_for_job(
        self, job_id: str, kind: DocumentKind = DocumentKind.INVOICE, opened: Opened | None = None
    ) -> None:
        """A new document for a job's customer, starting from the job's line items;
        ``opened(False)`` when the job is gone."""

        def show(start: JobStart | None) -> None:
            if start is not None:
                self._start(kind, None, job_id, start.customer_id)
                self.header.show_new(
                    kind, None, (start.customer_id, start.customer_name), start.job_title
                )
                self._show_lines(list(start.lines) or [NEW_LINE], "")
            if opened is not None:
                opened(start is not None)

        self._read(lambda session: job_start(session, job_id), show)

    def open_document(self, document_id: str, opened: Opened | None = None) -> None:
        """Show a saved document; ``opened(False)`` when it is gone."""

        def show(detail: DocumentDetail | None) -> None:
            if detail is not None:
                row = detail.row
                self._start(row.kind, row.id, row.job_id, row.customer_id)
                self._currency = row.currency
                self._show_detail(detail, lines_too=True)
            if opened is not None:
                opened(detail is not None)

        self._read(lambda session: document_detail(session, document_id), show)

    def _read(self, query: Callable[[Any], Any], show: Callable[[Any], None]) -> None:
        self._request += 1
        request = self._request
        self._workday.runner.query(
            query, lambda answer: show(answer) if request == self._request else None
        )

    def _start(
        self,
        kind: DocumentKind,
        document_id: str | None,
        job_id: str | None,
        customer_id: str | None,
    ) -> None:
        self.kind, self.document_id = kind, document_id
        self._job_id, self._customer_id = job_id, customer_id
        self._currency = DEFAULT_CURRENCY
        self.detail = None
        self._tried_to_save = False
        self._told_saved, self._told_event = False, ""
        self.form_error_label.hide()
        self.discard_button.hide()
        self._set_editable(True)  # a sent document shown before left it read-only
        self._show_message()

    def _show_lines(self, lines: list[LineInput], notes: str) -> None:
        self._loading = True
        try:
            self.lines.set_lines(lines)
            self.notes_edit.setPlainText(notes)
        finally:
            self._loading = False
        self._shown_lines = tuple(lines)
        self._dirty = False
        self._recheck()
        self._show_actions()

    def _show_detail(self, detail: DocumentDetail, *, lines_too: bool) -> None:
        self.detail = detail
        self.header.show_detail(detail)
        lines = tuple(
            LineInput(line.description, line.quantity, line.unit_price, line.vat_rate)
            for line in detail.lines
        )
        if lines_too or (not self._dirty and lines != self._shown_lines):
            self._show_lines(list(lines), detail.notes)
        self._set_editable(detail.is_draft)
        self.payment.show_invoice(detail)
        self._show_actions()

    def _set_editable(self, editable: bool) -> None:
        self.lines.set_read_only(not editable)
        self.notes_edit.setReadOnly(not editable)
        repolish(self.notes_edit)
        self.notes_edit.setVisible(editable or bool(self.notes_edit.toPlainText().strip()))

    def refresh(self) -> None:
        """Read the shown document's states again (after a sync or a payment); typed but
        unsaved changes are kept."""
        document_id = self.document_id
        if document_id is None:
            self.payment.show_invoice(None)
            return

        request = self._request  # a document opened meanwhile wins over this refresh

        def show(detail: DocumentDetail | None) -> None:
            if request == self._request and detail is not None and detail.row.id == document_id:
                self._show_detail(detail, lines_too=False)

        self._workday.runner.query(
            lambda session: document_detail(session, document_id), show, latest_of=(self, "states")
        )

    # Editing

    def is_dirty(self) -> bool:
        return self._dirty

    def _mark_dirty(self) -> None:
        if not self._loading:
            self._dirty = True
            self._told_saved, self._told_event = False, ""
            self.form_error_label.hide()
            self._show_message()

    def _lines_changed(self) -> None:
        self._mark_dirty()
        self._recheck()

    def _recheck(self) -> list[CheckedLine]:
        results = self.lines.check(self._currency, show_missing=self._tried_to_save)
        priced = [r.priced for r in results if r.priced is not None]
        self.totals.show_lines(priced, self._currency, complete=len(priced) == len(results))
        return results

    def _editable(self) -> bool:
        return self.detail is None or self.detail.is_draft

    def _show_actions(self) -> None:
        detail = self.detail
        editable = self._editable()
        self.save_button.setVisible(editable)
        self.send_button.setEnabled(editable)
        state = detail.row.delivery_state if detail is not None else DeliveryState.DRAFT
        self.send_button.setText(
            {
                DeliveryState.DRAFT: self.tr("Send"),
                DeliveryState.QUEUED: self.tr("Queued to send"),
                DeliveryState.SENT: self.tr("Sent"),
            }[state]
        )
        self.convert_button.setVisible(self.kind is DocumentKind.ESTIMATE)
        if detail is not None and detail.converted_to_reference:
            self.convert_button.setText(
                self.tr("Open invoice %1").replace("%1", detail.converted_to_reference)
            )
        else:
            self.convert_button.setText(self.tr("Convert to invoice"))
        if detail is None:
            self.payment.show_invoice(None)
        self._show_message()

    def _show_message(self) -> None:
        """Say beside the form only what is true now. Re-derived on every read of the
        document (each refresh after a notice), every edit and every refusal, so "Queued to
        send" goes once the invoice is sent and "Saved" never sits beside a refusal."""
        self._say(self._message_now())

    def _message_now(self) -> str:
        if self._dirty or not self.form_error_label.isHidden():
            return ""  # unsaved edits, or a refusal shown: "Saved" would not be true
        detail = self.detail
        if detail is not None and detail.row.delivery_state is DeliveryState.QUEUED:
            return self.tr("Queued to send: it goes to the office as soon as the tablet is online.")
        if self._told_saved and detail is not None and detail.is_draft:
            return self.tr("Saved on this tablet.")
        return self._told_event

    def save(
        self,
        then: Callable[[str], None] | None = None,
        refused: Callable[[], None] | None = None,
    ) -> None:
        """Save the draft through the op runner, then ``then(document_id)``; when something
        must be fixed first, the reasons are shown beside the fields and ``refused()``."""
        if not self._editable():
            if then is not None and self.document_id is not None:
                then(self.document_id)
            return
        self._tried_to_save = True
        results = self._recheck()
        customer_id = self._customer_id or self.header.picked_customer_id()
        invoice = self.kind is DocumentKind.INVOICE
        problems = []
        if customer_id is None:
            self.header.show_customer_error(
                self.tr("Pick the customer this invoice is for.")
                if invoice
                else self.tr("Pick the customer this estimate is for.")
            )
            problems.append(self.tr("Pick a customer."))
        if not results:
            problems.append(
                self.tr("An invoice needs at least one line.")
                if invoice
                else self.tr("An estimate needs at least one line.")
            )
        elif any(r.priced is None for r in results):
            problems.append(self.tr("Fix the marked lines before saving."))
        if problems:
            self._refuse(" ".join(problems))
            if refused is not None:
                refused()
            return
        assert customer_id is not None
        lines = [r.plain for r in results]
        notes = self.notes_edit.toPlainText()
        if self.document_id is not None and not self._dirty:
            if then is not None:
                then(self.document_id)
            return
        document_id, kind, job_id, currency = (
            self.document_id,
            self.kind,
            self._job_id,
            self._currency,
        )

        def write(changes: LocalChanges) -> ChangeReceipt:
            if document_id is None:
                return changes.documents.create(
                    kind, customer_id, lines, job_id=job_id, currency=currency, notes=notes
                )
            return changes.documents.edit(document_id, lines=lines, notes=notes)

        self._write(write, lambda receipt: self._saved(receipt, customer_id, then), refused)

    def _saved(
        self, receipt: ChangeReceipt, customer_id: str, then: Callable[[str], None] | None
    ) -> None:
        self.document_id, self._customer_id = receipt.record_id, customer_id
        self._dirty, self._tried_to_save = False, False
        self._told_saved = True  # shown while the document is still this saved draft
        self.form_error_label.hide()
        self.discard_button.hide()
        self.refresh()
        self._show_message()
        self.documentSaved.emit(receipt.record_id)
        if then is not None:
            then(receipt.record_id)

    def send(self) -> None:
        """Queue the document to be sent (offline too); a second Send sends nothing more."""
        if self._editable():
            self.save(then=self._send_saved)

    def _send_saved(self, document_id: str) -> None:
        self._write(
            lambda changes: changes.documents.send(document_id),
            lambda _receipt: self._sent(document_id),
        )

    def _sent(self, document_id: str) -> None:
        self.refresh()  # the read shows "Queued to send" while the document is queued
        self.documentSaved.emit(document_id)

    def convert_to_invoice(self) -> None:
        """Make an invoice from this estimate, or open the one made from it before."""
        if self.kind is not DocumentKind.ESTIMATE:
            return
        if self._editable():
            self.save(then=self._convert)
        elif self.document_id is not None:
            self._convert(self.document_id)

    def _convert(self, estimate_id: str) -> None:
        self._write(
            lambda changes: changes.documents.convert_to_invoice(estimate_id),
            lambda receipt: self.open_document(
                receipt.record_id, lambda _found: self._tell_converted(receipt, estimate_id)
            ),
        )

    def _tell_converted(self, receipt: ChangeReceipt, estimate_id: str) -> None:
        invoice = self.detail.row.reference if self.detail else ""

        def tell(estimate: DocumentDetail | None) -> None:
            text = (
                self.tr("Invoice %1 made from estimate %2.")
                if receipt.changed
                else self.tr("Estimate %2 already became invoice %1.")
            )
            reference = estimate.row.reference if estimate else ""
            self._told_event = text.replace("%1", invoice).replace("%2", reference)
            self._show_message()
            self.documentOpened.emit(receipt.record_id)

        self._workday.runner.query(lambda session: document_detail(session, estimate_id), tell)

    def go_back(self) -> None:
        """Back to the list; unsaved changes are saved first, or the reason is shown."""
        if self._dirty and self._editable():
            self.save(then=lambda _id: self.backRequested.emit(), refused=self.discard_button.show)
            return
        self.backRequested.emit()

    def discard_changes(self) -> None:
        self._dirty = False
        self.discard_button.hide()
        self.backRequested.emit()

    def _write(
        self,
        action: Callable[[LocalChanges], ChangeReceipt],
        done: Callable[[ChangeReceipt], None],
        refused: Callable[[], None] | None = None,
    ) -> None:
        def refuse(error: WorkBossError) -> None:
            self._refuse(user_message(error))
            if refused is not None:
                refused()

        self._workday.runner.write(action, done, refuse, initiator=self)

    def _refuse(self, text: str) -> None:
        self.form_error_label.setText(text)
        self.form_error_label.show()
        self._show_message()  # "Saved" is no longer true beside a refusal

    def _say(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))
