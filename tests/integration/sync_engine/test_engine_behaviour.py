"""What offline-sync users complain about, each shown not to happen, against the real server."""

from __future__ import annotations

import errno
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from tests.integration.sync_engine.conftest import Technician, connect
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.paths import ProfilePaths
from wb_desktop.core.store.cache import LocalCache, open_cache
from wb_desktop.core.store.media_files import MediaFiles
from wb_desktop.core.store.models import (
    ConflictRecord,
    Customer,
    Job,
    Note,
    OutboxOp,
    OutboxState,
    PullCursor,
    TechnicianProfile,
)
from wb_desktop.tools.scenario.office import Office
from wb_server.models import Note as ServerNote


def _jobs(technician: Technician) -> list[Job]:
    with technician.cache.database.reader() as db:
        return list(
            db.scalars(
                select(Job)
                .where(Job.assigned_technician_id.is_not(None))
                .order_by(Job.scheduled_start)
            )
        )


def _scheduled(technician: Technician) -> list[Job]:
    return [j for j in _jobs(technician) if j.status == "scheduled"]


def test_a_dead_op_holds_back_only_its_dependents(anna: Technician, office: Office) -> None:
    cancelled, other = _scheduled(anna)[:2]
    office.cancel_job(cancelled.id)  # the office cancels while Anna is offline
    anna.cache.changes.jobs.set_status(cancelled.id, "en_route")  # will be refused for good
    anna.cache.changes.jobs.set_status(cancelled.id, "in_progress")  # depends on it
    anna.cache.changes.jobs.add_note(other.id, "unrelated, must go through")
    report = anna.client.engine.step()
    assert report.ok, report.reason
    assert report.dead == 1 and report.applied == 1
    counts = anna.client.engine.counts()
    assert (counts.dead, counts.blocked, counts.queued, counts.drained) == (1, 1, 0, True)
    with anna.cache.database.reader() as db:
        job = db.get(Job, cancelled.id)
        assert job.sync_state is SyncState.FAILED and "cancelled" in (job.sync_error or "")
        dead = db.scalars(select(OutboxOp).where(OutboxOp.state == OutboxState.DEAD)).one()
        assert "cancelled" in (dead.last_error or "")


def test_pull_rebases_office_edits_under_pending_local_changes(
    anna: Technician, office: Office
) -> None:
    job = _scheduled(anna)[0]
    anna.cache.changes.jobs.set_status(job.id, "en_route")
    office.edit_job(job.id, title="Replace boiler (parts on site)")
    anna.client.engine.puller.pull_all()  # a pull while the status change still waits
    with anna.cache.database.reader() as db:
        rebased = db.get(Job, job.id)
        assert rebased.title == "Replace boiler (parts on site)"  # the office's edit landed
        assert rebased.status == "en_route"  # the pending local change kept
        assert rebased.sync_state is SyncState.PENDING
    assert anna.client.engine.step().ok
    with anna.cache.database.reader() as db:
        synced = db.get(Job, job.id)
        assert (synced.status, synced.sync_state) == ("en_route", SyncState.SYNCED)


def test_own_writes_do_not_come_back_twice(anna: Technician) -> None:
    job = _jobs(anna)[0]
    for n in range(3):
        anna.cache.changes.jobs.add_note(job.id, f"note {n}")
    assert anna.client.engine.step().ok
    with anna.cache.database.writer() as db, db.begin():  # pull it all again from the start
        db.execute(update(PullCursor).values(server_seq=0))
    assert anna.client.engine.step().ok
    with anna.cache.database.reader() as db:
        texts = db.scalars(select(Note.text).where(Note.job_id == job.id)).all()
    assert sorted(t for t in texts if t.startswith("note ")) == ["note 0", "note 1", "note 2"]


def test_same_field_conflict_is_recorded_and_surfaced(anna: Technician, office: Office) -> None:
    job = _jobs(anna)[0]
    with anna.cache.database.reader() as db:
        customer = db.get(Customer, job.customer_id)
    anna.go("offline")
    anna.cache.changes.customers.edit(customer.id, {"address": "Anna's guess 1"})
    office.edit_customer(customer.id, address="Office's address 2")
    anna.go("online")
    report = anna.client.engine.step()
    assert report.ok and report.conflicts == 1
    with anna.cache.database.reader() as db:
        record = db.get(Customer, customer.id)
        assert record.address == "Office's address 2"  # office-owned: the server wins
        assert record.sync_state is SyncState.CONFLICT
        conflict = db.scalars(select(ConflictRecord)).one()
        assert (conflict.field, conflict.local_value, conflict.winner) == (
            "address",
            "Anna's guess 1",
            "server",
        )
    assert anna.client.engine.unresolved_conflicts() == 1


