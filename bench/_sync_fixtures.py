"""Helpers for ``bench/sync_engine.py``: signed-in caches, a recording transport, test data.

Client-side only: the benchmark's child processes import this module, so their peak RSS is
the client's. The in-process server lives in ``_sync_server.py``.
"""

from __future__ import annotations

import pickle
import sys
import threading
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as day_time
from pathlib import Path
from zoneinfo import ZoneInfo

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _http_floor import Exchange
from sqlalchemy import select

from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.paths import ProfilePaths
from wb_desktop.core.store.cache import LocalCache, open_cache
from wb_desktop.core.store.models import Job
from wb_desktop.core.sync.auth import remember_technician
from wb_desktop.core.sync.client import SyncClient, build_sync_client
from wb_desktop.core.sync.transport import HttpReply, HttpRequest, RequestsTransport
from wb_server.demo_data import DEMO_ACCOUNTS, DEMO_TIMEZONE

DEMO_WEEK = date(2026, 11, 25)  # a Wednesday: history before it, open jobs from it on
START = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
EMAIL = "anna@demo.workboss.se"
QUOTA_BYTES = 4 * 1024**3  # the photo measures store hundreds of MB


@dataclass(frozen=True)
class Sent:
    method: str
    path: str
    body_bytes: int
    started: float  # perf_counter
    ended: float


class RecordingTransport:
    """The real transport, recording each request; ``log`` gets each PATCH's size before it
    goes, so a process killed mid-chunk still leaves the bytes it started to send. With
    ``keep``, ``exchanges[n]`` holds the bytes of ``sent[n]`` and its reply, for the HTTP floor
    (``_http_floor.py``) to replay."""

    def __init__(
        self,
        base_url: str,
        log: Path | None = None,
        keep: bool = False,
        keep_to: Path | None = None,
    ) -> None:
        self.inner = RequestsTransport(base_url)
        self.sent: list[Sent] = []
        self.exchanges: list[Exchange] = []
        self._keep = keep
        # ``keep_to``: each exchange is pickled to this file as it happens instead of kept, so
        # a child measuring its peak RSS does not hold every reply (see _http_floor.load_all)
        self._keep_to = keep_to.open("ab") if keep_to is not None else None
        self._log = log.open("a", encoding="ascii") if log is not None else None
        self._lock = threading.Lock()

    def send(self, request: HttpRequest) -> HttpReply:
        if self._log is not None and request.method == "PATCH":
            with self._lock:
                self._log.write(f"{len(request.body)}\n")
                self._log.flush()
        started = time.perf_counter()
        reply = self.inner.send(request)
        record = Sent(request.method, request.path, len(request.body), started, time.perf_counter())
        with self._lock:
            self.sent.append(record)
            if self._keep:
                self.exchanges.append(exchange_of(request, reply))
            if self._keep_to is not None:
                pickle.dump(exchange_of(request, reply), self._keep_to)
        return reply

    def since(self, mark: int) -> list[Sent]:
        with self._lock:
            return self.sent[mark:]

    def exchanges_between(self, start: float, end: float) -> list[Exchange]:
        """The kept exchanges of the requests that started at or after ``start`` and ended by
        ``end`` (perf_counter)."""
        with self._lock:
            return [
                exchange
                for sent, exchange in zip(self.sent, self.exchanges, strict=True)
                if sent.started >= start and sent.ended <= end
            ]

    def close(self) -> None:
        self.inner.close()
        if self._log is not None:
            self._log.close()
        if self._keep_to is not None:
            self._keep_to.close()


def exchange_of(request: HttpRequest, reply: HttpReply) -> Exchange:
    return Exchange(
        request.method,
        request.path,
        dict(request.headers),
        request.body,
        reply.status,
        reply.body,
        reply.header("content-type") or "application/octet-stream",
    )


def profile_at(folder: Path) -> ProfilePaths:
    return ProfilePaths(folder, folder.name)


def sign_in_profile(url: str, profile: ProfilePaths, clock: FixedClock) -> None:
    """A new cache that knows its technician, as after the app's sign-in (nothing pulled)."""
    cache, client = connect(url, profile, clock)
    client.sign_in(False)
    assert client.sign_in.signed_in is not None
    remember_technician(cache.database, client.sign_in.signed_in, url, clock.now())
    client.close()
    cache.close()


def connect(
    url: str, profile: ProfilePaths, clock: FixedClock, inner: RecordingTransport | None = None
) -> tuple[LocalCache, SyncClient]:
    cache = open_cache(profile, clock, quota_bytes=QUOTA_BYTES)
    client = build_sync_client(cache, url, EMAIL, DEMO_ACCOUNTS[EMAIL], clock, inner=inner)
    return cache, client


def synced_technician(
    url: str, profile: ProfilePaths, clock: FixedClock, inner: RecordingTransport | None = None
) -> tuple[LocalCache, SyncClient]:
    """Signed in, reopened (so the write path knows the author) and through a first sync."""
    sign_in_profile(url, profile, clock)
    cache, client = connect(url, profile, clock, inner)
    report = client.engine.step()
    if not report.ok:
        raise SystemExit(f"the first sync failed: {report.reason}")
    return cache, client


def todays_jobs(cache: LocalCache) -> list[Job]:
    """The technician's jobs on the demo day, in schedule order (detached from the session)."""
    opening = datetime.combine(DEMO_WEEK, day_time(0), tzinfo=ZoneInfo(DEMO_TIMEZONE))
    with cache.database.reader() as session:
        jobs = session.scalars(
            select(Job)
            .where(Job.scheduled_start >= opening, Job.scheduled_start < opening + timedelta(1))
            .order_by(Job.scheduled_start)
        ).all()
        session.expunge_all()
        return list(jobs)


def rss_kib(field: str = "VmHWM") -> int | None:
    """This process's RSS in KiB: its peak so far (VmHWM) or now (VmRSS); None where there is
    no such figure. On Linux a child's ``ru_maxrss`` starts at its parent's peak (the kernel
    keeps it across exec), so /proc's figures for this process image alone come first."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    return ru_maxrss_kib()


def ru_maxrss_kib() -> int | None:
    if resource is None:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS, KiB on Linux
