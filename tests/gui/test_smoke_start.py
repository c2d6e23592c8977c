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


def _close_stdio() -> None:
    os.close(1)
    os.close(2)


def _smoke(data: Path, *, console: bool) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wb_desktop", "--smoke-test", "--data-dir", str(data)],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=console,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
        preexec_fn=None if console else _close_stdio,
    )


@pytest.mark.slow
def test_the_app_starts_syncs_from_its_child_server_and_exits_cleanly(tmp_path: Path) -> None:
    result = _smoke(tmp_path, console=True)

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["ok"] and report["demo_server_in_child"] and report["closed_cleanly"]
    assert report["jobs"] > 0 and report["children_left"] == 0


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="closes the child's stdout and stderr before exec")
def test_without_stdout_and_stderr_it_still_starts_and_logs(tmp_path: Path) -> None:
    result = _smoke(tmp_path, console=False)

    profile = DataPaths(tmp_path).profile("demo")
    report = json.loads((profile.folder / REPORT_FILE).read_text(encoding="utf-8"))
    assert result.returncode == 0, report
    assert report["ok"] and report["demo_server_in_child"] and report["jobs"] > 0
    log = (profile.logs / "wb-desktop.log").read_text(encoding="utf-8")
    assert "smoke test, before closing" in log
