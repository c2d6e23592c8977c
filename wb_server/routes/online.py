"""Online-only actions: card payments (idempotent) and GPS pings.

Test cards, so QA can stage every ending of a payment:

| card number | what happens |
|---|---|
| 4242 4242 4242 4242 | approved |
| 4000 0000 0000 0002 | declined |
| 4000 0000 0000 0119 | charged, then the reply is held back past the client's timeout |

Any other number is declined as unknown. A retry with the same idempotency key gets the
first attempt's result and is never charged again; ``GET /v1/payments/{key}`` answers that
result without sending the card again (404 when nothing was recorded under the key).
"""

from __future__ import annotations

import asyncio
import re
import uuid

from fastapi import APIRouter
from sqlalchemy import func, select

from wb_desktop.core.protocol import routes
from wb_desktop.core.protocol.locations import PingRefused, PingsIn, PingsOut
from wb_desktop.core.protocol.payments import PaymentIn, PaymentOut
from wb_server.context import Context, Me
from wb_server.errors import Problem, not_found, problem
from wb_server.models import Document, Job, LocationPing, Payment

router = APIRouter(tags=["online"])
APPROVE, DECLINE, TIMEOUT_AFTER_CHARGE = "4242424242424242", "4000000000000002", "4000000000000119"


def card_digits(number: str) -> str:
    """Card numbers are typed with spaces or dashes; the test cards are matched on digits."""
    return re.sub(r"[ -]", "", number)


def _out(payment: Payment) -> PaymentOut:
    return PaymentOut(
        id=payment.id,
        idempotency_key=payment.idempotency_key,
        document_id=payment.document_id,
        amount=payment.amount,
        currency=payment.currency,
        status=payment.status,  # type: ignore[arg-type]  # approved or declined, as stored
        card_last4=payment.card_last4,
        reason=payment.reason,
    )


def _charge(body: PaymentIn, technician_id: str, context: Context) -> tuple[PaymentOut, bool]:
    """Record the charge once; returns the result and whether this call made it."""
    card = card_digits(body.card_number)
    with context.writer() as session, session.begin():
        # The invoice is locked first: two charges of one invoice (same key or not) take
        # turns, so the second sees the first's payment and never charges twice.
        session.get(Document, body.document_id, with_for_update=True)
        existing = session.get(Payment, body.idempotency_key)
        # another technician's key is answered as a new key would be, never with their payment
        if existing is not None and existing.technician_id == technician_id:
            if (existing.document_id, existing.amount) != (body.document_id, body.amount):
                raise Problem(
                    409, "key_reused", "this idempotency key was used for another payment"
                )
            return _out(existing), False
        document = session.get(Document, body.document_id)
        if document is None or document.technician_id != technician_id:
            raise not_found(f"invoice {body.document_id} (sync it before taking payment)")
        if existing is not None:
            raise Problem(409, "key_reused", "this idempotency key was used for another payment")
        if document.kind != "invoice" or body.currency.upper() != document.currency:
            raise Problem(422, "invalid_request", "payments are for invoices, in their currency")
        paid = session.scalar(
            select(func.count()).where(
                Payment.document_id == document.id, Payment.status == "approved"
            )
        )
        if paid:
            raise Problem(409, "already_paid", f"{document.reference} is already paid")
        if body.amount != document.total:
            raise Problem(
                422, "invalid_request", f"the amount must be the invoice total {document.total}"
            )
        approved = card in (APPROVE, TIMEOUT_AFTER_CHARGE)
        reason = "" if approved else ("card declined" if card == DECLINE else "unknown card")
        payment = Payment(
            idempotency_key=body.idempotency_key,
            id=str(uuid.uuid4()),
            document_id=document.id,
            technician_id=technician_id,
            amount=body.amount,
            currency=document.currency,
            status="approved" if approved else "declined",
            card_last4=card[-4:],
            reason=reason,
            created_at=context.clock.now(),
        )
        session.add(payment)
        return _out(payment), True


@router.post(
    routes.PAYMENTS,
    response_model=PaymentOut,
    responses={
        404: problem("not_found: no such invoice of yours on the server (sync it first)"),
        409: problem(
            "key_reused: the idempotency key was used for another payment; "
            "already_paid: the invoice is paid"
        ),
        422: problem("invalid_request: not an invoice, not its currency, or not its total amount"),
    },
)
async def pay(body: PaymentIn, me: Me, context: Context) -> PaymentOut:
    result, charged_now = await asyncio.to_thread(_charge, body, me.id, context)
    if charged_now and card_digits(body.card_number) == TIMEOUT_AFTER_CHARGE:
        await asyncio.sleep(context.config.payment_timeout_delay_s)
    return result


def _recorded(idempotency_key: str, technician_id: str, context: Context) -> PaymentOut:
    with context.reader() as session:
        payment = session.get(Payment, idempotency_key)
        # another technician's key is answered as an unknown one, never with their payment
        if payment is None or payment.technician_id != technician_id:
            raise not_found(f"payment {idempotency_key}")
        return _out(payment)


@router.get(
    routes.PAYMENT,
    response_model=PaymentOut,
    responses={404: problem("not_found: nothing was charged with this key (safe to send it)")},
)
def payment_outcome(idempotency_key: str, me: Me, context: Context) -> PaymentOut:
    """The outcome of the charge sent with this key: the client asks before a retry."""
    return _recorded(idempotency_key, me.id, context)


@router.post(routes.LOCATIONS, response_model=PingsOut, response_model_exclude_none=True)
def locations(body: PingsIn, me: Me, context: Context) -> PingsOut:
    """Idempotent by ping id: a resent batch stores nothing twice.

    A ping is refused on its own, never the batch (a batch refused as a whole would be sent
    again forever): one naming a job that is not the technician's (another's, or one the
    office has since reassigned), or reusing the id of another technician's ping. A ping
    already stored for this technician is ``already_had``, whatever its job is now."""
    stored, had, refused = 0, 0, list[PingRefused]()
    with context.writer() as session, session.begin():
        ids = {ping.id for ping in body.pings}
        owners = dict(
            session.execute(
                select(LocationPing.id, LocationPing.technician_id).where(LocationPing.id.in_(ids))
            ).all()
        )
        named = {ping.job_id for ping in body.pings if ping.job_id is not None}
        own_jobs = set(
            session.scalars(select(Job.id).where(Job.id.in_(named), Job.technician_id == me.id))
        )
        for ping in body.pings:
            if ping.id in owners:
                if owners[ping.id] == me.id:
                    had += 1
                else:
                    refused.append(
                        PingRefused(
                            id=ping.id,
                            error="id_in_use",
                            detail=f"ping id {ping.id} is already in use; give the ping a new id",
                        )
                    )
                continue
            if ping.job_id is not None and ping.job_id not in own_jobs:
                refused.append(PingRefused(id=ping.id, **not_found(f"job {ping.job_id}").body()))
                continue
            session.add(LocationPing(**ping.model_dump(), technician_id=me.id))
            owners[ping.id] = me.id
            stored += 1
    return PingsOut(stored=stored, already_had=had, refused=refused or None)
