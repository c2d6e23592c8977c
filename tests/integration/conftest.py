"""A real reference server on a loopback port, over real HTTP, with the demo data loaded."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import requests

from tests.integration.postgres import PostgresServer
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.paths import ProfilePaths
from wb_server.app import create_app
from wb_server.config import ServerConfig
from wb_server.context import ServerContext
from wb_server.demo import load_demo
from wb_server.demo_data import DEMO_ACCOUNTS
from wb_server.runner import RunningServer, start_in_thread

DEMO_WEEK = date(2026, 11, 25)  # a Wednesday: two days of history, with photos
ADMIN_TOKEN = "admin-secret-for-tests"
PAYMENT_HOLD_S = 1.5  # the timeout-after-charge card holds its reply this long


@dataclass
class LiveServer:
    url: str
    clock: FixedClock
    context: ServerContext
    running: RunningServer

    def sign_in(self, email: str, password: str) -> requests.Session:
        reply = requests.post(
            f"{self.url}/v1/auth/sign-in", json={"email": email, "password": password}, timeout=10
        )
        reply.raise_for_status()
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {reply.json()['token']}"
        return session


@pytest.fixture(params=["sqlite", "postgresql"])
def server_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Every server test runs on SQLite and on a real PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{(tmp_path / 'server.sqlite3').as_posix()}"
    database_server: PostgresServer = request.getfixturevalue("postgres")
    return database_server.new_database()


@pytest.fixture
def live_server(tmp_path: Path, server_database_url: str) -> Iterator[LiveServer]:
    clock = FixedClock(datetime(2026, 11, 23, 6, 0, tzinfo=UTC))
    config = ServerConfig(
        database_url=server_database_url,
        blob_dir=tmp_path / "blobs",
        admin_token=ADMIN_TOKEN,
        payment_timeout_delay_s=PAYMENT_HOLD_S,
    )
    app = create_app(config, clock)
    load_demo(app.state.context, seed=1, week_of=DEMO_WEEK)
    running = start_in_thread(app)
    yield LiveServer(running.url, clock, app.state.context, running)
    running.stop()
    app.state.context.engine.dispose()


@pytest.fixture
def anna(live_server: LiveServer, profile: ProfilePaths, clock: FixedClock) -> Iterator[tuple]:
    """Anna's cache after a first pull, and her signed-in HTTP session."""
    from tests.integration.client import cache_from_pull

    cache, session = cache_from_pull(live_server, sorted(DEMO_ACCOUNTS)[0], profile, clock)
    yield cache, session
    cache.close()
