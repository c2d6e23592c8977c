"""Issue 20: no time runs on a finished job. Completing a job closes its running job entry
in the same write, as a synced change; the day entry keeps running."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.protocol.kinds import RecordType
from wb_desktop.core.store.changes.timeclock import stop_timers_the_office_ended
from wb_desktop.core.store.models import Job, OutboxOp, TimeEntry
from wb_desktop.core.store.outbox import Outbox
from wb_desktop.core.sync.protocol_client import ChangeOut, ChangesPage
from wb_desktop.core.sync.pull import Puller


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


class _OnePage:
    """The office's feed as one page, for the puller (no network)."""

    def __init__(self, changes: list[ChangeOut]) -> None:
        self.page = ChangesPage(changes=changes, next_cursor=len(changes), has_more=False)

    def pull(self, since: int, limit: int) -> ChangesPage:
        return self.page


def _as_the_office_sends(cache, job_id: str, **fields) -> ChangeOut:
    with cache.database.reader() as session:
        job = session.get(Job, job_id)
        version = job.version + 1
        data = {  # every field the contract's JobRecord has
            "id": job.id,
            "version": version,
            "created_at": job.created_at.isoformat(),
            "updated_at": job.updated_at.isoformat(),
            "title": job.title,
            "description": job.description,
            "address": job.address,
            "customer_id": job.customer_id,
            "scheduled_start": job.scheduled_start.isoformat(),
            "scheduled_end": job.scheduled_end.isoformat() if job.scheduled_end else None,
            "status": job.status.value,
            "status_changed_at": None,
            "technician_id": "tech-anna",
            **fields,
        }
    return ChangeOut(
        seq=1,
        record_type="job",
        record_id=job_id,
        version=version,
        deleted=False,
        data=data,
        origin_device_id=None,
    )


def _pull(cache, clock, change: ChangeOut) -> list[tuple[str, str]]:
    api = _OnePage([change])
    puller = Puller(api, cache.database, cache.media, cache.quota, clock)  # type: ignore[arg-type]
    return puller.pull_all().changed


@pytest.mark.parametrize("ending", ["cancelled", "reassigned"])
def test_a_pull_that_ends_the_job_closes_its_running_entry_when_it_arrives(
    cache, clock, schedule, ending
):
    boiler = schedule.job_ids[0]
    day = cache.changes.time.clock_in()
    running = cache.changes.time.clock_in(boiler)
    clock.advance(timedelta(minutes=12))
    if ending == "cancelled":
        change = _as_the_office_sends(cache, boiler, status="cancelled")
    else:  # the office gave the job to another technician: a tombstone in our feed
        change = ChangeOut(
            seq=1,
            record_type="job",
            record_id=boiler,
            version=9,
            deleted=True,
            data=None,
            origin_device_id=None,
        )

    changed = _pull(cache, clock, change)

    assert _entry(cache, running.record_id).clock_out == clock.now()
    assert _entry(cache, day.record_id).clock_out is None
    assert _ops(cache)[-1] == ("time_entry.update", running.record_id)
    assert ("time_entry", running.record_id) in changed  # the views hear of it


def test_a_pull_that_leaves_the_job_open_leaves_its_timer_running(cache, clock, schedule):
    boiler = schedule.job_ids[0]
    running = cache.changes.time.clock_in(boiler)
    _pull(cache, clock, _as_the_office_sends(cache, boiler, title="Boiler service (2 units)"))
    assert _entry(cache, running.record_id).clock_out is None
    assert _ops(cache)[-1] == ("time_entry.create", running.record_id)
