"""What the customers screen reads: plain rows, so the views never hold ORM objects.

A customer's list row carries the counts the technician scans for (jobs, documents not
sent yet) and where the customer stands with the office (its sync state and the changes
still waiting in the outbox), all from one grouped query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from wb_desktop.core.domain.records import (
    OFFICE_OWNED_CUSTOMER_FIELDS,
    DeliveryState,
    DocumentKind,
    PaymentStatus,
)
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.conflict_history import (
    ConflictHistoryRow,
    Settlement,
    record_conflict_notes,
)
from wb_desktop.core.store.document_views import payment_ranks, ranked_payment
from wb_desktop.core.store.models import (
    ConflictRecord,
    Customer,
    Document,
    Job,
    OutboxOp,
    OutboxState,
)

CUSTOMER_RECORD = "customer"
# Ops the server has not answered yet; a dead op shows as the customer's "failed" state.
WAITING_OP_STATES = (OutboxState.QUEUED, OutboxState.IN_FLIGHT)
_SEARCHED_FIELDS = ("name", "address", "phone")
_PHONE_CHARACTERS = frozenset("0123456789+-()")


@dataclass(frozen=True)
class CustomerRow:
    """One customer in the list; ``open_documents`` counts invoices and estimates not yet
    sent (drafts and those queued to send), the ones the technician may still act on."""

    customer_id: str
    name: str
    address: str
    phone: str
    email: str
    job_count: int
    open_documents: int
    sync_state: SyncState
    waiting_ops: int

    @property
    def waiting(self) -> bool:
        """Whether the office has not got this customer as the technician left it."""
        unsynced = self.sync_state in (SyncState.LOCAL_ONLY, SyncState.PENDING)
        return unsynced or self.waiting_ops > 0


@dataclass(frozen=True)
class CustomerJobRow:
    job_id: str
    title: str
    start: datetime
    status: JobStatus
    sync_state: SyncState


@dataclass(frozen=True)
class CustomerDocumentRow:
    document_id: str
    reference: str
    kind: DocumentKind
    total: Decimal
    currency: str
    delivery_state: DeliveryState
    sync_state: SyncState
    created_at: datetime
    payment_status: PaymentStatus | None = None  # None: no card payment was tried


@dataclass(frozen=True)
class ConflictNote:
    """A field the office and the technician both changed, and whose value was kept."""

    field: str
    local_value: Any
    server_value: Any
    winner: str  # "server" or "client"
    detected_at: datetime


@dataclass(frozen=True)
class CustomerDetail:
    row: CustomerRow
    notes: str
    sync_error: str | None
    jobs: list[CustomerJobRow]
    documents: list[CustomerDocumentRow]
    conflicts: list[ConflictNote]
    office_owned: frozenset[str] = OFFICE_OWNED_CUSTOMER_FIELDS
    # Conflicts already settled (by the server's policy or by a person), latest per field:
    # the quiet note of what was replaced.
    settled: tuple[ConflictHistoryRow, ...] = ()


def _rows_query() -> Select:  # type: ignore[type-arg]
    jobs = (
        select(Job.customer_id.label("customer_id"), func.count().label("n"))
        .group_by(Job.customer_id)
        .subquery()
    )
    open_documents = (
        select(Document.customer_id.label("customer_id"), func.count().label("n"))
        .where(Document.delivery_state != DeliveryState.SENT)
        .group_by(Document.customer_id)
        .subquery()
    )
    waiting = (
        select(OutboxOp.record_id.label("record_id"), func.count().label("n"))
        .where(OutboxOp.record_type == CUSTOMER_RECORD, OutboxOp.state.in_(WAITING_OP_STATES))
        .group_by(OutboxOp.record_id)
        .subquery()
    )
    return (
        select(
            Customer.id,
            Customer.name,
            Customer.address,
            Customer.phone,
            Customer.email,
            func.coalesce(jobs.c.n, 0),
            func.coalesce(open_documents.c.n, 0),
            Customer.sync_state,
            func.coalesce(waiting.c.n, 0),
        )
        .outerjoin(jobs, jobs.c.customer_id == Customer.id)
        .outerjoin(open_documents, open_documents.c.customer_id == Customer.id)
        .outerjoin(waiting, waiting.c.record_id == Customer.id)
        .order_by(func.lower(Customer.name), Customer.id)
    )


def _row(values: Any) -> CustomerRow:
    customer_id, name, address, phone, email, jobs, documents, state, waiting = values
    return CustomerRow(
        customer_id=customer_id,
        name=name,
        address=address or "",
        phone=phone or "",
        email=email or "",
        job_count=int(jobs),
        open_documents=int(documents),
        sync_state=SyncState(state),
        waiting_ops=int(waiting),
    )


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def matches_search(row: CustomerRow, search: str) -> bool:
    """Every word of ``search`` is in the name, the address or the phone number.

    Matching is done here, not with SQL ``LIKE``, because SQLite folds case for ASCII only:
    "östberg" must find "Östberg". Phone numbers also match on digits alone, so "0701234"
    finds "070-123 45 67".
    """
    words = search.casefold().split()
    if not words:
        return True
    haystack = " ".join(getattr(row, name) for name in _SEARCHED_FIELDS).casefold()
    phone_digits = _digits(row.phone)
    for word in words:
        digits = _digits(word)
        number_like = bool(digits) and all(c in _PHONE_CHARACTERS for c in word)
        in_phone = number_like and digits in phone_digits
        if word not in haystack and not in_phone:
            return False
    return True


def customer_rows(session: Session, search: str = "") -> list[CustomerRow]:
    """Every cached customer by name, narrowed to those matching ``search``; one query."""
    rows = [_row(values) for values in session.execute(_rows_query())]
    return [row for row in rows if matches_search(row, search)] if search.strip() else rows


def customer_detail(session: Session, customer_id: str) -> CustomerDetail | None:
    """One customer with their jobs (newest first) and documents, or None when the
    customer is no longer in the cache."""
    found = session.execute(_rows_query().where(Customer.id == customer_id)).first()
    if found is None:
        return None
    notes, sync_error = session.execute(
        select(Customer.notes, Customer.sync_error).where(Customer.id == customer_id)
    ).one()
    jobs = [
        CustomerJobRow(job_id, title, start, JobStatus(status), SyncState(state))
        for job_id, title, start, status, state in session.execute(
            select(Job.id, Job.title, Job.scheduled_start, Job.status, Job.sync_state)
            .where(Job.customer_id == customer_id)
            .order_by(Job.scheduled_start.desc(), Job.id)
        )
    ]
    payments = payment_ranks().subquery("payments")
    documents = [
        CustomerDocumentRow(
            document_id=values[0],
            reference=values[1],
            kind=DocumentKind(values[2]),
            total=values[3],
            currency=values[4],
            delivery_state=DeliveryState(values[5]),
            sync_state=SyncState(values[6]),
            created_at=values[7],
            payment_status=ranked_payment(values[8]),
        )
        for values in session.execute(
            select(
                Document.id,
                Document.reference,
                Document.kind,
                Document.total,
                Document.currency,
                Document.delivery_state,
                Document.sync_state,
                Document.created_at,
                payments.c.rank,
            )
            .outerjoin(payments, payments.c.document_id == Document.id)
            .where(Document.customer_id == customer_id)
            .order_by(Document.created_at.desc(), Document.reference)
        )
    ]
    conflicts = [
        ConflictNote(field, local, server, winner, detected)
        for field, local, server, winner, detected in session.execute(
            select(
                ConflictRecord.field,
                ConflictRecord.local_value,
                ConflictRecord.server_value,
                ConflictRecord.winner,
                ConflictRecord.detected_at,
            )
            .where(
                ConflictRecord.record_type == CUSTOMER_RECORD,
                ConflictRecord.record_id == customer_id,
                ConflictRecord.resolved_at.is_(None),
            )
            .order_by(ConflictRecord.detected_at, ConflictRecord.id)
        )
    ]
    return CustomerDetail(
        row=_row(found),
        notes=notes or "",
        sync_error=sync_error,
        jobs=jobs,
        documents=documents,
        conflicts=conflicts,
        settled=tuple(
            note
            for note in record_conflict_notes(session, CUSTOMER_RECORD, customer_id)
            if note.settlement is not Settlement.OPEN
        ),
    )
