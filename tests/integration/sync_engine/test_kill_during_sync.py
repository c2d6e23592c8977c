"""A headless client process killed at random moments during sync, many times: afterwards
nothing is lost or duplicated and the cache passes SQLite's integrity check."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select, text

from tests.conftest import PNG_1X1
from tests.integration.sync_engine.conftest import Technician
from wb_desktop.core.store.models import Job, Note, OutboxOp, OutboxState
from wb_server.demo_data import make_noise_png
from wb_server.models import Note as ServerNote
from wb_server.models import Photo as ServerPhoto

KILLS = int(os.environ.get("WB_KILLS", "12"))
REPO = Path(__file__).resolve().parents[3]


def _child(technician: Technician, seed: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.integration.sync_engine.crash_child",
            str(technician.profile.folder),
            technician.server.url,
            str(seed),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def test_sigkill_at_random_moments_loses_and_duplicates_nothing(anna: Technician) -> None:
    with anna.cache.database.reader() as db:
        job = db.scalars(select(Job).where(Job.assigned_technician_id.is_not(None))).first()
    photos = {
        anna.cache.changes.media.add_photo(
            job.id, make_noise_png(n, 6_000_000), f"{n}.png"
        ).record_id
        for n in range(4)
    }
    anna.cache.changes.media.add_signature(
        job.id, "Karin", [[[0, 0, 0.5, 0], [9, 9, 0.5, 9]]], PNG_1X1
    )
    anna.client.close()
    anna.cache.close()
    saved: set[str] = set()
    rng = random.Random(2026)
    for kill in range(KILLS):
        child = _child(anna, kill)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.8))
        child.kill()  # SIGKILL: no cleanup code runs
        child.wait()
        for line in child.stdout.read().splitlines():
            if line.startswith("saved "):
                saved.add(line.split()[1])
        child.stdout.close()
    assert len(saved) > KILLS

    anna.restart()
    for _ in range(20):
        anna.client.engine.reset_backoff()
        report = anna.client.engine.step()
        if report.ok and anna.client.engine.counts().drained:
            break
    counts = anna.client.engine.counts()
    assert (counts.pending, counts.in_flight) == (0, 0)
    with anna.cache.database.reader() as db:
        assert db.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        local = set(db.scalars(select(Note.id)))
        assert saved <= local  # nothing the child committed is lost locally
        assert (
            db.scalar(
                select(func.count()).select_from(OutboxOp).where(OutboxOp.state != OutboxState.DONE)
            )
            == 0
        )
    with anna.server.context.reader() as db:
        on_server = set(db.scalars(select(ServerNote.id).where(ServerNote.id.in_(saved))))
        assert on_server == saved  # nothing lost on the way
        texts = db.scalars(select(ServerNote.text).where(ServerNote.text.like("child %"))).all()
        assert len(texts) == len(set(texts))  # nothing arrived twice
        server_photos = set(db.scalars(select(ServerPhoto.id).where(ServerPhoto.id.in_(photos))))
        assert server_photos == photos
