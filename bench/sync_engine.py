"""The sync engine against the reference server over real HTTP on loopback, each timed
figure as a ratio to an HTTP floor measured in the same run.

Run: ``python bench/sync_engine.py [--runs N] [--only NAME]``. Each run gives each measure a
fresh in-process server (SQLite file in a temp dir, demo week) and a fresh technician cache;
after the runs it prints the median, min and max of each figure, its floor and their ratio
against the target, then one note per measure from the last run. The measures:

- drain: 10,000 ops queued offline through the write path, pushed by ``engine.step()``; timed
  until the outbox is empty. Target (the design's): at most 2.5× the floor.
- pull: 50,000 feed changes into an empty cache, timed and RSS-measured in a child process.
  Targets: at most 1.5× the floor (the design's), and a peak RSS under 200 MB.
- reconnect: from going back online to the push reply of one note queued offline (median of
  ``--repeats``). Target: every repeat under 1 s (absolute; the floor is shown, with no ratio
  target).
- photos: 100 photos of 3 MB, queued offline, uploaded by one step. Target: under 5 s
  (absolute; the floor is shown, with no ratio target).
- resume: a child process killed half-way through a 24 MB upload; the chunks the restart sent
  again. Target: at most one. A count, not a time: it has no floor.

The floor (``_http_floor.py``): the measure's own HTTP exchanges, recorded as they happened
(for drain, those until the outbox was empty), replayed byte for byte and in order with the
same client (``requests``, one kept-alive session) against a trivial FastAPI app on the same
uvicorn runner, whose handler only parses the JSON body and returns the recorded reply; the
client parses each JSON reply; the floor is the median of five replays. For pull the replays
run in a child process, as the pull does, each on a new connection, as the pull's is.
The product's time over the floor's is the engine's and the server's own work.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _figures import conditions_after, conditions_before, ratios, spread
from _http_floor import Exchange, floor_server, load_all, replay_median
from _sync_fixtures import (
    START,
    RecordingTransport,
    connect,
    profile_at,
    rss_kib,
    ru_maxrss_kib,
    sign_in_profile,
    synced_technician,
    todays_jobs,
)

from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.errors import StateError
from wb_desktop.core.domain.status import JobStatus, allowed_transitions, is_open
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.sync.profiles import profile_named
from wb_desktop.core.sync.uploads import CHUNK_BYTES
from wb_server.demo_data import make_noise_png

if TYPE_CHECKING:
    from _sync_server import BenchServer

MB = 1024 * 1024
MEASURES = ("drain", "pull", "reconnect", "photos", "resume")


@dataclass
class Row:
    """One measure's result in one run: ``value`` in ``unit`` (seconds, ms or chunks), its
    floor in the same unit (None: no floor), ``ok`` whether it did what it should (outbox
    empty, everything uploaded, and the per-run targets: reconnect's worst repeat, resume's
    chunks), and any other figures by name."""

    measure: str
    value: float
    floor: float | None
    ok: bool
    note: str
    extra: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Target:
    unit: str
    digits: int
    ratio: float | None = None  # the design's: at most this many times the floor
    absolute: float | None = None  # at most this, in ``unit``
    text: str = ""


TARGETS = {
    "drain": Target("s", 2, ratio=2.5, text="≤ 2.5× floor"),
    "pull": Target("s", 2, ratio=1.5, text="≤ 1.5× floor; < 200 MB peak"),
    "reconnect": Target("ms", 0, text="every repeat < 1 s (absolute)"),
    "photos": Target("s", 2, absolute=4.999, text="< 5 s (absolute)"),
    "resume": Target("chunks", 0, text="≤ 1 chunk, every run"),
}
PULL_PEAK_MB = 200


class DrainWatch:
    """A sync listener that notes when the step's progress reaches its total (outbox empty)."""

    def __init__(self) -> None:
        self.done_at: float | None = None

    def progress(self, done: int, total: int) -> None:
        if done >= total and self.done_at is None:
            self.done_at = time.perf_counter()

    def records_changed(self, changes: object) -> None:
        pass

    def conflict(self, record_type: str, record_id: str, field_name: str) -> None:
        pass


