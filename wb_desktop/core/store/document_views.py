"""What the invoice and estimate views read: plain rows, so the views never hold ORM objects.

A document's sync state counts its waiting ops too: an invoice the server has, with a Send
still in the outbox, is "not synced" — the office does not yet have it as the technician
left it. The list is one query whatever the number of documents (the grouped outbox and
payment states are joined, never looked up per row).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import ColumnElement, Select, Subquery, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from wb_desktop.core.domain.money import LineInput
from wb_desktop.core.domain.records import DeliveryState, DocumentKind, PaymentStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.conflict_history import (
    ConflictHistoryRow,
    Settlement,
    record_conflict_notes,
)
from wb_desktop.core.store.models import (
    Customer,
    Document,
    DocumentLine,
    Job,
    JobLineItem,
    OutboxOp,
    OutboxState,
    Payment,
)
from wb_desktop.core.store.outbox import UNFINISHED

# Which payment state a document shows when it has several attempts: a paid invoice is paid.
_PAYMENT_RANK = {
    PaymentStatus.DECLINED: 1,
    PaymentStatus.PENDING: 2,
    PaymentStatus.UNKNOWN: 3,
    PaymentStatus.APPROVED: 4,
}
_RANK_PAYMENT = {rank: status for status, rank in _PAYMENT_RANK.items()}


@dataclass(frozen=True, slots=True)
class DocumentRow:
    id: str
    kind: DocumentKind
    reference: str
    customer_id: str
    customer_name: str
    job_id: str | None
    job_title: str | None
    total: Decimal
    currency: str
    delivery_state: DeliveryState
    sync_state: SyncState  # the record's state, made worse by ops still waiting for it
    created_at: datetime
    queued_at: datetime | None
    sent_at: datetime | None
    payment_status: PaymentStatus | None  # None: no card payment was tried
    converted_from_id: str | None


@dataclass(frozen=True, slots=True)
class DocumentLineRow:
    description: str
    quantity: Decimal
    unit_price: Decimal
    vat_rate: Decimal
    net: Decimal
    vat: Decimal
    total: Decimal


@dataclass(frozen=True, slots=True)
class PaymentRow:
    payment_id: str
    status: PaymentStatus
    amount: Decimal
    currency: str
    card_last4: str
    reason: str
    created_at: datetime
    processed_at: datetime | None


@dataclass(frozen=True)
class DocumentDetail:
    row: DocumentRow
    customer_email: str
    notes: str
    subtotal: Decimal
    vat_total: Decimal
    vat_by_rate: tuple[tuple[Decimal, Decimal], ...]  # (rate, VAT), highest rate first
    lines: tuple[DocumentLineRow, ...]
    payments: tuple[PaymentRow, ...]  # oldest first
    sync_error: str | None
    converted_from_reference: str | None
    converted_to_id: str | None  # the invoice this estimate became, if it did
    converted_to_reference: str | None
    # The latest change replaced on each field by one from another of the technician's
    # devices (policy last_write): the quiet note on the document's page.
    settled: tuple[ConflictHistoryRow, ...] = ()

    @property
    def is_draft(self) -> bool:
        return self.row.delivery_state is DeliveryState.DRAFT

    @property
    def approved_payment(self) -> PaymentRow | None:
        return next((p for p in self.payments if p.status is PaymentStatus.APPROVED), None)


@dataclass(frozen=True)
class JobStart:
    """What a new document made from a job starts with: its customer and its line items."""

    job_id: str
    job_title: str
    customer_id: str
    customer_name: str
    lines: tuple[LineInput, ...]


def _waiting_ops() -> Select:  # type: ignore[type-arg]
    """Per document with unfinished ops: whether one of them is dead (refused for good)."""
    dead = func.max(case((OutboxOp.state == OutboxState.DEAD.value, 1), else_=0))
    return (
        select(OutboxOp.record_id.label("document_id"), dead.label("dead"))
        .where(OutboxOp.record_type == "document", OutboxOp.state.in_(UNFINISHED))
        .group_by(OutboxOp.record_id)
    )


def payment_ranks() -> Select:  # type: ignore[type-arg]
    """Each document's most telling payment attempt as a rank; see :func:`ranked_payment`."""
    rank = case(
        *((Payment.status == status.value, value) for status, value in _PAYMENT_RANK.items()),
        else_=0,
    )
    return select(Payment.document_id.label("document_id"), func.max(rank).label("rank")).group_by(
        Payment.document_id
    )


def ranked_payment(rank: int | None) -> PaymentStatus | None:
    """The payment state a rank from :func:`payment_ranks` stands for; None: never tried."""
    return _RANK_PAYMENT.get(rank) if rank else None


def _effective_state() -> tuple[Subquery, ColumnElement[str]]:
    """Failed and conflict stay as they are; a dead op shows as refused; any other waiting op
    means the office does not have the document as it is here."""
    waiting = _waiting_ops().subquery("waiting")
    return waiting, case(
        (
            Document.sync_state.in_((SyncState.FAILED.value, SyncState.CONFLICT.value)),
            Document.sync_state,
        ),
        (waiting.c.dead == 1, literal(SyncState.FAILED.value)),
        (
            waiting.c.document_id.is_not(None),
            case(
                (Document.version == 0, literal(SyncState.LOCAL_ONLY.value)),
                else_=literal(SyncState.PENDING.value),
            ),
        ),
        else_=Document.sync_state,
    )


