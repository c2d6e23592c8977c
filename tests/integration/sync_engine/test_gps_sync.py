"""GPS end to end: the tracker on the GUI thread, the real sync service, the real server.

Online pings reach the server; offline the tracker records none; on reconnect it records
at once and the next step sends each ping exactly once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from tests.integration.sync_engine.conftest import Technician
from wb_desktop.app.sync_service import SyncService
from wb_desktop.core.store.cache import attach_cache
from wb_desktop.core.store.locations import unsent_count
from wb_desktop.core.store.models import LocationPing, TechnicianProfile
from wb_desktop.core.sync.client import SyncClient, build_sync_client
from wb_desktop.core.sync.step_report import SyncListener
from wb_desktop.tools.netsim.qa_network import QaNetworkFactory
from wb_desktop.ui.gps import GpsTracker
from wb_desktop.ui.workday import Workday
from wb_server.demo_data import DEMO_ACCOUNTS
from wb_server.models import LocationPing as ServerPing

WAIT_MS = 10_000
STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture
def service(qtbot: Any, anna: Technician) -> Iterator[SyncService]:
    """The real service on Anna's cache; its worker builds its own client, as the app's does.

    No periodic or debounced steps during the test: every step here is asked for."""

    def make_client(listener: SyncListener) -> SyncClient:
        cache = attach_cache(anna.cache, anna.clock)
        return build_sync_client(
            cache,
            anna.server.url,
            anna.email,
            DEMO_ACCOUNTS[anna.email],
            anna.clock,
            simulator=QaNetworkFactory(sleep=lambda _s: None),
            listener=listener,
            own_cache=True,
        )

    made = SyncService(make_client, watch_network=False, period_s=3600, debounce_ms=60_000)
    with qtbot.waitSignal(made.stepFinished, timeout=WAIT_MS):
        made.start()
    yield made
    running = made.is_running()
    assert made.stop()
    assert not running or not made.is_running()


@pytest.fixture
def tracker(anna: Technician, service: SyncService) -> Iterator[GpsTracker]:
    with anna.cache.database.reader() as session:
        technician_id = session.scalars(select(TechnicianProfile.id)).one()
    workday = Workday(anna.cache, anna.clock, STOCKHOLM, technician_id)
    made = GpsTracker(workday, service, interval_s=3600)  # ticks are driven by the test
    yield made
    made.stop()


def local_pings(anna: Technician) -> list[LocationPing]:
    with anna.cache.database.reader() as session:
        return list(session.scalars(select(LocationPing).order_by(LocationPing.recorded_at)))


def server_ping_ids(anna: Technician) -> list[str]:
    with anna.server.context.reader() as session:
        return list(session.scalars(select(ServerPing.id).order_by(ServerPing.recorded_at)))


def sync(qtbot: Any, service: SyncService) -> Any:
    with qtbot.waitSignal(service.stepFinished, timeout=WAIT_MS) as finished:
        service.sync_now()
    report = finished.args[0]
    assert report.ok, report.reason
    return report


def go_offline(qtbot: Any, service: SyncService, tracker: GpsTracker) -> None:
    with qtbot.waitSignal(tracker.pausedChanged, timeout=WAIT_MS, check_params_cb=bool):
        service.set_profile("offline")


def go_online(qtbot: Any, service: SyncService, tracker: GpsTracker) -> None:
    """Reconnect, and wait for the step it runs at once and for the tracker to resume."""
    with (
        qtbot.waitSignal(tracker.pausedChanged, timeout=WAIT_MS, check_params_cb=lambda p: not p),
        qtbot.waitSignal(service.stepFinished, timeout=WAIT_MS),
        qtbot.waitSignal(tracker.positionChanged, timeout=WAIT_MS),  # the ping on resuming
    ):
        service.set_profile("online")


def record(qtbot: Any, tracker: GpsTracker, action: Callable[[], None]) -> None:
    """Start or tick, and wait for the ping: it is written through the op runner."""
    with qtbot.waitSignal(tracker.positionChanged, timeout=WAIT_MS):
        action()


def test_online_pings_reach_the_server(qtbot, anna: Technician, service, tracker) -> None:
    assert not tracker.paused
    record(qtbot, tracker, tracker.start)
    for _ in range(2):
        anna.clock.advance(timedelta(seconds=30))
        record(qtbot, tracker, tracker.tick)
    recorded = [ping.id for ping in local_pings(anna)]
    assert len(recorded) == 3

    assert sync(qtbot, service).pings == 3
    assert server_ping_ids(anna) == recorded
    with anna.server.context.reader() as session:
        stored = session.get(ServerPing, recorded[0])
        assert (stored.latitude, stored.longitude) == (
            local_pings(anna)[0].latitude,
            local_pings(anna)[0].longitude,
        )
    assert all(ping.sent_at is not None for ping in local_pings(anna))


def test_offline_none_are_recorded_and_after_reconnect_they_are_sent_once(
    qtbot, anna: Technician, service, tracker
) -> None:
    record(qtbot, tracker, tracker.start)
    sync(qtbot, service)
    before = server_ping_ids(anna)
    assert len(before) == 1

    go_offline(qtbot, service, tracker)
    assert tracker.paused
    for _ in range(4):
        anna.clock.advance(timedelta(seconds=30))
        tracker.tick()  # paused: nothing is written
    assert len(local_pings(anna)) == 1

    anna.clock.advance(timedelta(seconds=30))
    go_online(qtbot, service, tracker)
    resumed = local_pings(anna)
    assert len(resumed) == 2 and resumed[-1].recorded_at == anna.clock.now()
    anna.clock.advance(timedelta(seconds=30))
    record(qtbot, tracker, tracker.tick)

    assert sync(qtbot, service).pings == 2
    assert sync(qtbot, service).pings == 0  # nothing is sent twice
    assert server_ping_ids(anna) == [ping.id for ping in local_pings(anna)]
    assert len(server_ping_ids(anna)) == 3
    with anna.cache.database.reader() as session:
        assert unsent_count(session) == 0