def test_new_assignments_arrive_and_reassigned_jobs_leave(anna: Technician, office: Office) -> None:
    me = office.technician_id(anna.email)
    erik = office.technician_id("erik@demo.workboss.se")
    customer = office.customers()[0]
    start = anna.clock.now() + timedelta(hours=3)
    created = office.create_job(
        customer_id=customer.id,
        technician_id=me,
        title="Emergency leak",
        scheduled_start=start.isoformat(),
        scheduled_end=(start + timedelta(hours=1)).isoformat(),
        line_items=[{"description": "Call-out", "quantity": "1", "unit_price": "450.00"}],
    )
    leaving = _scheduled(anna)[-1]
    office.assign_job(leaving.id, erik)
    assert anna.client.engine.step().ok
    ids = {j.id for j in _jobs(anna)}
    assert created.id in ids and leaving.id not in ids


def test_a_captive_portal_reply_is_never_applied(anna: Technician) -> None:
    job = _jobs(anna)[0]
    anna.cache.changes.jobs.add_note(job.id, "behind the portal")
    anna.go("captive-portal")
    report = anna.client.engine.step()
    assert not report.ok and report.failure == "portal"
    assert "login page" in (report.reason or "")
    assert anna.client.engine.counts().queued == 1  # back in the queue, not applied
    with anna.server.context.reader() as db:
        assert (
            db.scalar(
                select(func.count())
                .select_from(ServerNote)
                .where(ServerNote.text == "behind the portal")
            )
            == 0
        )
    anna.go("online")
    assert anna.client.engine.step().ok
    assert anna.client.engine.counts().pending == 0


def test_a_cursor_ahead_of_a_reset_server_pulls_from_zero_once(anna: Technician) -> None:
    with anna.cache.database.writer() as db, db.begin():
        db.execute(update(PullCursor).values(server_seq=10_000_000))
    report = anna.client.engine.step()
    assert report.ok, report.reason
    assert anna.client.engine.puller.cursor() < 10_000_000
    assert report.pulled > 0


def test_server_errors_back_off_and_retry_after_is_honoured(
    anna: Technician, office: Office
) -> None:
    job = _jobs(anna)[0]
    anna.cache.changes.jobs.add_note(job.id, "after the storm")
    office.add_fault(kind="rate_limit", route="/v1/push", count=1, retry_after_s=7)
    report = anna.client.engine.step()
    assert not report.ok and report.failure == "server"
    assert report.retry_in_s is not None and report.retry_in_s >= 7
    office.add_fault(kind="error_503", route="/v1/push", count=1)
    anna.clock.advance(timedelta(seconds=8))
    report = anna.client.engine.step()
    assert not report.ok and "503" in (report.reason or "")
    anna.clock.advance(timedelta(seconds=61))
    report = anna.client.engine.step()
    assert report.ok and report.applied == 1
    with anna.cache.database.reader() as db:
        op = db.scalars(select(OutboxOp).where(OutboxOp.kind == "note.create")).all()[-1]
        assert op.attempts == 3 and op.state is OutboxState.DONE


def _fresh_cache(anna: Technician, name: str, quota_bytes: int) -> LocalCache:
    profile = ProfilePaths(anna.profile.folder.parent / name, name)
    cache = open_cache(profile, anna.clock, quota_bytes=quota_bytes)
    with anna.cache.database.reader() as db:
        me = db.scalar(select(TechnicianProfile))
        db.expunge(me)
    with cache.database.writer() as db, db.begin():
        db.merge(me)
    return cache


def _media_files(cache: LocalCache) -> list[Path]:
    return [p for p in cache.paths.media.rglob("*") if p.is_file()]


def test_a_quota_refusal_during_pull_stops_it_and_keeps_the_cursor(anna: Technician) -> None:
    cache = _fresh_cache(anna, "small", quota_bytes=anna.cache.storage_usage().used_bytes // 2)
    client = connect(cache, anna.server, anna.clock, anna.email)
    report = client.engine.step()
    assert not report.ok and report.failure == "stopped"
    assert "storage" in (report.reason or "").lower()
    assert client.engine.puller.cursor() == 0
    with cache.database.reader() as db:
        assert db.scalar(select(func.count()).select_from(Job)) == 0  # nothing half applied
    assert _media_files(cache) == []  # the downloaded files were removed again
    client.close()
    cache.close()


def test_a_full_disk_during_pull_stops_it_and_keeps_the_cursor(
    anna: Technician, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = _fresh_cache(anna, "full", quota_bytes=2**31)
    client = connect(cache, anna.server, anna.clock, anna.email)

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(MediaFiles, "put", disk_full)
    report = client.engine.step()
    assert not report.ok and "No space left" in (report.reason or "")
    assert client.engine.puller.cursor() == 0
    monkeypatch.undo()
    report = client.engine.step()  # space again: the pull resumes where it stopped
    assert report.ok and report.pulled > 0
    client.close()
    cache.close()
