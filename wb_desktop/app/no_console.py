"""A windowed build's missing console: what would be printed reaches the profile's log.

The Windows bundle is built without a console (``console=False``), and Python then starts
with ``sys.stdout`` and ``sys.stderr`` set to None. ``print`` quietly does nothing, but code
that uses them directly fails: uvicorn's log formatter asks ``sys.stdout.isatty()``, which
stops the demo server in its child process, and a warning or a traceback printed there is
lost. The stand-ins here are text streams that hand each line to the ``wb_desktop.console``
logger (stdout at INFO, stderr at ERROR), which the profile's log file records
(:mod:`wb_desktop.app.logs`). Lines written before that log is open (an error in the
command line, a warning while the app starts) are kept, the last :data:`EARLY_LINES`, and
written when it opens. Where a console exists nothing changes. Qt-free.
"""

from __future__ import annotations

import io
import logging
import sys
import threading
from collections import deque

CONSOLE_LOGGER = "wb_desktop.console"
EARLY_LINES = 200

_logger = logging.getLogger(CONSOLE_LOGGER)
_early: deque[tuple[int, str]] = deque(maxlen=EARLY_LINES)
_early_lock = threading.Lock()


class ConsoleToLog(io.TextIOBase):
    """A write-only text stream whose lines become log records."""

    def __init__(self, name: str, level: int) -> None:
        super().__init__()
        self._name = name
        self._level = level
        self._partial = ""
        self._lock = threading.Lock()
        self._writing = threading.local()

    @property
    def name(self) -> str:
        return self._name

    @property
    def encoding(self) -> str:
        return "utf-8"

    @property
    def errors(self) -> str:
        return "replace"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        if getattr(self._writing, "active", False):
            return len(text)  # a handler that writes back here (logging's last resort): drop
        self._writing.active = True
        try:
            with self._lock:
                *lines, self._partial = (self._partial + text).split("\n")
            for line in lines:
                _log_line(self._level, line)
        finally:
            self._writing.active = False
        return len(text)

    def flush(self) -> None:
        with self._lock:
            line, self._partial = self._partial, ""
        if line:
            _log_line(self._level, line)


def _log_line(level: int, line: str) -> None:
    line = line.rstrip()
    if not line:
        return
    if not _logger.hasHandlers():
        with _early_lock:
            _early.append((level, line))
        return
    write_early_lines()
    _logger.log(level, "%s", line)


def write_early_lines() -> None:
    """Log the lines kept while no log was open; the profile's log calls this when it opens."""
    with _early_lock:
        kept = list(_early)
        _early.clear()
    for level, line in kept:
        _logger.log(level, "%s", line)


def has_console() -> bool:
    """Whether ``sys.stderr`` reaches a person: not missing, and not one of these stand-ins."""
    return sys.stderr is not None and not isinstance(sys.stderr, ConsoleToLog)


def stand_in_for_missing_console() -> None:
    """Give a missing ``sys.stdout``/``sys.stderr`` a stand-in that writes to the log."""
    if sys.stdout is None:
        sys.stdout = ConsoleToLog("<stdout>", logging.INFO)
    if sys.stderr is None:
        sys.stderr = ConsoleToLog("<stderr>", logging.ERROR)
