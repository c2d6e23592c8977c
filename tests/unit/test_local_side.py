"""The tablet's side of the convergence check, and the cache browser's rows, from a real
cache."""

from __future__ import annotations

from sqlalchemy import update

from tests.conftest import Schedule
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.models import Job, OutboxOp, OutboxState
from wb_desktop.tools.console.cache_tables import CACHE_TABLES, read_table
from wb_desktop.tools.diagnostics.convergence import COMPARED_KINDS, KINDS_BY_KEY
from wb_desktop.tools.diagnostics.local_side import local_snapshot

TECHNICIAN = "66666666-6666-4666-8666-666666666666"


def _assign(cache: LocalCache, job_id: str) -> None:
    with cache.database.writer() as session, session.begin():
        session.execute(
            update(Job).where(Job.id == job_id).values(assigned_technician_id=TECHNICIAN)
        )


def test_the_snapshot_has_the_offices_shape_and_what_waits(
    cache: LocalCache, schedule: Schedule
) -> None:
    boiler, leak = schedule.job_ids
    _assign(cache, boiler)  # the leak stays unassigned: kept locally, not the office's list
    note = cache.changes.jobs.add_note(boiler, "Gate code 4711")
    cache.changes.jobs.set_status(boiler, "en_route")
    cache.changes.jobs.add_note(leak, "Not listed: the job is not Anna's")

    with cache.database.reader() as session:
        snapshot = local_snapshot(session, TECHNICIAN)

    assert set(snapshot.records) == {kind.key for kind in COMPARED_KINDS}
    [job] = snapshot.records["jobs"]
    assert job["id"] == boiler and job["technician_id"] == TECHNICIAN
    assert job["sync_state"] == "pending" and job["version"] == 1
    assert set(KINDS_BY_KEY["jobs"].fields) <= set(job)
    assert [n["id"] for n in snapshot.records["notes"]] == [note.record_id]
    assert len(snapshot.records["customers"]) == 2
    assert snapshot.waiting[("job", boiler)] == {"status", "status_changed_at"}
    assert snapshot.waiting[("note", note.record_id)] == {"*"}
    assert snapshot.refused == frozenset()


def test_a_dead_op_marks_its_record_refused(cache: LocalCache, schedule: Schedule) -> None:
    _assign(cache, schedule.job_ids[0])
    note = cache.changes.jobs.add_note(schedule.job_ids[0], "Refused")
    with cache.database.writer() as session, session.begin():
        session.execute(update(OutboxOp).values(state=OutboxState.DEAD))
    with cache.database.reader() as session:
        snapshot = local_snapshot(session, TECHNICIAN)
    assert snapshot.refused == {("note", note.record_id)}
    assert ("note", note.record_id) not in snapshot.waiting


def test_every_browsable_table_reads_with_identity_and_state_first(
    cache: LocalCache, schedule: Schedule
) -> None:
    cache.changes.jobs.add_note(schedule.job_ids[0], "Gate code 4711")
    with cache.database.reader() as session:
        for table in CACHE_TABLES:
            rows = read_table(session, table.name)
            assert table.identity in rows.columns
            assert not rows.truncated
        jobs = read_table(session, "jobs")
        outbox = read_table(session, "outbox")
        cut = read_table(session, "jobs", limit=1)
    assert jobs.columns[:2] == ("id", "sync_state")
    assert jobs.columns[-1] == "sync_error"
    assert [row["title"] for row in jobs.rows] == ["Boiler service", "Leaking tap"]
    assert outbox.columns[:3] == ("op_id", "seq", "state")
    assert [row["kind"] for row in outbox.rows] == ["note.create"]
    assert cut.truncated and cut.total == 2 and len(cut.rows) == 1
