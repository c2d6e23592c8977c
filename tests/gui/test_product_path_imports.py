"""The technician's start loads no tool it does not use: building the app and its window,
and syncing once with a real server, imports none of the support console, the scenario and
diagnostics tools, the network simulator or the server's web stack. Opening the console then
loads it (so the check can fail).

A fresh interpreter, since this test run has imported all of them long ago.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.conftest import ADMIN_TOKEN, LiveServer, live_server
from wb_server.demo_data import DEMO_ACCOUNTS

__all__ = ["live_server"]  # the real reference server on loopback, from the integration tests

NOT_ON_THE_PRODUCT_PATH = (
    "wb_desktop.tools.console",
    "wb_desktop.tools.scenario",
    "wb_desktop.tools.diagnostics",
    "wb_desktop.tools.netsim",
    "wb_server",
    "fastapi",
    "uvicorn",
    "starlette",
    "yaml",
)
CHILD_TIMEOUT_S = 120

# Builds the app as a technician starts it against a server (the window, its views, the sync
# thread), waits for the first sync to finish so the worker's imports are in, and prints the
# modules; then opens the console and prints them again.
CHILD = """
import json, sys
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEventLoop, QTimer

from wb_desktop.bootstrap import AppOptions, build
from wb_desktop.core.domain.clock import FixedClock

url, email, password, admin_token, data_dir = sys.argv[1:6]


def sign_in(_url, call, _email, _may_work_offline):
    return call(email, password), password


options = AppOptions(
    data_dir=Path(data_dir),
    server=url,
    zone=ZoneInfo("Europe/Stockholm"),
    watch_network=False,
    watch_camera_inbox=False,
    gps=False,
    admin_token=admin_token,
)
app = build(options, FixedClock(datetime(2026, 11, 23, 7, 30, tzinfo=UTC)), ask_sign_in=sign_in)
app.window.show()
loop = QEventLoop()
poll = QTimer()
poll.timeout.connect(lambda: app.service.last_sync() is not None and loop.quit())
poll.start(20)
QTimer.singleShot(60_000, loop.quit)
loop.exec()
poll.stop()
print(json.dumps({"synced": app.service.last_sync() is not None, "modules": sorted(sys.modules)}))
console = app.open_console()
print(json.dumps({"opened": console is not None, "modules": sorted(sys.modules)}))
print(json.dumps({"closed": app.close()}))
"""


def loaded_tools(modules: list[str]) -> list[str]:
    return [
        name
        for name in modules
        if any(name == tool or name.startswith(tool + ".") for tool in NOT_ON_THE_PRODUCT_PATH)
    ]


@pytest.fixture
def server_database_url(tmp_path: Path) -> str:
    """SQLite only: the server's database is not what this test is about."""
    return f"sqlite:///{(tmp_path / 'server.sqlite3').as_posix()}"


@pytest.fixture
def child_reports(live_server: LiveServer, tmp_path: Path) -> Iterator[list[dict]]:
    email, password = next(iter(DEMO_ACCOUNTS.items()))
    args = [live_server.url, email, password, ADMIN_TOKEN, str(tmp_path / "data")]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=CHILD_TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    yield [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def test_building_the_window_and_syncing_loads_no_tool(child_reports: list[dict]) -> None:
    built, opened, closed = child_reports

    assert built["synced"]  # the sync worker ran a whole step, on the product path
    assert "wb_desktop.ui.main_window" in built["modules"]
    assert loaded_tools(built["modules"]) == []
    assert opened["opened"]
    assert "wb_desktop.tools.console.window" in opened["modules"]  # the check can see it
    assert closed["closed"]
