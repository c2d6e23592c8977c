"""Fixtures shared by every test: a fixed clock, a temporary profile, an opened cache."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from wb_desktop.app.gui_thread_gc import collect_due
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.paths import DataPaths, ProfilePaths
from wb_desktop.core.store.cache import LocalCache, open_cache
from wb_desktop.core.store.database import DEFAULT_BUSY_TIMEOUT_MS
from wb_desktop.core.store.seed import add_server_customer, add_server_job

START = datetime(2026, 11, 23, 7, 30, tzinfo=UTC)
THRESHOLDS = gc.get_threshold()
# The throwaway PostgreSQL server fixture, for the server tests that run on both databases.
pytest_plugins = ["tests.integration.postgres"]


def pytest_configure(config: pytest.Config) -> None:
    """As the app does (app/gui_thread_gc.py): Python's cycle collector never runs by itself,
    so it cannot free a QObject on an op runner's or the sync thread's worker, where Qt and
    the GIL deadlock. Tests collect between tests instead, on the main thread."""
    gc.disable()


@pytest.fixture(autouse=True)
def garbage_collected_on_the_main_thread() -> Iterator[None]:
    yield
    collect_due(THRESHOLDS)


@pytest.fixture(autouse=True)
def language_put_back() -> Iterator[None]:
    """A test that builds the app (or installs a language) leaves the QApplication speaking
    it; later tests must see the English sources and formatting they were written for."""
    core = sys.modules.get("PySide6.QtCore")
    before = core.QLocale() if core is not None else None
    yield
    widgets = sys.modules.get("PySide6.QtWidgets")
    qt_app = widgets.QApplication.instance() if widgets is not None else None
    if qt_app is None:
        return
    from PySide6.QtCore import QLocale

    from wb_desktop.ui.translations import remove_translations

    remove_translations(qt_app)
    QLocale.setDefault(before if before is not None else QLocale.system())


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def data_paths(tmp_path: Path) -> DataPaths:
    return DataPaths(tmp_path / "data")


@pytest.fixture
def profile(data_paths: DataPaths) -> ProfilePaths:
    return data_paths.profile("anna")


@pytest.fixture
def cache(profile: ProfilePaths, clock: FixedClock) -> Iterator[LocalCache]:
    # The app's own busy timeout: on a loaded machine a worker's write can wait longer than
    # the 0.5 s this once used, and the tests then failed where the app would not.
    opened = open_cache(profile, clock, busy_timeout_ms=DEFAULT_BUSY_TIMEOUT_MS)
    yield opened
    opened.close()


@dataclass(frozen=True)
class Schedule:
    """Two server customers with one synced job each, as after a first pull."""

    customer_ids: list[str]
    job_ids: list[str]


@pytest.fixture
def schedule(cache: LocalCache, clock: FixedClock) -> Schedule:
    now = clock.now()
    with cache.database.writer() as session, session.begin():
        karin = add_server_customer(session, now, "Karin Lund", address="Storgatan 1, Uppsala")
        oliver = add_server_customer(session, now, "Oliver Smith", address="12 High St, Bath")
        boiler = add_server_job(session, now, karin, "Boiler service", now + timedelta(hours=1))
        leak = add_server_job(session, now, oliver, "Leaking tap", now + timedelta(hours=4))
        return Schedule([karin.id, oliver.id], [boiler.id, leak.id])


PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082"
)
