"""The reference server, started with the app so a new user sees a full schedule at once.

Its data lives in the data root's ``demo-server`` folder and survives restarts, as a real
office's would: what the technician synced yesterday is still there today. Qt-free.

It runs in a child process (``spawn``, as on Windows): in the app's own process its Python
would take turns with the window for the interpreter lock, and a sync of thousands of ops
would freeze the window for a tenth of a second at a time. The child ends when the app
closes, and also when the app dies, because its end of the pipe then reads end-of-file.
Tests and scenarios that move a virtual clock run it in a thread instead, so the server
reads the same clock.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from zoneinfo import ZoneInfo

from wb_desktop.core.domain.clock import Clock, FixedClock, SystemClock
from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.tools.demo.accounts import demo_sign_ins

STARTUP_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 10.0


class DemoServerError(WorkBossError):
    """The embedded server did not start; the message says why, in the person's language
    (on a first start there is nothing to show without it, so the app refuses clearly)."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "The built-in demo server did not start (%1). Nothing saved on this"
                    " tablet is lost: start the app again, or start it with --server URL.",
                ),
                reason,
            )
        )
        self.reason = reason


class ServerExtraMissingError(WorkBossError):
    """The web stack the embedded server runs on is not installed."""

    def __init__(self, missing: str) -> None:
        from wb_server.web_stack import INSTALL_COMMAND

        super().__init__(
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "The built-in demo server needs the 'server' extra of WorkBoss Desktop,"
                    " and %1 is not installed. Install it with: %2 — or start with"
                    " --server URL to use another server.",
                ),
                missing,
                INSTALL_COMMAND,
            )
        )


def check_web_stack() -> None:
    """Raise :class:`ServerExtraMissingError` unless the server's web stack is installed;
    looks the packages up without importing them."""
    from wb_server.web_stack import missing_web_stack

    missing = missing_web_stack()
    if missing is not None:
        raise ServerExtraMissingError(missing)


@dataclass
class DemoServer:
    """A running embedded server; ``admin_token`` opens its dispatcher and fault API;
    ``email`` and ``password`` are the demo technician the app signs in as."""

    url: str
    admin_token: str
    folder: Path
    email: str
    password: str
    _stop: Callable[[], None]
    pid: int | None = None  # the child process serving it; None when it runs in a thread

    def stop(self) -> None:
        self._stop()


class StartedDemoServer:
    """A server already running in a thread, answering like :class:`PendingDemoServer`."""

    def __init__(self, server: DemoServer) -> None:
        self._server = server

    def ready(self) -> DemoServer:
        return self._server

    def wait(self) -> DemoServer:
        return self._server

    def stop(self) -> None:
        self._server.stop()


def launch_demo_server(
    folder: Path, clock: Clock, *, in_child: bool = True
) -> PendingDemoServer | StartedDemoServer:
    """Start the embedded server: in a child process (the app: :meth:`PendingDemoServer.ready`
    tells when it answers), or in a thread sharing ``clock`` (tests and scenarios that move
    a virtual clock; this waits until it answers). :class:`ServerExtraMissingError` when the
    web stack is not installed."""
    check_web_stack()
    if in_child:
        return PendingDemoServer(folder, clock)
    return StartedDemoServer(start_demo_server(folder, clock))


def start_demo_server(folder: Path, clock: Clock) -> DemoServer:
    """Start the server in a thread of this process, on a free loopback port, loading the
    demo week on first use. The web stack is imported here, not at the top, so an app that
    runs the server in a child never loads it."""
    check_web_stack()
    from wb_server.app import create_app
    from wb_server.config import ServerConfig
    from wb_server.demo import load_demo
    from wb_server.demo_data import DEMO_TIMEZONE
    from wb_server.runner import start_in_thread

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

    def stop() -> None:
        running.stop()
        context.engine.dispose()

    account = demo_sign_ins()[0]
    return DemoServer(running.url, token, folder, account.email, account.password, stop)


class PendingDemoServer:
    """A server starting in a child process; :meth:`ready` never blocks, :meth:`wait` does."""

    def __init__(self, folder: Path, clock: Clock) -> None:
        self.folder = folder
        self._started_at = time.monotonic()
        self._server: DemoServer | None = None
        context = multiprocessing.get_context("spawn")
        self._pipe, child_end = context.Pipe()
        frozen = None if isinstance(clock, SystemClock) else clock.now().isoformat()
        self._process: BaseProcess = context.Process(
            target=serve_in_child,
            args=(str(folder), frozen, child_end),
            name="wb-demo-server",
            daemon=True,
        )
        self._process.start()
        child_end.close()

    def ready(self) -> DemoServer | None:
        """The running server once the child has reported; None while it starts."""
        if self._server is not None:
            return self._server
        if not self._pipe.poll():
            if time.monotonic() - self._started_at > STARTUP_TIMEOUT_S:
                self.stop()
                raise DemoServerError(f"no answer in {STARTUP_TIMEOUT_S} s")
            if not self._process.is_alive():
                raise DemoServerError("it stopped while starting")
            return None
        try:
            message = self._pipe.recv()
        except EOFError:
            raise DemoServerError("it stopped while starting") from None
        if message[0] != "ready":
            self.stop()
            raise DemoServerError(str(message[1]))
        url, token, email, password = message[1:]
        self._server = DemoServer(
            url, token, self.folder, email, password, self.stop, self._process.pid
        )
        return self._server

    def wait(self) -> DemoServer:
        while True:
            self._pipe.poll(0.05)
            server = self.ready()
            if server is not None:
                return server

    def stopped(self, timeout_s: float) -> bool:
        """Whether the child has ended, waiting up to ``timeout_s``."""
        self._process.join(timeout_s)
        return not self._process.is_alive()

    def stop(self) -> None:
        if self._pipe.closed:
            return
        with contextlib.suppress(OSError):  # the child is gone already
            self._pipe.send("stop")
        self._process.join(STOP_TIMEOUT_S)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(STOP_TIMEOUT_S)
        self._pipe.close()


def serve_in_child(folder: str, frozen_at: str | None, pipe: Connection) -> None:
    """The child's whole life: start, report the URL, serve until told to stop or orphaned.

    A virtual clock cannot cross a process boundary, so the child gets a frozen copy of
    its time; the app's real clock arrives as ``None`` and the child reads its own."""
    from wb_desktop.app.no_console import stand_in_for_missing_console

    # A parent without a console (pythonw, a windowed build) gives none to its child either,
    # and uvicorn's logging set-up asks sys.stdout.isatty().
    stand_in_for_missing_console()
    clock: Clock = FixedClock(datetime.fromisoformat(frozen_at)) if frozen_at else SystemClock()
    try:
        server = start_demo_server(Path(folder), clock)
    except Exception as error:  # reported to the parent, which logs it and works offline
        pipe.send(("failed", f"{type(error).__name__}: {error}"))
        return
    pipe.send(("ready", server.url, server.admin_token, server.email, server.password))
    with contextlib.suppress(EOFError, OSError):  # end-of-file: the app died; stop with it
        pipe.recv()
    server.stop()
