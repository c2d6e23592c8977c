"""GUI fixtures: a technician's cached week and the Workday the views are built on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from wb_desktop.bootstrap import AppOptions, WorkBossApp
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.protocol.admin import OfficeView
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.seed import add_server_customer, add_server_job
from wb_desktop.tools.scenario.office import Office
from wb_desktop.ui.workday import Workday

STOCKHOLM = ZoneInfo("Europe/Stockholm")
TECHNICIAN = "0b7f3a52-5b8e-4a39-9d59-1c1c0e6f2a10"


@dataclass(frozen=True)
class Week:
    """Three jobs today (in start order), one tomorrow, one for another technician."""

    today: list[str]
    tomorrow: str
    someone_else: str


def gui_test_options(data: Path, **overrides: Any) -> AppOptions:
    """The whole app as the GUI tests build it: no OS network watch, inbox or GPS, and the
    demo server in a thread so it shares the test's clock."""
    defaults: dict[str, Any] = {
        "zone": STOCKHOLM,
        "watch_network": False,
        "watch_camera_inbox": False,
        "gps": False,
        "demo_server_in_child": False,
    }
    return AppOptions(data_dir=data, **{**defaults, **overrides})


@pytest.fixture
def week(cache: LocalCache, clock: FixedClock) -> Week:
    now = clock.now()
    with cache.database.writer() as session, session.begin():
        karin = add_server_customer(session, now, "Karin Lund", address="Storgatan 1, Uppsala")
        oliver = add_server_customer(session, now, "Oliver Smith", address="12 High St, Bath")

        def job(customer, title: str, hours: float, technician: str = TECHNICIAN) -> str:
            start = now + timedelta(hours=hours)
            return add_server_job(session, now, customer, title, start, technician_id=technician).id

        today = [
            job(karin, "Boiler service", 1),
            job(oliver, "Leaking tap", 4),
            job(karin, "Heat pump check", 6),
        ]
        tomorrow = job(oliver, "Radiator bleed", 24)
        other = job(oliver, "Not mine", 2, "someone-else")
        return Week(today, tomorrow, other)


@pytest.fixture
def workday(cache: LocalCache, clock: FixedClock) -> Workday:
    return Workday(cache, clock, STOCKHOLM, TECHNICIAN)


def office_view(app: WorkBossApp) -> OfficeView:
    """What the office sees for the app's technician, through the embedded server's admin API."""
    assert app.link.demo is not None and app.workday.technician_id is not None
    office = Office(app.link.url, app.link.demo.admin_token)
    try:
        return office.office_view(app.workday.technician_id)
    finally:
        office.close()
