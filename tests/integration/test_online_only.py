"""Card payments (idempotent, with the documented test cards) and GPS pings."""

from __future__ import annotations

import uuid

import pytest
import requests

from tests.integration.client import outbox_ops, push_ops, scheduled_job
from tests.integration.conftest import PAYMENT_HOLD_S, LiveServer
from wb_server.demo_data import DEMO_ACCOUNTS
from wb_server.models import LocationPing, Payment

LINES = [{"description": "Labour", "quantity": "2", "unit_price": "650.00", "vat_rate": "25"}]
TOTAL = "1625.00"


@pytest.fixture
def invoice_id(live_server: LiveServer, anna) -> str:
    cache, session = anna
    job = scheduled_job(cache)
    receipt = cache.changes.documents.create("invoice", job.customer_id, LINES, job_id=job.id)
    results = push_ops(live_server, session, cache, outbox_ops(cache))["results"]
    assert results[-1]["result"] == "applied"
    return receipt.record_id


def _pay(session: requests.Session, url: str, invoice: str, card: str, key: str, **kw):
    body = {
        "idempotency_key": key,
        "document_id": invoice,
        "amount": TOTAL,
        "currency": "SEK",
        "card_number": card,
    }
    return session.post(f"{url}/v1/payments", json=body, **kw)


def _payments(server: LiveServer) -> list[Payment]:
    with server.context.reader() as db:
        return list(db.query(Payment).all())


def test_an_approved_payment_retried_is_charged_once(live_server, anna, invoice_id) -> None:
    _, session = anna
    key = str(uuid.uuid4())
    first = _pay(session, live_server.url, invoice_id, "4242 4242 4242 4242", key)
    again = _pay(session, live_server.url, invoice_id, "4242 4242 4242 4242", key)
    assert first.json()["status"] == again.json()["status"] == "approved"
    assert first.json()["id"] == again.json()["id"]
    assert len(_payments(live_server)) == 1
    other = _pay(session, live_server.url, invoice_id, "4242424242424242", str(uuid.uuid4()))
    assert other.status_code == 409 and other.json()["error"] == "already_paid"


def test_a_declined_card_says_so(live_server, anna, invoice_id) -> None:
    _, session = anna
    reply = _pay(session, live_server.url, invoice_id, "4000000000000002", str(uuid.uuid4()))
    assert reply.json()["status"] == "declined" and reply.json()["reason"] == "card declined"


def test_a_timeout_after_the_charge_is_resolved_by_retrying(live_server, anna, invoice_id) -> None:
    _, session = anna
    key = str(uuid.uuid4())
    with pytest.raises(requests.Timeout):
        _pay(session, live_server.url, invoice_id, "4000000000000119", key, timeout=0.3)
    retry = _pay(
        session, live_server.url, invoice_id, "4000000000000119", key, timeout=PAYMENT_HOLD_S + 5
    )
    assert retry.json()["status"] == "approved"
    assert [p.status for p in _payments(live_server)] == ["approved"]


def test_a_payment_is_looked_up_by_its_key(live_server, anna, invoice_id) -> None:
    """Before a retry the client asks what became of its key: nothing (404), or the outcome
    the key was charged with; another technician's key reads as unknown."""
    _, session = anna
    key = str(uuid.uuid4())
    url = f"{live_server.url}/v1/payments/{key}"
    assert session.get(url).status_code == 404
    charged = _pay(session, live_server.url, invoice_id, "4242 4242 4242 4242", key).json()
    looked_up = session.get(url)
    assert looked_up.status_code == 200 and looked_up.json() == charged
    other = live_server.sign_in(sorted(DEMO_ACCOUNTS)[1], DEMO_ACCOUNTS[sorted(DEMO_ACCOUNTS)[1]])
    assert other.get(url).status_code == 404
    assert len(_payments(live_server)) == 1


def test_payment_refusals_are_readable(live_server, anna, invoice_id) -> None:
    _, session = anna
    url = live_server.url
    wrong_amount = session.post(
        f"{url}/v1/payments",
        json={
            "idempotency_key": str(uuid.uuid4()),
            "document_id": invoice_id,
            "amount": "1.00",
            "currency": "SEK",
            "card_number": "4242424242424242",
        },
    )
    assert wrong_amount.status_code == 422 and TOTAL in wrong_amount.json()["detail"]
    unsynced = _pay(session, url, str(uuid.uuid4()), "4242424242424242", str(uuid.uuid4()))
    assert unsynced.status_code == 404 and "sync it" in unsynced.json()["detail"]


def test_gps_pings_are_stored_once(live_server, anna) -> None:
    _, session = anna
    pings = [
        {
            "id": str(uuid.uuid4()),
            "recorded_at": f"2026-11-25T08:0{n}:00+00:00",
            "latitude": 59.85 + n / 1000,
            "longitude": 17.63,
            "accuracy_m": 8.0,
        }
        for n in range(3)
    ]
    first = session.post(f"{live_server.url}/v1/locations", json={"pings": pings}).json()
    again = session.post(f"{live_server.url}/v1/locations", json={"pings": pings}).json()
    assert first == {"stored": 3, "already_had": 0}
    assert again == {"stored": 0, "already_had": 3}
    with live_server.context.reader() as db:
        assert db.query(LocationPing).count() == 3
    bad = session.post(
        f"{live_server.url}/v1/locations", json={"pings": [{**pings[0], "latitude": 123}]}
    )
    assert bad.status_code == 422
