"""Make and edit an invoice or estimate offline: from a job's line items or from scratch.

Everything is read and saved on the tablet through the op runner and the one write path;
*Send* queues the document and it goes out with the next sync, so it works the same
offline. Queued and sent documents are final and shown read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from wb_desktop.app.sync_service import SyncService
from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.core.domain.money import DEFAULT_CURRENCY, LineInput
from wb_desktop.core.domain.records import DocumentKind
from wb_desktop.core.store.changes import ChangeReceipt, LocalChanges
from wb_desktop.core.store.conflict_history import ConflictHistoryRow, Kept
from wb_desktop.core.store.document_views import DocumentDetail, document_detail
from wb_desktop.ui.documents.editor_body import EditorActions, LinesCard
from wb_desktop.ui.documents.editor_opening import DocumentOpening
from wb_desktop.ui.documents.editor_parts import EditorHeader
from wb_desktop.ui.documents.line_input import CheckedLine
from wb_desktop.ui.documents.payment_panel import CardPaymentPanel
from wb_desktop.ui.documents.totals import TotalsCard
from wb_desktop.ui.messages import user_message
from wb_desktop.ui.relative_time import clock_time, local_timestamp
from wb_desktop.ui.theme import SPACING_PX
from wb_desktop.ui.workday import Workday


class DocumentEditor(DocumentOpening, QWidget):
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
        self.card = LinesCard(self)
        self.lines, self.notes_edit = self.card.lines, self.card.notes_edit
        self.form_error_label = self.card.form_error_label
        body.addWidget(self.card, 3)
        side = QVBoxLayout()
        side.setSpacing(SPACING_PX)
        self.totals = TotalsCard(self)
        side.addWidget(self.totals)
        self.actions = EditorActions(self)
        self.save_button, self.send_button = self.actions.save_button, self.actions.send_button
        self.discard_button = self.actions.discard_button
        self.convert_button = self.actions.convert_button
        self.message_label = self.actions.message_label
        side.addWidget(self.actions)
        self.save_button.clicked.connect(lambda: self.save())
        self.send_button.clicked.connect(self.send)
        self.convert_button.clicked.connect(self.convert_to_invoice)
        self.discard_button.clicked.connect(self.discard_changes)
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
        self.card.set_editable(True)  # a sent document shown before left it read-only
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
        self.card.set_editable(detail.is_draft)
        settled = [self._settled_text(note) for note in detail.settled]
        self.card.settled_label.setText("\n".join(settled))
        self.card.settled_label.setVisible(bool(settled))
        self.payment.show_invoice(detail)
        self._show_actions()

    def _settled_text(self, note: ConflictHistoryRow) -> str:
        """E.g. "Lines: a change from another of your devices was replaced by this one's
        at 09:14." (last write wins on a draft)."""
        field = self.tr("Lines") if note.field == "lines" else self.tr("Notes")
        if note.kept is Kept.MINE:
            text = self.tr(
                "%1: a change from another of your devices was replaced by this one's at %2."
            )
        else:
            text = self.tr(
                "%1: this device's change was replaced by another of your devices' at %2."
            )
        moment = note.settled_at or note.detected_at
        local = self._workday.local(moment)
        when = (
            clock_time(moment, self._workday.zone)
            if local.date() == self._workday.today()
            else local_timestamp(moment, self._workday.zone)
        )
        return text.replace("%1", field).replace("%2", when)

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
        self.actions.show_state(self.kind, detail, editable=self._editable())
        if detail is None:
            self.payment.show_invoice(None)
        self._show_message()

    def _show_message(self) -> None:
        """Say beside the form only what is true now. Re-derived on every read of the
        document (each refresh after a notice), every edit and every refusal, so "Queued to
        send" goes once the invoice is sent and "Saved" never sits beside a refusal."""
        self.actions.say(self._message_now())

    def _message_now(self) -> str:
        if self._dirty or not self.form_error_label.isHidden():
            return ""  # unsaved edits, or a refusal shown: "Saved" would not be true
        return (
            self.actions.standing_message(self.detail, told_saved=self._told_saved)
            or self._told_event
        )

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
