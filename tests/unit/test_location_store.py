"""GPS pings in a real migrated cache: inserted directly, never through the outbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update

from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.route import Visit, plan_route
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.locations import record_ping, tracked_day, unsent_count
from wb_desktop.core.store.models import Job, LocationPing, OutboxOp
from wb_desktop.core.store.seed import add_server_customer, add_server_job

STOCKHOLM = ZoneInfo("Europe/Stockholm")
TECHNICIAN = "0b7f3a52-5b8e-4a39-9d59-1c1c0e6f2a10"


def ping(cache: LocalCache, clock: FixedClock, job_id: str | None = None) -> str:
    return record_ping(
        cache.database,
        recorded_at=clock.now(),
        latitude=59.33,
        longitude=18.07,
        accuracy_m=5.0,
        job_id=job_id,
    )


def seed_day(cache: LocalCache, clock: FixedClock) -> list[str]:
    """Three of Anna's jobs today (the middle one cancelled) and one of someone else's."""
    now = clock.now()
    with cache.database.writer() as session, session.begin():
        karin = add_server_customer(session, now, "Karin Lund", address="Storgatan 1, Uppsala")
        oliver = add_server_customer(session, now, "Oliver Smith", address="12 High St, Bath")
        ids = [
            add_server_job(
                session, now, customer, title, now + timedelta(hours=hours), technician_id=who
            ).id
            for customer, title, hours, who in (
                (karin, "Boiler service", 1, TECHNICIAN),
                (oliver, "Cancelled visit", 3, TECHNICIAN),
                (oliver, "Leaking tap", 5, TECHNICIAN),
                (karin, "Not mine", 2, "someone-else"),
            )
        ]
        session.execute(update(Job).where(Job.id == ids[1]).values(status=JobStatus.CANCELLED))
    return ids


def test_a_ping_is_stored_unsent_with_what_was_given(cache, clock) -> None:
    ping_id = ping(cache, clock)
    with cache.database.reader() as session:
        stored = session.get(LocationPing, ping_id)
        assert (stored.latitude, stored.longitude, stored.accuracy_m) == (59.33, 18.07, 5.0)
        assert stored.recorded_at == clock.now() and stored.recorded_at.tzinfo is not None
        assert stored.sent_at is None and stored.job_id is None
        assert unsent_count(session) == 1


def test_pings_never_go_through_the_outbox(cache, clock) -> None:
    for _ in range(3):
        ping(cache, clock)
        clock.advance(timedelta(seconds=30))
    with cache.database.reader() as session:
        assert session.scalar(select(func.count()).select_from(OutboxOp)) == 0
        assert unsent_count(session) == 3


def test_sent_pings_are_not_counted(cache, clock) -> None:
    first, _second = ping(cache, clock), ping(cache, clock)
    with cache.database.writer() as session, session.begin():
        session.execute(
            update(LocationPing).where(LocationPing.id == first).values(sent_at=clock.now())
        )
    with cache.database.reader() as session:
        assert unsent_count(session) == 1


def test_a_ping_names_its_job_and_drops_a_job_no_longer_cached(cache, clock) -> None:
    job_id = seed_day(cache, clock)[0]
    named = ping(cache, clock, job_id)
    gone = ping(cache, clock, "4a1c7f00-0000-4000-8000-000000000000")
    with cache.database.reader() as session:
        assert session.get(LocationPing, named).job_id == job_id
        assert session.get(LocationPing, gone).job_id is None


def test_the_tracked_day_visits_my_open_jobs_in_order_and_names_the_one_in_progress(
    cache, clock
) -> None:
    boiler, cancelled, leak, _not_mine = seed_day(cache, clock)
    day = clock.now().astimezone(STOCKHOLM).date()
    with cache.database.reader() as session:
        tracked = tracked_day(session, TECHNICIAN, day, STOCKHOLM)
    assert [visit.job_id for visit, _point in tracked.route.stops] == [boiler, leak]
    assert tracked.working_job_id is None
    visits = [visit for visit, _point in tracked.route.stops]
    assert visits[0] == Visit(
        boiler,
        "Storgatan 1, Uppsala",
        clock.now() + timedelta(hours=1),
        clock.now() + timedelta(hours=3),
    )
    assert tracked.route == plan_route(visits)
    assert cancelled not in {visit.job_id for visit in visits}

    with cache.database.writer() as session, session.begin():
        session.execute(update(Job).where(Job.id == leak).values(status=JobStatus.IN_PROGRESS))
    with cache.database.reader() as session:
        assert tracked_day(session, TECHNICIAN, day, STOCKHOLM).working_job_id == leak


def test_a_day_without_jobs_is_a_route_that_stays_home(cache) -> None:
    with cache.database.reader() as session:
        tracked = tracked_day(session, TECHNICIAN, datetime(2026, 1, 1, tzinfo=UTC).date(), UTC)
    assert tracked.route.stops == () and tracked.working_job_id is None
