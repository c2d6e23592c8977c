"""Settling conflicts by hand: the choice is written through the write path and syncs."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from wb_desktop.core.domain.errors import StateError, StatusTransitionError, ValidationError
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.conflict_resolution import Choice, open_conflicts, resolve
from wb_desktop.core.store.models import ConflictRecord, Customer, Job, OutboxOp, OutboxState


def conflict(cache, clock, record_type, record_id, field, mine, server) -> int:
    """As the push records a same-field conflict the server won: the cache holds the
    server's value, the record shows the conflict, the losing value waits."""
    model = Customer if record_type == "customer" else Job
    with cache.database.writer() as session, session.begin():
        record = session.get(model, record_id)
        setattr(record, field, server)
        record.version += 1
        record.sync_state = SyncState.CONFLICT
        row = ConflictRecord(
            record_type=record_type,
            record_id=record_id,
            field=field,
            local_value=mine,
            server_value=server,
            winner="server",
            detected_at=clock.now(),
        )
        session.add(row)
        session.flush()
        return row.id


def queued(cache) -> list[OutboxOp]:
    with cache.database.reader() as session:
        return list(
            session.scalars(
                select(OutboxOp).where(OutboxOp.state == OutboxState.QUEUED).order_by(OutboxOp.seq)
            )
        )


def get(cache, model, record_id):
    with cache.database.reader() as session:
        return session.get(model, record_id)


def conflicts(cache):
    with cache.database.reader() as session:
        return open_conflicts(session)


def test_open_conflicts_show_both_sides_and_the_cache_per_record(cache, schedule, clock):
    karin = schedule.customer_ids[0]
    address = conflict(cache, clock, "customer", karin, "address", "Anna's guess", "Office road 2")
    phone = conflict(cache, clock, "customer", karin, "phone", "070-1", "070-2")
    [open_one] = conflicts(cache)
    assert (open_one.record_type, open_one.record_id, open_one.label) == (
        "customer",
        karin,
        "Karin Lund",
    )
    assert open_one.sync_state is SyncState.CONFLICT
    assert open_one.conflict_ids == (address, phone)
    first = open_one.fields[0]
    assert (first.field, first.mine, first.server, first.current) == (
        "address",
        "Anna's guess",
        "Office road 2",
        "Office road 2",
    )
    assert first.typed


def test_keep_mine_queues_an_edit_on_the_current_version(cache, schedule, clock):
    karin = schedule.customer_ids[0]
    conflict_id = conflict(cache, clock, "customer", karin, "address", "Anna's guess", "Office 2")
    [done] = resolve(cache.changes, [conflict_id], Choice.KEEP_MINE)
    assert done.written == {"address": "Anna's guess"} and len(done.op_ids) == 1
    [op] = queued(cache)
    assert op.op_id == done.op_ids[0] and op.kind == "customer.update"
    assert op.payload == {
        "fields": {"address": "Anna's guess"},
        "previous": {"address": "Office 2"},
    }
    customer = get(cache, Customer, karin)
    assert op.base_version == customer.version
    assert (customer.address, customer.sync_state) == ("Anna's guess", SyncState.PENDING)
    with cache.database.reader() as session:
        row = session.get(ConflictRecord, conflict_id)
    assert row.resolution == "kept_mine" and row.resolved_at == clock.now()
    assert conflicts(cache) == []


def test_keep_the_servers_writes_nothing_when_the_cache_already_has_it(cache, schedule, clock):
    karin = schedule.customer_ids[0]
    conflict_id = conflict(cache, clock, "customer", karin, "address", "Anna's guess", "Office 2")
    [done] = resolve(cache.changes, [conflict_id], Choice.KEEP_SERVER)
    assert done.written == {} and done.op_ids == ()
    assert queued(cache) == []
    customer = get(cache, Customer, karin)
    assert (customer.address, customer.sync_state) == ("Office 2", SyncState.SYNCED)


def test_keep_the_servers_undoes_a_local_edit_made_since(cache, schedule, clock):
    karin = schedule.customer_ids[0]
    conflict_id = conflict(cache, clock, "customer", karin, "address", "Anna's guess", "Office 2")
    cache.changes.customers.edit(karin, {"address": "Anna's second guess"})
    [done] = resolve(cache.changes, [conflict_id], Choice.KEEP_SERVER)
    assert done.written == {"address": "Office 2"}
    assert get(cache, Customer, karin).address == "Office 2"
    assert len(queued(cache)) == 2


