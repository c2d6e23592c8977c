"""The invoice and estimate read model: rows with their real sync state, filters, details."""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import event, update

from tests.conftest import Schedule
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.records import DeliveryState, DocumentKind, PaymentStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.document_views import (
    customer_choices,
    document_detail,
    document_rows,
    job_start,
)
from wb_desktop.core.store.models import Document, OutboxOp, OutboxState, Payment

LABOUR = {"description": "Labour", "quantity": "2", "unit_price": "650.00"}
PARTS = {"description": "Washer kit", "quantity": "3", "unit_price": "39.90", "vat_rate": "12"}


def make(cache: LocalCache, schedule: Schedule, kind: str = "invoice", who: int = 0, **kw) -> str:
    receipt = cache.changes.documents.create(
        kind, schedule.customer_ids[who], kw.pop("lines", [LABOUR]), **kw
    )
    return receipt.record_id


def accepted(cache: LocalCache, document_id: str, *, ops: OutboxState = OutboxState.DONE) -> None:
    """As after a push the server answered: version 1, synced, its ops in ``ops``."""
    with cache.database.writer() as db, db.begin():
        document = db.get(Document, document_id)
        document.version, document.sync_state = 1, SyncState.SYNCED
        db.execute(update(OutboxOp).where(OutboxOp.record_id == document_id).values(state=ops))


def pay(cache: LocalCache, clock: FixedClock, document_id: str, status: PaymentStatus) -> None:
    clock.advance(timedelta(minutes=1))
    with cache.database.writer() as db, db.begin():
        db.add(
            Payment(
                id=str(uuid.uuid4()),
                version=0,
                sync_state=SyncState.LOCAL_ONLY,
                created_at=clock.now(),
                updated_at=clock.now(),
                document_id=document_id,
                amount=Decimal("1625.00"),
                currency="SEK",
                status=status,
                idempotency_key=str(uuid.uuid4()),
                card_last4="4242",
                reason="card declined" if status is PaymentStatus.DECLINED else "",
            )
        )


def rows(cache: LocalCache, **filters) -> list:
    with cache.database.reader() as db:
        return document_rows(db, **filters)


def test_a_row_names_customer_job_total_and_its_states(
    cache: LocalCache, schedule: Schedule
) -> None:
    invoice = make(cache, schedule, job_id=schedule.job_ids[0], lines=[LABOUR, PARTS])

    (row,) = rows(cache)

    assert row.id == invoice and row.kind is DocumentKind.INVOICE
    assert row.reference.startswith("INV-")
    assert (row.customer_name, row.job_title) == ("Karin Lund", "Boiler service")
    assert (row.total, row.currency) == (Decimal("1759.06"), "SEK")  # 1625.00 + 134.06
    assert row.delivery_state is DeliveryState.DRAFT
    assert row.sync_state is SyncState.LOCAL_ONLY
    assert row.queued_at is None and row.sent_at is None and row.payment_status is None


def test_the_sync_state_counts_ops_still_waiting_for_the_document(
    cache: LocalCache, schedule: Schedule, clock: FixedClock
) -> None:
    synced = make(cache, schedule)
    accepted(cache, synced)
    waiting = make(cache, schedule)
    accepted(cache, waiting, ops=OutboxState.IN_FLIGHT)  # the row says synced; an op is out
    refused = make(cache, schedule)
    accepted(cache, refused, ops=OutboxState.DEAD)
    queued = make(cache, schedule)
    accepted(cache, queued)
    clock.advance(timedelta(minutes=5))
    cache.changes.documents.send(queued)

    states = {row.id: row.sync_state for row in rows(cache)}

    assert states == {
        synced: SyncState.SYNCED,
        waiting: SyncState.PENDING,
        refused: SyncState.FAILED,
        queued: SyncState.PENDING,
    }
    (sent_row,) = [row for row in rows(cache) if row.id == queued]
    assert sent_row.delivery_state is DeliveryState.QUEUED
    assert sent_row.queued_at == clock.now()


