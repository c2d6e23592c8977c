"""Latency of the local write path: 10,000 mixed writes, each a row plus its outbox op.

Run: ``python bench/write_path.py [--writes N] [--data-dir DIR]``. Prints a table of
p50/p90/p99/max per kind of write and overall. The database sits on a real file with the
app's pragmas (WAL, synchronous=FULL), so every write includes its commit's fsync.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wb_desktop.domain.clock import FixedClock
from wb_desktop.domain.status import JobStatus, allowed_transitions
from wb_desktop.paths import DataPaths
from wb_desktop.store.cache import open_cache
from wb_desktop.store.outbox import pending_count
from wb_desktop.store.seed import add_server_customer, add_server_job

TARGET_P50_MS = 1.0
TARGET_P99_MS = 5.0


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def run(writes: int, root: Path, seed: int) -> dict[str, list[float]]:
    clock = FixedClock(datetime(2026, 11, 23, 6, 0, tzinfo=UTC))
    cache = open_cache(DataPaths(root).profile("bench"), clock, quota_bytes=2_000 * 1024 * 1024)
    jobs_needed = writes // 3 // 3 + 10
    with cache.database.writer() as session, session.begin():
        customer = add_server_customer(session, clock.now(), "Bench Customer")
        job_ids = [
            add_server_job(session, clock.now(), customer, f"Job {n}", clock.now()).id
            for n in range(jobs_needed)
        ]
    status = dict.fromkeys(job_ids, JobStatus.SCHEDULED)
    open_jobs = list(job_ids)
    clocked_in = False
    rng = random.Random(seed)
    changes = cache.changes
    timings: dict[str, list[float]] = defaultdict(list)

    def timed(kind: str, action: Callable[[], object]) -> None:
        started = time.perf_counter()
        action()
        timings[kind].append((time.perf_counter() - started) * 1000)

    for n in range(writes):
        clock.advance(timedelta(seconds=1))
        kind = ("note", "status", "time")[n % 3]
        if kind == "note":
            job = rng.choice(job_ids)
            text = f"Note {n}: checked the valve"
            timed("note", lambda job=job, text=text: changes.jobs.add_note(job, text))
        elif kind == "status":
            job = open_jobs[0]
            following = allowed_transitions(status[job])[0]
            timed("status", lambda job=job, s=following: changes.jobs.set_status(job, s))
            status[job] = following
            if following is JobStatus.COMPLETE:
                open_jobs.pop(0)
        elif clocked_in:
            timed("time", changes.time.clock_out)
            clocked_in = False
        else:
            job = open_jobs[0]
            timed("time", lambda job=job: changes.time.clock_in(job))
            clocked_in = True
    with cache.database.reader() as session:
        queued = pending_count(session)
    cache.close()
    if queued != writes:
        raise SystemExit(f"expected {writes} outbox entries, found {queued}")
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writes", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data-dir", type=Path, help="where to put the database (default: tmp)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.data_dir) as folder:
        timings = run(args.writes, Path(folder), args.seed)
    everything = [t for values in timings.values() for t in values]
    print(f"write path: {args.writes} writes, {platform.python_version()}, {platform.machine()}")
    print("| write | count | p50 ms | p90 ms | p99 ms | max ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind, values in [*sorted(timings.items()), ("all", everything)]:
        print(
            f"| {kind} | {len(values)} | {statistics.median(values):.3f} "
            f"| {percentile(values, 0.90):.3f} | {percentile(values, 0.99):.3f} "
            f"| {max(values):.3f} |"
        )
    p50, p99 = statistics.median(everything), percentile(everything, 0.99)
    verdict = "met" if p50 < TARGET_P50_MS and p99 < TARGET_P99_MS else "NOT met"
    print(f"target p50 < {TARGET_P50_MS} ms and p99 < {TARGET_P99_MS} ms: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
