"""``wb-desktop --smoke-test``: start the app as a technician would, wait for the first sync,
report in one line of JSON and quit.

A bundle (packaging/) can only be checked by running it: a module PyInstaller missed, a Qt
plugin left out or a child process that cannot start shows only then. CI runs the built
bundle with this option offscreen (packaging/smoke_run.py), and so can anyone on a tablet.
The report goes to stdout and to the profile's log (a windowed build has no stdout).
Times are Unix times, so the runner can measure from the moment it launched the process.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, QTimer, QTranslator
from sqlalchemy import func, select

from wb_desktop import __version__
from wb_desktop.bootstrap import AppOptions, WorkBossApp, build
from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.core.store.models.work import Job

TIMEOUT_S = 120.0
POLL_MS = 50
REPORT_FILE = "smoke-test.json"  # in the profile's folder
TRANSLATORS = "wb_desktop.translations"  # the objectName ui/translations gives its translators
_log = logging.getLogger(__name__)


class _FirstPaint(QObject):
    """Records when the window first paints: the moment a technician sees the app."""

    def __init__(self, app: WorkBossApp) -> None:
        super().__init__(app.window)
        self.at: float | None = None
        app.window.day_view().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = time.time()
        return False


def run_smoke_test(options: AppOptions, timeout_s: float = TIMEOUT_S) -> int:
    """0 when the app started, its demo server answered (in a child process unless it was
    given a server), the first sync brought jobs, and it closed cleanly; 1 otherwise."""
    report: dict[str, Any] = {
        "version": __version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "pid": os.getpid(),
        "build_started_at": time.time(),
    }
    try:
        app = build(options)
    except WorkBossError as error:
        report.update(ok=False, error=str(error.message))
        return _finish(report, None)
    report["built_at"] = time.time()
    painted = _FirstPaint(app)
    synced: list[float] = []

    def on_last_sync(when: datetime | None) -> None:
        if when is not None and not synced:
            synced.append(time.time())

    def stop() -> None:
        """Read the running app, then quit (quitting closes it: see bootstrap)."""
        if "painted_at" not in report:
            report.update(_observe(app, options, painted.at, synced))
            _log.info("smoke test, before closing: %s", json.dumps(report, sort_keys=True))
            app.qt_app.exit(0)  # not quit(): that asks the windows, and the console only hides

    def check() -> None:
        if synced and painted.at is not None and (not options.open_console or _console_shown(app)):
            stop()

    app.service.lastSyncChanged.connect(on_last_sync)
    poll = QTimer(app.window)
    poll.timeout.connect(check)
    poll.start(POLL_MS)
    QTimer.singleShot(int(timeout_s * 1000), stop)
    app.window.show()
    if options.open_console:  # its modules load on first use; it opens once the server answers
        app.open_console()
    app.qt_app.exec()
    closed = app.close()  # already closed on quitting; says whether that went cleanly
    report.update(
        closed_cleanly=closed,
        children_left=len(multiprocessing.active_children()),
    )
    report["ok"] = bool(
        report["painted_at"] is not None
        and report["synced_at"] is not None
        and (report["demo_server_pid"] is None or report["demo_server_in_child"])
        and report["jobs"] > 0
        and closed
        and report["children_left"] == 0
        and report.get("console_opened", True)
    )
    return _finish(report, app.cache.paths.folder)


def _observe(
    app: WorkBossApp, options: AppOptions, painted_at: float | None, synced: list[float]
) -> dict[str, Any]:
    """What the running app shows: the first paint and sync, the demo server, the jobs."""
    demo_pid = getattr(app.link.demo, "pid", None)
    with app.cache.database.reader() as session:
        jobs = session.scalar(select(func.count()).select_from(Job)) or 0
    seen: dict[str, Any] = {
        "painted_at": painted_at,
        "synced_at": synced[0] if synced else None,
        "demo_server_pid": demo_pid,
        "demo_server_in_child": demo_pid is not None and demo_pid != os.getpid(),
        "jobs": jobs,
        "jobs_today": app.window.schedule.model.rowCount(),
        "locale": QLocale().name(),
        "translators": len(app.qt_app.findChildren(QTranslator, TRANSLATORS)),
    }
    if options.open_console:
        seen["console_opened"] = _console_shown(app)
    return seen


def _console_shown(app: WorkBossApp) -> bool:
    console = app.console.made
    return console is not None and console.window is not None and console.window.isVisible()


def _finish(report: dict[str, Any], folder: Path | None) -> int:
    """The report on stdout, and in the profile's folder for a build that has no stdout."""
    line = json.dumps(report, sort_keys=True)
    print(line, flush=True)
    if folder is not None:
        (folder / REPORT_FILE).write_text(line + "\n", encoding="utf-8")
    return 0 if report["ok"] else 1
