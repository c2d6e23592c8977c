"""The outbox inspector's store side: listing ops, retrying, requeueing dead ops, discarding
with a log, exporting."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

from sqlalchemy import select, update

from wb_desktop.core.domain.records import DeliveryState
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.models import (
    Customer,
    Document,
    Job,
    OpResult,
    OutboxDependency,
    OutboxOp,
    OutboxState,
    SyncLogEntry,
)
from wb_desktop.core.store.outbox_admin import (
    REQUEUED_EVENT,
    export_outbox,
    outbox_rows,
    requeue_dead,
    retry_now,
)
from wb_desktop.core.store.outbox_discard import discard, discard_log, plan_discard

LINES = [{"description": "Callout", "quantity": "1", "unit_price": "500"}]


def rows(cache, **options):
    with cache.database.reader() as session:
        return outbox_rows(session, **options)


def kill(cache, op_id: str, reason: str = "job was cancelled by the office") -> None:
    """As the push does when the server refuses an op for good."""
    with cache.database.writer() as session, session.begin():
        op = session.get(OutboxOp, op_id)
        op.state, op.result, op.last_error = OutboxState.DEAD, OpResult.REJECTED, reason
        op.attempts = 3
        record = session.get(Job, op.record_id) or session.get(Customer, op.record_id)
        record.sync_state, record.sync_error = SyncState.FAILED, reason


def set_state(cache, op_id: str, state: OutboxState) -> None:
    with cache.database.writer() as session, session.begin():
        session.execute(update(OutboxOp).where(OutboxOp.op_id == op_id).values(state=state))


def record(cache, model, record_id):
    with cache.database.reader() as session:
        return session.get(model, record_id)


def deps(cache, op_id: str) -> list[str]:
    with cache.database.reader() as session:
        return sorted(
            session.scalars(
                select(OutboxDependency.depends_on).where(OutboxDependency.op_id == op_id)
            )
        )


# --- listing --------------------------------------------------------------------------------


def test_rows_name_each_record_and_keep_the_order_of_the_changes(cache, schedule):
    karin, boiler = schedule.customer_ids[0], schedule.job_ids[0]
    edit = cache.changes.customers.edit(karin, {"phone": "070-123 45 67"})
    status = cache.changes.jobs.set_status(boiler, JobStatus.EN_ROUTE)
    note = cache.changes.jobs.add_note(boiler, "Gate code 1234")
    estimate = cache.changes.documents.create("estimate", karin, LINES, job_id=boiler)
    listed = rows(cache)
    assert [r.op_id for r in listed] == [edit.op_id, status.op_id, note.op_id, estimate.op_id]
    assert [r.record_label for r in listed[:3]] == [
        "Karin Lund",
        "Boiler service",
        "Boiler service",
    ]
    assert listed[3].record_label.startswith("EST-")
    assert all(r.state is OutboxState.QUEUED and r.attempts == 0 for r in listed)
    assert listed[0].payload["fields"] == {"phone": "070-123 45 67"}


def test_done_ops_are_listed_only_when_asked(cache, schedule):
    first = cache.changes.jobs.add_note(schedule.job_ids[0], "one")
    cache.changes.jobs.add_note(schedule.job_ids[0], "two")
    set_state(cache, first.op_id, OutboxState.DONE)
    assert len(rows(cache)) == 1
    assert len(rows(cache, include_done=True)) == 2


def test_an_op_behind_a_dead_one_says_so_even_through_others(cache, schedule):
    boiler = schedule.job_ids[0]
    refused = cache.changes.jobs.set_status(boiler, JobStatus.EN_ROUTE)
    second = cache.changes.jobs.set_status(boiler, JobStatus.IN_PROGRESS)
    third = cache.changes.jobs.set_status(boiler, JobStatus.COMPLETE)
    kill(cache, refused.op_id)
    by_id = {r.op_id: r for r in rows(cache)}
    assert by_id[refused.op_id].state is OutboxState.DEAD
    assert by_id[refused.op_id].last_error == "job was cancelled by the office"
    assert by_id[second.op_id].waits_on == (refused.op_id,)
    assert by_id[second.op_id].blocked_by == (refused.op_id,)
    assert by_id[third.op_id].waits_on == (second.op_id,)
    assert by_id[third.op_id].blocked_by == (refused.op_id,) and by_id[third.op_id].blocked


# --- retry now ------------------------------------------------------------------------------


def test_retry_now_clears_the_wait_of_queued_ops_only(cache, schedule, clock):
    later = clock.now() + timedelta(minutes=5)
    waiting = cache.changes.jobs.add_note(schedule.job_ids[0], "one")
    dead = cache.changes.jobs.set_status(schedule.job_ids[1], JobStatus.EN_ROUTE)
    with cache.database.writer() as session, session.begin():
        session.execute(update(OutboxOp).values(next_attempt_at=later))
    kill(cache, dead.op_id)
    assert retry_now(cache.database, [waiting.op_id, dead.op_id]) == 1
    by_id = {r.op_id: r for r in rows(cache)}
    assert by_id[waiting.op_id].next_attempt_at is None
    assert by_id[dead.op_id].next_attempt_at == later
    assert retry_now(cache.database, []) == 0


# --- move back to the queue -----------------------------------------------------------------


def test_a_dead_op_goes_back_as_a_fresh_op_in_the_same_place(cache, schedule, clock):
    boiler = schedule.job_ids[0]
    refused = cache.changes.jobs.set_status(boiler, JobStatus.EN_ROUTE)
    behind = cache.changes.jobs.set_status(boiler, JobStatus.IN_PROGRESS)
    kill(cache, refused.op_id)
    [moved] = requeue_dead(cache.database, [refused.op_id, behind.op_id], clock.now())
    assert moved.old_op_id == refused.op_id and moved.new_op_id != refused.op_id
    assert moved.new_seq > behind.seq  # a new sequence number: the server saw the old one
    by_id = {r.op_id: r for r in rows(cache)}
    assert refused.op_id not in by_id
    fresh = by_id[moved.new_op_id]
    assert (fresh.state, fresh.attempts, fresh.last_error) == (OutboxState.QUEUED, 0, None)
    assert fresh.payload["status"] == "en_route" and fresh.kind == "job.set_status"
    assert deps(cache, behind.op_id) == [moved.new_op_id]
    assert by_id[behind.op_id].blocked_by == ()
    job = record(cache, Job, boiler)
    assert (job.sync_state, job.sync_error) == (SyncState.PENDING, None)
    with cache.database.reader() as session:
        entry = session.scalars(
            select(SyncLogEntry).where(SyncLogEntry.event == REQUEUED_EVENT)
        ).one()
    assert entry.op_id == moved.new_op_id
    assert entry.details["old_op_id"] == refused.op_id
    assert entry.details["attempts"] == 3
    assert entry.details["last_error"] == "job was cancelled by the office"


def test_requeue_leaves_ops_that_are_not_dead_alone(cache, schedule, clock):
    queued = cache.changes.jobs.add_note(schedule.job_ids[0], "one")
    assert requeue_dead(cache.database, [queued.op_id, "no-such-op"], clock.now()) == []
    assert [r.op_id for r in rows(cache)] == [queued.op_id]


# --- discard --------------------------------------------------------------------------------


def test_discarding_an_edit_puts_the_old_value_back_and_logs_it(cache, schedule, clock):
    karin = schedule.customer_ids[0]
    edit = cache.changes.customers.edit(karin, {"phone": "070-123 45 67", "notes": "dog"})
    other = cache.changes.jobs.add_note(schedule.job_ids[1], "unrelated")
    plan = discard(cache.database, [edit.op_id], clock.now(), "typed on the wrong customer")
    assert (plan.chosen, plan.dependents, plan.refused) == ((edit.op_id,), (), ())
    assert [r.op_id for r in rows(cache)] == [other.op_id]  # nothing else goes
    customer = record(cache, Customer, karin)
    assert (customer.phone, customer.notes) == ("", "")
    assert customer.sync_state is SyncState.SYNCED
    with cache.database.reader() as session:
        [entry] = discard_log(session)
    assert (entry.op_id, entry.kind, entry.record_id) == (edit.op_id, "customer.update", karin)
    assert entry.reason == "typed on the wrong customer" and entry.because_of is None
    assert entry.details["payload"]["fields"]["phone"] == "070-123 45 67"
    assert entry.details["record_label"] == "Karin Lund"


def test_a_later_change_to_the_same_field_is_not_undone(cache, schedule, clock):
    karin = schedule.customer_ids[0]
    first = cache.changes.customers.edit(karin, {"notes": "first"})
    second = cache.changes.customers.edit(karin, {"notes": "second", "phone": "070-111 22 33"})
    third = cache.changes.customers.edit(karin, {"email": "k@example.se"})
    discard(cache.database, [first.op_id], clock.now(), "test")
    customer = record(cache, Customer, karin)
    assert customer.notes == "second"  # the later edit that stays keeps its value
    assert customer.sync_state is SyncState.PENDING
    assert deps(cache, second.op_id) == [] and deps(cache, third.op_id) == [second.op_id]
    discard(cache.database, [second.op_id], clock.now(), "test")
    customer = record(cache, Customer, karin)
    assert (customer.notes, customer.phone, customer.email) == ("first", "", "k@example.se")


def test_discarding_the_middle_of_a_chain_keeps_the_order_of_the_rest(cache, schedule, clock):
    boiler = schedule.job_ids[0]
    first = cache.changes.jobs.set_status(boiler, JobStatus.EN_ROUTE)
    middle = cache.changes.jobs.set_status(boiler, JobStatus.IN_PROGRESS)
    last = cache.changes.jobs.set_status(boiler, JobStatus.COMPLETE)
    discard(cache.database, [middle.op_id], clock.now(), "test")
    assert deps(cache, last.op_id) == [first.op_id]
    assert record(cache, Job, boiler).status is JobStatus.COMPLETE  # the last one still waits


def test_discarding_a_dead_status_change_restores_the_status(cache, schedule, clock):
    boiler = schedule.job_ids[0]
    refused = cache.changes.jobs.set_status(boiler, JobStatus.EN_ROUTE)
    kill(cache, refused.op_id)
    discard(cache.database, [refused.op_id], clock.now(), "the office cancelled the job")
    job = record(cache, Job, boiler)
    assert (job.status, job.sync_state, job.sync_error) == (
        JobStatus.SCHEDULED,
        SyncState.SYNCED,
        None,
    )
    assert rows(cache) == []


def test_a_discarded_create_takes_what_can_never_go_without_it(cache, schedule, clock):
    created = cache.changes.customers.create({"name": "Ada Berg"})
    edited = cache.changes.customers.edit(created.record_id, {"phone": "070-123 45 67"})
    estimate = cache.changes.documents.create("estimate", created.record_id, LINES)
    sent = cache.changes.documents.send(estimate.record_id)
    unrelated = cache.changes.customers.edit(schedule.customer_ids[0], {"notes": "keep me"})
    with cache.database.reader() as session:
        plan = plan_discard(session, [created.op_id])
    assert plan.chosen == (created.op_id,)
    assert plan.dependents == (edited.op_id, estimate.op_id, sent.op_id)
    done = discard(cache.database, [created.op_id], clock.now(), "duplicate customer")
    assert done == plan
    assert [r.op_id for r in rows(cache)] == [unrelated.op_id]
    customer = record(cache, Customer, created.record_id)
    assert customer is not None and customer.name == "Ada Berg"  # the local row stays
    assert customer.sync_state is SyncState.FAILED
    assert "duplicate customer" in customer.sync_error
    document = record(cache, Document, estimate.record_id)
    assert document.sync_state is SyncState.FAILED
    assert document.delivery_state is DeliveryState.DRAFT  # the send never went
    with cache.database.reader() as session:
        log = discard_log(session)
    assert len(log) == 4
    assert {e.because_of for e in log if e.op_id != created.op_id} == {created.op_id}


def test_an_op_in_flight_or_done_is_never_discarded(cache, schedule, clock):
    flying = cache.changes.jobs.add_note(schedule.job_ids[0], "on its way")
    done = cache.changes.jobs.add_note(schedule.job_ids[0], "accepted")
    set_state(cache, flying.op_id, OutboxState.IN_FLIGHT)
    set_state(cache, done.op_id, OutboxState.DONE)
    plan = discard(cache.database, [flying.op_id, done.op_id], clock.now(), "test")
    assert plan.all == () and plan.refused == (flying.op_id, done.op_id)
    assert len(rows(cache, include_done=True)) == 2
    with cache.database.reader() as session:
        assert discard_log(session) == []


# --- export ---------------------------------------------------------------------------------


def test_export_as_json_and_csv(cache, schedule, tmp_path):
    edit = cache.changes.customers.edit(schedule.customer_ids[0], {"notes": "Ring twice, ja"})
    status = cache.changes.jobs.set_status(schedule.job_ids[0], JobStatus.EN_ROUTE)
    kill(cache, status.op_id)
    with cache.database.reader() as session:
        assert export_outbox(session, tmp_path / "outbox.json") == 2
        assert export_outbox(session, tmp_path / "outbox.csv") == 2
    document = json.loads((tmp_path / "outbox.json").read_text("utf-8"))
    assert document["format"] == "wb-outbox-export"
    ops = document["ops"]
    assert [op["op_id"] for op in ops] == [edit.op_id, status.op_id]
    assert ops[0]["payload"]["fields"]["notes"] == "Ring twice, ja"
    assert ops[1]["state"] == "dead" and ops[1]["last_error"]
    assert ops[0]["created_at"].endswith("+00:00")
    table = list(csv.DictReader(io.StringIO((tmp_path / "outbox.csv").read_text("utf-8"))))
    assert [row["op_id"] for row in table] == [edit.op_id, status.op_id]
    assert json.loads(table[0]["payload"])["fields"]["notes"] == "Ring twice, ja"
    assert table[1]["record_label"] == "Boiler service"
