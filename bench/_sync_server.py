"""The reference server for ``bench/sync_engine.py``: in-process, on loopback, demo data.

Kept apart from ``_sync_fixtures.py`` so the benchmark's child processes never import
FastAPI and uvicorn: their peak RSS is the client's alone.
"""

from __future__ import annotations

import statistics
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests
from _sync_fixtures import DEMO_WEEK, EMAIL, START
from sqlalchemy import func, select

from wb_desktop.core.domain.clock import FixedClock
from wb_server import models as server_models
from wb_server.app import create_app
from wb_server.config import ServerConfig
from wb_server.context import ServerContext
from wb_server.demo import load_demo
from wb_server.models import Blob, Change, Job, Note, Technician
from wb_server.runner import start_in_thread

ADMIN_TOKEN = "bench-admin-token"
MAX_UPLOAD_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class BenchServer:
    url: str
    context: ServerContext

    def round_trip_ms(self) -> float:
        """The median of ten GET /health on one kept-alive connection, as the engine's are."""
        with requests.Session() as session:
            timings = []
            for _ in range(10):
                started = time.perf_counter()
                session.get(f"{self.url}/health", timeout=10).raise_for_status()
                timings.append((time.perf_counter() - started) * 1000)
        return statistics.median(timings)

    def blob_received(self, sha256: str) -> int:
        """The bytes of ``sha256`` the server holds: the finished blob's, or the most any
        upload of it has received (per technician, where the server keeps uploads apart)."""
        uploads = getattr(server_models, "BlobAccess", None)
        with self.context.reader() as session:
            blob = session.get(Blob, sha256)
            received = 0 if blob is None else blob.size if blob.complete else blob.received
            if uploads is not None:
                query = select(func.max(uploads.received)).where(uploads.sha256 == sha256)
                received = max(received, session.scalar(query) or 0)
            return received

    def complete_blobs(self) -> int:
        with self.context.reader() as session:
            query = select(func.count()).select_from(Blob).where(Blob.complete.is_(True))
            return session.scalar(query) or 0

    def has_note(self, note_id: str) -> bool:
        with self.context.reader() as session:
            return session.get(Note, note_id) is not None


@contextmanager
def bench_server(folder: Path) -> Iterator[BenchServer]:
    """A fresh server per measure (SQLite file, demo week, admin token), stopped after."""
    config = ServerConfig(
        database_url=f"sqlite:///{(folder / 'server.sqlite3').as_posix()}",
        blob_dir=folder / "blobs",
        admin_token=ADMIN_TOKEN,
        max_upload_bytes=MAX_UPLOAD_BYTES,
    )
    app = create_app(config, FixedClock(START))
    context: ServerContext = app.state.context
    load_demo(context, seed=1, week_of=DEMO_WEEK)
    running = start_in_thread(app)
    try:
        yield BenchServer(running.url, context)
    finally:
        running.stop()
        context.engine.dispose()


def add_feed_notes(server: BenchServer, total: int) -> int:
    """Notes on the technician's jobs, in the server's tables and its feed, until the feed
    holds ``total`` changes; returns how many notes were added."""
    context = server.context
    with context.reader() as session:
        technician_id = session.scalars(
            select(Technician.id).where(Technician.email == EMAIL)
        ).one()
        job_ids = list(session.scalars(select(Job.id).where(Job.technician_id == technician_id)))
        existing = session.scalar(
            select(func.count()).select_from(Change).where(Change.technician_id == technician_id)
        )
    count = max(0, total - (existing or 0))
    now = context.clock.now()
    notes = [
        {
            "id": str(uuid.uuid4()),
            "version": 1,
            "job_id": job_ids[n % len(job_ids)],
            "text": f"Bench history note {n}: replaced the seal, tested for leaks.",
            "author_id": technician_id,
            "created_at": now,
            "updated_at": now,
        }
        for n in range(count)
    ]
    stamp = now.isoformat()
    changes = [
        {
            "technician_id": technician_id,
            "record_type": "note",
            "record_id": note["id"],
            "version": 1,
            "deleted": False,
            "data": {**note, "created_at": stamp, "updated_at": stamp},
            "at": now,
        }
        for note in notes
    ]
    with context.writer() as session, session.begin():
        session.bulk_insert_mappings(Note, notes)  # type: ignore[arg-type]
        session.bulk_insert_mappings(Change, changes)  # type: ignore[arg-type]
    return count
