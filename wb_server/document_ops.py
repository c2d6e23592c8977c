"""Pushed ops on invoices and estimates: create and edit drafts, and send them to the office.

Totals are recomputed with the same domain rules as the app; a client whose totals differ is
refused rather than trusted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from wb_desktop.core.domain.money import LineInput, price_document
from wb_desktop.core.protocol.kinds import OpKind, RecordType
from wb_desktop.core.protocol.ops import DocumentContent, DocumentCreate, DocumentUpdate
from wb_server.feed import customer_audience
from wb_server.models import Customer, Document, OfficeDelivery
from wb_server.ops import (
    OpContext,
    Outcome,
    RejectedOpError,
    body,
    bump,
    log_last_write,
    new_id,
    own_job,
    stamp,
    validated,
)


def _priced(content: DocumentContent) -> dict[str, Any]:
    inputs = [
        LineInput(line.description, line.quantity, line.unit_price, line.vat_rate)
        for line in content.lines
    ]
    totals = validated(lambda: price_document(inputs, content.currency))
    if str(totals.total) != str(content.total):
        raise RejectedOpError(
            f"the total {content.total} does not match the lines ({totals.total})"
        )
    return {
        "currency": totals.currency,
        "subtotal": totals.subtotal,
        "vat_total": totals.vat_total,
        "total": totals.total,
        "lines": [
            {k: str(v) if not isinstance(v, str) else v for k, v in vars(line).items()}
            for line in totals.lines
        ],
    }


def document_create(ctx: OpContext) -> Outcome:
    new_id(ctx, Document)
    created = body(ctx, DocumentCreate)
    customer_id = created.customer_id
    customer = ctx.find(Customer, customer_id)
    if customer is None or ctx.technician_id not in customer_audience(ctx.session, customer_id):
        raise RejectedOpError(f"customer {customer_id} does not exist or is not yours")
    job_id = created.job_id
    if job_id is not None and own_job(ctx, job_id).customer_id != customer_id:
        raise RejectedOpError("the job belongs to another customer")
    kind = created.kind
    if kind not in ("invoice", "estimate"):
        raise RejectedOpError("payload.kind must be invoice or estimate")
    converted_from_id = _estimate_to_convert(ctx, kind, customer_id, created.converted_from_id)
    document = Document(
        **stamp(ctx),
        technician_id=ctx.technician_id,
        kind=kind,
        reference=created.reference[:40],
        job_id=job_id,
        customer_id=customer_id,
        notes=(created.notes or "")[:5000],
        delivery_state="draft",
        converted_from_id=converted_from_id,
        **_priced(created),
    )
    return ctx.create(RecordType.DOCUMENT, document, [ctx.technician_id])


def _estimate_to_convert(
    ctx: OpContext, kind: str, customer_id: str, estimate_id: str | None
) -> str | None:
    """The estimate an invoice is made from: the technician's own, for the same customer,
    and not made into an invoice before (on this tablet or another)."""
    if estimate_id is None:
        return None
    if kind != "invoice":
        raise RejectedOpError("only an invoice can be made from an estimate")
    estimate = ctx.find(Document, estimate_id)
    if estimate is None or estimate.technician_id != ctx.technician_id:
        raise RejectedOpError(f"estimate {estimate_id} does not exist or is not yours")
    if estimate.kind != "estimate" or estimate.customer_id != customer_id:
        raise RejectedOpError(f"{estimate.reference} is not an estimate for this customer")
    earlier = ctx.session.scalar(
        select(Document.reference).where(Document.converted_from_id == estimate_id)
    )
    if earlier is not None:
        raise RejectedOpError(f"{estimate.reference} was already made into invoice {earlier}")
    return str(estimate_id)


def _own_document(ctx: OpContext) -> Document:
    document = ctx.find(Document, ctx.op.record_id)
    if document is None or document.technician_id != ctx.technician_id:
        raise RejectedOpError(f"document {ctx.op.record_id} does not exist or is not yours")
    return document


def document_update(ctx: OpContext) -> Outcome:
    document = _own_document(ctx)
    if document.delivery_state != "draft":
        raise RejectedOpError(f"{document.reference} was already sent and can no longer change")
    edited = body(ctx, DocumentUpdate)
    values = {**_priced(edited), "notes": (edited.notes or "")[:5000]}
    log_last_write(ctx, RecordType.DOCUMENT, document, values)
    return bump(ctx, RecordType.DOCUMENT, document, values, [ctx.technician_id])


def document_send(ctx: OpContext) -> Outcome:
    """Sending twice sends once: a document already sent is answered as applied, unchanged."""
    document = _own_document(ctx)
    if document.delivery_state == "sent":
        return Outcome("applied", document)
    customer = ctx.find(Customer, document.customer_id)
    ctx.session.add(
        OfficeDelivery(
            id=ctx.op.op_id,
            document_id=document.id,
            recipient=customer.email if customer else "",
            queued_at=ctx.now,
        )
    )
    values = {"delivery_state": "sent", "sent_at": ctx.now}
    return bump(ctx, RecordType.DOCUMENT, document, values, [ctx.technician_id])


HANDLERS: dict[OpKind, Callable[[OpContext], Outcome]] = {
    OpKind.DOCUMENT_CREATE: document_create,
    OpKind.DOCUMENT_UPDATE: document_update,
    OpKind.DOCUMENT_SEND: document_send,
}
