"""The time clock's read side, against a real cache with entries written by the write path."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.models import Job
from wb_desktop.core.store.time_queries import (
    TimeEntryView,
    day_bounds,
    entries_for_day,
    job_time,
    open_time_entries,
    time_entry,
    worked_per_job,
    worked_within,
)

STOCKHOLM = ZoneInfo("Europe/Stockholm")  # UTC+1 in November


def at(clock, hour: int, minute: int = 0, day: int = 23) -> datetime:
    """Move the fixed clock to a UTC time in November 2026."""
    moment = datetime(2026, 11, day, hour, minute, tzinfo=UTC)
    clock.advance(moment - clock.now())
    return moment


def read(cache, query):
    with cache.database.reader() as session:
        return query(session)


@pytest.fixture
def boiler(schedule):
    return schedule.job_ids[0]


@pytest.fixture
def leak(schedule):
    return schedule.job_ids[1]


def test_a_local_day_holds_the_entries_that_overlap_it(cache, clock, boiler):
    time = cache.changes.time
    at(clock, 20, day=22)  # 21:00 local, the day before
    time.clock_in(boiler)
    at(clock, 22, day=22)
    time.clock_out()  # ended 23:00 local: not today
    time.clock_in()  # 23:00 local, runs past midnight: today too
    at(clock, 23, day=23)
    time.clock_out()  # 00:00 local on the 24th: ends exactly at midnight
    night = time.clock_in(boiler)  # starts at the next midnight: not the 23rd

    today = read(cache, lambda s: entries_for_day(s, date(2026, 11, 23), STOCKHOLM))
    assert [(e.job_title, e.clock_in.hour) for e in today] == [(None, 22)]
    tomorrow = read(cache, lambda s: entries_for_day(s, date(2026, 11, 24), STOCKHOLM))
    assert [e.id for e in tomorrow] == [night.record_id]


def test_an_entry_left_running_shows_on_every_day_since(cache, clock):
    at(clock, 7, day=21)
    cache.changes.time.clock_in()
    days = [date(2026, 11, n) for n in (21, 22, 23)]
    found = [read(cache, lambda s, d=d: entries_for_day(s, d, STOCKHOLM)) for d in days]
    assert [len(entries) for entries in found] == [1, 1, 1]
    assert found[2][0].running


def test_day_and_job_entries_are_listed_by_start_day_first(cache, clock, boiler):
    cache.changes.time.clock_in(boiler)
    cache.changes.time.clock_in()  # the same instant: the day row still comes first
    listed = read(cache, lambda s: entries_for_day(s, date(2026, 11, 23), STOCKHOLM))
    assert [e.job_id for e in listed] == [None, boiler]
    assert [e.job_title for e in listed] == [None, "Boiler service"]
    assert {e.sync_state for e in listed} == {SyncState.LOCAL_ONLY}


def test_worked_per_job_counts_every_entry_and_running_ones_up_to_now(cache, clock, boiler, leak):
    time = cache.changes.time
    at(clock, 8)
    time.clock_in(boiler)
    at(clock, 9)
    time.clock_out(boiler)
    time.clock_in(leak)
    at(clock, 9, 30)
    time.clock_out(leak)
    time.clock_in(boiler)
    now = at(clock, 9, 45)
    totals = read(cache, lambda s: worked_per_job(s, now))
    assert totals == {boiler: timedelta(hours=1, minutes=15), leak: timedelta(minutes=30)}
    assert read(cache, lambda s: worked_per_job(s, now, [leak])) == {leak: timedelta(minutes=30)}


def test_job_time_knows_what_runs_and_what_is_logged(cache, clock, boiler, leak):
    time = cache.changes.time
    at(clock, 8)
    time.clock_in(boiler)
    at(clock, 9)
    time.clock_out(boiler)
    time.clock_in(leak)
    now = at(clock, 9, 10)

    on_boiler = read(cache, lambda s: job_time(s, boiler))
    assert on_boiler.closed_total == timedelta(hours=1)
    assert on_boiler.open_entry is None
    assert on_boiler.other_job_entry.job_title == "Leaking tap"
    assert on_boiler.can_clock_in
    on_leak = read(cache, lambda s: job_time(s, leak))
    assert on_leak.total(now) == timedelta(minutes=10)
    assert on_leak.other_job_entry is None
    assert read(cache, lambda s: job_time(s, "no-such-job")) is None

    with cache.database.writer() as session, session.begin():
        session.get(Job, boiler).status = JobStatus.COMPLETE
    assert not read(cache, lambda s: job_time(s, boiler)).can_clock_in


def test_open_time_entries_and_one_entry_by_id(cache, clock, boiler):
    day = cache.changes.time.clock_in()
    job = cache.changes.time.clock_in(boiler)
    current = read(cache, open_time_entries)
    assert (current.day.id, current.job.id, current.job.job_title) == (
        day.record_id,
        job.record_id,
        "Boiler service",
    )
    assert read(cache, lambda s: time_entry(s, job.record_id)).job_id == boiler
    assert read(cache, lambda s: time_entry(s, "nope")) is None


def entry(start: datetime, end: datetime | None, job_id: str | None = None) -> TimeEntryView:
    return TimeEntryView("id", job_id, None, start, end, SyncState.SYNCED, None, "")


def test_worked_within_counts_overlapping_time_once_and_clips_to_the_window():
    t = datetime(2026, 11, 23, 8, tzinfo=UTC)
    h = timedelta(hours=1)
    entries = [
        entry(t, t + 8 * h),  # the day
        entry(t + h, t + 2 * h, "a"),  # inside the day
        entry(t + 7 * h, None, "b"),  # runs on past the day
        entry(t - 3 * h, t - 2 * h, "c"),  # before the window
    ]
    now = t + 9 * h
    assert worked_within(entries, t - h, t + 24 * h, now) == 9 * h
    assert worked_within(entries, t, t + 4 * h, now) == 4 * h
    assert worked_within([], t, t + h, now) == timedelta(0)


def test_a_local_day_is_23_hours_when_the_clocks_go_forward():
    start, end = day_bounds(date(2026, 3, 29), STOCKHOLM)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=23)
    assert start.astimezone(UTC) == datetime(2026, 3, 28, 23, tzinfo=UTC)
