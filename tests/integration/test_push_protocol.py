"""Push over real HTTP: ops made by the app's own write path, applied by the real server."""

from __future__ import annotations

import uuid

import pytest
import requests
from sqlalchemy import func, select

from tests.conftest import PNG_1X1
from tests.integration.client import cache_from_pull, outbox_ops, push_ops, scheduled_job
from tests.integration.conftest import ADMIN_TOKEN
from wb_desktop.core.paths import ProfilePaths
from wb_server.demo_data import DEMO_ACCOUNTS
from wb_server.models import AppliedOp, ConflictLogEntry, Note, OfficeDelivery
from wb_server.models import Customer as ServerCustomer
from wb_server.models import Document as ServerDocument

ANNA, ERIK = sorted(DEMO_ACCOUNTS)[:2]


def test_a_workday_of_changes_applies_and_a_replay_is_all_duplicate(live_server, anna) -> None:
    cache, session = anna
    job = scheduled_job(cache)
    changes = cache.changes
    changes.jobs.set_status(job.id, "en_route")
    changes.jobs.set_status(job.id, "in_progress")
    changes.jobs.add_note(job.id, "Replaced the valve")
    changes.time.clock_in(job.id)
    changes.time.clock_out()
    changes.media.add_photo(job.id, PNG_1X1, "valve.png")
    changes.media.add_signature(job.id, "Karin", [[[0, 0, 0.5, 0], [40, 9, 0.6, 30]]], PNG_1X1)
    new_customer = changes.customers.create({"name": "Nils Holm", "email": "nils@example.se"})
    lines = [{"description": "Labour", "quantity": "1.5", "unit_price": "650.00", "vat_rate": "25"}]
    invoice = changes.documents.create("invoice", job.customer_id, lines, job_id=job.id)
    changes.documents.send(invoice.record_id)
    changes.documents.create("estimate", new_customer.record_id, lines)
    ops = outbox_ops(cache)

    first = push_ops(live_server, session, cache, ops)
    assert [r["result"] for r in first["results"]] == ["applied"] * len(ops)
    assert first["last_seq"] == ops[-1]["seq"]

    replay = push_ops(live_server, session, cache, ops)  # the first reply was "lost"
    assert [r["result"] for r in replay["results"]] == ["duplicate"] * len(ops)
    assert [r["original_result"] for r in replay["results"]] == ["applied"] * len(ops)
    with live_server.context.reader() as db:
        assert db.scalar(select(func.count()).select_from(Note).where(Note.job_id == job.id)) == 1
        assert db.scalar(select(func.count()).select_from(OfficeDelivery)) == 1
        assert db.scalar(select(func.count()).select_from(AppliedOp)) == len(ops)

    admin = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    me = session.get(f"{live_server.url}/v1/me").json()["id"]
    office = requests.get(f"{live_server.url}/v1/admin/office/{me}", headers=admin).json()
    assert [n["text"] for n in office["notes"]] == ["Replaced the valve"]
    assert len(office["photos"]) >= 1 and len(office["signatures"]) == 1
    assert [t["clock_out"] is not None for t in office["time_entries"]] == [True]
    assert {d["kind"] for d in office["documents"]} == {"invoice", "estimate"}
    assert len(office["deliveries"]) == 1
    assert any(j["id"] == job.id and j["status"] == "in_progress" for j in office["jobs"])


def test_a_reordered_batch_keeps_each_op_once(live_server, anna) -> None:
    cache, session = anna
    job = scheduled_job(cache)
    for text in ("one", "two", "three"):
        cache.changes.jobs.add_note(job.id, text)
    ops = outbox_ops(cache)
    push_ops(live_server, session, cache, [ops[2], ops[0]])
    second = push_ops(live_server, session, cache, ops)
    assert [r["result"] for r in second["results"]] == ["duplicate", "applied", "duplicate"]
    with live_server.context.reader() as db:
        texts = db.scalars(select(Note.text).where(Note.job_id == job.id)).all()
    assert sorted(texts) == ["one", "three", "two"]


