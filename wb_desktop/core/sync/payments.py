"""Card payments: online only, and never charged twice.

Offline the action is refused with the reason and what to do instead. Online, the payment
row and its idempotency key are committed *before* the call, so a timeout, a crash or a
second tap retries with the same key and the server answers the first result instead of
charging again.
"""

from __future__ import annotations

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
ATTEMPTS = 3
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

    def collect(self, document_id: str, card_number: str) -> PaymentOutcome:
        if not self.is_online():
            raise PaymentRefusedError(Text(OFFLINE_MESSAGE))
        card = TEST_CARDS.get(card_number, card_number)
        if not self._on_server(document_id):
            self.sync()  # the office must have the invoice before it can be paid
            if not self._on_server(document_id):
                raise PaymentRefusedError(Text(_NOT_AT_THE_OFFICE))
        payment = self._open_payment(document_id, card)
        for attempt in range(1, ATTEMPTS + 1):
            try:
                reply = self.api.pay(
                    PaymentIn.model_construct(
                        idempotency_key=payment.idempotency_key,
                        document_id=document_id,
                        amount=payment.amount,
                        currency=payment.currency,
                        card_number=card,
                    ),
                    timeout_s=self.timeout_s,
                )
            except (TransportError, ProtocolError) as error:
                self._set(payment.id, PaymentStatus.UNKNOWN, error.reason)
                continue
            except ServerRefusedError as refusal:
                if refusal.transient:
                    self._set(payment.id, PaymentStatus.UNKNOWN, refusal.reason)
                    continue
                self._set(payment.id, PaymentStatus.DECLINED, refusal.reason)
                return PaymentOutcome(payment.id, PaymentStatus.DECLINED, refusal.reason, attempt)
            status = PaymentStatus(reply.status)
            reason = reply.reason
            self._set(payment.id, status, reason)
            return PaymentOutcome(payment.id, status, reason, attempt)
        return PaymentOutcome(payment.id, PaymentStatus.UNKNOWN, Text(_NO_ANSWER), ATTEMPTS)

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

    def _open_payment(self, document_id: str, card: str) -> Payment:
        """The unfinished payment of this invoice, or a new one with a fresh key."""
        with self.database.writer() as session, session.begin():
            existing = session.scalar(
                select(Payment).where(
                    Payment.document_id == document_id,
                    Payment.status.in_((PaymentStatus.PENDING, PaymentStatus.UNKNOWN)),
                )
            )
            if existing is not None:
                session.expunge(existing)
                return existing
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
            return payment

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