def queue_mix(cache: LocalCache, clock: FixedClock, total: int, rng: random.Random) -> Counter[str]:
    """~20 % clock in/out pairs, every status step today's jobs allow, notes for the rest
    (~80 %), shuffled, each through the real write path."""
    status = {job.id: job.status for job in todays_jobs(cache)}
    jobs = list(status)
    steps = sum(_steps_left(current) for current in status.values())
    times = total // 5 // 2 * 2
    kinds = ["status"] * steps + ["time"] * times + ["note"] * (total - steps - times)
    rng.shuffle(kinds)
    changes, clocked_in, made = cache.changes, False, Counter[str]()
    for n, kind in enumerate(kinds):
        clock.advance(timedelta(seconds=1))
        if kind == "note":
            changes.jobs.add_note(rng.choice(jobs), f"Note {n}: checked the valve, all dry.")
        elif kind == "status":
            job = rng.choice([j for j in jobs if allowed_transitions(status[j])])
            status[job] = allowed_transitions(status[job])[0]
            changes.jobs.set_status(job, status[job])
        elif clocked_in:
            try:
                changes.time.clock_out()
            except StateError:  # completing its job stopped the timer: clock in for the day
                changes.time.clock_in(None)
                made[kind] += 1
                continue
        else:
            open_jobs = [j for j in jobs if is_open(status[j])]
            changes.time.clock_in(rng.choice(open_jobs) if open_jobs else None)
        clocked_in = not clocked_in if kind == "time" else clocked_in
        made[kind] += 1
    return made


def _steps_left(status: JobStatus) -> int:
    """How many status changes the technician can still make: scheduled has three."""
    steps = 0
    while allowed_transitions(status):
        status, steps = allowed_transitions(status)[0], steps + 1
    return steps


def measure_drain(server: BenchServer, folder: Path, args: argparse.Namespace) -> Row:
    clock = FixedClock(START)
    transport = RecordingTransport(server.url, keep=True)
    cache, client = synced_technician(server.url, profile_at(folder / "drain"), clock, transport)
    client.network.set_profile(profile_named("offline"))
    made = queue_mix(cache, clock, args.ops, random.Random(args.seed))
    client.network.set_profile(profile_named("online"))
    client.engine.reset_backoff()
    watch = DrainWatch()
    client.engine.listener = watch
    steps, mark, started = 0, len(transport.sent), time.perf_counter()
    while client.engine.counts().pending and steps < 5:
        watch.done_at = None
        report = client.engine.step()
        steps += 1
    ended = time.perf_counter()
    counts = client.engine.counts()
    pushes = [s for s in transport.since(mark) if s.path == "/v1/push"]
    drained = (watch.done_at or ended) - started
    exchanges = transport.exchanges_between(started, started + drained)
    client.close()
    transport.close()
    cache.close()
    floor = floor_seconds(exchanges)
    waiting = sum(s.ended - s.started for s in pushes)
    mix = ", ".join(f"{made[k]} {k}" for k in ("note", "status", "time"))
    return Row(
        f"drain ({sum(made.values()):,} queued ops)",
        drained,
        floor,
        counts.pending == 0,
        f"mix: {mix} (status: every step today's jobs allow). Outbox empty after {drained:.2f} s "
        f"in {steps} step(s), {waiting:.2f} s of it waiting on {len(pushes)} push replies (server "
        f"and HTTP), the rest the client's own work; the whole step, with the pull of the "
        f"{report.pulled:,} echoes, took {ended - started:.2f} s. Floor: the {len(exchanges)} "
        f"requests until the outbox was empty, replayed: {floor:.3f} s. Left: {counts.pending} "
        f"pending ({counts.dead} dead).",
    )


def floor_seconds(exchanges: list[Exchange]) -> float:
    with floor_server(exchanges) as url:
        return replay_median(url, exchanges)


