"""Card payment on an invoice: online only, and every ending is a clear state.

The charge runs on the sync worker (:meth:`SyncService.take_payment`); this panel only asks
and listens, so the window never waits on the network. Offline the panel says why it cannot
charge and what to do instead, in plain text beside the disabled button.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
)

from wb_desktop.app.sync_service import SyncService
from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.core.domain.records import DocumentKind, PaymentStatus
from wb_desktop.core.store.document_views import DocumentDetail
from wb_desktop.core.sync.connectivity import SyncActivity, SyncView
from wb_desktop.core.sync.payments import PaymentOutcome
from wb_desktop.ui.formatting import format_money
from wb_desktop.ui.messages import user_message
from wb_desktop.ui.theme import TOUCH_TARGET_PX, set_role

MIN_CARD_DIGITS, MAX_CARD_DIGITS = 12, 19
_CARD_TEXT = re.compile(r"^[0-9 -]+$")

Result = PaymentOutcome | WorkBossError


class CardPaymentPanel(QFrame):
    """Emits :attr:`paymentFinished` (document id) after a charge answered, to re-read it."""

    paymentFinished = Signal(str)

    def __init__(self, service: SyncService, parent: QFrame | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self._service = service
        self._detail: DocumentDetail | None = None
        self._charging: set[str] = set()
        self._results: dict[str, Result] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        heading = QLabel(self.tr("Card payment"), self)
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        row = QHBoxLayout()
        self.card_edit = QLineEdit(self)
        self.card_edit.setPlaceholderText(self.tr("Card number"))
        self.card_edit.setAccessibleName(self.tr("Card number"))
        self.card_edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.card_edit.setMinimumHeight(TOUCH_TARGET_PX)
        self.charge_button = QPushButton(self.tr("Charge"), self)
        self.charge_button.setProperty("primary", True)
        self.charge_button.setMinimumSize(TOUCH_TARGET_PX * 3, TOUCH_TARGET_PX)
        row.addWidget(self.card_edit, 1)
        row.addWidget(self.charge_button)
        layout.addLayout(row)
        self.input_error_label = QLabel(self)
        self.input_error_label.setProperty("role", "error")
        self.input_error_label.setWordWrap(True)
        self.input_error_label.hide()
        layout.addWidget(self.input_error_label)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(self.status_label)
        self.charge_button.clicked.connect(self.charge)
        self.card_edit.returnPressed.connect(self.charge)
        self.card_edit.textEdited.connect(lambda _text: self.input_error_label.hide())
        service.paymentFinished.connect(self._on_finished)
        service.viewChanged.connect(self._on_view)
        self.setTabOrder(self.card_edit, self.charge_button)
        self._render()

    def show_invoice(self, detail: DocumentDetail | None) -> None:
        """Show the payment state of ``detail`` (hidden for estimates and new documents)."""
        if detail is None or self._detail is None or detail.row.id != self._detail.row.id:
            self.card_edit.clear()
            self.input_error_label.hide()
        self._detail = detail
        self.setVisible(detail is not None and detail.row.kind is DocumentKind.INVOICE)
        self._render()

    def online(self) -> bool:
        return self._service.view().activity is not SyncActivity.OFFLINE

    def is_charging(self) -> bool:
        return self._detail is not None and self._detail.row.id in self._charging

    def charge(self) -> None:
        detail = self._detail
        if detail is None or not self.charge_button.isEnabled():
            return
        problem = self._card_problem(self.card_edit.text())
        if problem is not None:
            self.input_error_label.setText(problem)
            self.input_error_label.show()
            return
        self.input_error_label.hide()
        self._charging.add(detail.row.id)
        self._results.pop(detail.row.id, None)
        self._render()
        self._service.take_payment(detail.row.id, self.card_edit.text().strip())

    def _card_problem(self, text: str) -> str | None:
        card = text.strip()
        if not card:
            return self.tr("Type the card number.")
        if not _CARD_TEXT.match(card):
            return self.tr("A card number has only digits (spaces are fine).")
        digits = sum(c.isdigit() for c in card)
        if not MIN_CARD_DIGITS <= digits <= MAX_CARD_DIGITS:
            return (
                self.tr("A card number has %1 to %2 digits; this one has %3.")
                .replace("%1", str(MIN_CARD_DIGITS))
                .replace("%2", str(MAX_CARD_DIGITS))
                .replace("%3", str(digits))
            )
        return None

    def _on_finished(self, document_id: str, result: object) -> None:
        self._charging.discard(document_id)
        if isinstance(result, PaymentOutcome | WorkBossError):
            self._results[document_id] = result
        if self._detail is not None and self._detail.row.id == document_id:
            unanswered = (
                isinstance(result, PaymentOutcome) and result.status is PaymentStatus.UNKNOWN
            )
            if not unanswered:  # "Try again" is one tap: the card stays for the retry
                self.card_edit.clear()
            self._render()
        self.paymentFinished.emit(document_id)

    def _on_view(self, _view: SyncView) -> None:
        self._render()

    def _render(self) -> None:
        """One place decides the panel's state, from the invoice, the link and the answers."""
        detail = self._detail
        enabled, text, role = False, "", "muted"
        button = self.tr("Charge")
        paid = detail is not None and self._is_paid(detail)
        if detail is not None:
            button = self.tr("Charge %1").replace(
                "%1", format_money(detail.row.total, detail.row.currency)
            )
            enabled, text, role, retry = self._state(detail)
            if retry:
                button = self.tr("Try again")
        self.charge_button.setText(button)
        self.charge_button.setEnabled(enabled)
        self.card_edit.setEnabled(enabled)
        self.charge_button.setVisible(not paid)  # nothing left to charge: only the outcome
        self.card_edit.setVisible(not paid)
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))
        set_role(self.status_label, role)

    def _is_paid(self, detail: DocumentDetail) -> bool:
        if detail.row.id in self._charging:
            return False
        if detail.approved_payment is not None:
            return True
        result = self._results.get(detail.row.id)
        return isinstance(result, PaymentOutcome) and result.status is PaymentStatus.APPROVED

    def _state(self, detail: DocumentDetail) -> tuple[bool, str, str, bool]:
        """(enabled, message, label role, whether the button retries)."""
        document_id = detail.row.id
        if document_id in self._charging:
            return False, self.tr("Charging…"), "warning", False
        paid = detail.approved_payment
        if paid is not None:
            text = self.tr("Approved — paid by card ending %1.").replace("%1", paid.card_last4)
            return False, text, "ok", False
        if not self.online():
            return (
                False,
                self.tr(
                    "Card payments need a connection, and this tablet is offline. "
                    "Send the invoice by email once you are back in range."
                ),
                "warning",
                False,
            )
        if detail.is_draft:
            return (
                False,
                self.tr("Send the invoice first: a card payment is taken on the final amount."),
                "muted",
                False,
            )
        return self._after_attempt(detail)

    def _reason(self, reason: str) -> str:
        """The payment service's reasons in the technician's language; others as they came."""
        known = {"card declined": self.tr("card declined"), "unknown card": self.tr("unknown card")}
        return known.get(reason, reason or "—")

    def _after_attempt(self, detail: DocumentDetail) -> tuple[bool, str, str, bool]:
        result = self._results.get(detail.row.id)
        if isinstance(result, WorkBossError):
            return True, user_message(result), "error", False
        status, reason = None, ""
        if isinstance(result, PaymentOutcome):
            status, reason = result.status, result.reason
        elif detail.payments:
            status, reason = detail.payments[-1].status, detail.payments[-1].reason
        if status is PaymentStatus.APPROVED:
            return False, self.tr("Approved — paid."), "ok", False
        if status is PaymentStatus.DECLINED:
            text = self.tr("Declined: %1. Try another card.").replace("%1", self._reason(reason))
            return True, text, "error", False
        if status in (PaymentStatus.UNKNOWN, PaymentStatus.PENDING):
            text = self.tr("No answer — try again, the card will not be charged twice.")
            return True, text, "warning", True
        return True, "", "muted", False
