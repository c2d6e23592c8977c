"""Nothing dies silently: uncaught exceptions and native crashes reach the profile's log.

Support's first question about a tablet is "what went wrong", and the answer must be in the
diagnostics bundle, which carries the profile's ``logs/`` folder (redacted like the rest):

- an exception nobody caught, in a Qt slot (PySide6 hands it to ``sys.excepthook`` and
  carries on) or in any thread (``threading.excepthook``), is logged with its traceback and
  passed to ``notify``, which the app turns into a non-blocking banner;
- a native crash (a segfault in a library, an abort) cannot run Python code, so
  ``faulthandler`` writes every thread's stack to ``logs/faulthandler.log`` as it dies; the
  next start moves a non-empty dump to ``faulthandler-previous.log`` and logs that the
  previous run crashed.

Qt-free; the app adds Qt's own warnings through a message handler (``app_crashes.py``).
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

from wb_desktop.app.no_console import has_console

FAULTHANDLER_FILE = "faulthandler.log"
PREVIOUS_FAULTHANDLER_FILE = "faulthandler-previous.log"
_log = logging.getLogger("wb_desktop.crash")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


@dataclass(frozen=True)
class CrashReport:
    """One uncaught exception, as a person and as support read it."""

    where: str  # "the window" or "thread NAME"
    summary: str  # "ValueError: the reason"
    details: str  # the whole traceback


def crash_report(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None, where: str
) -> CrashReport:
    summary = traceback.format_exception_only(kind, error)[-1].strip()
    details = "".join(traceback.format_exception(kind, error, trace))
    return CrashReport(where, summary, details)


class CrashReporter:
    """Installs the process-wide hooks for one profile; ``uninstall`` puts back what was."""

    def __init__(self, logs: Path, notify: Callable[[CrashReport], None]) -> None:
        self._logs = logs
        self._notify = notify
        self._previous_hook: ExceptHook | None = None
        self._previous_thread_hook: Callable[[threading.ExceptHookArgs], object] | None = None
        self._dump: IO[str] | None = None
        self._faulthandler_was_on = False
        self.previous_crash: str | None = None  # the last run's native crash dump, if any

    @property
    def dump_path(self) -> Path:
        return self._logs / FAULTHANDLER_FILE

    def install(self) -> None:
        self._logs.mkdir(parents=True, exist_ok=True)
        self._keep_previous_dump()
        self._dump = self.dump_path.open("w", encoding="utf-8")
        self._faulthandler_was_on = faulthandler.is_enabled()
        faulthandler.enable(file=self._dump, all_threads=True)
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self._on_exception
        threading.excepthook = self._on_thread_exception

    def uninstall(self) -> None:
        if self._dump is None:
            return
        if sys.excepthook == self._on_exception and self._previous_hook is not None:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self._on_thread_exception and self._previous_thread_hook:
            threading.excepthook = self._previous_thread_hook
        faulthandler.disable()
        if self._faulthandler_was_on and sys.__stderr__ is not None:
            faulthandler.enable(file=sys.__stderr__, all_threads=True)  # as it was before
        self._dump.close()
        self._dump = None

    def _keep_previous_dump(self) -> None:
        """A non-empty dump means the last run died natively: keep it for the bundle."""
        dump = self.dump_path
        if not dump.is_file() or dump.stat().st_size == 0:
            return
        self.previous_crash = dump.read_text(encoding="utf-8", errors="replace")
        dump.replace(self._logs / PREVIOUS_FAULTHANDLER_FILE)
        _log.critical(
            "the previous run of the app crashed; its stacks are in %s:\n%s",
            PREVIOUS_FAULTHANDLER_FILE,
            self.previous_crash,
        )

    def _on_exception(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            self._chain(kind, error, trace)
            return
        self._report(crash_report(kind, error, trace, "the window"), (kind, error, trace))
        self._chain(kind, error, trace)

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "unknown"
        report = crash_report(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")
        self._report(report, (args.exc_type, args.exc_value, args.exc_traceback))

    def _report(self, report: CrashReport, exc_info: tuple) -> None:
        _log.error("uncaught exception in %s: %s", report.where, report.summary, exc_info=exc_info)
        try:
            self._notify(report)
        except Exception:  # the notice must never become a second crash
            _log.exception("could not show the crash report")

    def _chain(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        """Another hook that was there (a test harness's) still sees it; Python's own only
        where there is a console to print on (a windowed build has no ``sys.stderr``)."""
        previous = self._previous_hook
        if previous is None or (previous is sys.__excepthook__ and not has_console()):
            return  # the stand-in for a missing console would log the traceback twice
        previous(kind, error, trace)
