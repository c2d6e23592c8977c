"""Push ingest and pull rates of ``wb-server --workers N`` on PostgreSQL and SQLite.

For each database and each process count (default 1, 2 and 4), a fresh database gets the
demo data, one ``wb-server --workers N`` serves it on loopback, and then:

- **ingest**: 8 client threads, each a device of a demo technician, push batches of 100
  ``note.create`` ops until ``--ops`` ops are in; the figure is ops per second;
- **pull**: 8 client threads each pull a technician's whole feed from 0 in pages of 1,000;
  the figure is rows per second.

The floor is the same exchange against the same stack with a trivial handler
(``_trivial_server.py``: FastAPI on uvicorn with the same number of workers; push parses the
JSON body and answers one result per op, pull answers a page of the same size), with the same
client threads, measured in the same run. Each line prints the product's rate, the floor's
and their ratio (product time / floor time). PostgreSQL is a throwaway server started like the
tests' (``fsync=off``). Run from the repository root::

    python bench/server_scale_out.py [--processes 1 2 4] [--ops 8000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import requests

from tests.integration.cluster import ServerInstances, free_port, migrate_with_demo
from tests.integration.postgres import PostgresServer, _binaries
from wb_server.demo_data import DEMO_ACCOUNTS

ADMIN = "bench-admin"
THREADS = 8
BATCH = 100
PAGE = 1000


def sign_in(url: str) -> list[tuple[str, str, list[str]]]:
    """(technician id, token, job ids) of each demo technician."""
    found = []
    for email, password in sorted(DEMO_ACCOUNTS.items()):
        reply = requests.post(
            f"{url}/v1/auth/sign-in", json={"email": email, "password": password}, timeout=10
        ).json()
        technician_id = reply["technician"]["id"]
        jobs = requests.get(
            f"{url}/v1/admin/jobs",
            params={"technician_id": technician_id},
            headers={"Authorization": f"Bearer {ADMIN}"},
            timeout=10,
        ).json()
        found.append((technician_id, reply["token"], [job["id"] for job in jobs]))
    return found


def batches(total_ops: int, jobs: list[str], thread: int) -> list[list[dict[str, Any]]]:
    rng, seq, made = random.Random(thread), 0, []
    for _ in range(total_ops // THREADS // BATCH):
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
                    "payload": {"job_id": rng.choice(jobs), "text": f"bench note {seq:06d}"},
                }
            )
        made.append(ops)
    return made


def timed(work: Callable[[int], int]) -> tuple[float, int]:
    """Runs ``work(thread)`` on THREADS threads at once; (seconds, items done)."""
    start = threading.Barrier(THREADS + 1)

    def run(thread: int) -> int:
        start.wait()
        return work(thread)

    with ThreadPoolExecutor(THREADS) as pool:
        futures = [pool.submit(run, t) for t in range(THREADS)]
        start.wait()
        began = time.perf_counter()
        done = sum(f.result() for f in futures)
        return time.perf_counter() - began, done


def ingest(url: str, accounts: list, plans: list[list[list[dict]]]) -> tuple[float, int]:
    def push(thread: int) -> int:
        _, token, _ = accounts[thread % len(accounts)]
        device = str(uuid.uuid4())
        with requests.Session() as http:
            http.headers["Authorization"] = f"Bearer {token}"
            for ops in plans[thread]:
                reply = http.post(f"{url}/v1/push", json={"device_id": device, "ops": ops})
                assert reply.status_code == 200, reply.text
        return sum(len(ops) for ops in plans[thread])

    return timed(push)


def pull(url: str, accounts: list, pages: int | None = None) -> tuple[float, int]:
    """Whole feeds from 0 (or, for the floor, ``pages`` pages each)."""

    def read(thread: int) -> int:
        _, token, _ = accounts[thread % len(accounts)]
        rows, cursor, page_count = 0, 0, 0
        with requests.Session() as http:
            http.headers["Authorization"] = f"Bearer {token}"
            while True:
                reply = http.get(f"{url}/v1/changes", params={"since": cursor, "limit": PAGE})
                assert reply.status_code == 200, reply.text
                page = reply.json()
                rows += len(page["changes"])
                cursor, page_count = page["next_cursor"], page_count + 1
                if not page["has_more"] or (pages is not None and page_count >= pages):
                    return rows

    return timed(read)


def floor(processes: int, plans: list, pull_pages: int, folder: Path) -> tuple[float, float]:
    """(ingest seconds, pull seconds) of the trivial server with ``processes`` workers."""
    port = free_port()
    log = (folder / f"floor-{processes}.log").open("wb")
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "uvicorn", "_trivial_server:app", "--port", str(port)),
            *("--workers", str(processes), "--log-level", "warning", "--no-access-log"),
        ],
        cwd=Path(__file__).resolve().parent,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                requests.get(f"{url}/health", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        accounts = [("floor", "token", [])] * THREADS
        ingest_s, _ = ingest(url, accounts, plans)
        pull_s, _ = pull(url, accounts, pages=pull_pages)
        return ingest_s, pull_s
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def measure(database_url: str, processes: int, total_ops: int, folder: Path) -> dict[str, float]:
    blobs = folder / f"blobs-{uuid.uuid4().hex[:6]}"
    migrate_with_demo(database_url, blobs, ADMIN)
    servers = ServerInstances(database_url, blobs, ADMIN, folder)
    servers.start(instances=1, workers=processes)
    try:
        url = servers.urls[0]
        accounts = sign_in(url)
        plans = [batches(total_ops, accounts[t % len(accounts)][2], t) for t in range(THREADS)]
        ingest_s, ops = ingest(url, accounts, plans)
        pull_s, rows = pull(url, accounts)
    finally:
        servers.stop()
    pull_pages = max(1, rows // THREADS // PAGE + 1)
    floor_ingest_s, floor_pull_s = floor(processes, plans, pull_pages, folder)
    floor_rows = THREADS * pull_pages * PAGE
    return {
        "ingest": ops / ingest_s,
        "ingest_floor": ops / floor_ingest_s,
        "ingest_ratio": ingest_s / floor_ingest_s,
        "pull": rows / pull_s,
        "pull_floor": floor_rows / floor_pull_s,
        "pull_ratio": (pull_s / rows) / (floor_pull_s / floor_rows),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--ops", type=int, default=8000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    binaries = _binaries()
    if binaries is None:
        print("PostgreSQL's server binaries (initdb, pg_ctl) are needed", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="wb-scale-out-"))
    postgres = PostgresServer(Path(tempfile.mkdtemp(prefix="wb-postgres-")), binaries)
    postgres.start()
    print(f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; {args.runs} runs, medians")
    print(f"{THREADS} client threads; {args.ops} ops in batches of {BATCH}; pull pages {PAGE}")
    header = "| database | processes | ingest ops/s | floor | ratio | pull rows/s | floor | ratio |"
    print(header)
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    try:
        backends = ["postgresql"] + ([] if args.skip_sqlite else ["sqlite"])
        for backend in backends:
            for processes in args.processes:
                runs = []
                for _ in range(args.runs):
                    if backend == "postgresql":
                        url = postgres.new_database()
                    else:
                        url = f"sqlite:///{(folder / f'{uuid.uuid4().hex}.sqlite3').as_posix()}"
                    runs.append(measure(url, processes, args.ops, folder))
                m = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
                print(
                    f"| {backend} | {processes} | {m['ingest']:,.0f} | {m['ingest_floor']:,.0f} "
                    f"| {m['ingest_ratio']:.2f} | {m['pull']:,.0f} | {m['pull_floor']:,.0f} "
                    f"| {m['pull_ratio']:.2f} |",
                    flush=True,
                )
    finally:
        postgres.stop()
        shutil.rmtree(postgres.folder, ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)
    print(f"load after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
