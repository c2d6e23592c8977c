"""The customers screen's read side, against a real cache written through the write path."""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import event

from tests.unit.test_document_views import pay
from wb_desktop.core.domain.errors import ValidationError
from wb_desktop.core.domain.records import DeliveryState, DocumentKind, PaymentStatus
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.customer_views import (
    CustomerRow,
    customer_detail,
    customer_rows,
    matches_search,
)
from wb_desktop.core.store.models import ConflictRecord, Customer, Document, OutboxOp, OutboxState
from wb_desktop.core.store.seed import add_server_customer, add_server_job

LINE = {"description": "Labour", "quantity": "2", "unit_price": "650", "vat_rate": "25"}


def read(cache, query):
    with cache.database.reader() as session:
        return query(session)


def by_name(rows: list[CustomerRow]) -> dict[str, CustomerRow]:
    return {row.name: row for row in rows}


def test_rows_carry_contact_counts_and_sync_state(cache, schedule) -> None:
    karin = schedule.customer_ids[0]
    documents = cache.changes.documents
    draft = documents.create("invoice", karin, [LINE], job_id=schedule.job_ids[0])
    sent = documents.create("estimate", karin, [LINE])
    documents.send(sent.record_id)

    rows = by_name(read(cache, customer_rows))

    assert list(rows) == ["Karin Lund", "Oliver Smith"]
    assert rows["Karin Lund"].address == "Storgatan 1, Uppsala"
    assert rows["Karin Lund"].job_count == 1
    assert rows["Karin Lund"].open_documents == 2  # a draft and one queued to send
    assert rows["Oliver Smith"].open_documents == 0
    assert rows["Oliver Smith"].sync_state is SyncState.SYNCED
    assert not rows["Oliver Smith"].waiting
    assert draft.changed


def test_a_sent_document_is_no_longer_open(cache, schedule) -> None:
    karin = schedule.customer_ids[0]
    receipt = cache.changes.documents.create("invoice", karin, [LINE])
    with cache.database.writer() as session, session.begin():
        session.get(Document, receipt.record_id).delivery_state = DeliveryState.SENT

    assert by_name(read(cache, customer_rows))["Karin Lund"].open_documents == 0


def test_an_offline_edit_is_waiting_with_its_op_and_a_new_customer_is_local_only(
    cache, schedule
) -> None:
    karin = schedule.customer_ids[0]
    cache.changes.customers.edit(karin, {"phone": "070-123 45 67"})
    cache.changes.customers.edit(karin, {"notes": "Dog in the garden"})
    cache.changes.customers.create({"name": "Åsa Östberg", "address": "Kvarngatan 3, Lund"})

    rows = by_name(read(cache, customer_rows))

    assert rows["Karin Lund"].sync_state is SyncState.PENDING
    assert rows["Karin Lund"].waiting_ops == 2
    assert rows["Karin Lund"].waiting
    assert rows["Åsa Östberg"].sync_state is SyncState.LOCAL_ONLY
    assert rows["Åsa Östberg"].waiting_ops == 1

    with cache.database.writer() as session, session.begin():
        for op in session.query(OutboxOp).filter(OutboxOp.record_id == karin):
            op.state = OutboxState.DONE
        session.get(Customer, karin).sync_state = SyncState.SYNCED
    assert not by_name(read(cache, customer_rows))["Karin Lund"].waiting


def test_an_empty_name_is_refused_and_nothing_changes(cache, schedule) -> None:
    karin = schedule.customer_ids[0]
    with pytest.raises(ValidationError) as refused:
        cache.changes.customers.edit(karin, {"name": "   ", "phone": "0701"})
    assert "name" in refused.value.fields

    row = by_name(read(cache, customer_rows))["Karin Lund"]
    assert row.sync_state is SyncState.SYNCED
    assert row.waiting_ops == 0


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("", ["Karin Lund", "Oliver Smith", "Åsa Östberg"]),
        ("karin", ["Karin Lund"]),
        ("ÖSTBERG", ["Åsa Östberg"]),  # SQLite's LIKE would miss this
        ("uppsala", ["Karin Lund"]),
        ("high st", ["Oliver Smith"]),
        ("0701234567", ["Åsa Östberg"]),  # digits alone find a formatted number
        ("070-123", ["Åsa Östberg"]),
        ("lund 070", ["Åsa Östberg"]),  # every word must match (Kvarngatan 3, Lund)
        ("nobody", []),
    ],
)
def test_search_by_name_address_or_phone(cache, schedule, search, expected) -> None:
    cache.changes.customers.create(
        {"name": "Åsa Östberg", "address": "Kvarngatan 3, Lund", "phone": "070-123 45 67"}
    )

    found = read(cache, lambda s: customer_rows(s, search))

    assert sorted(row.name for row in found) == expected


