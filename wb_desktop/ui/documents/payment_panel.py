"""Card payment on an invoice: online only, and every ending is a clear state.

The charge runs on the sync worker (:meth:`SyncService.take_payment`); this panel only asks
and listens, so the window never waits on the network. Offline the panel says why it cannot
charge and what to do instead, in plain text beside the disabled button.

While a charge runs the panel counts down to the client's timeout; once it passes without
an answer the person chooses: **Try again** (the same payment: the server is asked what
became of it before the card is sent again) or **Cancel** (back to idle, the invoice unpaid,
a late answer never shown).
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
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
from wb_desktop.core.sync.connectivity import SyncStatus
from wb_desktop.core.sync.payments import PaymentOutcome
from wb_desktop.ui.formatting import format_money
from wb_desktop.ui.messages import user_message
from wb_desktop.ui.theme import TOUCH_TARGET_PX, set_role

MIN_CARD_DIGITS, MAX_CARD_DIGITS = 12, 19
_CARD_TEXT = re.compile(r"^[0-9 -]+$")

Result = PaymentOutcome | WorkBossError
TICK_MS = 1000


class _Cancelled:
    """The person cancelled the last attempt: the panel is idle whatever the cache says."""


CANCELLED = _Cancelled()


class CardPaymentPanel(QFrame):
    """Emits :attr:`paymentFinished` (document id) after a charge answered, to re-read it."""

    paymentFinished = Signal(str)

    def __init__(
        self,
        service: SyncService,
        parent: QFrame | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``clock``: seconds, for the countdown (tests give a fake one)."""
        super().__init__(parent)
        self.setProperty("role", "card")
        self._service = service
        self.clock = clock
        self._detail: DocumentDetail | None = None
        self._charging: dict[str, float] = {}  # document id -> when its answer is overdue
        self._results: dict[str, Result | _Cancelled] = {}
        self.countdown = QTimer(self)
        self.countdown.setInterval(TICK_MS)
        self.countdown.timeout.connect(self._render)
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
        waiting_row = QHBoxLayout()
        self.retry_button = QPushButton(self.tr("Try again"), self)
        self.retry_button.setProperty("primary", True)
        self.retry_button.setAccessibleName(self.tr("Try the card payment again"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel the card payment"))
        for button in (self.retry_button, self.cancel_button):
            button.setMinimumSize(TOUCH_TARGET_PX * 3, TOUCH_TARGET_PX)
            waiting_row.addWidget(button)
        waiting_row.addStretch(1)
        layout.addLayout(waiting_row)
        self.retry_button.clicked.connect(self.charge)
        self.cancel_button.clicked.connect(self.cancel)
        self.charge_button.clicked.connect(self.charge)
        self.card_edit.returnPressed.connect(self.charge)
        self.card_edit.textEdited.connect(lambda _text: self.input_error_label.hide())
        service.paymentFinished.connect(self._on_finished)
        service.statusChanged.connect(self._on_status)
        self.setTabOrder(self.card_edit, self.charge_button)
        self.setTabOrder(self.charge_button, self.retry_button)
        self.setTabOrder(self.retry_button, self.cancel_button)
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
        """As the status bar says (the same snapshot): a card needs the connection."""
        return self._service.status().connected

    def is_charging(self) -> bool:
        return self._detail is not None and self._detail.row.id in self._charging

    def charge(self) -> None:
        """Charge, or try again after no answer (the service reuses the payment's key)."""
        detail = self._detail
        if detail is None or not (self.charge_button.isEnabled() or self.retry_button.isEnabled()):
            return
        problem = self._card_problem(self.card_edit.text())
        if problem is not None:
            self.input_error_label.setText(problem)
            self.input_error_label.show()
            return
        self.input_error_label.hide()
        self._charging[detail.row.id] = self.clock() + self._service.payment_timeout_s()
        self._results.pop(detail.row.id, None)
        self.countdown.start()
        self._render()
        self._service.take_payment(detail.row.id, self.card_edit.text().strip())

    def cancel(self) -> None:
        """Stop waiting: the invoice stays unpaid and the panel idle; nothing is sent later."""
        detail = self._detail
        if detail is None:
            return
        self._service.cancel_payment(detail.row.id)
        self._charging.pop(detail.row.id, None)
        self._results[detail.row.id] = CANCELLED
        self.card_edit.clear()
        self._render()

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
        self._charging.pop(document_id, None)
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

    def _on_status(self, _status: SyncStatus) -> None:
        self._render()

    def _render(self) -> None:
        """One place decides the panel's state, from the invoice, the link and the answers."""
        detail = self._detail
        enabled, text, role, waiting = False, "", "muted", False
        button = self.tr("Charge")
        paid = detail is not None and self._is_paid(detail)
        if detail is not None:
            button = self.tr("Charge %1").replace(
                "%1", format_money(detail.row.total, detail.row.currency)
            )
            enabled, text, role, waiting = self._state(detail)
        if not any(self.clock() < due for due in self._charging.values()):
            self.countdown.stop()  # nothing left to count down
        self.charge_button.setText(button)
        self.charge_button.setEnabled(enabled and not waiting)
        self.charge_button.setVisible(not paid and not waiting)
        self.retry_button.setEnabled(enabled and waiting)
        self.retry_button.setVisible(waiting)
        self.cancel_button.setVisible(waiting)
        self.card_edit.setEnabled(enabled)
        self.card_edit.setVisible(not paid)  # nothing left to charge: only the outcome
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
        """(enabled, message, label role, whether it waits for an answer: Try again, Cancel)."""
        document_id = detail.row.id
        due = self._charging.get(document_id)
        if due is not None:
            left = due - self.clock()
            if left > 0:
                text = self.tr("Charging… %1 s").replace("%1", str(math.ceil(left)))
                return False, text, "warning", False
            return self._no_answer()
        paid = detail.approved_payment
        if paid is not None:
            text = self.tr("Approved — paid by card ending %1.").replace("%1", paid.card_last4)
            return False, text, "ok", False
        if self._last_answer(detail)[0] in (PaymentStatus.UNKNOWN, PaymentStatus.PENDING):
            return self._no_answer()  # Try again or Cancel, whether online or not
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

    def _no_answer(self) -> tuple[bool, str, str, bool]:
        """The client's timeout passed without an answer: Try again (online only) or Cancel."""
        text = self.tr("No answer from the card service yet — it may still go through.")
        if not self.online():
            text += " " + self.tr(
                "Card payments need a connection, and this tablet is offline. "
                "Send the invoice by email once you are back in range."
            )
            return False, text, "warning", True
        return True, text, "warning", True

    def _last_answer(self, detail: DocumentDetail) -> tuple[PaymentStatus | None, str]:
        """The last attempt's status and reason: this session's answer, else the cache's."""
        result = self._results.get(detail.row.id)
        if isinstance(result, PaymentOutcome):
            return result.status, result.reason
        if result is None and detail.payments:
            return detail.payments[-1].status, detail.payments[-1].reason
        return None, ""

    def _after_attempt(self, detail: DocumentDetail) -> tuple[bool, str, str, bool]:
        result = self._results.get(detail.row.id)
        if isinstance(result, WorkBossError):
            return True, user_message(result), "error", False
        status, reason = self._last_answer(detail)
        if status is PaymentStatus.APPROVED:
            return False, self.tr("Approved — paid."), "ok", False
        if status is PaymentStatus.DECLINED:
            text = self.tr("Declined: %1. Try another card.").replace("%1", self._reason(reason))
            return True, text, "error", False
        return True, "", "muted", False
