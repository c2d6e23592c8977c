"""Run the built bundle as a technician would and check it works: CI's check of the bundle.

Each run starts the bundle's executable with ``--smoke-test`` on a temporary data folder,
offscreen: the app starts, its embedded demo server starts in a child process, the first
sync fills the schedule, and the app closes with exit code 0 leaving no child behind (see
``wb_desktop/smoke.py``). The first run is a first start (the demo server is started and
signed in to before the window); the others start the same profile again, as every later
day does, and give the start time: from launching the process to the window's first paint,
the median of the runs. On Linux one more run has no stdout and stderr at all, as the
windowed Windows build has none, and must still pass.

Prints the start time and the bundle's size; exits 1 when any run fails. Runs on Windows and
Linux with any Python 3.11+::

    python packaging/smoke_run.py dist/wb-desktop
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_bundle import FLOOR_NAME, MB, SIZE_GOAL_MB, executable, folder_size

REPORT_FILE = "smoke-test.json"  # wb_desktop/smoke.py writes it in the profile's folder
RUN_TIMEOUT_S = 180


class SmokeRunError(Exception):
    """A run that did not do what the app must do; the message says what."""


def run_once(program: Path, data: Path, *options: str, console: bool = True) -> dict[str, Any]:
    """One start of the bundle; its report with ``start_ms`` and ``first_sync_ms`` added.
    ``options``: more of the app's options; ``console``: False runs it without stdout and
    stderr."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    for stale in data.rglob(REPORT_FILE):
        stale.unlink()
    launched = time.time()
    result = subprocess.run(
        [str(program), "--smoke-test", "--data-dir", str(data), *options],
        env=env,
        capture_output=console,
        text=True,
        timeout=RUN_TIMEOUT_S,
        check=False,
        # No console at all: Python then starts with sys.stdout and sys.stderr set to None.
        preexec_fn=None if console else _close_stdio,
    )
    reports = list(data.rglob(REPORT_FILE))
    if not reports:
        output = f"\n{result.stdout}\n{result.stderr}" if console else ""
        raise SmokeRunError(f"exit code {result.returncode} and no report{output}")
    report = json.loads(reports[0].read_text(encoding="utf-8"))
    if result.returncode != 0 or not report.get("ok"):
        raise SmokeRunError(f"exit code {result.returncode}, report {report}")
    pid = report.get("demo_server_pid")
    if not report.get("demo_server_in_child"):
        raise SmokeRunError(f"the demo server did not run in a child process: {report}")
    if os.name == "posix" and pid is not None and _alive(pid):
        raise SmokeRunError(f"the demo server's process {pid} outlived the app")
    if report.get("translators") != 2:  # the app's catalogue and Qt's, both shipped
        raise SmokeRunError(f"a translation catalogue is missing from the bundle: {report}")
    report["start_ms"] = round((report["painted_at"] - launched) * 1000)
    report["first_sync_ms"] = round((report["synced_at"] - launched) * 1000)
    return report


def floor_start_ms(program: Path) -> int:
    """Launch to first paint of the bare PySide6 window (floor_window.py, bundled)."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    launched = time.time()
    result = subprocess.run(
        [str(program)], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    if result.returncode != 0:
        raise SmokeRunError(f"the floor window failed: {result.stdout}{result.stderr}")
    painted_at = json.loads(result.stdout.strip().splitlines()[-1])["painted_at"]
    return round((painted_at - launched) * 1000)


def _close_stdio() -> None:
    os.close(1)
    os.close(2)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # POSIX only: signal 0 asks, and kills nothing
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", type=Path, help="the bundle's folder (dist/wb-desktop)")
    parser.add_argument("--runs", type=int, default=5, help="later starts to time (default: 5)")
    parser.add_argument(
        "--floor",
        type=Path,
        metavar="DIR",
        help=f"the bare window's bundle (build_bundle.py --with-floor: dist/{FLOOR_NAME}):"
        " time it as often and give the app's start time as a multiple of it",
    )
    args = parser.parse_args(argv)
    program = executable(args.bundle)
    if not program.is_file():
        print(f"no bundle at {args.bundle} ({program} is missing)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="wb-smoke-") as folder:
        data = Path(folder)
        try:
            first = run_once(program, data)
            print(
                f"First start: window in {first['start_ms']} ms, demo server in child process"
                f" {first['demo_server_pid']}, first sync after {first['first_sync_ms']} ms,"
                f" {first['jobs']} jobs; closed cleanly",
                flush=True,
            )
            later: list[dict[str, Any]] = []
            floor: list[int] = []
            for _ in range(args.runs):  # taken in turns, so both see the same load
                later.append(run_once(program, data))
                if args.floor is not None:
                    floor.append(floor_start_ms(executable(args.floor, FLOOR_NAME)))
            swedish = run_once(program, data, "--lang", "sv", "--console")
            if not swedish["locale"].startswith("sv") or not swedish.get("console_opened"):
                raise SmokeRunError(f"--lang sv --console: {swedish}")
            print("In Swedish with the support console open: passed", flush=True)
            if os.name == "posix":
                run_once(program, data, console=False)
                print("Without stdout and stderr (as the windowed build): passed", flush=True)
        except (SmokeRunError, subprocess.TimeoutExpired) as failure:
            print(f"Smoke run FAILED: {failure}", file=sys.stderr)
            return 1
    starts = sorted(report["start_ms"] for report in later)
    syncs = sorted(report["first_sync_ms"] for report in later)
    size_mb = folder_size(args.bundle) / MB
    print(
        f"Start time (launch to first paint, median of {len(starts)} later starts):"
        f" {statistics.median(starts):.0f} ms (all: {starts});"
        f" first sync after {statistics.median(syncs):.0f} ms"
    )
    if floor:
        floor_ms = statistics.median(floor)
        print(
            f"Floor (a bare PySide6 window from the same kind of bundle, median):"
            f" {floor_ms:.0f} ms (all: {sorted(floor)}); the app takes"
            f" {statistics.median(starts) / floor_ms:.1f} times as long"
        )
    verdict = "within" if size_mb < SIZE_GOAL_MB else "OVER"
    print(f"Bundle size: {size_mb:.1f} MB ({verdict} the {SIZE_GOAL_MB} MB goal)")
    print("Smoke run passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
