"""Online-only actions through the engine: card payments, queued sending, GPS."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from tests.integration.sync_engine.conftest import Technician
from wb_desktop.core.domain.records import DeliveryState, PaymentStatus
from wb_desktop.core.protocol.payments import PaymentIn
from wb_desktop.core.store.models import Document, Job, LocationPing, Payment
from wb_desktop.core.sync.payments import PaymentDesk, PaymentRefusedError
from wb_desktop.tools.scenario.office import Office
from wb_server.models import Payment as ServerPayment

LINES = [{"description": "Labour", "quantity": "2", "unit_price": "650.00", "vat_rate": "25"}]


def _desk(technician: Technician, online: bool = True, timeout_s: float = 5.0) -> PaymentDesk:
    client = technician.client
    return PaymentDesk(
        client.api,
        technician.cache.database,
        technician.clock,
        is_online=lambda: online,
        sync=client.engine.step,
        timeout_s=timeout_s,
    )


def _invoice(technician: Technician) -> str:
    with technician.cache.database.reader() as db:
        job = db.scalars(select(Job).order_by(Job.scheduled_start)).first()
    receipt = technician.cache.changes.documents.create(
        "invoice", job.customer_id, LINES, job_id=job.id
    )
    return receipt.record_id


def test_an_invoice_sent_offline_is_queued_and_goes_out_on_reconnect(
    anna: Technician, office: Office
) -> None:
    anna.go("offline")
    invoice = _invoice(anna)
    anna.cache.changes.documents.send(invoice)
    with anna.cache.database.reader() as db:
        assert db.get(Document, invoice).delivery_state is DeliveryState.QUEUED
    with pytest.raises(PaymentRefusedError, match=r"offline.*email"):
        _desk(anna, online=False).collect(invoice, "approve")
    anna.go("online")
    assert anna.client.engine.step().ok
    with anna.cache.database.reader() as db:
        assert db.get(Document, invoice).delivery_state is DeliveryState.SENT
    view = office.office_view(office.technician_id(anna.email))
    assert len(view.deliveries) == 1


def _server_payments(technician: Technician, invoice: str) -> list[ServerPayment]:
    with technician.server.context.reader() as db:
        rows = db.scalars(select(ServerPayment).where(ServerPayment.document_id == invoice))
        return list(rows)


def _local_key(technician: Technician, invoice: str) -> str:
    with technician.cache.database.reader() as db:
        keys = db.scalars(select(Payment.idempotency_key).where(Payment.document_id == invoice))
        (key,) = keys.all()
        return key


def test_payment_approved_declined_and_timeout_after_charge_never_twice(anna: Technician) -> None:
    declined = _desk(anna).collect(_invoice(anna), "decline")  # syncs the invoice first
    assert (declined.status, declined.reason) == (PaymentStatus.DECLINED, "card declined")

    # The timeout card: charged, its reply held past the client's timeout. One call only:
    # the person sees "no answer" and decides.
    invoice = _invoice(anna)
    outcome = _desk(anna, timeout_s=0.5).collect(invoice, "timeout")
    assert (outcome.status, outcome.attempts) == (PaymentStatus.UNKNOWN, 1)
    assert [p.status for p in _server_payments(anna, invoice)] == ["approved"]

    # Try again: the server is asked what became of the key; the card is not sent again.
    retried = _desk(anna, timeout_s=0.5).collect(invoice, "timeout")
    assert (retried.status, retried.attempts) == (PaymentStatus.APPROVED, 0)
    with pytest.raises(PaymentRefusedError, match="already paid"):
        _desk(anna).collect(invoice, "approve")
    charges = _server_payments(anna, invoice)
    assert [(p.status, p.idempotency_key) for p in charges] == [
        ("approved", _local_key(anna, invoice))
    ]


def test_a_charge_that_never_reached_the_server_is_sent_again_with_its_key(
    anna: Technician, office: Office
) -> None:
    invoice = _invoice(anna)
    assert anna.client.engine.step().ok  # the office has the invoice
    office.add_fault(kind="hang", route="/v1/payments", hang_s=1.5, count=1)

    lost = _desk(anna, timeout_s=0.5).collect(invoice, "approve")
    assert lost.status is PaymentStatus.UNKNOWN and _server_payments(anna, invoice) == []
    key = _local_key(anna, invoice)

    # Try again: the lookup finds nothing under the key, so the card goes again, same key.
    retried = _desk(anna).collect(invoice, "approve")
    assert (retried.status, retried.attempts) == (PaymentStatus.APPROVED, 1)
    charges = _server_payments(anna, invoice)
    assert [(p.status, p.idempotency_key) for p in charges] == [("approved", key)]


def test_a_cancelled_attempt_sends_nothing_and_its_late_answer_is_looked_up(
    anna: Technician,
) -> None:
    invoice = _invoice(anna)
    assert anna.client.engine.step().ok
    skipped = _desk(anna).collect(invoice, "approve", cancelled=lambda: True)
    assert skipped.attempts == 0 and _server_payments(anna, invoice) == []

    # Cancelled while the charge was on its way: the answer is not taken as the outcome...
    desk, sent = _desk(anna), list[object]()
    api = desk.api

    def pay_then_cancel(payment: PaymentIn, timeout_s: float) -> object:
        sent.append(api.pay(payment, timeout_s))  # the person cancels while it is on its way
        return sent[-1]

    desk.api = SimpleNamespace(pay=pay_then_cancel, payment_outcome=api.payment_outcome)  # type: ignore[assignment]
    late = desk.collect(invoice, "approve", cancelled=lambda: bool(sent))
    assert len(sent) == 1
    assert late.status is PaymentStatus.UNKNOWN
    with anna.cache.database.reader() as db:
        assert db.scalar(select(Payment.status)) is PaymentStatus.UNKNOWN
    # ...the next attempt asks the server, which charged once.
    checked = _desk(anna).collect(invoice, "approve")
    assert (checked.status, checked.attempts) == (PaymentStatus.APPROVED, 0)
    assert len(_server_payments(anna, invoice)) == 1


def test_gps_pings_wait_offline_and_are_sent_on_reconnect(anna: Technician, office: Office) -> None:
    anna.go("offline")
    with anna.cache.database.writer() as db, db.begin():
        for n in range(3):
            db.add(
                LocationPing(
                    id=f"00000000-0000-4000-8000-00000000000{n}",
                    recorded_at=anna.clock.now() + timedelta(minutes=n),
                    latitude=59.33 + n / 1000,
                    longitude=18.06,
                    accuracy_m=5.0,
                )
            )
    assert not anna.client.engine.step().ok
    assert anna.client.engine.locations.unsent() == 3
    anna.go("online")
    report = anna.client.engine.step()
    assert report.ok and report.pings == 3
    view = office.office_view(office.technician_id(anna.email))
    assert len(view.location_pings) == 3
