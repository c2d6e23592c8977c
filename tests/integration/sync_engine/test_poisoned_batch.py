"""One op kind the server keeps failing holds back only that op (issue 18, item 4).

The server answers 500 to every push holding a ``photo.create``. After two failures of the
same batch the client splits it until the photo's op is alone: the note, the status change
and the clock-out reach the office, the photo's op retries on its own backoff (its
dependents wait), and once the fault is cleared it goes through exactly once. A push that
gets no answer at all (the connection drops) or a ``Retry-After`` is not split.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.conftest import PNG_1X1
from tests.integration.sync_engine.conftest import Technician
from wb_desktop.core.store.models import Job, OutboxOp, OutboxState
from wb_desktop.core.sync.backoff import CAP_S
from wb_desktop.core.sync.step_report import StepReport
from wb_desktop.core.sync.trace import TraceEvent
from wb_desktop.tools.scenario.office import Office
from wb_server.models import Photo as ServerPhoto

BACKGROUND_S = 600.0
PERIOD_S = 60.0  # the service's periodic sync when all is well


def _open_jobs(anna: Technician) -> list[Job]:
    with anna.cache.database.reader() as db:
        jobs = db.scalars(
            select(Job).where(Job.assigned_technician_id.is_not(None)).order_by(Job.scheduled_start)
        ).all()
        return [job for job in jobs if job.status in ("scheduled", "en_route", "in_progress")]


def _scheduled(anna: Technician) -> list[Job]:
    return [job for job in _open_jobs(anna) if job.status == "scheduled"]


def _pushes(anna: Technician) -> list[TraceEvent]:
    events: list[TraceEvent] = []
    assert anna.client.tracing is not None
    anna.client.tracing.listeners.append(
        lambda event: events.append(event) if event.route == "/v1/push" else None
    )
    return events


def _background(anna: Technician, seconds: float) -> list[StepReport]:
    """What the sync service does meanwhile, on the fake clock: a step when one is due (a
    failure's retry time, else the periodic sync)."""
    reports, passed = [], 0.0
    while passed < seconds:
        report = anna.client.engine.step()
        reports.append(report)
        due = report.retry_in_s if not report.ok and report.retry_in_s is not None else PERIOD_S
        assert due <= max(CAP_S, PERIOD_S), "a queue with a reachable server sat idle too long"
        pause = min(due, seconds - passed)
        anna.clock.advance(timedelta(seconds=pause))
        passed += pause
    return reports


def _pending(anna: Technician) -> list[OutboxOp]:
    with anna.cache.database.reader() as db:
        return list(
            db.scalars(
                select(OutboxOp).where(OutboxOp.state != OutboxState.DONE).order_by(OutboxOp.seq)
            )
        )


def _queue_the_day(anna: Technician) -> tuple[str, str, str, str]:
    """A photo, a note, a status change and a clock-out (of an entry the office has)."""
    job = _scheduled(anna)[0]
    entry = anna.cache.changes.time.clock_in(job.id)
    assert anna.client.engine.step().ok
    anna.clock.advance(timedelta(minutes=40))
    photo = anna.cache.changes.media.add_photo(job.id, PNG_1X1, "meter.png")
    note = anna.cache.changes.jobs.add_note(job.id, "Meter reading 48211")
    anna.cache.changes.jobs.set_status(job.id, "en_route")
    anna.cache.changes.time.clock_out(job.id)
    return job.id, photo.record_id, note.record_id, entry.record_id


def test_a_permanent_500_on_photos_holds_back_only_the_photo(
    anna: Technician, office: Office
) -> None:
    job_id, photo_id, note_id, entry_id = _queue_the_day(anna)
    office.add_fault(kind="error_500", op_kind="photo.create")
    pushes = _pushes(anna)

    first = anna.client.engine.step()  # one failure may be a blip: the batch waits whole
    assert not first.ok and "500" in (first.reason or "")
    assert len(_pending(anna)) == 4 and len(pushes) == 1
    anna.clock.advance(timedelta(seconds=first.retry_in_s or 0))
    second = anna.client.engine.step()  # the same batch fails again: split
    assert second.applied == 3 and second.failure == "server" and not second.ok
    assert second.retry_in_s is not None and 0 < second.retry_in_s <= 0.5
    assert [len(p.op_ids) for p in pushes] == [4, 4, 2, 1, 1, 2]  # [P N S C], [P N], [P]…
    held = _pending(anna)[0]
    assert held.kind == "photo.create" and pushes[3].op_ids == (held.op_id,)

    # A step before the photo's retry time (a new note was saved) leaves the photo alone,
    # and says when it is due.
    anna.cache.changes.jobs.add_note(job_id, "Second reading 48230")
    third = anna.client.engine.step()
    assert third.applied == 1 and len(pushes) == 7 and held.op_id not in pushes[-1].op_ids
    assert not third.ok and third.failure == "server" and "500" in (third.reason or "")
    assert third.retry_in_s == pytest.approx(second.retry_in_s)

    anna.clock.advance(timedelta(seconds=third.retry_in_s))
    reports = [first, second, third, *_background(anna, BACKGROUND_S)]

    pending = _pending(anna)
    assert [op.kind for op in pending] == ["photo.create"]  # only the photo's op
    assert pending[0].state is OutboxState.QUEUED and "500" in (pending[0].last_error or "")
    assert anna.client.engine.counts().pending == 1
    me = office.technician_id(anna.email)
    view = office.office_view(me)
    assert [n.id for n in view.notes if n.id == note_id] == [note_id]
    assert next(j for j in view.jobs if j.id == job_id).status == "en_route"
    entry = next(t for t in view.time_entries if t.id == entry_id)
    assert entry.clock_out is not None
    assert photo_id not in {p.id for p in view.photos}

    # From the split on, the photo's op goes alone, on its own backoff: it kept trying,
    # but not in a tight loop, and never again in a batch with others.
    alone = [p for p in pushes[7:] if p.op_ids == (held.op_id,)]
    assert len(alone) == len(pushes) - 7 >= 5
    assert len(pushes) < 50
    background = reports[3:]
    assert all(r.failure == "server" for r in background), [r.reason for r in background]
    assert all(0 < (r.retry_in_s or 0) <= CAP_S for r in background)

    office.clear_faults()
    anna.client.engine.reset_backoff()  # as the service does when someone presses Sync
    report = anna.client.engine.step()
    assert report.ok and report.applied == 1, report.reason
    assert _pending(anna) == []
    with anna.server.context.reader() as db:
        photos = db.scalars(select(ServerPhoto).where(ServerPhoto.id == photo_id)).all()
    assert len(photos) == 1
    with anna.cache.database.reader() as db:
        op = db.scalars(select(OutboxOp).where(OutboxOp.record_id == photo_id)).one()
        assert op.result == "applied"  # the 500s never applied it: now it is, once


def test_a_held_op_keeps_its_dependents_waiting(anna: Technician, office: Office) -> None:
    job, other = _scheduled(anna)[:2]
    office.add_fault(kind="error_500", op_kind="job.set_status")
    anna.cache.changes.jobs.set_status(job.id, "en_route")  # held
    anna.cache.changes.jobs.set_status(job.id, "in_progress")  # depends on it: waits
    note = anna.cache.changes.jobs.add_note(other.id, "Parts ordered")
    anna.cache.changes.jobs.add_note(job.id, "Gate code 1234")
    pushes = _pushes(anna)
    _background(anna, 300)
    held, waiting = _pending(anna)
    assert (held.kind, waiting.kind) == ("job.set_status", "job.set_status")
    assert held.attempts > 3 and waiting.attempts == 0  # the dependent was never sent
    assert all(waiting.op_id not in p.op_ids for p in pushes)
    counts = anna.client.engine.counts()
    assert (counts.queued, counts.dead, counts.pending) == (2, 0, 2)
    view = office.office_view(office.technician_id(anna.email))
    assert note.record_id in {n.id for n in view.notes}
    assert next(j for j in view.jobs if j.id == job.id).status == "scheduled"

    office.clear_faults()
    anna.client.engine.reset_backoff()
    report = anna.client.engine.step()
    assert report.ok and report.applied == 2, report.reason
    view = office.office_view(office.technician_id(anna.email))
    assert next(j for j in view.jobs if j.id == job.id).status == "in_progress"


def test_a_dropped_connection_or_a_retry_after_does_not_split_the_batch(
    anna: Technician, office: Office
) -> None:
    _queue_the_day(anna)
    pushes = _pushes(anna)
    office.add_fault(kind="drop", op_kind="photo.create")  # no answer: the link's fault
    for _ in range(4):
        report = anna.client.engine.step()
        assert not report.ok and report.failure == "unreachable"
        anna.clock.advance(timedelta(seconds=report.retry_in_s or 0))
    assert len(_pending(anna)) == 4
    assert [len(p.op_ids) for p in pushes] == [4, 4, 4, 4]

    office.clear_faults()
    office.add_fault(kind="rate_limit", op_kind="photo.create", retry_after_s=30)
    for _ in range(3):
        report = anna.client.engine.step()
        assert not report.ok and (report.retry_in_s or 0) >= 30
        anna.clock.advance(timedelta(seconds=report.retry_in_s or 0))
    assert len(_pending(anna)) == 4
    assert [len(p.op_ids) for p in pushes[4:]] == [4, 4, 4]


def test_a_server_failing_every_push_is_not_split_op_by_op(
    anna: Technician, office: Office
) -> None:
    job = _scheduled(anna)[0]
    for n in range(16):
        anna.cache.changes.jobs.add_note(job.id, f"note {n}")
    pushes = _pushes(anna)
    office.add_fault(kind="error_500", route="/v1/push")
    for _ in range(5):
        report = anna.client.engine.step()
        assert not report.ok and report.failure == "server"
        anna.clock.advance(timedelta(seconds=report.retry_in_s or 0))
    # Each split stops once the first op it isolates fails alone and its neighbour fails
    # too: a few requests per step, never one per op.
    assert len(pushes) <= 5 * 7, [len(p.op_ids) for p in pushes]
    assert len(_pending(anna)) == 16

    office.clear_faults()
    anna.client.engine.reset_backoff()
    report = anna.client.engine.step()
    assert report.ok and report.applied == 16, report.reason
    with anna.cache.database.reader() as db:
        results = db.scalars(select(OutboxOp.result).where(OutboxOp.kind == "note.create")).all()
    assert set(results) == {"applied"}
