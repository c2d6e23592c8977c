"""Online-only actions through the engine: card payments, queued sending, GPS."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from tests.integration.sync_engine.conftest import Technician
from wb_desktop.core.domain.records import DeliveryState, PaymentStatus
from wb_desktop.core.store.models import Document, Job, LocationPing
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
    assert len(view["deliveries"]) == 1


def test_payment_approved_declined_and_timeout_after_charge_never_twice(anna: Technician) -> None:
    declined = _desk(anna).collect(_invoice(anna), "decline")  # syncs the invoice first
    assert (declined.status, declined.reason) == (PaymentStatus.DECLINED, "card declined")

    invoice = _invoice(anna)
    outcome = _desk(anna, timeout_s=0.5).collect(invoice, "timeout")  # the reply is held back
    assert outcome.status is PaymentStatus.APPROVED and outcome.attempts >= 2
    with pytest.raises(PaymentRefusedError, match="already paid"):
        _desk(anna).collect(invoice, "approve")
    with anna.server.context.reader() as db:
        charges = select(func.count()).select_from(ServerPayment)
        assert db.scalar(charges.where(ServerPayment.document_id == invoice)) == 1


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
    assert len(view["location_pings"]) == 3
