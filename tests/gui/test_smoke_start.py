"""``wb-desktop --smoke-test``, CI's check of the bundle (packaging/smoke_run.py), from the source
tree: the app starts, its demo server starts in a child process, the first sync brings jobs,
it exits with 0; also with no stdout and stderr at all, as the windowed Windows build starts,
where the report and the log still get written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wb_desktop.core.paths import DataPaths
from wb_desktop.smoke import REPORT_FILE

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 180


# As the windowed Windows build starts: no sys.stdout or sys.stderr at all, then the app's
# own entry point. On POSIX the file descriptors are closed too, before exec.
WINDOWED = (
    "import runpy, sys\n"
    "sys.stdout = sys.stderr = None\n"
    "runpy.run_module('wb_desktop', run_name='__main__', alter_sys=True)\n"
)


def _close_stdio() -> None:
    os.close(1)
    os.close(2)


def _smoke(data: Path, *, console: bool) -> subprocess.CompletedProcess[str]:
    start = ["-m", "wb_desktop"] if console else ["-c", WINDOWED]
    no_output = {} if console else {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    return subprocess.run(
        [sys.executable, *start, "--smoke-test", "--data-dir", str(data)],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=console,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
        preexec_fn=_close_stdio if not console and os.name == "posix" else None,
        **no_output,
    )


@pytest.mark.slow
def test_the_app_starts_syncs_from_its_child_server_and_exits_cleanly(tmp_path: Path) -> None:
    result = _smoke(tmp_path, console=True)

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["ok"] and report["demo_server_in_child"] and report["closed_cleanly"]
    assert report["jobs"] > 0 and report["children_left"] == 0


@pytest.mark.slow
def test_without_stdout_and_stderr_it_still_starts_and_logs(tmp_path: Path) -> None:
    result = _smoke(tmp_path, console=False)

    profile = DataPaths(tmp_path).profile("demo")
    report = json.loads((profile.folder / REPORT_FILE).read_text(encoding="utf-8"))
    assert result.returncode == 0, report
    assert report["ok"] and report["demo_server_in_child"] and report["jobs"] > 0
    log = (profile.logs / "wb-desktop.log").read_text(encoding="utf-8")
    assert "smoke test, before closing" in log
