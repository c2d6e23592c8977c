"""A new device's first sync of 90 photos on a lossy link, next to the same sync on a clean
link (the floor), over real HTTP on loopback (issue 18, item 3).

Run: ``python bench/lossy_first_sync.py [--runs N] [--photos N] [--photo-kb KB] [--drop P]
[--cut P] [--seed S]``.

One in-process reference server (SQLite in a temp dir, the demo week) gets ``--photos``
noise PNGs of about ``--photo-kb`` KB on one of Anna's jobs, taken and synced by her first
tablet. Each run then gives a brand-new device of Anna's its first sync twice, each from an
empty cache: on the clean link (the floor) and on the lossy one, where a seeded loss drops
``--drop`` of the requests before the server sees them and cuts ``--cut`` of the replies
after the server answered (the client gets a reset). The sync is driven as the app's sync
service drives it: a step, and after a failed step a real sleep for the step's backoff,
until a step succeeds with the cursor at the server's head. The time is wall-clock from the
first step to that point, sleeps included. Run ``i`` uses seed ``--seed + i`` for the loss
and the engine's jitter, so a run repeats.

Printed: each run's times, steps and requests; the median, min and max of the clean floor
and of the lossy sync; the ratio of the medians (and per run); the load average during the
runs; the exact command.

What the lossy time is made of: the requests lost and sent again, and the backoff sleeps
after failed steps. Files kept across steps (``sync/pull.py``) make every step add to the
page; a reset GET being resent at once (``sync/backoff.py``) keeps most steps from failing
on the health probe or the page itself, which would otherwise double the backoff step after
step (up to 60 s) while nothing is gained.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import random
import shlex
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import requests
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wb_desktop.core.domain.clock import Clock, FixedClock, SystemClock
from wb_desktop.core.paths import ProfilePaths
from wb_desktop.core.store.cache import LocalCache, open_cache
from wb_desktop.core.store.models import Job, Photo
from wb_desktop.core.sync.auth import remember_technician
from wb_desktop.core.sync.client import SyncClient, build_sync_client
from wb_desktop.core.sync.transport import (
    FailureKind,
    HttpReply,
    HttpRequest,
    RequestsTransport,
    TransportError,
)
from wb_server.app import create_app
from wb_server.config import ServerConfig
from wb_server.demo import load_demo
from wb_server.demo_data import DEMO_ACCOUNTS, make_noise_png
from wb_server.runner import start_in_thread

DEMO_WEEK = date(2026, 11, 25)
START = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
EMAIL = "anna@demo.workboss.se"
QUOTA_BYTES = 4 * 1024**3
MAX_STEPS = 2000


class LossyLink:
    """The real transport under a seeded loss: ``drop`` of the requests never reach the
    server, ``cut`` of the replies are cut off after the server answered."""

    def __init__(self, base_url: str, drop: float, cut: float, seed: int) -> None:
        self.inner = RequestsTransport(base_url)
        self.drop, self.cut = drop, cut
        self._random = random.Random(seed)
        self._lock = threading.Lock()
        self.requests = self.dropped = self.cut_off = 0

    def send(self, request: HttpRequest) -> HttpReply:
        with self._lock:
            roll = self._random.random()
            self.requests += 1
        if roll < self.drop:
            with self._lock:
                self.dropped += 1
            raise TransportError(FailureKind.RESET, "connection dropped (lossy bench link)")
        reply = self.inner.send(request)
        if roll < self.drop + self.cut:
            with self._lock:
                self.cut_off += 1
            raise TransportError(FailureKind.RESET, "the reply was cut off (lossy bench link)")
        return reply

    def close(self) -> None:
        self.inner.close()


@dataclass(frozen=True)
class Sync:
    seconds: float
    steps: int
    requests: int
    dropped: int
    cut: int


class LoadSampler:
    """The 1-minute load average, sampled every second while the runs go."""

    def __init__(self) -> None:
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> LoadSampler:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.samples.append(_load()[0])
            self._stop.wait(1.0)


def _load() -> tuple[float, float, float]:
    try:
        return os.getloadavg()
    except OSError:
        return (float("nan"),) * 3


@contextmanager
def server(folder: Path) -> Iterator[str]:
    config = ServerConfig(
        database_url=f"sqlite:///{(folder / 'server.sqlite3').as_posix()}",
        blob_dir=folder / "blobs",
        admin_token="bench-admin-token",
    )
    app = create_app(config, FixedClock(START))
    load_demo(app.state.context, seed=1, week_of=DEMO_WEEK)
    running = start_in_thread(app)
    try:
        yield running.url
    finally:
        running.stop()
        app.state.context.engine.dispose()


def new_device(url: str, folder: Path, clock: Clock) -> LocalCache:
    """A cache that knows its technician, as after the app's sign-in; nothing pulled."""
    profile = ProfilePaths(folder, folder.name)
    cache = open_cache(profile, clock, quota_bytes=QUOTA_BYTES)
    client = build_sync_client(cache, url, EMAIL, DEMO_ACCOUNTS[EMAIL], clock)
    client.sign_in(False)
    assert client.sign_in.signed_in is not None
    remember_technician(cache.database, client.sign_in.signed_in, url, clock.now())
    client.close()
    cache.close()
    return open_cache(profile, clock, quota_bytes=QUOTA_BYTES)


def connect(url: str, cache: LocalCache, clock: Clock, link: LossyLink, seed: int) -> SyncClient:
    return build_sync_client(cache, url, EMAIL, DEMO_ACCOUNTS[EMAIL], clock, seed=seed, inner=link)


