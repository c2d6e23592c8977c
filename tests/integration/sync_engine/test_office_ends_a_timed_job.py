"""Issue 20: when the office cancels or reassigns a job the technician is clocked in on, the
device closes that job's running entry when it learns of it, and the closed entry reaches
the office; the day entry keeps running."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.integration.sync_engine.conftest import ANNA, Technician
from wb_desktop.core.domain.status import is_open
from wb_desktop.core.protocol.records import TimeEntryRecord
from wb_desktop.core.store.models import Job, TimeEntry
from wb_desktop.tools.scenario.office import Office


def _first_open_job(anna: Technician) -> str:
    with anna.cache.database.reader() as session:
        jobs = session.scalars(select(Job).order_by(Job.scheduled_start)).all()
        return next(job.id for job in jobs if is_open(job.status))


def _entry(anna: Technician, entry_id: str) -> TimeEntry:
    with anna.cache.database.reader() as session:
        entry = session.get(TimeEntry, entry_id)
        session.expunge(entry)
        return entry


def _office_entry(office: Office, technician_id: str, entry_id: str) -> TimeEntryRecord:
    entries = office.office_view(technician_id).time_entries
    return next(e for e in entries if e.id == entry_id)


@pytest.mark.parametrize("ending", ["cancel", "reassign"])
def test_a_job_the_office_ends_stops_its_timer_and_the_office_sees_it(
    anna: Technician, office: Office, ending: str
) -> None:
    job_id = _first_open_job(anna)
    day = anna.cache.changes.time.clock_in()
    running = anna.cache.changes.time.clock_in(job_id)
    assert anna.client.engine.step().ok
    anna_id = office.technician_id(ANNA)
    assert _office_entry(office, anna_id, running.record_id).clock_out is None

    if ending == "cancel":
        office.cancel_job(job_id)
    else:
        other = next(t.id for t in office.technicians() if t.id != anna_id)
        office.assign_job(job_id, other)
    anna.clock.advance(timedelta(minutes=20))
    learned_at = anna.clock.now()
    assert anna.client.engine.step().ok  # the pull learns of it and closes the entry
    assert _entry(anna, running.record_id).clock_out == learned_at
    assert _entry(anna, day.record_id).clock_out is None
    assert anna.client.engine.step().ok  # and the next push sends the closing

    at_office = _office_entry(office, anna_id, running.record_id)
    assert at_office.clock_out is not None
    assert _office_entry(office, anna_id, day.record_id).clock_out is None
