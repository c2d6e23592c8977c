"""Card payments: online only, and never charged twice.

Offline the action is refused with the reason and what to do instead. Online, the payment
row and its idempotency key are committed *before* the call, so a timeout, a crash or a
second tap retries with the same key and the server answers the first result instead of
charging again. Each request makes one charge call within the client's timeout, so the
person decides what happens after "no answer" (try again or cancel); a retry first asks the
server what became of the key, and sends the card again only when nothing was charged.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from wb_desktop.core.domain.clock import Clock
from wb_desktop.core.domain.errors import NotFoundError, WorkBossError
from wb_desktop.core.domain.records import DocumentKind, PaymentStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.protocol.kinds import OpKind
from wb_desktop.core.protocol.payments import PaymentIn
from wb_desktop.core.store.database import Database
from wb_desktop.core.store.models import Document, OutboxOp, Payment
from wb_desktop.core.store.outbox import UNFINISHED
from wb_desktop.core.sync.protocol_client import ProtocolError, ServerRefusedError, SyncApi
from wb_desktop.core.sync.transport import TransportError

PAYMENT_TIMEOUT_S = 20.0
LOOKUP_TIMEOUT_S = 5.0  # the outcome lookup before a retry; the charge gets the rest
TEST_CARDS = {
    "approve": "4242 4242 4242 4242",
    "decline": "4000 0000 0000 0002",
    "timeout": "4000 0000 0000 0119",
}
# The one wording of the offline refusal: PaymentDesk raises it, and the sync service
# answers with it at once (through payment_runner) without asking the desk.
OFFLINE_MESSAGE = QT_TRANSLATE_NOOP(
    "Domain",
    "Card payments need a connection, and this tablet is offline. "
    "Send the invoice by email once you are back in range.",
)
_NOT_AT_THE_OFFICE = QT_TRANSLATE_NOOP(
    "Domain", "The invoice has not reached the office yet; sync, then take the payment."
)
_NOT_AN_INVOICE = QT_TRANSLATE_NOOP(
    "Domain", "Only an invoice can be paid by card, not an estimate."
)
_ALREADY_PAID = QT_TRANSLATE_NOOP("Domain", "This invoice is already paid.")
_NO_ANSWER = QT_TRANSLATE_NOOP(
    "Domain",
    "no answer from the payment service; try again — the card will not be charged twice",
)
# Stored on a payment whose answer came after the person cancelled: the next attempt asks
# the server what became of its key instead of showing this late answer.
CANCELLED_REASON = "cancelled before the answer was shown; checked with the office next time"


class PaymentRefusedError(WorkBossError):
    """The payment cannot be taken now; the message says why and what to do instead."""


@dataclass(frozen=True)
class PaymentOutcome:
    payment_id: str
    status: PaymentStatus
    reason: str
    attempts: int


class PaymentDesk:
    def __init__(
        self,
        api: SyncApi,
        database: Database,
        clock: Clock,
        is_online: Callable[[], bool],
        sync: Callable[[], object],
        timeout_s: float = PAYMENT_TIMEOUT_S,
    ) -> None:
        self.api = api
        self.database = database
        self.clock = clock
        self.is_online = is_online
        self.sync = sync
        self.timeout_s = timeout_s

    def collect(
        self,
        document_id: str,
        card_number: str,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> PaymentOutcome:
        """One charge call (after the outcome lookup when the payment was tried before).

        ``cancelled`` says whether the person gave up on this attempt meanwhile: nothing is
        sent after that, and an answer that arrives after it is not taken as the outcome."""
        if not self.is_online():
            raise PaymentRefusedError(Text(OFFLINE_MESSAGE))
        card = TEST_CARDS.get(card_number, card_number)
        if not self._on_server(document_id):
            self.sync()  # the office must have the invoice before it can be paid
            if not self._on_server(document_id):
                raise PaymentRefusedError(Text(_NOT_AT_THE_OFFICE))
        if cancelled():
            return PaymentOutcome("", PaymentStatus.PENDING, CANCELLED_REASON, 0)
        payment, tried_before = self._open_payment(document_id, card)
        deadline = time.monotonic() + self.timeout_s
        if tried_before:
            known = self._look_up(payment)
            if known is None or cancelled():
                return self._unanswered(payment, known, cancelled())
            if known.status is not PaymentStatus.PENDING:
                return known
        if cancelled():
            return PaymentOutcome(payment.id, PaymentStatus.PENDING, CANCELLED_REASON, 0)
        return self._charge(payment, document_id, card, deadline, cancelled)

    def _look_up(self, payment: Payment) -> PaymentOutcome | None:
        """The server's record of this key: approved or declined, PENDING when it charged
        nothing with it (safe to send), or None when it could not be asked."""
        try:
            reply = self.api.payment_outcome(
                payment.idempotency_key, timeout_s=min(LOOKUP_TIMEOUT_S, self.timeout_s)
            )
        except (TransportError, ProtocolError, ServerRefusedError) as error:
            self._set(payment.id, PaymentStatus.UNKNOWN, error.reason)
            return None
        if reply is None:
            return PaymentOutcome(payment.id, PaymentStatus.PENDING, "", 0)
        status = PaymentStatus(reply.status)
        self._set(payment.id, status, reply.reason)
        return PaymentOutcome(payment.id, status, reply.reason, 0)

    def _unanswered(
        self, payment: Payment, known: PaymentOutcome | None, cancelled: bool
    ) -> PaymentOutcome:
        if cancelled:
            return PaymentOutcome(payment.id, PaymentStatus.UNKNOWN, CANCELLED_REASON, 0)
        reason = known.reason if known is not None else Text(_NO_ANSWER)
        return PaymentOutcome(payment.id, PaymentStatus.UNKNOWN, reason, 0)

    def _charge(
        self,
        payment: Payment,
        document_id: str,
        card: str,
        deadline: float,
        cancelled: Callable[[], bool],
    ) -> PaymentOutcome:
        """Send the card once with the payment's key, within what is left of the timeout."""
        try:
            reply = self.api.pay(
                PaymentIn.model_construct(
                    idempotency_key=payment.idempotency_key,
                    document_id=document_id,
                    amount=payment.amount,
                    currency=payment.currency,
                    card_number=card,
                ),
                timeout_s=max(self.timeout_s / 2, deadline - time.monotonic()),
            )
        except (TransportError, ProtocolError) as error:
            self._set(payment.id, PaymentStatus.UNKNOWN, error.reason)
            return PaymentOutcome(payment.id, PaymentStatus.UNKNOWN, Text(_NO_ANSWER), 1)
        except ServerRefusedError as refusal:
            if refusal.transient:
                self._set(payment.id, PaymentStatus.UNKNOWN, refusal.reason)
                return PaymentOutcome(payment.id, PaymentStatus.UNKNOWN, Text(_NO_ANSWER), 1)
            self._set(payment.id, PaymentStatus.DECLINED, refusal.reason)
            return PaymentOutcome(payment.id, PaymentStatus.DECLINED, refusal.reason, 1)
        if cancelled():  # a late answer: the next attempt looks the key up instead
            self._set(payment.id, PaymentStatus.UNKNOWN, CANCELLED_REASON)
            return PaymentOutcome(payment.id, PaymentStatus.UNKNOWN, CANCELLED_REASON, 1)
        status = PaymentStatus(reply.status)
        self._set(payment.id, status, reply.reason)
        return PaymentOutcome(payment.id, status, reply.reason, 1)

    def _on_server(self, document_id: str) -> bool:
        with self.database.reader() as session:
            document = session.get(Document, document_id)
            if document is None:
                raise NotFoundError("invoice", document_id)
            if document.kind is not DocumentKind.INVOICE:
                raise PaymentRefusedError(Text(_NOT_AN_INVOICE))
            waiting = session.scalar(
                select(OutboxOp.op_id)
                .where(OutboxOp.record_id == document_id, OutboxOp.kind == OpKind.DOCUMENT_CREATE)
                .where(OutboxOp.state.in_(UNFINISHED))
            )
            return document.version > 0 and waiting is None

    def _open_payment(self, document_id: str, card: str) -> tuple[Payment, bool]:
        """The unfinished payment of this invoice (True: it may have reached the server), or
        a new one with a fresh key (False)."""
        with self.database.writer() as session, session.begin():
            existing = session.scalar(
                select(Payment).where(
                    Payment.document_id == document_id,
                    Payment.status.in_((PaymentStatus.PENDING, PaymentStatus.UNKNOWN)),
                )
            )
            if existing is not None:
                session.expunge(existing)
                return existing, True
            paid = session.scalar(
                select(Payment.id).where(
                    Payment.document_id == document_id,
                    Payment.status == PaymentStatus.APPROVED,
                )
            )
            if paid is not None:
                raise PaymentRefusedError(Text(_ALREADY_PAID))
            document = session.get(Document, document_id)
            assert document is not None
            now = self.clock.now()
            payment = Payment(
                id=str(uuid.uuid4()),
                version=0,
                sync_state=SyncState.LOCAL_ONLY,
                created_at=now,
                updated_at=now,
                document_id=document_id,
                amount=Decimal(document.total),
                currency=document.currency,
                status=PaymentStatus.PENDING,
                idempotency_key=str(uuid.uuid4()),
                card_last4="".join(c for c in card if c.isdigit())[-4:],
                reason="",
            )
            session.add(payment)
            session.flush()
            session.expunge(payment)
            return payment, False

    def _set(self, payment_id: str, status: PaymentStatus, reason: str) -> None:
        with self.database.writer() as session, session.begin():
            payment = session.get(Payment, payment_id)
            if payment is None:
                return
            payment.status, payment.reason = status, reason
            payment.updated_at = self.clock.now()
            if status in (PaymentStatus.APPROVED, PaymentStatus.DECLINED):
                payment.processed_at = self.clock.now()
                payment.version = max(payment.version, 1)
                payment.sync_state = SyncState.SYNCED