def test_matches_search_is_not_fooled_by_email_or_notes() -> None:
    row = CustomerRow(
        "id", "Karin", "Storgatan 1", "", "karin@example.se", 0, 0, SyncState.SYNCED, 0
    )
    assert matches_search(row, "stor")
    assert not matches_search(row, "example")
    assert not matches_search(row, "123")  # no phone: digits match nothing


def test_detail_lists_jobs_documents_and_conflicts(cache, clock, schedule) -> None:
    karin = schedule.customer_ids[0]
    now = clock.now()
    with cache.database.writer() as session, session.begin():
        customer = session.get(Customer, karin)
        add_server_job(
            session,
            now,
            customer,
            "Old repair",
            now - timedelta(days=30),
            status=JobStatus.COMPLETE,
        )
        session.add(
            ConflictRecord(
                record_type="customer",
                record_id=karin,
                field="address",
                local_value="Storgatan 2, Uppsala",
                server_value="Storgatan 1, Uppsala",
                winner="server",
                detected_at=now,
            )
        )
    invoice = cache.changes.documents.create("invoice", karin, [LINE])

    detail = read(cache, lambda s: customer_detail(s, karin))

    assert detail is not None
    assert detail.row.name == "Karin Lund"
    assert [job.title for job in detail.jobs] == ["Boiler service", "Old repair"]  # newest first
    assert detail.jobs[1].status is JobStatus.COMPLETE
    [document] = detail.documents
    assert document.document_id == invoice.record_id
    assert document.kind is DocumentKind.INVOICE
    assert document.total == Decimal("1625.00")
    assert document.delivery_state is DeliveryState.DRAFT
    assert document.sync_state is SyncState.LOCAL_ONLY
    assert document.reference.startswith("INV-")
    [conflict] = detail.conflicts
    assert (conflict.field, conflict.winner) == ("address", "server")
    assert "address" in detail.office_owned


def test_detail_of_a_customer_no_longer_cached_is_none(cache) -> None:
    assert read(cache, lambda s: customer_detail(s, str(uuid.uuid4()))) is None


def test_the_list_is_one_query_however_many_customers(cache, clock) -> None:
    now = clock.now()
    with cache.database.writer() as session, session.begin():
        for n in range(300):
            customer = add_server_customer(session, now, f"Customer {n:04d}", address=f"Väg {n}")
            add_server_job(session, now, customer, "Service", now + timedelta(days=n % 30))
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(cache.database.engine, "before_cursor_execute", count)
    try:
        rows = read(cache, customer_rows)
    finally:
        event.remove(cache.database.engine, "before_cursor_execute", count)

    assert len(rows) == 300
    assert all(row.job_count == 1 for row in rows)
    assert [sql for sql in statements if sql.lstrip().upper().startswith("SELECT")] == statements[
        -1:
    ]


def test_detail_shows_each_documents_payment_state(cache, clock, schedule) -> None:
    karin = schedule.customer_ids[0]
    paid = cache.changes.documents.create("invoice", karin, [LINE]).record_id
    untried = cache.changes.documents.create("invoice", karin, [LINE]).record_id
    pay(cache, clock, paid, PaymentStatus.DECLINED)
    pay(cache, clock, paid, PaymentStatus.APPROVED)

    detail = read(cache, lambda s: customer_detail(s, karin))

    assert {d.document_id: d.payment_status for d in detail.documents} == {
        paid: PaymentStatus.APPROVED,
        untried: None,
    }