def measure_pull(server: BenchServer, folder: Path, args: argparse.Namespace) -> Row:
    from _sync_server import add_feed_notes  # the parent only: the child stays client-only

    added = add_feed_notes(server, args.records)
    profile = profile_at(folder / "pull")
    sign_in_profile(server.url, profile, FixedClock(START))
    kept = folder / "pull_exchanges.pickle"
    command = [sys.executable, __file__, "--child", "pull", "--url", server.url]
    command += ["--profile", str(profile.folder), "--log", str(kept)]
    result = run_child(command)
    exchanges = load_all(kept)
    with floor_server(exchanges) as floor_url:
        command = [sys.executable, __file__, "--child", "replay", "--url", floor_url]
        floor = run_child([*command, "--log", str(kept)])["seconds"]
    seconds, peak, base = result["seconds"], result["peak_kib"], result["baseline_kib"]
    share = "" if peak is None else f"; RSS before the pull {base / 1024:.0f} MB"
    if result["ru_maxrss_kib"] not in (None, peak):
        share += f" (ru_maxrss says {result['ru_maxrss_kib'] / 1024:.0f} MB: the parent's peak)"
    return Row(
        f"pull ({result['pulled']:,} changes into an empty cache)",
        seconds,
        floor,
        result["ok"] and (peak is None or peak < PULL_PEAK_MB * 1024),
        f"{added:,} notes added to the demo feed; {result['pulled'] / seconds:,.0f} changes/s "
        f"in a child process, {result['http_s']:.2f} s of it waiting on the feed's pages (server "
        f"and HTTP){share} (client only: the server runs in the parent). Floor: the step's "
        f"{len(exchanges)} requests replayed from a child: {floor:.3f} s (median of 5). "
        f"Step ok: {result['ok']} {result['reason'] or ''}".rstrip(),
        {} if peak is None else {"peak RSS (MB)": peak / 1024},
    )


def run_child(command: list[str]) -> dict:
    child = subprocess.run(command, capture_output=True, text=True, check=False)
    if child.returncode != 0:
        raise SystemExit(f"the child {command[3]} failed:\n{child.stderr}")
    return json.loads(child.stdout.splitlines()[-1])


def child_pull(args: argparse.Namespace) -> None:
    transport = RecordingTransport(args.url, keep_to=Path(args.log))
    cache, client = connect(args.url, profile_at(Path(args.profile)), FixedClock(START), transport)
    baseline = rss_kib("VmRSS")
    started = time.perf_counter()
    report = client.engine.step()
    seconds = time.perf_counter() - started
    result = {
        "ok": report.ok,
        "reason": report.reason,
        "pulled": report.pulled,
        "seconds": seconds,
        "http_s": sum(s.ended - s.started for s in transport.sent if "/changes" in s.path),
        "baseline_kib": baseline,
        "peak_kib": rss_kib("VmHWM"),
        "ru_maxrss_kib": ru_maxrss_kib(),
    }
    client.close()
    cache.close()
    transport.close()
    print(json.dumps(result))


def child_replay(args: argparse.Namespace) -> None:
    # cold, as the pull child's own first request is
    seconds = replay_median(args.url, load_all(Path(args.log)), warm=False)
    print(json.dumps({"seconds": seconds}))


def measure_reconnect(server: BenchServer, folder: Path, args: argparse.Namespace) -> Row:
    clock = FixedClock(START)
    transport = RecordingTransport(server.url, keep=True)
    cache, client = synced_technician(
        server.url, profile_at(folder / "reconnect"), clock, transport
    )
    job = todays_jobs(cache)[0].id
    timings, offline_ok, windows = [], 0, []
    for n in range(args.repeats):
        clock.advance(timedelta(minutes=1))
        client.network.set_profile(profile_named("offline"))
        note = cache.changes.jobs.add_note(job, f"Reconnect note {n}")
        offline_ok += client.engine.step().ok
        mark = len(transport.sent)
        started = time.perf_counter()
        client.network.set_profile(profile_named("online"))
        client.engine.reset_backoff()
        client.engine.step()
        pushes = [s for s in transport.since(mark) if s.path == "/v1/push"]
        if not pushes or not server.has_note(note.record_id):
            raise SystemExit(f"repeat {n}: the note did not reach the server")
        timings.append(pushes[0].ended - started)
        windows.append(transport.exchanges_between(started, pushes[0].ended))
    client.close()
    transport.close()
    cache.close()
    floors, first = [], 0
    everything = [exchange for window in windows for exchange in window]
    with floor_server(everything) as url, requests.Session() as session:
        for window in windows:  # one session throughout, as the engine keeps its connection
            floors.append(replay_median(url, window, first=first, session=session))
            first += len(window)
    median, worst = statistics.median(timings), max(timings)
    return Row(
        f"reconnect (median of {args.repeats} repeats)",
        median * 1000,
        statistics.median(floors) * 1000,
        offline_ok == 0 and worst < 1,
        f"from the profile going back online (then reset_backoff, step) to the push's reply: "
        f"median {median * 1000:.0f} ms, max {worst * 1000:.0f} ms; floor: the "
        f"{len(windows[0])} requests of each repeat replayed, median "
        f"{statistics.median(floors) * 1000:.1f} ms; the offline step failed as it should in "
        f"{args.repeats - offline_ok}/{args.repeats}.",
        {"max of the repeats (ms)": worst * 1000},
    )


