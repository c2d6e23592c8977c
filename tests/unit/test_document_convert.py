"""An estimate becomes an invoice once; final documents refuse edits; the payment runner's
refusals are values the worker can report, worded as PaymentDesk words them."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from tests.conftest import Schedule
from wb_desktop.core.domain.errors import NotFoundError, StateError, ValidationError
from wb_desktop.core.domain.records import DeliveryState, DocumentKind
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.models import Document, OutboxDependency, OutboxOp
from wb_desktop.core.sync.payment_runner import (
    OFFLINE_MESSAGE,
    UNEXPECTED_MESSAGE,
    take_payment,
)
from wb_desktop.core.sync.payments import PaymentDesk, PaymentRefusedError

LINES = [
    {"description": "Heat pump service", "quantity": "1", "unit_price": "2450.00"},
    {"description": "Filter", "quantity": "2", "unit_price": "189.50", "vat_rate": "12"},
]


def estimate(cache: LocalCache, schedule: Schedule) -> str:
    receipt = cache.changes.documents.create(
        "estimate",
        schedule.customer_ids[0],
        LINES,
        job_id=schedule.job_ids[0],
        notes="Valid for 30 days",
    )
    return receipt.record_id


def counts(cache: LocalCache) -> tuple[int, int]:
    with cache.database.reader() as db:
        return (
            db.scalar(select(func.count()).select_from(Document)),
            db.scalar(select(func.count()).select_from(OutboxOp)),
        )


def test_an_estimate_becomes_an_invoice_with_its_customer_job_lines_and_notes(
    cache: LocalCache, schedule: Schedule
) -> None:
    estimate_id = estimate(cache, schedule)

    receipt = cache.changes.documents.convert_to_invoice(estimate_id)

    assert receipt.changed and receipt.record_id != estimate_id
    with cache.database.reader() as db:
        source, invoice = db.get(Document, estimate_id), db.get(Document, receipt.record_id)
        assert invoice.kind is DocumentKind.INVOICE
        assert invoice.reference.startswith("INV-") and invoice.reference.endswith("-00001")
        assert invoice.converted_from_id == estimate_id
        assert (invoice.customer_id, invoice.job_id) == (source.customer_id, source.job_id)
        assert invoice.delivery_state is DeliveryState.DRAFT
        assert invoice.notes == "Valid for 30 days"
        assert [
            (line.description, line.quantity, line.unit_price, line.vat_rate, line.total)
            for line in invoice.lines
        ] == [
            (line.description, line.quantity, line.unit_price, line.vat_rate, line.total)
            for line in source.lines
        ]
        assert (invoice.subtotal, invoice.vat_total, invoice.total) == (
            source.subtotal,
            source.vat_total,
            source.total,
        )
        op = db.scalars(select(OutboxOp).where(OutboxOp.record_id == invoice.id)).one()
        assert op.kind == "document.create"
        assert op.payload["converted_from_id"] == estimate_id
        # The invoice's create waits for the estimate's, when that is still waiting too.
        estimate_create = db.scalar(select(OutboxOp.op_id).where(OutboxOp.record_id == estimate_id))
        depends = db.scalars(
            select(OutboxDependency.depends_on).where(OutboxDependency.op_id == op.op_id)
        ).all()
        assert estimate_create in depends


def test_converting_again_returns_the_invoice_already_made_and_writes_nothing(
    cache: LocalCache, schedule: Schedule
) -> None:
    estimate_id = estimate(cache, schedule)
    first = cache.changes.documents.convert_to_invoice(estimate_id)
    before = counts(cache)

    again = cache.changes.documents.convert_to_invoice(estimate_id)

    assert not again.changed and again.record_id == first.record_id
    assert counts(cache) == before


def test_a_sent_estimate_can_still_become_an_invoice(cache: LocalCache, schedule: Schedule) -> None:
    estimate_id = estimate(cache, schedule)
    cache.changes.documents.send(estimate_id)

    receipt = cache.changes.documents.convert_to_invoice(estimate_id)

    with cache.database.reader() as db:
        assert db.get(Document, receipt.record_id).delivery_state is DeliveryState.DRAFT


def test_only_an_estimate_can_be_converted(cache: LocalCache, schedule: Schedule) -> None:
    invoice = cache.changes.documents.create("invoice", schedule.customer_ids[0], LINES)
    before = counts(cache)
    with pytest.raises(StateError, match=r"INV-.* is already an invoice; only an estimate"):
        cache.changes.documents.convert_to_invoice(invoice.record_id)
    with pytest.raises(NotFoundError, match="No estimate with id nope"):
        cache.changes.documents.convert_to_invoice("nope")
    assert counts(cache) == before


@pytest.mark.parametrize(("sent", "wording"), [(False, "is queued"), (True, "has been sent")])
def test_a_document_that_is_no_longer_a_draft_refuses_edits_clearly(
    cache: LocalCache, schedule: Schedule, sent: bool, wording: str
) -> None:
    document_id = estimate(cache, schedule)
    cache.changes.documents.send(document_id)
    if sent:
        with cache.database.writer() as db, db.begin():
            db.get(Document, document_id).delivery_state = DeliveryState.SENT
    before = counts(cache)

    with pytest.raises(StateError) as refused:
        cache.changes.documents.edit(document_id, notes="changed my mind")

    assert refused.value.message.endswith(
        f"{wording} and can no longer be edited; make a new one instead."
    )
    assert counts(cache) == before
    with cache.database.reader() as db:
        assert db.get(Document, document_id).notes == "Valid for 30 days"


@pytest.mark.parametrize("customer_id", [None, ""])
def test_a_document_without_a_customer_is_refused_before_anything_is_written(
    cache: LocalCache, customer_id: str | None
) -> None:
    with pytest.raises(ValidationError) as refused:
        cache.changes.documents.create("invoice", customer_id, LINES)  # type: ignore[arg-type]
    assert refused.value.fields == ["customer_id"]
    assert "pick the customer" in refused.value.message
    assert counts(cache) == (0, 0)


def test_the_services_instant_offline_refusal_is_payment_desks_own_message() -> None:
    desk = PaymentDesk(None, None, None, is_online=lambda: False, sync=lambda: None)  # type: ignore[arg-type]
    with pytest.raises(PaymentRefusedError) as refused:
        desk.collect("any", "4242 4242 4242 4242")
    assert refused.value.message == OFFLINE_MESSAGE


def fake_client(cache: LocalCache, clock: object, api: object) -> SimpleNamespace:
    return SimpleNamespace(api=api, engine=SimpleNamespace(database=cache.database, clock=clock))


def test_the_payment_runner_returns_refusals_and_surprises_as_values(
    cache: LocalCache, schedule: Schedule, clock: object
) -> None:
    invoice = cache.changes.documents.create("invoice", schedule.customer_ids[0], LINES)

    offline = take_payment(
        fake_client(cache, clock, None),  # type: ignore[arg-type]
        invoice.record_id,
        "4242 4242 4242 4242",
        is_online=lambda: False,
        sync=lambda: None,
    )
    assert isinstance(offline, PaymentRefusedError) and offline.message == OFFLINE_MESSAGE

    estimate_id = estimate(cache, schedule)
    not_an_invoice = take_payment(
        fake_client(cache, clock, None),  # type: ignore[arg-type]
        estimate_id,
        "4242 4242 4242 4242",
        is_online=lambda: True,
        sync=lambda: None,
    )
    assert isinstance(not_an_invoice, PaymentRefusedError)
    assert "Only an invoice can be paid" in not_an_invoice.message

    def broken_sync() -> None:
        raise RuntimeError("boom")

    surprise = take_payment(
        fake_client(cache, clock, None),  # type: ignore[arg-type]
        invoice.record_id,
        "4242 4242 4242 4242",
        is_online=lambda: True,
        sync=broken_sync,
    )
    assert isinstance(surprise, PaymentRefusedError) and surprise.message == UNEXPECTED_MESSAGE
