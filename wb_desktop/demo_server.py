"""The reference server, started inside the app so a new user sees a full schedule at once.

Its data lives in the data root's ``demo-server`` folder and survives restarts, as a real
office's would: what the technician synced yesterday is still there today. Qt-free.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from wb_desktop.domain.clock import Clock
from wb_desktop.server.app import create_app
from wb_desktop.server.config import ServerConfig
from wb_desktop.server.demo import load_demo
from wb_desktop.server.demo_data import DEMO_TIMEZONE
from wb_desktop.server.runner import RunningServer, start_in_thread


@dataclass
class DemoServer:
    """A running embedded server; ``admin_token`` opens its dispatcher and fault API."""

    url: str
    admin_token: str
    folder: Path
    _running: RunningServer
    _dispose: Callable[[], None]

    def stop(self) -> None:
        self._running.stop()
        self._dispose()


def start_demo_server(folder: Path, clock: Clock) -> DemoServer:
    """Start the server on a free loopback port, loading the demo week on first use."""
    folder.mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(24)
    config = ServerConfig(
        database_url=f"sqlite:///{(folder / 'server.sqlite3').as_posix()}",
        blob_dir=folder / "blobs",
        admin_token=token,
    )
    app = create_app(config, clock)
    context = app.state.context
    load_demo(context, seed=1, week_of=clock.now().astimezone(ZoneInfo(DEMO_TIMEZONE)).date())
    running = start_in_thread(app)
    return DemoServer(running.url, token, folder, running, context.engine.dispose)