def _rows_query() -> Select:  # type: ignore[type-arg]
    waiting, state = _effective_state()
    payments = payment_ranks().subquery("payments")
    return (
        select(
            Document.id,
            Document.kind,
            Document.reference,
            Document.customer_id,
            Customer.name,
            Document.job_id,
            Job.title,
            Document.total,
            Document.currency,
            Document.delivery_state,
            state,
            Document.created_at,
            Document.queued_at,
            Document.sent_at,
            payments.c.rank,
            Document.converted_from_id,
        )
        .join(Customer, Customer.id == Document.customer_id)
        .outerjoin(Job, Job.id == Document.job_id)
        .outerjoin(waiting, waiting.c.document_id == Document.id)
        .outerjoin(payments, payments.c.document_id == Document.id)
    )


def _row(values: tuple) -> DocumentRow:  # type: ignore[type-arg]
    (
        document_id,
        kind,
        reference,
        customer_id,
        customer_name,
        job_id,
        job_title,
        total,
        currency,
        delivery,
        state,
        created_at,
        queued_at,
        sent_at,
        payment_rank,
        converted_from_id,
    ) = values
    return DocumentRow(
        document_id,
        kind,
        reference,
        customer_id,
        customer_name,
        job_id,
        job_title,
        total,
        currency,
        delivery,
        SyncState(state),
        created_at,
        queued_at,
        sent_at,
        ranked_payment(payment_rank),
        converted_from_id,
    )


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def document_rows(
    session: Session,
    *,
    kind: DocumentKind | None = None,
    customer_id: str | None = None,
    search: str = "",
) -> list[DocumentRow]:
    """Documents newest first, optionally one kind, one customer, or matching ``search`` in the
    customer's name or the reference (case-insensitive)."""
    query = _rows_query()
    if kind is not None:
        query = query.where(Document.kind == DocumentKind(kind).value)
    if customer_id is not None:
        query = query.where(Document.customer_id == customer_id)
    wanted = search.strip()
    if wanted:
        pattern = _like(wanted.lower())
        query = query.where(
            or_(
                func.lower(Customer.name).like(pattern, escape="\\"),
                func.lower(Document.reference).like(pattern, escape="\\"),
            )
        )
    query = query.order_by(Document.created_at.desc(), Document.reference.desc())
    return [_row(tuple(values)) for values in session.execute(query)]


def document_detail(session: Session, document_id: str) -> DocumentDetail | None:
    """Everything the editor shows about one document, or None when it is not in the cache."""
    found = session.execute(_rows_query().where(Document.id == document_id)).first()
    if found is None:
        return None
    row = _row(tuple(found))
    document = session.get(Document, document_id)
    assert document is not None
    customer = session.get(Customer, document.customer_id)
    lines = tuple(
        DocumentLineRow(
            line.description,
            line.quantity,
            line.unit_price,
            line.vat_rate,
            line.net,
            line.vat,
            line.total,
        )
        for line in session.scalars(
            select(DocumentLine)
            .where(DocumentLine.document_id == document_id)
            .order_by(DocumentLine.position)
        )
    )
    vat_by_rate: dict[Decimal, Decimal] = {}
    for line in lines:
        vat_by_rate[line.vat_rate] = vat_by_rate.get(line.vat_rate, Decimal(0)) + line.vat
    payments = tuple(
        PaymentRow(
            p.id,
            p.status,
            p.amount,
            p.currency,
            p.card_last4,
            p.reason,
            p.created_at,
            p.processed_at,
        )
        for p in session.scalars(
            select(Payment)
            .where(Payment.document_id == document_id)
            .order_by(Payment.created_at, Payment.id)
        )
    )
    source = aliased(Document)
    source_reference = (
        session.scalar(select(source.reference).where(source.id == document.converted_from_id))
        if document.converted_from_id
        else None
    )
    converted = converted_invoice(session, document_id)
    return DocumentDetail(
        row=row,
        customer_email=customer.email if customer else "",
        notes=document.notes,
        subtotal=document.subtotal,
        vat_total=document.vat_total,
        vat_by_rate=tuple(sorted(vat_by_rate.items(), reverse=True)),
        lines=lines,
        payments=payments,
        sync_error=document.sync_error,
        converted_from_reference=source_reference,
        converted_to_id=converted[0] if converted else None,
        converted_to_reference=converted[1] if converted else None,
        settled=tuple(
            note
            for note in record_conflict_notes(session, "document", document_id)
            if note.settlement is Settlement.POLICY
        ),
    )


def converted_invoice(session: Session, estimate_id: str) -> tuple[str, str] | None:
    """The (id, reference) of the invoice made from this estimate, if there is one."""
    found = session.execute(
        select(Document.id, Document.reference)
        .where(
            and_(
                Document.converted_from_id == estimate_id,
                Document.kind == DocumentKind.INVOICE.value,
            )
        )
        .order_by(Document.created_at)
        .limit(1)
    ).first()
    return (found[0], found[1]) if found else None


def job_start(session: Session, job_id: str) -> JobStart | None:
    """A job's customer and line items, to start an invoice or estimate from."""
    found = session.execute(
        select(Job.title, Job.customer_id, Customer.name)
        .join(Customer, Customer.id == Job.customer_id)
        .where(Job.id == job_id)
    ).first()
    if found is None:
        return None
    title, customer_id, customer_name = found
    lines = tuple(
        LineInput(item.description, item.quantity, item.unit_price, item.vat_rate)
        for item in session.scalars(
            select(JobLineItem).where(JobLineItem.job_id == job_id).order_by(JobLineItem.position)
        )
    )
    return JobStart(job_id, title, customer_id, customer_name, lines)


def customer_choices(session: Session) -> list[tuple[str, str]]:
    """(id, name) of every cached customer by name, for picking who a new document is for."""
    query = select(Customer.id, Customer.name).order_by(func.lower(Customer.name), Customer.id)
    return [(customer_id, name) for customer_id, name in session.execute(query)]