def test_merge_takes_a_typed_value_and_the_servers_for_the_rest(cache, schedule, clock):
    karin = schedule.customer_ids[0]
    address = conflict(cache, clock, "customer", karin, "address", "Storgatan 1", "Storgatan 1B")
    phone = conflict(cache, clock, "customer", karin, "phone", "070-111 11 11", "070-222 22 22")
    [done] = resolve(
        cache.changes,
        [address, phone],
        Choice.MERGE,
        {"address": "Storgatan 1B, door code 4411"},
    )
    assert done.written == {"address": "Storgatan 1B, door code 4411"}
    customer = get(cache, Customer, karin)
    assert (customer.address, customer.phone) == ("Storgatan 1B, door code 4411", "070-222 22 22")
    with cache.database.reader() as session:
        resolutions = session.scalars(select(ConflictRecord.resolution)).all()
    assert resolutions == ["merged", "merged"]


def test_a_bad_typed_value_is_refused_and_the_conflict_stays_open(cache, schedule, clock):
    karin = schedule.customer_ids[0]
    email = conflict(cache, clock, "customer", karin, "email", "a@b.se", "c@d.se")
    with pytest.raises(ValidationError):
        resolve(cache.changes, [email], Choice.MERGE, {"email": "not an address"})
    assert queued(cache) == []
    assert [c.conflict_ids for c in conflicts(cache)] == [(email,)]
    assert get(cache, Customer, karin).sync_state is SyncState.CONFLICT


def test_deciding_one_field_of_two_keeps_the_record_in_conflict(cache, schedule, clock):
    karin = schedule.customer_ids[0]
    address = conflict(cache, clock, "customer", karin, "address", "A", "B")
    conflict(cache, clock, "customer", karin, "notes", "mine", "theirs")
    resolve(cache.changes, [address], Choice.KEEP_MINE)
    assert get(cache, Customer, karin).sync_state is SyncState.CONFLICT
    assert [f.field for f in conflicts(cache)[0].fields] == ["notes"]


def test_keep_mine_on_a_job_status_sets_the_status(cache, schedule, clock):
    boiler = schedule.job_ids[0]
    status = conflict(cache, clock, "job", boiler, "status", "in_progress", JobStatus.EN_ROUTE)
    [done] = resolve(cache.changes, [status], Choice.KEEP_MINE)
    assert done.written == {"status": "in_progress"}
    [op] = queued(cache)
    assert op.kind == "job.set_status" and op.payload["status"] == "in_progress"
    job = get(cache, Job, boiler)
    assert (job.status, job.sync_state) == (JobStatus.IN_PROGRESS, SyncState.PENDING)


def test_a_status_the_job_can_no_longer_take_is_refused(cache, schedule, clock):
    boiler = schedule.job_ids[0]
    status = conflict(cache, clock, "job", boiler, "status", "en_route", JobStatus.CANCELLED)
    with pytest.raises(StatusTransitionError):
        resolve(cache.changes, [status], Choice.KEEP_MINE)
    assert queued(cache) == [] and len(conflicts(cache)) == 1
    resolve(cache.changes, [status], Choice.KEEP_SERVER)
    assert get(cache, Job, boiler).sync_state is SyncState.SYNCED


def test_a_field_without_a_write_path_can_only_keep_the_servers(cache, schedule, clock):
    boiler = schedule.job_ids[0]
    title = conflict(cache, clock, "job", boiler, "title", "My title", "Office title")
    with pytest.raises(StateError, match="cannot be changed on this device"):
        resolve(cache.changes, [title], Choice.KEEP_MINE)
    [done] = resolve(cache.changes, [title], Choice.KEEP_SERVER)
    assert done.written == {}


def test_resolving_twice_says_it_is_already_done(cache, schedule, clock):
    karin = schedule.customer_ids[0]
    conflict_id = conflict(cache, clock, "customer", karin, "address", "A", "B")
    resolve(cache.changes, [conflict_id], Choice.KEEP_SERVER)
    with pytest.raises(StateError, match="already resolved"):
        resolve(cache.changes, [conflict_id], Choice.KEEP_MINE)