def measure_photos(server: BenchServer, folder: Path, args: argparse.Namespace) -> Row:
    clock = FixedClock(START)
    transport = RecordingTransport(server.url, keep=True)
    cache, client = synced_technician(server.url, profile_at(folder / "photos"), clock, transport)
    jobs = [job.id for job in todays_jobs(cache)]
    rng = random.Random(args.seed)
    client.network.set_profile(profile_named("offline"))
    size = int(args.photo_mb * MB)
    for n in range(args.photos):
        cache.changes.media.add_photo(
            jobs[n % len(jobs)], make_noise_png(rng.randrange(2**31), size), f"IMG_{n}.png"
        )
    client.network.set_profile(profile_named("online"))
    client.engine.reset_backoff()
    before, mark = server.complete_blobs(), len(transport.sent)
    started = time.perf_counter()
    report = client.engine.step()
    seconds = time.perf_counter() - started
    blobs = [s for s in transport.since(mark) if s.path.startswith("/v1/blobs/")]
    window = max(s.ended for s in blobs) - min(s.started for s in blobs)
    sent = sum(s.body_bytes for s in blobs if s.method == "PATCH")
    complete = server.complete_blobs() - before
    exchanges = transport.exchanges_between(started, started + seconds)
    client.close()
    transport.close()
    cache.close()
    floor = floor_seconds(exchanges)
    return Row(
        f"photos ({args.photos} × {args.photo_mb:g} MB)",
        seconds,
        floor,
        complete == args.photos,
        f"{sent / MB / seconds:,.1f} MB/s: {sent / MB:,.0f} MB in "
        f"{sum(s.method == 'PATCH' for s in blobs)} chunks; first blob request to last reply "
        f"{window:.2f} s of the {seconds:.2f} s step; {report.uploaded} uploaded, {complete} "
        f"complete on the server. Floor: the step's {len(exchanges)} requests replayed: "
        f"{floor:.2f} s. Step ok: {report.ok}.",
    )


