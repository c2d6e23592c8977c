"""Reference-server throughput over real HTTP on loopback: push ingest and pull.

Run: ``python bench/server_throughput.py [--db URL] [--ops N] [--changes N]``. Prints a table.
Ingest pushes batches of 500 ``note.create`` ops; pull reads a technician's feed of
``--changes`` entries from 0 in pages of 1,000 (the server's maximum).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wb_desktop.server.app import create_app
from wb_desktop.server.config import ServerConfig
from wb_desktop.server.demo import load_demo
from wb_desktop.server.demo_data import DEMO_ACCOUNTS
from wb_desktop.server.models import Change, Job, Technician
from wb_desktop.server.runner import start_in_thread

BATCH = 500
PAGE = 1000
TARGET_INGEST = 5_000
TARGET_PULL = 20_000


def _sign_in(url: str, email: str) -> requests.Session:
    token = requests.post(
        f"{url}/v1/auth/sign-in", json={"email": email, "password": DEMO_ACCOUNTS[email]}
    ).json()["token"]
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    return session


def ingest(url: str, session: requests.Session, job_id: str, total: int) -> float:
    device = str(uuid.uuid4())
    seq = 0
    started = time.perf_counter()
    for _ in range(total // BATCH):
        ops = []
        for _ in range(BATCH):
            seq += 1
            ops.append(
                {
                    "op_id": str(uuid.uuid4()),
                    "seq": seq,
                    "kind": "note.create",
                    "record_type": "note",
                    "record_id": str(uuid.uuid4()),
                    "base_version": 0,
                    "payload": {"job_id": job_id, "text": f"bench note {seq}"},
                }
            )
        reply = session.post(f"{url}/v1/push", json={"device_id": device, "ops": ops})
        reply.raise_for_status()
        if any(r["result"] != "applied" for r in reply.json()["results"]):
            raise SystemExit("an op was not applied")
    return seq / (time.perf_counter() - started)


def pull(url: str, session: requests.Session) -> tuple[int, float]:
    cursor, rows = 0, 0
    started = time.perf_counter()
    while True:
        page = session.get(f"{url}/v1/changes", params={"since": cursor, "limit": PAGE}).json()
        rows += len(page["changes"])
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return rows, rows / (time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="SQLAlchemy URL (default: a SQLite file in a temp dir)")
    parser.add_argument("--ops", type=int, default=10_000)
    parser.add_argument("--changes", type=int, default=50_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or f"sqlite:///{(Path(folder) / 'server.sqlite3').as_posix()}"
        app = create_app(ServerConfig(url, Path(folder) / "blobs"))
        context = app.state.context
        load_demo(context, seed=1, week_of=date(2026, 11, 25))
        email = sorted(DEMO_ACCOUNTS)[0]
        with context.reader() as db:
            technician_id = db.query(Technician).filter(Technician.email == email).one().id
            job_id = db.query(Job).filter(Job.technician_id == technician_id).first().id
        now = datetime.now(UTC)
        with context.writer() as db, db.begin():
            existing = db.query(Change).filter(Change.technician_id == technician_id).count()
            db.bulk_insert_mappings(
                Change,  # type: ignore[arg-type]
                [
                    {
                        "technician_id": technician_id,
                        "record_type": "note",
                        "record_id": str(uuid.uuid4()),
                        "version": 1,
                        "deleted": False,
                        "data": {"id": "x", "job_id": job_id, "text": f"history {n}"},
                        "at": now,
                    }
                    for n in range(max(0, args.changes - existing - args.ops))
                ],
            )
        running = start_in_thread(app)
        try:
            session = _sign_in(running.url, email)
            ops_per_s = ingest(running.url, session, job_id, args.ops)
            rows, rows_per_s = pull(running.url, session)
        finally:
            running.stop()
            context.engine.dispose()
    backend = url.split(":", 1)[0]
    print(f"server throughput on {backend}, loopback HTTP, batches of {BATCH}, pages of {PAGE}")
    print("| measure | figure | target |")
    print("|---|---:|---:|")
    print(f"| push ingest ({args.ops} ops) | {ops_per_s:,.0f} ops/s | {TARGET_INGEST:,} ops/s |")
    print(f"| pull ({rows} changes from 0) | {rows_per_s:,.0f} rows/s | {TARGET_PULL:,} rows/s |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
