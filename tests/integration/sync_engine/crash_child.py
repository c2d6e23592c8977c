"""A headless client for the kill test: keeps writing and syncing until it is killed.

Run as ``python -m tests.integration.sync_engine.crash_child PROFILE_DIR SERVER_URL SEED``.
It prints ``ready`` once syncing starts and ``saved <record id>`` after each committed note,
so the parent knows what it may demand afterwards.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from wb_desktop.core.domain.clock import SystemClock
from wb_desktop.core.paths import ProfilePaths
from wb_desktop.core.store.cache import open_cache
from wb_desktop.core.store.models import Job
from wb_desktop.core.sync.client import build_sync_client
from wb_desktop.core.sync.profiles import profile_named
from wb_server.demo_data import DEMO_ACCOUNTS

EMAIL = "anna@demo.workboss.se"


def main(folder: str, server_url: str, seed: str) -> None:
    clock = SystemClock()
    cache = open_cache(ProfilePaths(Path(folder), "anna"), clock, quota_bytes=2**31)
    client = build_sync_client(
        cache,
        server_url,
        EMAIL,
        DEMO_ACCOUNTS[EMAIL],
        clock,
        seed=int(seed),
        profile=profile_named("online"),
    )
    with cache.database.reader() as db:
        jobs = [j.id for j in db.query(Job).filter(Job.assigned_technician_id.is_not(None))]
    rng = random.Random(int(seed))
    print("ready", flush=True)
    n = 0
    while True:
        for _ in range(rng.randint(1, 5)):
            n += 1
            receipt = cache.changes.jobs.add_note(rng.choice(jobs), f"child {seed} note {n}")
            print("saved", receipt.record_id, flush=True)
        client.engine.step()


if __name__ == "__main__":
    main(*sys.argv[1:4])
