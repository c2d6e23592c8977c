"""Issue 20: no time runs on a finished job. Completing a job closes its running job entry
in the same write, as a synced change; the day entry keeps running."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.protocol.kinds import RecordType
from wb_desktop.core.store.changes.timeclock import stop_timers_the_office_ended
from wb_desktop.core.store.models import OutboxOp, TimeEntry
from wb_desktop.core.store.outbox import Outbox


def _entry(cache, entry_id: str) -> TimeEntry:
    with cache.database.reader() as session:
        entry = session.get(TimeEntry, entry_id)
        session.expunge(entry)
        return entry


def _ops(cache) -> list[tuple[str, str]]:
    with cache.database.reader() as session:
        rows = session.execute(select(OutboxOp.kind, OutboxOp.record_id).order_by(OutboxOp.seq))
        return [(kind, record_id) for kind, record_id in rows]


def test_completing_a_job_closes_its_running_entry_at_that_moment(cache, clock, schedule):
    boiler = schedule.job_ids[0]
    time = cache.changes.time
    day = time.clock_in()
    job_entry = time.clock_in(boiler)
    for step in ("en_route", "in_progress"):
        cache.changes.jobs.set_status(boiler, step)
    clock.advance(timedelta(minutes=42))
    completed_at = clock.now()

    receipt = cache.changes.jobs.set_status(boiler, "complete")

    closed = _entry(cache, job_entry.record_id)
    assert closed.clock_out == completed_at
    assert closed.sync_state is not SyncState.SYNCED  # a change still to send
    assert _entry(cache, day.record_id).clock_out is None  # the day keeps running
    ops = _ops(cache)
    # The entry's op is queued before the status's, in the same write.
    assert ops[-2:] == [("time_entry.update", job_entry.record_id), ("job.set_status", boiler)]
    notice = receipt.changes()
    assert RecordType.TIME_ENTRY in notice.kinds and RecordType.JOB in notice.kinds
    assert job_entry.record_id in notice.record_ids
    assert notice.concerns(RecordType.TIME_ENTRY)


def test_completing_a_job_leaves_another_jobs_timer_and_needs_none(cache, clock, schedule):
    boiler, leak = schedule.job_ids
    running = cache.changes.time.clock_in(leak)
    for step in ("en_route", "in_progress"):
        cache.changes.jobs.set_status(boiler, step)
    receipt = cache.changes.jobs.set_status(boiler, "complete")
    assert _entry(cache, running.record_id).clock_out is None
    assert receipt.preceded_by == ()
    assert _ops(cache)[-1] == ("job.set_status", boiler)


def test_a_job_the_office_ended_has_its_timer_closed_with_an_op(cache, clock, schedule):
    boiler = schedule.job_ids[0]
    running = cache.changes.time.clock_in(boiler)
    day = cache.changes.time.clock_in()
    clock.advance(timedelta(minutes=5))
    with cache.database.writer() as session, session.begin():
        closed = stop_timers_the_office_ended(session, Outbox(), {boiler}, clock.now())
    assert closed == [running.record_id]
    assert _entry(cache, running.record_id).clock_out == clock.now()
    assert _entry(cache, day.record_id).clock_out is None
    assert _ops(cache)[-1] == ("time_entry.update", running.record_id)