def take_photos(url: str, folder: Path, count: int, size: int) -> None:
    """Anna's first tablet: ``count`` photos on her first job, pushed and uploaded."""
    clock = SystemClock()
    cache = new_device(url, folder, clock)
    client = connect(url, cache, clock, LossyLink(url, 0, 0, 0), 0)
    try:
        report = client.engine.step()
        assert report.ok, report.reason
        with cache.database.reader() as session:
            job_id = session.scalars(select(Job.id).order_by(Job.scheduled_start)).first()
        for n in range(count):
            cache.changes.media.add_photo(job_id, make_noise_png(5000 + n, size), f"{n}.png")
        report = client.engine.step()
        assert report.ok and report.uploaded == count, report.reason
    finally:
        client.close()
        cache.close()


def server_head(url: str) -> tuple[int, int]:
    """The feed's head for Anna, and how many photos its first page refers to."""
    token = requests.post(
        f"{url}/v1/auth/sign-in",
        json={"email": EMAIL, "password": DEMO_ACCOUNTS[EMAIL]},
        timeout=10,
    ).json()["token"]
    page = requests.get(
        f"{url}/v1/changes",
        params={"since": 0, "limit": 1000},
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    ).json()
    if page["has_more"]:
        raise SystemExit("the first page does not hold the whole feed")
    photos = sum(1 for c in page["changes"] if c["record_type"] == "photo")
    return page["next_cursor"], photos


def first_sync(url: str, folder: Path, drop: float, cut: float, seed: int, head: int) -> Sync:
    clock = SystemClock()
    cache = new_device(url, folder, clock)
    link = LossyLink(url, drop, cut, seed)
    client = connect(url, cache, clock, link, seed)
    try:
        started = time.perf_counter()
        steps = 0
        while True:
            report = client.engine.step()
            steps += 1
            if report.ok and client.engine.puller.cursor() == head:
                break
            if steps == MAX_STEPS:
                raise SystemExit(f"seed {seed}: not synced in {steps} steps: {report.reason}")
            if not report.ok:  # as the sync service does: wait for the step's backoff
                time.sleep(report.retry_in_s or 0)
        seconds = time.perf_counter() - started
        check(cache)
        return Sync(seconds, steps, link.requests, link.dropped, link.cut_off)
    finally:
        client.close()
        cache.close()


def check(cache: LocalCache) -> None:
    """Every photo is there once, matching its hash; no file is left that no row uses."""
    with cache.database.reader() as session:
        rows = session.execute(select(Photo.sha256, Photo.stored_path)).all()
    for sha256, stored in rows:
        data = cache.media.absolute(stored).read_bytes()
        if hashlib.sha256(data).hexdigest() != sha256:
            raise SystemExit(f"photo {sha256[:12]} does not match its hash")
    if cache.sweep_media():
        raise SystemExit("files no row refers to were left behind")


def spread(values: list[float]) -> str:
    return (
        f"median {statistics.median(values):7.2f}  min {min(values):7.2f}  max {max(values):7.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--photos", type=int, default=90)
    parser.add_argument("--photo-kb", type=int, default=250)
    parser.add_argument("--drop", type=float, default=0.15)
    parser.add_argument("--cut", type=float, default=0.25)
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    command = shlex.join([Path(sys.executable).name, *sys.argv])
    print(f"command: {command}")
    print(
        f"machine: {os.cpu_count()} CPUs, {platform.system()} {platform.machine()}, Python "
        f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )
    before = _load()
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*before), flush=True)
    with tempfile.TemporaryDirectory(prefix="wb-lossy-") as temp:
        folder = Path(temp)
        with server(folder / "server") as url:
            take_photos(url, folder / "tablet-1", args.photos, args.photo_kb * 1024)
            head, photos = server_head(url)
            print(
                f"feed: one page to cursor {head}, {photos} photos ({args.photos} of about "
                f"{args.photo_kb} KB, the demo's own); loss: {args.drop:.0%} dropped, "
                f"{args.cut:.0%} cut",
                flush=True,
            )
            clean: list[Sync] = []
            lossy: list[Sync] = []
            with LoadSampler() as load:
                for run in range(args.runs):
                    seed = args.seed + run
                    clean.append(first_sync(url, folder / f"clean-{run}", 0, 0, seed, head))
                    lossy.append(
                        first_sync(url, folder / f"lossy-{run}", args.drop, args.cut, seed, head)
                    )
                    print(
                        f"run {run + 1} (seed {seed}): clean {clean[-1].seconds:6.2f} s "
                        f"({clean[-1].steps} step, {clean[-1].requests} requests); lossy "
                        f"{lossy[-1].seconds:6.2f} s ({lossy[-1].steps} steps, "
                        f"{lossy[-1].requests} requests: {lossy[-1].dropped} dropped, "
                        f"{lossy[-1].cut} cut); ratio "
                        f"{lossy[-1].seconds / clean[-1].seconds:5.1f}x",
                        flush=True,
                    )
    clean_s = [s.seconds for s in clean]
    lossy_s = [s.seconds for s in lossy]
    ratios = [lo.seconds / cl.seconds for lo, cl in zip(lossy, clean, strict=True)]
    print()
    print(f"first sync, {photos} photos, {args.runs} runs (seconds, wall clock):")
    print(f"  clean link (floor)  {spread(clean_s)}")
    print(f"  lossy link          {spread(lossy_s)}")
    print(f"  lossy steps         {spread([float(s.steps) for s in lossy])}")
    print(
        f"  ratio lossy/floor   {statistics.median(lossy_s) / statistics.median(clean_s):.1f}x "
        f"(of the medians); per run {spread(ratios)}"
    )
    after = _load()
    print(
        "load average (1 min) during the runs: mean {:.2f}, max {:.2f}; after: "
        "{:.2f} {:.2f} {:.2f}".format(statistics.fmean(load.samples), max(load.samples), *after)
    )
    print(f"command: {command}")


if __name__ == "__main__":
    main()
