"""The same seed gives the same uploads in the same order.

Two uploads at once interleave their requests (and the simulated network's seeded draws) by
thread timing, so a run that must repeat (a scenario) uploads one at a time.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import select

from tests.integration.conftest import LiveServer
from tests.integration.sync_engine.conftest import ANNA
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.paths import DataPaths
from wb_desktop.core.store.cache import open_cache
from wb_desktop.core.store.models import Job
from wb_desktop.core.sync.auth import remember_technician
from wb_desktop.core.sync.client import build_sync_client
from wb_desktop.core.sync.profiles import profile_named
from wb_desktop.core.sync.trace import TraceEvent
from wb_desktop.tools.netsim.qa_network import QaNetworkFactory
from wb_server.demo_data import DEMO_ACCOUNTS, make_png

PHOTOS = 6


def one_run(server: LiveServer, folder: Path, clock: FixedClock, shade: int) -> list[str]:
    """The photo names in the order their upload requests went out."""
    cache = open_cache(DataPaths(folder).profile("anna"), clock)
    seen: list[TraceEvent] = []
    client = build_sync_client(
        cache,
        server.url,
        ANNA,
        DEMO_ACCOUNTS[ANNA],
        clock,
        seed=7,
        profile=profile_named("online"),
        simulator=QaNetworkFactory(sleep=lambda _s: None),
        trace=[seen.append],
        parallel_uploads=1,
    )
    try:
        client.sign_in(False)
        assert client.sign_in.signed_in is not None
        remember_technician(cache.database, client.sign_in.signed_in, server.url, clock.now())
        assert client.engine.step().ok
        with cache.database.reader() as session:
            job_id = session.scalars(select(Job.id).order_by(Job.scheduled_start)).first()
        names = {}
        for n in range(PHOTOS):  # one clock tick for all of them
            png = make_png((n, shade, 90), (90, n, shade))
            names[hashlib.sha256(png).hexdigest()] = f"IMG_{n}.png"
            cache.changes.media.add_photo(job_id, png, f"IMG_{n}.png")
        first = len(seen)
        for _ in range(60):
            if client.engine.step().ok and not client.engine.uploader.waiting():
                break
        assert not client.engine.uploader.waiting()
        blobs = [e.route.split("/")[3] for e in seen[first:] if e.route.startswith("/v1/blobs/")]
        assert len(blobs) >= PHOTOS * 2  # each photo: start, then its chunks
        return [names[sha] for sha in blobs]
    finally:
        client.close()
        cache.close()


def test_a_seeded_run_uploads_in_the_same_order_every_time(
    live_server: LiveServer, tmp_path: Path, clock: FixedClock
) -> None:
    first = one_run(live_server, tmp_path / "first", clock, shade=10)
    second = one_run(live_server, tmp_path / "second", clock, shade=20)

    assert first == second  # the same photos, in the order they were saved, one at a time
    assert list(dict.fromkeys(first)) == [f"IMG_{n}.png" for n in range(PHOTOS)]
