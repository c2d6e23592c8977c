"""Reference-server throughput over real HTTP on loopback: push ingest and pull, each as a
ratio to the same requests against a trivial app on the same stack, in the same run.

Run: ``python bench/server_throughput.py [--runs N] [--db URL] [--ops N] [--changes N]``.
Ingest pushes batches of 500 ``note.create`` ops (bodies built before the clock starts); pull
reads a technician's feed of ``--changes`` entries from 0 in pages of 1,000 (the server's
maximum). Each run gets a fresh server and database. The floor (``_http_floor.py``) replays
the run's own exchanges, byte for byte and in order, with the same client (``requests``, one
kept-alive session) against a trivial FastAPI app on the same uvicorn runner whose handler only
parses the JSON body and returns the recorded reply; the client parses each reply in both. The
floor is the median of five replays.
Prints each run, then the median, min and max over the runs of each rate, its floor and the
ratio of times (product / floor). The design sets ratio targets for the sync engine's drain and
pull (``sync_engine.py``), which include these; the server alone has none, so the rates are
also shown against their old absolute targets, which hold only on a machine like ours.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _figures import conditions_after, conditions_before, ratios, spread
from _http_floor import Exchange, floor_server, replay_median

from wb_server.app import create_app
from wb_server.config import ServerConfig
from wb_server.demo import load_demo
from wb_server.demo_data import DEMO_ACCOUNTS
from wb_server.models import Change, Job, Technician
from wb_server.runner import start_in_thread

BATCH = 500
PAGE = 1000
TARGET_INGEST = 5_000  # ops/s, absolute: the design gives the server alone no ratio
TARGET_PULL = 20_000  # rows/s, likewise
JSON = {"Content-Type": "application/json"}


def _sign_in(url: str, email: str) -> requests.Session:
    token = requests.post(
        f"{url}/v1/auth/sign-in", json={"email": email, "password": DEMO_ACCOUNTS[email]}
    ).json()["token"]
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    return session


def _kept(reply: requests.Response, body: bytes) -> Exchange:
    request = reply.request
    return Exchange(
        request.method or "GET",
        request.path_url,
        {k: v for k, v in request.headers.items() if k.lower() != "content-length"},
        body,
        reply.status_code,
        reply.content,
        reply.headers.get("content-type", "application/json"),
    )


def push_bodies(job_id: str, total: int) -> list[bytes]:
    device = str(uuid.uuid4())
    bodies, seq = [], 0
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
        bodies.append(json.dumps({"device_id": device, "ops": ops}).encode())
    return bodies


def ingest(
    url: str, session: requests.Session, bodies: list[bytes]
) -> tuple[int, float, list[Exchange]]:
    kept, ops = [], 0
    started = time.perf_counter()
    for body in bodies:
        reply = session.post(f"{url}/v1/push", data=body, headers=JSON)
        reply.raise_for_status()
        results = reply.json()["results"]
        if any(r["result"] != "applied" for r in results):
            raise SystemExit("an op was not applied")
        ops += len(results)
        kept.append(_kept(reply, body))
    return ops, time.perf_counter() - started, kept


def pull(url: str, session: requests.Session) -> tuple[int, float, list[Exchange]]:
    cursor, rows, kept = 0, 0, []
    started = time.perf_counter()
    while True:
        reply = session.get(f"{url}/v1/changes", params={"since": cursor, "limit": PAGE})
        page = reply.json()
        kept.append(_kept(reply, b""))
        rows += len(page["changes"])
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return rows, time.perf_counter() - started, kept


def one_run(args: argparse.Namespace) -> dict[str, float]:
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
        bodies = push_bodies(job_id, args.ops)
        running = start_in_thread(app)
        try:
            session = _sign_in(running.url, email)
            ops, ingest_s, pushed = ingest(running.url, session, bodies)
            rows, pull_s, pulled = pull(running.url, session)
            session.close()
        finally:
            running.stop()
            if args.db:  # a server of its own: leave it as it was for the next run
                with context.writer() as db, db.begin():
                    db.query(Change).filter(Change.technician_id == technician_id).delete()
            context.engine.dispose()
    with floor_server(pushed) as floor_url:
        floor_ingest_s = replay_median(floor_url, pushed)
    with floor_server(pulled) as floor_url:
        floor_pull_s = replay_median(floor_url, pulled)
    return {
        "ops": ops,
        "rows": rows,
        "ingest_s": ingest_s,
        "pull_s": pull_s,
        "floor_ingest_s": floor_ingest_s,
        "floor_pull_s": floor_pull_s,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", help="SQLAlchemy URL (default: a SQLite file in a temp dir)")
    parser.add_argument("--ops", type=int, default=10_000)
    parser.add_argument("--changes", type=int, default=50_000)
    args = parser.parse_args(argv)
    conditions_before()
    backend = (args.db or "sqlite").split(":", 1)[0]
    print(f"server throughput on {backend}, loopback HTTP, batches of {BATCH}, pages of {PAGE}")
    print("| run | ingest ops/s | floor ops/s | ratio | pull rows/s | floor rows/s | ratio |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    runs = []
    for n in range(args.runs):
        run = one_run(args)
        runs.append(run)
        print(
            f"| {n + 1} | {run['ops'] / run['ingest_s']:,.0f} "
            f"| {run['ops'] / run['floor_ingest_s']:,.0f} "
            f"| {run['ingest_s'] / run['floor_ingest_s']:.1f}× "
            f"| {run['rows'] / run['pull_s']:,.0f} | {run['rows'] / run['floor_pull_s']:,.0f} "
            f"| {run['pull_s'] / run['floor_pull_s']:.1f}× |",
            flush=True,
        )
    ops, rows = runs[0]["ops"], runs[0]["rows"]

    def rates(count: float, key: str) -> list[float]:
        return [count / run[key] for run in runs]

    print(f"\nover {args.runs} runs: median (min–max)")
    print("| measure | product | floor | ratio of times | absolute target |")
    print("|---|---:|---:|---:|---:|")
    for name, count, key, unit, target in (
        (f"push ingest ({ops:,} ops)", ops, "ingest_s", "ops/s", TARGET_INGEST),
        (f"pull ({rows:,} changes from 0)", rows, "pull_s", "rows/s", TARGET_PULL),
    ):
        product, floor = rates(count, key), rates(count, f"floor_{key}")
        times = ratios([r[key] for r in runs], [r[f"floor_{key}"] for r in runs])
        met = "met" if statistics.median(product) >= target else "NOT met"
        print(
            f"| {name} | {spread(product, 0)} {unit} | {spread(floor, 0)} {unit} "
            f"| {spread(times, 1, '×')} | {target:,} {unit} ({met}) |"
        )
    conditions_after()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
