"""The demo started on a weekend: a real server, Anna's first pull, today's open call-outs.

Issue 16, item 7: a demo first started on a Saturday or Sunday opened on "No jobs on this
day" with every job already done. Here the demo week is loaded into a real server database as
``wb-server --demo`` and the embedded demo server do, Anna's feed is pulled into a real cache,
and the app's own day query must show her open work today that she can start.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from tests.integration.client import cache_from_pull, outbox_ops, push_ops
from tests.integration.conftest import ADMIN_TOKEN, LiveServer
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.paths import DataPaths
from wb_desktop.core.store.queries import day_schedule
from wb_server.app import create_app
from wb_server.config import ServerConfig
from wb_server.demo import load_demo
from wb_server.demo_data import DEMO_ACCOUNTS, DEMO_TIMEZONE
from wb_server.models import Job as ServerJob
from wb_server.models import Technician
from wb_server.runner import start_in_thread

TZ = ZoneInfo(DEMO_TIMEZONE)
ANNA = "anna@demo.workboss.se"
SATURDAY, SUNDAY = date(2026, 11, 28), date(2026, 11, 29)
STARTABLE = {"scheduled", "en_route"}
OPEN = {"scheduled", "en_route", "in_progress"}


@pytest.fixture(params=[SATURDAY, SUNDAY], ids=["saturday", "sunday"])
def weekend_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LiveServer]:
    """A server whose demo data was loaded on a weekend morning, as a first start would."""
    today: date = request.param
    clock = FixedClock(datetime.combine(today, datetime.min.time(), tzinfo=TZ) + timedelta(hours=9))
    config = ServerConfig(
        database_url=f"sqlite:///{(tmp_path / 'server.sqlite3').as_posix()}",
        blob_dir=tmp_path / "blobs",
        admin_token=ADMIN_TOKEN,
    )
    app = create_app(config, clock)
    load_demo(app.state.context, seed=1, week_of=clock.now().astimezone(TZ).date())
    running = start_in_thread(app)
    yield LiveServer(running.url, clock, app.state.context, running)
    running.stop()
    app.state.context.engine.dispose()


def test_the_server_database_has_open_work_for_anna_today(weekend_server: LiveServer) -> None:
    today = weekend_server.clock.now().astimezone(TZ).date()
    with weekend_server.context.reader() as db:
        anna = db.scalar(select(Technician).where(Technician.email == ANNA))
        assert anna is not None and anna.display_name == "Anna Lindqvist"
        jobs = db.scalars(select(ServerJob).where(ServerJob.technician_id == anna.id)).all()
    by_day: dict[str, set[str]] = {"before": set(), "today": set(), "after": set()}
    for job in jobs:
        start = job.scheduled_start
        day = (start if start.tzinfo else start.replace(tzinfo=UTC)).astimezone(TZ).date()
        key = "before" if day < today else "today" if day == today else "after"
        by_day[key].add(job.status)
    assert by_day["before"] and by_day["before"] <= {"complete", "cancelled"}
    assert by_day["today"] and by_day["today"] <= OPEN and by_day["today"] & STARTABLE
    assert by_day["after"] == {"scheduled"}


def test_annas_first_pull_shows_call_outs_today_she_can_start_and_push(
    weekend_server: LiveServer, tmp_path: Path
) -> None:
    clock = weekend_server.clock
    today = clock.now().astimezone(TZ).date()
    profile = DataPaths(tmp_path / "data").profile("anna")
    cache, session = cache_from_pull(weekend_server, ANNA, profile, clock)
    try:
        me = session.get(f"{weekend_server.url}/v1/me").json()["id"]
        with cache.database.reader() as db:
            schedule = day_schedule(db, me, today, TZ)
            shown = [(job.id, job.title, str(job.status)) for job in schedule]
        assert 2 <= len(shown) <= 3, "a weekend on-call shift of 2–3 call-outs"
        assert all(title.startswith(("Call-out:", "Jour:")) for _, title, _ in shown)
        assert {status for *_, status in shown} <= OPEN
        startable = [job_id for job_id, _, status in shown if status == "scheduled"]
        assert startable, "Anna has a call-out today that she can start"

        job_id = startable[0]
        cache.changes.jobs.set_status(job_id, "en_route")
        cache.changes.jobs.set_status(job_id, "in_progress")
        cache.changes.jobs.add_note(job_id, "Isolated the leak, temporary repair holds")
        ops = outbox_ops(cache)
        reply = push_ops(weekend_server, session, cache, ops)
        assert [r["result"] for r in reply["results"]] == ["applied"] * len(ops)
        with weekend_server.context.reader() as db:
            assert db.get(ServerJob, job_id).status == "in_progress"
    finally:
        cache.close()


def test_the_week_ahead_is_planned_for_every_technician(weekend_server: LiveServer) -> None:
    today = weekend_server.clock.now().astimezone(TZ).date()
    next_monday = today + timedelta(days=7 - today.weekday())
    for email, password in DEMO_ACCOUNTS.items():
        session = weekend_server.sign_in(email, password)
        changes = session.get(f"{weekend_server.url}/v1/changes", params={"limit": 5000}).json()
        jobs = [c["data"] for c in changes["changes"] if c["record_type"] == "job"]
        ahead = {
            datetime.fromisoformat(j["scheduled_start"]).astimezone(TZ).date()
            for j in jobs
            if datetime.fromisoformat(j["scheduled_start"]).astimezone(TZ).date() > today
        }
        assert ahead == {next_monday + timedelta(days=n) for n in range(5)}
