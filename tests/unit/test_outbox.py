"""Outbox ordering rules, recorded as dependencies when each op is made; and the pending count."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import delete, select, update

from tests.conftest import PNG_1X1
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.store.models import Device, OutboxDependency, OutboxOp, OutboxState
from wb_desktop.core.store.outbox import (
    OpSpec,
    Outbox,
    dependencies_of,
    payload_text,
    pending_count,
    to_json_value,
)

LINES = [{"description": "Callout", "quantity": "1", "unit_price": "500"}]


def deps(cache, op_id: str) -> list[str]:
    with cache.database.reader() as session:
        return sorted(
            session.scalars(
                select(OutboxDependency.depends_on).where(OutboxDependency.op_id == op_id)
            )
        )


def set_state(cache, op_id: str, state: OutboxState) -> None:
    """As the push side would after the server answered."""
    with cache.database.writer() as session, session.begin():
        session.execute(update(OutboxOp).where(OutboxOp.op_id == op_id).values(state=state))


def pending(cache) -> int:
    with cache.database.reader() as session:
        return pending_count(session)


# --- same record ----------------------------------------------------------------------------


def test_second_op_on_the_same_record_depends_on_the_first(cache):
    created = cache.changes.customers.create({"name": "Ada"})
    edited = cache.changes.customers.edit(created.record_id, {"phone": "070-123 45 67"})
    assert deps(cache, created.op_id) == []
    assert deps(cache, edited.op_id) == [created.op_id]


def test_ops_on_one_record_form_a_chain_not_a_fan(cache, schedule):
    job = schedule.job_ids[0]
    receipts = [
        cache.changes.jobs.set_status(job, status)
        for status in (JobStatus.EN_ROUTE, JobStatus.IN_PROGRESS, JobStatus.COMPLETE)
    ]
    assert [deps(cache, r.op_id) for r in receipts] == [
        [],
        [receipts[0].op_id],
        [receipts[1].op_id],
    ]


def test_ops_on_different_records_are_independent(cache, schedule):
    first = cache.changes.jobs.set_status(schedule.job_ids[0], "en_route")
    second = cache.changes.jobs.set_status(schedule.job_ids[1], "en_route")
    third = cache.changes.customers.edit(schedule.customer_ids[0], {"notes": "x"})
    assert deps(cache, first.op_id) == deps(cache, second.op_id) == deps(cache, third.op_id) == []


def test_once_the_previous_op_is_done_the_next_does_not_wait(cache):
    created = cache.changes.customers.create({"name": "Ada"})
    set_state(cache, created.op_id, OutboxState.DONE)
    edited = cache.changes.customers.edit(created.record_id, {"notes": "after sync"})
    assert deps(cache, edited.op_id) == []


@pytest.mark.parametrize("state", [OutboxState.IN_FLIGHT, OutboxState.DEAD])
def test_an_in_flight_or_dead_previous_op_still_holds_the_next_back(cache, state):
    created = cache.changes.customers.create({"name": "Ada"})
    set_state(cache, created.op_id, state)
    edited = cache.changes.customers.edit(created.record_id, {"notes": "x"})
    assert deps(cache, edited.op_id) == [created.op_id]


# --- parents --------------------------------------------------------------------------------


def test_invoice_on_a_customer_created_offline_depends_on_its_create(cache):
    customer = cache.changes.customers.create({"name": "Ada"})
    invoice = cache.changes.documents.create("invoice", customer.record_id, LINES)
    assert deps(cache, invoice.op_id) == [customer.op_id]


def test_parent_dependency_is_on_the_create_only_not_on_later_edits(cache):
    customer = cache.changes.customers.create({"name": "Ada"})
    edit = cache.changes.customers.edit(customer.record_id, {"notes": "gate code"})
    invoice = cache.changes.documents.create("invoice", customer.record_id, LINES)
    assert deps(cache, edit.op_id) == [customer.op_id]
    assert deps(cache, invoice.op_id) == [customer.op_id]


def test_invoice_on_a_synced_customer_and_job_has_no_dependency(cache, schedule):
    invoice = cache.changes.documents.create(
        "invoice", schedule.customer_ids[0], LINES, job_id=schedule.job_ids[0]
    )
    assert deps(cache, invoice.op_id) == []


def test_once_the_parent_create_is_done_new_children_do_not_wait(cache):
    customer = cache.changes.customers.create({"name": "Ada"})
    first = cache.changes.documents.create("estimate", customer.record_id, LINES)
    set_state(cache, customer.op_id, OutboxState.DONE)
    second = cache.changes.documents.create("invoice", customer.record_id, LINES)
    assert deps(cache, first.op_id) == [customer.op_id]
    assert deps(cache, second.op_id) == []


def test_a_dead_parent_create_holds_back_its_children(cache):
    customer = cache.changes.customers.create({"name": "Ada"})
    set_state(cache, customer.op_id, OutboxState.DEAD)
    invoice = cache.changes.documents.create("invoice", customer.record_id, LINES)
    assert deps(cache, invoice.op_id) == [customer.op_id]


def test_later_ops_on_a_child_depend_on_the_child_not_again_on_the_parent(cache):
    customer = cache.changes.customers.create({"name": "Ada"})
    invoice = cache.changes.documents.create("invoice", customer.record_id, LINES)
    edit = cache.changes.documents.edit(invoice.record_id, notes="n")
    send = cache.changes.documents.send(invoice.record_id)
    assert deps(cache, edit.op_id) == [invoice.op_id]
    assert deps(cache, send.op_id) == [edit.op_id]


def test_records_on_synced_jobs_have_no_dependency(cache, schedule):
    job = schedule.job_ids[0]
    strokes = [[[0, 0, 0.5, 0], [30, 5, 0.5, 10]]]
    receipts = [
        cache.changes.jobs.add_note(job, "a note"),
        cache.changes.media.add_photo(job, PNG_1X1, "p.png"),
        cache.changes.media.add_signature(job, "Karin", strokes, PNG_1X1),
        cache.changes.time.clock_in(job),
    ]
    assert [deps(cache, r.op_id) for r in receipts] == [[], [], [], []]


def test_a_job_with_a_pending_status_change_does_not_hold_back_its_notes(cache, schedule):
    job = schedule.job_ids[0]
    cache.changes.jobs.set_status(job, "en_route")
    note = cache.changes.jobs.add_note(job, "on my way")
    assert deps(cache, note.op_id) == []


def test_dependencies_of_reports_every_op_asked_for(cache):
    customer = cache.changes.customers.create({"name": "Ada"})
    invoice = cache.changes.documents.create("invoice", customer.record_id, LINES)
    edit = cache.changes.customers.edit(customer.record_id, {"notes": "x"})
    with cache.database.reader() as session:
        found = dependencies_of(session, [customer.op_id, invoice.op_id, edit.op_id])
    assert found == {invoice.op_id: [customer.op_id], edit.op_id: [customer.op_id]}


# --- enqueue directly -----------------------------------------------------------------------


def test_enqueue_assigns_increasing_seq_and_stores_the_spec(cache, clock):
    outbox = Outbox()
    now = clock.now()
    with cache.database.writer() as session, session.begin():
        first = outbox.enqueue(session, OpSpec("thing.create", "thing", "t1", {"a": 1}), now)
        second = outbox.enqueue(
            session,
            OpSpec(
                "thing.update",
                "thing",
                "t1",
                {"fields": {"price": Decimal("12.50")}},
                base_version=4,
            ),
            now,
        )
        child = outbox.enqueue(
            session,
            OpSpec("part.create", "part", "p1", {}, parents=(("thing", "t1"), ("other", "x"))),
            now,
        )
    assert (first.seq, second.seq, child.seq) == (1, 2, 3)
    assert len({first.op_id, second.op_id, child.op_id}) == 3
    with cache.database.reader() as session:
        ops = list(session.scalars(select(OutboxOp).order_by(OutboxOp.seq)))
        assert session.scalars(select(Device.next_seq)).one() == 4
    assert [(o.kind, o.record_id, o.base_version) for o in ops] == [
        ("thing.create", "t1", 0),
        ("thing.update", "t1", 4),
        ("part.create", "p1", 0),
    ]
    assert ops[1].payload == {"fields": {"price": "12.50"}}
    assert all(o.state is OutboxState.QUEUED and o.created_at == now for o in ops)
    assert deps(cache, second.op_id) == [first.op_id]
    assert deps(cache, child.op_id) == [first.op_id]  # the create of its parent, not the update


def test_enqueue_without_a_device_row_refuses(cache, clock):
    with (
        pytest.raises(RuntimeError, match="no device row"),
        cache.database.writer() as session,
        session.begin(),
    ):
        session.execute(delete(Device))
        Outbox().enqueue(session, OpSpec("x.create", "x", "1", {}), clock.now())
    with cache.database.reader() as session:  # rolled back: the device row is still there
        assert session.scalars(select(Device.id)).one() == cache.device_id
        assert session.scalars(select(OutboxOp)).all() == []


# --- pending count --------------------------------------------------------------------------


def test_pending_count_counts_every_unfinished_op(cache, schedule):
    assert pending(cache) == 0
    customer = cache.changes.customers.create({"name": "Ada"})
    note = cache.changes.jobs.add_note(schedule.job_ids[0], "n")
    status = cache.changes.jobs.set_status(schedule.job_ids[0], "en_route")
    assert pending(cache) == 3
    set_state(cache, customer.op_id, OutboxState.IN_FLIGHT)
    assert pending(cache) == 3
    set_state(cache, note.op_id, OutboxState.DEAD)
    assert pending(cache) == 3  # dead ones still need a person's attention
    set_state(cache, status.op_id, OutboxState.DONE)
    assert pending(cache) == 2
    set_state(cache, customer.op_id, OutboxState.DONE)
    assert pending(cache) == 1


def test_no_ops_for_no_op_changes(cache):
    customer = cache.changes.customers.create({"name": "Ada"})
    invoice = cache.changes.documents.create("invoice", customer.record_id, LINES)
    cache.changes.documents.send(invoice.record_id)
    assert pending(cache) == 3
    assert not cache.changes.documents.send(invoice.record_id).changed
    assert not cache.changes.customers.edit(customer.record_id, {"name": "Ada"}).changed
    assert pending(cache) == 3
    with cache.database.reader() as session:
        sent = session.scalars(select(OutboxOp.kind).order_by(OutboxOp.seq)).all()
    assert sent == ["customer.create", "document.create", "document.send"]


# --- payload encoding -----------------------------------------------------------------------


def test_payload_values_become_json():
    when = datetime(2026, 11, 23, 7, 30, tzinfo=UTC)
    value = {
        "amount": Decimal("1250.50"),
        "at": when,
        "status": JobStatus.EN_ROUTE,
        "nested": [{"q": Decimal("0.001")}, (1, "a", None, True)],
        3: "int key",
    }
    assert to_json_value(value) == {
        "amount": "1250.50",
        "at": "2026-11-23T07:30:00+00:00",
        "status": "en_route",
        "nested": [{"q": "0.001"}, [1, "a", None, True]],
        "3": "int key",
    }


def test_payload_text_is_compact_and_sorted():
    assert payload_text({"b": Decimal("1.10"), "a": [1, 2]}) == '{"a":[1,2],"b":"1.10"}'


def test_payload_times_keep_their_instant():
    stockholm = timezone(timedelta(hours=1))
    when = datetime(2026, 11, 23, 8, 30, tzinfo=stockholm)
    text = to_json_value(when)
    assert datetime.fromisoformat(text) == datetime(2026, 11, 23, 7, 30, tzinfo=UTC)
