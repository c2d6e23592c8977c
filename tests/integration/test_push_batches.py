"""One push batch is one unit of work: ops later in a batch see what earlier ones did, a
repeated op id or sequence inside a batch is caught, and a rejected op leaves nothing behind."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select

from tests.integration.client import outbox_ops, push_ops, scheduled_job
from wb_server.models import Change, Customer, Job, Note, TimeEntry


def _note_op(seq: int, job_id: str, text: str, op_id: str | None = None) -> dict[str, Any]:
    return {
        "op_id": op_id or str(uuid.uuid4()),
        "seq": seq,
        "kind": "note.create",
        "record_type": "note",
        "record_id": str(uuid.uuid4()),
        "base_version": 0,
        "payload": {"job_id": job_id, "text": text},
    }


def _feed(live_server, record_id: str) -> list[tuple[int, int]]:
    with live_server.context.reader() as db:
        rows = db.execute(
            select(Change.seq, Change.version)
            .where(Change.record_id == record_id)
            .order_by(Change.seq)
        )
        return [(seq, version) for seq, version in rows]


def test_clock_in_and_out_in_one_batch_publish_both_versions_in_order(live_server, anna) -> None:
    cache, session = anna
    job = scheduled_job(cache)
    entry = cache.changes.time.clock_in(job.id)
    cache.changes.time.clock_out()
    reply = push_ops(live_server, session, cache, outbox_ops(cache))
    assert [r["result"] for r in reply["results"]] == ["applied", "applied"]
    assert [r["version"] for r in reply["results"]] == [1, 2]
    assert [version for _, version in _feed(live_server, entry.record_id)] == [1, 2]
    with live_server.context.reader() as db:
        assert db.get(TimeEntry, entry.record_id).clock_out is not None


def test_an_op_id_repeated_inside_a_batch_is_applied_once(live_server, anna) -> None:
    cache, session = anna
    job = scheduled_job(cache)
    op = _note_op(1, job.id, "only once")
    reply = push_ops(live_server, session, cache, [op, op])
    assert [r["result"] for r in reply["results"]] == ["applied", "duplicate"]
    assert reply["results"][1]["original_result"] == "applied"
    with live_server.context.reader() as db:
        count = select(func.count()).select_from(Note).where(Note.text == "only once")
        assert db.scalar(count) == 1


def test_a_sequence_repeated_inside_a_batch_is_refused(live_server, anna) -> None:
    cache, session = anna
    job = scheduled_job(cache)
    first, second = _note_op(7, job.id, "first"), _note_op(7, job.id, "second")
    reply = push_ops(live_server, session, cache, [first, second])
    assert [r["result"] for r in reply["results"]] == ["applied", "rejected"]
    assert f"already used by op {first['op_id']}" in reply["results"][1]["reason"]
    with live_server.context.reader() as db:
        assert db.scalars(select(Note.text).where(Note.job_id == job.id)).all() == ["first"]


def test_a_rejected_op_in_the_middle_changes_nothing_and_the_rest_apply(live_server, anna) -> None:
    cache, session = anna
    job = scheduled_job(cache)
    feed_before = _feed(live_server, job.id)
    bad_status = {
        "op_id": str(uuid.uuid4()),
        "seq": 2,
        "kind": "job.set_status",
        "record_type": "job",
        "record_id": job.id,
        "base_version": job.version,
        "payload": {"status": "en_route", "previous": "scheduled", "changed_at": "yesterday"},
    }
    ops = [_note_op(1, job.id, "before"), bad_status, _note_op(3, job.id, "after")]
    reply = push_ops(live_server, session, cache, ops)
    assert [r["result"] for r in reply["results"]] == ["applied", "rejected", "applied"]
    assert "changed_at" in reply["results"][1]["reason"]
    assert reply["last_seq"] == 3
    with live_server.context.reader() as db:
        server_job = db.get(Job, job.id)
        assert (server_job.status, server_job.version) == ("scheduled", job.version)
    assert _feed(live_server, job.id) == feed_before


def test_an_edit_that_repeats_the_previous_one_in_the_batch_bumps_no_version(
    live_server, anna
) -> None:
    cache, session = anna
    job = scheduled_job(cache)
    with live_server.context.reader() as db:
        base = db.get(Customer, job.customer_id).version

    def edit(seq: int, phone: str) -> dict[str, Any]:
        return {
            "op_id": str(uuid.uuid4()),
            "seq": seq,
            "kind": "customer.update",
            "record_type": "customer",
            "record_id": job.customer_id,
            "base_version": base,
            "payload": {"fields": {"phone": phone}, "previous": {}},
        }

    reply = push_ops(
        live_server, session, cache, [edit(1, "+46 8 555 0101"), edit(2, "+46 8 555 0101")]
    )
    assert [r["result"] for r in reply["results"]] == ["applied", "applied"]
    assert [r["version"] for r in reply["results"]] == [base + 1, base + 1]
    assert [version for _, version in _feed(live_server, job.customer_id)][-1] == base + 1
    assert len([v for _, v in _feed(live_server, job.customer_id) if v == base + 1]) == 1


def test_a_full_batch_publishes_its_feed_in_op_order(live_server, anna) -> None:
    cache, session = anna
    job = scheduled_job(cache)
    ops = [_note_op(n, job.id, f"note {n}") for n in range(1, 501)]
    reply = push_ops(live_server, session, cache, ops)
    assert {r["result"] for r in reply["results"]} == {"applied"}
    with live_server.context.reader() as db:
        feed = db.scalars(
            select(Change.record_id).where(Change.record_type == "note").order_by(Change.seq)
        ).all()
    assert feed[-500:] == [op["record_id"] for op in ops]


def test_an_op_whose_handler_fails_is_refused_alone_and_the_rest_applies(
    live_server, anna, monkeypatch
) -> None:
    """A bug in one op's handler is that op's refusal (code server_error), never a 500 for
    the batch; what it had changed before failing is gone, and a replay gets the answers."""
    from wb_server.routes import push as push_route

    cache, session = anna
    job = scheduled_job(cache)

    def half_done_then_broken(ctx) -> None:
        ctx.find(Job, job.id).title = "changed by a handler that then failed"
        raise KeyError("a bug")

    monkeypatch.setitem(push_route.HANDLERS, "job.set_status", half_done_then_broken)
    broken = {**_note_op(2, job.id, "x"), "kind": "job.set_status", "record_type": "job"}
    broken["record_id"], broken["payload"] = job.id, {"status": "en_route"}
    ops = [_note_op(1, job.id, "before"), broken, _note_op(3, job.id, "after")]

    reply = push_ops(live_server, session, cache, ops)
    again = push_ops(live_server, session, cache, ops)

    assert [r["result"] for r in reply["results"]] == ["applied", "rejected", "applied"]
    assert reply["results"][1]["code"] == "server_error"
    assert "KeyError" in reply["results"][1]["reason"]
    assert [r["result"] for r in again["results"]] == ["duplicate"] * 3
    assert again["results"][1]["original_result"] == "rejected"
    with live_server.context.reader() as db:
        assert db.get(Job, job.id).title != "changed by a handler that then failed"
        texts = db.scalars(select(Note.text).where(Note.text.in_(["before", "after"]))).all()
        assert sorted(texts) == ["after", "before"]


def test_a_seq_this_device_already_used_is_refused_with_a_code_and_the_high_water(
    live_server, anna
) -> None:
    """What a cache restored from a backup meets: the reply says how far the device got."""
    cache, session = anna
    job = scheduled_job(cache)
    first = push_ops(live_server, session, cache, [_note_op(7, job.id, "seven")])
    reused = push_ops(live_server, session, cache, [_note_op(7, job.id, "another seven")])

    assert first["last_seq"] == 7
    assert reused["results"][0]["result"] == "rejected"
    assert reused["results"][0]["code"] == "seq_used"
    assert reused["last_seq"] == 7
