"""Starting the embedded demo server after the window has painted, and sync once it
answers: a signed-in demo profile shows its cached day without waiting for the server."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from wb_desktop.app.connection import ServerLink
from wb_desktop.core.domain.clock import Clock

DEMO_POLL_MS = 50
_log = logging.getLogger(__name__)


class DemoThenSync(QObject):
    """Starts the server without blocking (it starts in a child process) and polls until it
    answers; then starts sync. A server that will not start leaves the cached work usable
    and the indicator showing no sync."""

    def __init__(
        self,
        link: ServerLink,
        clock: Clock,
        start_sync: Callable[[], None],
        closed: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._link = link
        self._clock = clock
        self._start_sync = start_sync
        self._closed = closed
        self._poll = QTimer(self)
        self._poll.setInterval(DEMO_POLL_MS)
        self._poll.timeout.connect(self._check)

    def start(self) -> None:
        if self._closed():
            return
        try:
            self._link.begin_demo(self._clock)
        except Exception:
            _log.exception("the embedded demo server did not start")
            return
        self._poll.start()
        self._check()

    def _check(self) -> None:
        try:
            ready = self._closed() or self._link.demo_ready()
        except Exception:
            _log.exception("the embedded demo server did not start")
            ready = True
        if not ready:
            return
        self._poll.stop()
        if not self._closed() and self._link.demo is not None:
            self._start_sync()
