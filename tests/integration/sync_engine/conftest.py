"""A technician's cache wired to the real reference server through the real sync engine."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.integration.conftest import ADMIN_TOKEN, LiveServer
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.paths import ProfilePaths
from wb_desktop.core.store.cache import LocalCache, open_cache
from wb_desktop.core.sync.auth import remember_technician
from wb_desktop.core.sync.client import SyncClient, build_sync_client
from wb_desktop.core.sync.profiles import profile_named
from wb_desktop.core.sync.trace import TraceListener
from wb_desktop.tools.netsim.qa_network import QaNetworkFactory
from wb_desktop.tools.scenario.office import Office
from wb_server.demo_data import DEMO_ACCOUNTS

ANNA = "anna@demo.workboss.se"


@pytest.fixture
def server_database_url(tmp_path: Path) -> str:
    """The engine's tests need one real server; SQLite is enough (the server's own tests
    cover PostgreSQL)."""
    return f"sqlite:///{(tmp_path / 'server.sqlite3').as_posix()}"


@dataclass
class Technician:
    cache: LocalCache
    client: SyncClient
    server: LiveServer
    profile: ProfilePaths
    clock: FixedClock
    email: str

    def go(self, profile: str) -> None:
        """Change the network; coming back online retries at once, as the service does."""
        self.client.network.set_profile(profile_named(profile))
        if profile != "offline":
            self.client.engine.reset_backoff()

    def restart(self) -> None:
        """Start again from what is on disk, as after a crash (no cleanup of the old one)."""
        self.client.close()
        self.cache = open_cache(self.profile, self.clock)
        self.client = connect(self.cache, self.server, self.clock, self.email)


def connect(
    cache: LocalCache,
    server: LiveServer,
    clock: FixedClock,
    email: str,
    trace: list[TraceListener] | None = None,
) -> SyncClient:
    return build_sync_client(
        cache,
        server.url,
        email,
        DEMO_ACCOUNTS[email],
        clock,
        simulator=QaNetworkFactory(sleep=lambda _s: None),
        trace=trace,
    )


@pytest.fixture
def anna(live_server: LiveServer, profile: ProfilePaths, clock: FixedClock) -> Iterator[Technician]:
    """Anna's cache after a first sync with the server."""
    technician = signed_in(live_server, profile, clock, ANNA)
    yield technician
    technician.client.close()
    technician.cache.close()


def signed_in(
    server: LiveServer, profile: ProfilePaths, clock: FixedClock, email: str
) -> Technician:
    """A device of ``email`` (its own profile: its own cache and device id), signed in and
    synced once; the caller closes its client and cache."""
    cache = open_cache(profile, clock)
    client = connect(cache, server, clock, email)
    client.sign_in(False)
    assert client.sign_in.signed_in is not None
    remember_technician(cache.database, client.sign_in.signed_in, server.url, clock.now())
    client.close()
    cache.close()
    cache = open_cache(profile, clock)
    technician = Technician(
        cache, connect(cache, server, clock, email), server, profile, clock, email
    )
    report = technician.client.engine.step()
    assert report.ok, report.reason
    return technician


@pytest.fixture
def office(live_server: LiveServer) -> Iterator[Office]:
    """The dispatcher and QA side of the server (admin API)."""
    client = Office(live_server.url, ADMIN_TOKEN)
    yield client
    client.close()