def test_filters_by_kind_customer_and_search_newest_first(
    cache: LocalCache, schedule: Schedule, clock: FixedClock
) -> None:
    karin_invoice = make(cache, schedule)
    clock.advance(timedelta(minutes=1))
    oliver_estimate = make(cache, schedule, "estimate", who=1)
    clock.advance(timedelta(minutes=1))
    oliver_invoice = make(cache, schedule, who=1)

    assert [r.id for r in rows(cache)] == [oliver_invoice, oliver_estimate, karin_invoice]
    assert [r.id for r in rows(cache, kind=DocumentKind.ESTIMATE)] == [oliver_estimate]
    assert [r.id for r in rows(cache, kind=DocumentKind.INVOICE)] == [oliver_invoice, karin_invoice]
    assert [r.id for r in rows(cache, customer_id=schedule.customer_ids[0])] == [karin_invoice]
    assert [r.id for r in rows(cache, search="  karin ")] == [karin_invoice]
    assert [r.id for r in rows(cache, search="est-")] == [oliver_estimate]
    assert {r.id for r in rows(cache, search="smith")} == {oliver_invoice, oliver_estimate}
    assert rows(cache, search="%") == [] and rows(cache, search="_") == []  # not wildcards


def test_a_paid_invoice_shows_paid_whatever_came_before(
    cache: LocalCache, schedule: Schedule, clock: FixedClock
) -> None:
    paid, declined, unsure = make(cache, schedule), make(cache, schedule), make(cache, schedule)
    pay(cache, clock, paid, PaymentStatus.DECLINED)
    pay(cache, clock, paid, PaymentStatus.APPROVED)
    pay(cache, clock, declined, PaymentStatus.DECLINED)
    pay(cache, clock, unsure, PaymentStatus.DECLINED)
    pay(cache, clock, unsure, PaymentStatus.UNKNOWN)

    statuses = {row.id: row.payment_status for row in rows(cache)}

    assert statuses == {
        paid: PaymentStatus.APPROVED,
        declined: PaymentStatus.DECLINED,
        unsure: PaymentStatus.UNKNOWN,
    }
    with cache.database.reader() as db:
        detail = document_detail(db, paid)
    assert [p.status for p in detail.payments] == [PaymentStatus.DECLINED, PaymentStatus.APPROVED]
    assert detail.approved_payment is not None and detail.approved_payment.card_last4 == "4242"


def test_the_list_is_one_query_however_many_documents(
    cache: LocalCache, schedule: Schedule, clock: FixedClock
) -> None:
    for n in range(30):
        document = make(cache, schedule, "estimate" if n % 3 else "invoice", who=n % 2)
        pay(cache, clock, document, PaymentStatus.DECLINED)
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    engine = cache.database.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        assert len(rows(cache)) == 30
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1


def test_the_detail_has_lines_vat_per_rate_and_both_ends_of_a_conversion(
    cache: LocalCache, schedule: Schedule
) -> None:
    estimate = make(cache, schedule, "estimate", job_id=schedule.job_ids[0], lines=[LABOUR, PARTS])
    invoice = cache.changes.documents.convert_to_invoice(estimate).record_id

    with cache.database.reader() as db:
        source, made = document_detail(db, estimate), document_detail(db, invoice)
        assert document_detail(db, "nope") is None

    assert [line.description for line in source.lines] == ["Labour", "Washer kit"]
    assert (source.subtotal, source.vat_total) == (Decimal("1419.70"), Decimal("339.36"))
    assert source.vat_by_rate == (
        (Decimal("25"), Decimal("325.00")),
        (Decimal("12"), Decimal("14.36")),
    )
    assert source.is_draft and source.approved_payment is None
    assert (source.converted_to_id, source.converted_from_reference) == (invoice, None)
    assert source.converted_to_reference == made.row.reference
    assert made.converted_from_reference == source.row.reference
    assert made.row.converted_from_id == estimate and made.converted_to_id is None


def test_a_job_starts_a_document_with_its_customer_and_line_items(
    cache: LocalCache, schedule: Schedule
) -> None:
    with cache.database.reader() as db:
        start = job_start(db, schedule.job_ids[1])
        assert job_start(db, "nope") is None
        choices = customer_choices(db)
    assert (start.customer_name, start.job_title) == ("Oliver Smith", "Leaking tap")
    assert start.customer_id == schedule.customer_ids[1]
    [line] = start.lines
    assert (line.description, line.quantity, line.unit_price) == (
        "Labour, per hour",
        Decimal(2),
        Decimal("650.00"),
    )
    assert [name for _id, name in choices] == ["Karin Lund", "Oliver Smith"]


@pytest.mark.parametrize("search", ["INV", "inv-", "Lund"])
def test_search_ignores_case_in_references_and_names(
    cache: LocalCache, schedule: Schedule, search: str
) -> None:
    invoice = make(cache, schedule)
    assert [r.id for r in rows(cache, search=search)] == [invoice]
