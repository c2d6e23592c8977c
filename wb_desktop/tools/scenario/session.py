"""The technician's side of a scenario run: their cache, the sync client, crashes.

A crash drops every object of the running client without closing anything (no cleanup code
runs), then opens the cache again from what is on disk — what a power cut does. A crash
*during* a phase lets the request of that phase reach the server and be handled, then cuts
the power before the client reads the reply.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from wb_desktop.core.domain.clock import Clock, FixedClock
from wb_desktop.core.paths import ProfilePaths
from wb_desktop.core.protocol import routes
from wb_desktop.core.store.cache import LocalCache, open_cache
from wb_desktop.core.store.models import Job
from wb_desktop.core.store.queries import day_schedule
from wb_desktop.core.sync.auth import remember_technician
from wb_desktop.core.sync.client import SyncClient, build_sync_client
from wb_desktop.core.sync.profiles import Behaviour, profile_named
from wb_desktop.core.sync.transport import HttpReply, HttpRequest, RequestsTransport, Transport
from wb_desktop.tools.netsim.qa_network import QaNetworkFactory

QUOTA_BYTES = 2 * 1024 * 1024 * 1024
_PHASE_REQUESTS = {"push": ("POST", routes.PUSH), "pull": ("GET", routes.CHANGES)}


class PowerCut(BaseException):
    """Raised where the power goes; BaseException so no ``except Exception`` handles it."""


class CrashTrap:
    """The real transport, which can cut the power right after the server handled a request
    of a given phase."""

    def __init__(self, inner: Transport) -> None:
        self.inner = inner
        self.armed: str | None = None
        self.fired = False
        self._lock = threading.Lock()

    def send(self, request: HttpRequest) -> HttpReply:
        reply = self.inner.send(request)
        with self._lock:
            if self.armed is not None and self._matches(request, reply):
                self.armed, self.fired = None, True
                raise PowerCut(f"power cut after {request.method} {request.path}")
        return reply

    def close(self) -> None:
        close = getattr(self.inner, "close", None)
        if close is not None:
            close()

    def _matches(self, request: HttpRequest, reply: HttpReply) -> bool:
        if reply.status >= 400:
            return False
        if self.armed == "upload":
            return request.method == "PATCH" and request.path.startswith(f"{routes.BLOBS}/")
        method, prefix = _PHASE_REQUESTS[self.armed or ""]
        return request.method == method and request.path.startswith(prefix)


class OffsetClock:
    """Real time plus the moves a scenario made (used against a real server)."""

    def __init__(self, base: Clock) -> None:
        self._base = base
        self._offset = timedelta()

    def now(self) -> datetime:
        return self._base.now() + self._offset

    def advance(self, delta: timedelta) -> None:
        self._offset += delta


ScenarioClock = FixedClock | OffsetClock


@dataclass
class TechnicianSession:
    """One technician's client, reopened from disk after every crash."""

    profile: ProfilePaths
    server_url: str
    email: str
    password: str
    clock: ScenarioClock
    seed: int
    zone: tzinfo
    real_sleep: Callable[[float], None] = time.sleep

    def __post_init__(self) -> None:
        self.network_profile = "online"
        self.crashes = 0
        self._open()
        self.client.sign_in(False)
        assert self.client.sign_in.signed_in is not None
        self.technician_id = self.client.sign_in.signed_in.technician_id
        remember_technician(
            self.cache.database, self.client.sign_in.signed_in, self.server_url, self.clock.now()
        )
        self.crash()  # reopen, so the write path knows who the notes are by
        self.crashes = 0

    @property
    def online(self) -> bool:
        return profile_named(self.network_profile).behaviour is not Behaviour.OFFLINE

    def set_network(self, name: str) -> None:
        was_online = self.online
        self.network_profile = name
        self.client.network.set_profile(profile_named(name))
        if self.online and not was_online:
            self.client.engine.reset_backoff()  # an attempt right after reconnecting

    def crash(self) -> None:
        """Power cut: abandon the running client as it is and start again from the disk."""
        self.crashes += 1
        self._open()

    def schedule(self) -> list[Job]:
        with self.cache.database.reader() as session:
            return day_schedule(session, self.technician_id, self.today(), self.zone)

    def today(self) -> date:
        return self.clock.now().astimezone(self.zone).date()

    def close(self) -> None:
        self.client.close()
        self.cache.close()

    def _open(self) -> None:
        self.cache: LocalCache = open_cache(self.profile, self.clock, quota_bytes=QUOTA_BYTES)
        self.trap = CrashTrap(RequestsTransport(self.server_url))
        self.client: SyncClient = build_sync_client(
            self.cache,
            self.server_url,
            self.email,
            self.password,
            self.clock,
            seed=self.seed + self.crashes,
            profile=profile_named(getattr(self, "network_profile", "online")),
            simulator=QaNetworkFactory(sleep=self.real_sleep),
            inner=self.trap,
            parallel_uploads=1,  # the same seed gives the same requests, in the same order
        )


def profile_folder(data_dir: Path, email: str) -> ProfilePaths:
    from wb_desktop.core.paths import DataPaths

    return DataPaths(data_dir).profile(email.split("@")[0])