def test_same_field_conflicts_follow_the_policy_and_are_logged(live_server, anna) -> None:
    cache, session = anna
    job = scheduled_job(cache)
    with live_server.context.writer() as db, db.begin():  # the office edits meanwhile
        customer = db.get(ServerCustomer, job.customer_id)
        customer.address, customer.phone = "Office Street 1", "+46 70 000 00 01"
        customer.version += 1
    cache.changes.customers.edit(
        job.customer_id,
        {"address": "Tech Road 9", "phone": "+46 70 999 99 99", "notes": "Side door"},
    )
    result = push_ops(live_server, session, cache, outbox_ops(cache))["results"][0]
    assert result["result"] == "conflict"
    record = result["record"]
    assert record["address"] == "Office Street 1"  # office-owned: server wins
    assert record["phone"] == "+46 70 999 99 99"  # technician-owned: client wins
    assert record["notes"] == "Side door"  # disjoint: merged
    with live_server.context.reader() as db:
        logged = {(e.field, e.winner) for e in db.scalars(select(ConflictLogEntry))}
    assert logged == {("address", "server"), ("phone", "client")}


def test_permanent_rejections_have_reasons_and_do_not_block_the_rest(
    live_server, anna, tmp_path, clock
) -> None:
    cache, session = anna
    erik_cache, _ = cache_from_pull(
        live_server, ERIK, ProfilePaths(tmp_path / "erik", "erik"), clock
    )
    erik_job = scheduled_job(erik_cache)
    erik_cache.close()
    job = scheduled_job(cache)
    cache.changes.jobs.add_note(job.id, "mine")
    ops = outbox_ops(cache)
    stranger = {
        **ops[0],
        "op_id": str(uuid.uuid4()),
        "seq": 900,
        "payload": {**ops[0]["payload"], "job_id": erik_job.id},
        "record_id": str(uuid.uuid4()),
    }
    unknown = {**ops[0], "op_id": str(uuid.uuid4()), "seq": 901, "kind": "job.teleport"}
    results = push_ops(live_server, session, cache, [stranger, unknown, *ops])["results"]
    assert [r["result"] for r in results] == ["rejected", "rejected", "applied"]
    assert "no longer assigned to you" in results[0]["reason"]
    assert "unknown op kind 'job.teleport'" in results[1]["reason"]


def test_a_device_of_another_technician_is_refused(live_server, anna) -> None:
    cache, session = anna
    push_ops(live_server, session, cache, [])
    erik = live_server.sign_in(ERIK, DEMO_ACCOUNTS[ERIK])
    reply = erik.post(f"{live_server.url}/v1/push", json={"device_id": cache.device_id, "ops": []})
    assert reply.status_code == 403


@pytest.mark.parametrize(
    "bad_time", ["yesterday", 42, None, "2026-11-25T10:00:00", "2020-01-01T00:00:00+00:00"]
)
def test_malformed_payloads_are_rejected_readably_never_500(live_server, anna, bad_time) -> None:
    cache, session = anna
    cache.changes.time.clock_in(scheduled_job(cache).id)
    cache.changes.time.clock_out()
    clock_in, clock_out = outbox_ops(cache)
    assert push_ops(live_server, session, cache, [clock_in])["results"][0]["result"] == "applied"
    broken = {**clock_out, "payload": {"fields": {"clock_out": bad_time}}}
    result = push_ops(live_server, session, cache, [broken])["results"][0]
    assert result["result"] == "rejected"
    assert "clock_out" in result["reason"]


def test_an_estimate_becomes_one_invoice_and_the_office_knows_which(live_server, anna) -> None:
    cache, session = anna
    job = scheduled_job(cache)
    lines = [{"description": "Survey", "quantity": "1", "unit_price": "900.00", "vat_rate": "25"}]
    estimate = cache.changes.documents.create("estimate", job.customer_id, lines, job_id=job.id)
    invoice = cache.changes.documents.convert_to_invoice(estimate.record_id)
    ops = outbox_ops(cache)
    assert ops[-1]["payload"]["converted_from_id"] == estimate.record_id

    first = push_ops(live_server, session, cache, ops)
    assert [r["result"] for r in first["results"]] == ["applied", "applied"]

    second_copy = {
        **ops[-1],
        "op_id": str(uuid.uuid4()),
        "seq": ops[-1]["seq"] + 1,
        "record_id": str(uuid.uuid4()),
    }
    second_copy["payload"] = {**ops[-1]["payload"], "reference": "INV-OTHER-00001"}
    again = push_ops(live_server, session, cache, [second_copy])  # as from another tablet
    assert again["results"][0]["result"] == "rejected"
    assert "was already made into invoice" in again["results"][0]["reason"]
    with live_server.context.reader() as db:
        stored = db.get(ServerDocument, invoice.record_id)
        assert stored is not None and stored.converted_from_id == estimate.record_id