def measure_resume(server: BenchServer, folder: Path, args: argparse.Namespace) -> Row:
    clock = FixedClock(START)
    profile = profile_at(folder / "resume")
    cache, client = synced_technician(server.url, profile, clock)
    data = make_noise_png(args.seed, args.resume_mb * MB)
    cache.changes.media.add_photo(todays_jobs(cache)[0].id, data, "IMG_big.png")
    sha256, size = hashlib.sha256(data).hexdigest(), len(data)
    client.close()
    cache.close()
    log = folder / "child_patches.log"
    command = [sys.executable, __file__, "--child", "upload", "--url", server.url]
    with (folder / "child_stderr.txt").open("w") as stderr:
        child = subprocess.Popen(
            [*command, "--profile", str(profile.folder), "--log", str(log)],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        deadline = time.monotonic() + 120
        # half-way by the server's count, or by the child's log of the chunks it has begun to
        # send (on a loaded machine this loop can miss the server's half-way point)
        while (
            server.blob_received(sha256) < size // 2
            and started_bytes(log) < size // 2 + CHUNK_BYTES
            and child.poll() is None
        ):
            if time.monotonic() > deadline:
                break
            time.sleep(0.001)
        child.kill()
        child.wait()
    time.sleep(0.5)  # let the server settle a chunk that was in flight
    kept = server.blob_received(sha256)
    child_sent = started_bytes(log)
    transport = RecordingTransport(server.url)
    cache, client = connect(server.url, profile, clock, transport)
    report = client.engine.step()
    again = sum(s.body_bytes for s in transport.sent if s.method == "PATCH")
    done = server.blob_received(sha256)
    client.close()
    transport.close()
    cache.close()
    wasted = child_sent + again - size
    chunks = math.ceil(max(0, wasted) / CHUNK_BYTES)
    return Row(
        f"resume ({args.resume_mb} MB photo, killed mid-upload)",
        chunks,
        None,
        chunks <= 1 and report.ok and done == size and 0 < kept < size,
        f"child killed (exit {child.returncode}) with the server holding {kept / MB:.1f} of "
        f"{size / MB:.1f} MB, after starting {child_sent / MB:.1f} MB of chunks; the restart "
        f"sent {again / MB:.1f} MB (the server needed {(size - kept) / MB:.1f}); "
        f"{wasted / MB:.2f} MB sent twice in all. Server complete: {done == size}.",
    )


def started_bytes(log: Path) -> int:
    """The bytes of the PATCHes the upload child has begun to send (its log, one per line)."""
    return sum(int(line) for line in log.read_text().split()) if log.exists() else 0


def child_upload(args: argparse.Namespace) -> None:
    transport = RecordingTransport(args.url, log=Path(args.log))
    _cache, client = connect(args.url, profile_at(Path(args.profile)), FixedClock(START), transport)
    client.engine.step()  # the parent kills this process part-way


RUNS: dict[str, Callable[[BenchServer, Path, argparse.Namespace], Row]] = {
    "drain": measure_drain,
    "pull": measure_pull,
    "reconnect": measure_reconnect,
    "photos": measure_photos,
    "resume": measure_resume,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=MEASURES, action="append", help="repeatable")
    parser.add_argument("--ops", type=int, default=10_000)
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--photos", type=int, default=100)
    parser.add_argument("--photo-mb", type=float, default=3.0)
    parser.add_argument("--resume-mb", type=int, default=24)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data-dir", type=Path, help="where to put the temp dir (default: tmp)")
    parser.add_argument("--child", choices=("pull", "upload", "replay"), help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--profile", help=argparse.SUPPRESS)
    parser.add_argument("--log", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        {"pull": child_pull, "upload": child_upload, "replay": child_replay}[args.child](args)
        return 0
    from _sync_server import bench_server  # the parent only: the children stay client-only

    conditions_before()
    names = args.only or list(MEASURES)
    rows: dict[str, list[Row]] = {name: [] for name in names}
    trips, started = [], time.perf_counter()
    for n in range(args.runs):
        with tempfile.TemporaryDirectory(dir=args.data_dir) as temp:
            for name in names:
                folder = Path(temp) / name
                with bench_server(folder / "server") as server:
                    trips.append(server.round_trip_ms())
                    row = RUNS[name](server, folder, args)
                rows[name].append(row)
                floor = "" if row.floor is None else f", floor {row.floor:.3f}"
                print(f"run {n + 1}: {name} {row.value:.3f}{floor}, ok {row.ok}", flush=True)
    print(
        f"\nsync engine over loopback HTTP ({statistics.median(trips):.1f} ms per request on a "
        f"kept-alive connection); {args.runs} run(s): median (min–max)"
    )
    print("| measure | figure | floor | ratio | target | met? |")
    print("|---|---:|---:|---:|---:|---|")
    for name in names:
        print(summary_line(name, rows[name]))
    print()
    for name in names:
        last = rows[name][-1]
        print(f"- **{name}** (last run): {last.note}")
    print(f"\n({time.perf_counter() - started:.0f} s in all)")
    conditions_after()
    return 0


def summary_line(name: str, rows: list[Row]) -> str:
    target = TARGETS[name]
    values = [row.value for row in rows]
    unit = f" {target.unit}"
    figure = spread(values, target.digits, unit)
    for key in sorted({key for row in rows for key in row.extra}):
        figure += f"; {key} {spread([row.extra[key] for row in rows], 0)}"
    floor_text = ratio_text = "—"
    met = all(row.ok for row in rows)
    if rows[0].floor is not None:
        floors = [row.floor or 0.0 for row in rows]
        floor_text = spread(floors, 3, unit)
        each = ratios(values, floors)
        ratio_text = spread(each, 1, "×")
        if target.ratio is not None:
            met = met and statistics.median(each) <= target.ratio
    if target.absolute is not None:
        met = met and statistics.median(values) <= target.absolute
    return (
        f"| {rows[0].measure} | {figure} | {floor_text} | {ratio_text} | {target.text} "
        f"| {'yes' if met else 'NO'} |"
    )


if __name__ == "__main__":
    raise SystemExit(main())
