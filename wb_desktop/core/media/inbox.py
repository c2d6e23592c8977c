"""The camera inbox: a folder the camera or phone sync drops photos into.

Copying a photo takes time, and the folder watcher hears about a file as soon as it is
created, long before the last byte arrives. A file is therefore only reported once its size
and modification time stop changing between two checks a short interval apart (a timer, not
a busy loop), and it can be opened. Temporary names that copy tools use are ignored.

A file that never becomes a photo is not dropped in silence: one that stays empty (0 bytes)
for a few checks, or that cannot be read for the whole settling time, is reported once as a
problem; if it changes afterwards (the copy was slow after all) it is checked anew.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from wb_desktop.core.media.reading import PhotoProblem

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif"})
_PARTIAL_SUFFIXES = frozenset({".tmp", ".temp", ".part", ".partial", ".crdownload", ".download"})
DEFAULT_SETTLE_SECONDS = 0.5
_MAX_CHECKS = 240  # two minutes of a file not settling; a later change starts over
_EMPTY_CHECKS = 4  # unchanged at 0 bytes this many times in a row: the file is empty
_JOIN_TIMEOUT_S = 5.0


def is_inbox_image(path: Path) -> bool:
    """An image by its name, and not a half-written temporary file or a hidden one."""
    name = path.name
    if not name or name.startswith(("~", ".")):
        return False
    if any(suffix.lower() in _PARTIAL_SUFFIXES for suffix in path.suffixes):
        return False
    return path.suffix.lower() in IMAGE_SUFFIXES


@dataclass
class _Settling:
    """A file seen but not yet reported: what it looked like at the last check."""

    last_seen: tuple[int, int] | None = None
    checks: int = 0
    empty_checks: int = 0


Appearance = tuple[int, int]


class CameraInbox:
    """Watches ``folder`` and calls ``on_new_image`` once per complete image per session, or
    ``on_problem`` once for an image file that stays empty or unreadable.

    Both run on a background thread; a Qt caller must hand them to its GUI thread.
    """

    def __init__(
        self,
        folder: Path,
        on_new_image: Callable[[Path], None],
        *,
        settle_seconds: float = DEFAULT_SETTLE_SECONDS,
        report_existing: bool = False,
        on_problem: Callable[[Path, PhotoProblem], None] | None = None,
    ) -> None:
        self.folder = folder
        self._on_new_image = on_new_image
        self._on_problem = on_problem
        self._settle_seconds = settle_seconds
        self._report_existing = report_existing
        self._lock = threading.Lock()
        self._settling: dict[Path, _Settling] = {}
        self._reported: set[Path] = set()
        self._problems: dict[Path, Appearance | None] = {}  # reported, as they looked then
        self._timers: list[threading.Timer] = []
        self._observer: BaseObserver | None = None
        self._running = False

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        """Start watching (creating the folder if needed); a new session reports files anew."""
        if self._running:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        with self._lock:
            self._reported.clear()
            self._problems.clear()
            self._running = True
        observer = Observer()
        observer.schedule(_Handler(self), str(self.folder), recursive=False)
        observer.daemon = True
        observer.start()
        self._observer = observer
        if self._report_existing:
            for path in sorted(self.folder.iterdir()):
                self.notice(path)

    def stop(self) -> None:
        """Stop watching and wait for the watcher and pending checks; no reports after this."""
        with self._lock:
            self._running = False
            timers, self._timers = self._timers, []
            self._settling.clear()
        observer, self._observer = self._observer, None
        if observer is not None:
            observer.stop()
            observer.join(_JOIN_TIMEOUT_S)
        for timer in timers:
            timer.cancel()
            if timer is not threading.current_thread():
                timer.join(_JOIN_TIMEOUT_S)

    def notice(self, path: Path) -> None:
        """Something happened to ``path``: start checking it until it settles."""
        if not is_inbox_image(path) or path.parent != self.folder:
            return
        looks = _appearance(path)
        with self._lock:
            if not self._running or path in self._reported:
                return
            if path in self._problems:
                if self._problems[path] == looks:
                    return  # an event that changed nothing (e.g. our own stat or open)
                del self._problems[path]  # it changed after all: check it anew
            settling = self._settling.get(path)
            if settling is None:
                settling = self._settling[path] = _Settling()
                self._schedule(path, settling)
            else:
                settling.checks = 0

    def _schedule(self, path: Path, settling: _Settling) -> None:
        """Check ``path`` again after the settle interval (called with the lock held)."""
        self._timers = [t for t in self._timers if t.is_alive()]
        timer = threading.Timer(self._settle_seconds, self._check, args=(path,))
        timer.daemon = True
        self._timers.append(timer)
        timer.start()

    def _check(self, path: Path) -> None:
        looks = _appearance(path)
        with self._lock:
            settling = self._settling.get(path)
            if not self._running or settling is None:
                return
            if looks is None:
                del self._settling[path]
                return
            problem = self._problem(settling, looks)
            if problem is not None:
                del self._settling[path]
                self._problems[path] = looks
            else:
                complete = looks == settling.last_seen and looks[0] > 0 and _can_open(path)
                if not complete:
                    settling.last_seen = looks
                    settling.checks += 1
                    self._schedule(path, settling)
                    return
                del self._settling[path]
                self._reported.add(path)
        try:
            if problem is None:
                self._on_new_image(path)
            elif self._on_problem is not None:
                self._on_problem(path, problem)
        except Exception:
            log.exception("camera inbox: handling %s failed", path)

    @staticmethod
    def _problem(settling: _Settling, looks: Appearance) -> PhotoProblem | None:
        """Empty after a few unchanged checks, or never readable in the whole settling time
        (called with the lock held; counts the empty checks)."""
        stable = looks == settling.last_seen
        settling.empty_checks = settling.empty_checks + 1 if stable and looks[0] == 0 else 0
        if settling.empty_checks >= _EMPTY_CHECKS:
            return PhotoProblem.EMPTY
        if settling.checks >= _MAX_CHECKS:
            return PhotoProblem.UNREADABLE
        return None


class _Handler(FileSystemEventHandler):
    def __init__(self, inbox: CameraInbox) -> None:
        super().__init__()
        self._inbox = inbox

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type in ("deleted", "opened"):
            return
        target = event.dest_path if event.event_type == "moved" else event.src_path
        if target:
            self._inbox.notice(Path(_as_text(target)))


def _as_text(path: str | bytes) -> str:
    return path.decode(errors="surrogateescape") if isinstance(path, bytes) else path


def _appearance(path: Path) -> Appearance | None:
    """Size and modification time, or None when the file is gone."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    except OSError:
        return (-1, -1)  # e.g. locked by the copying app on Windows: look again later
    return (status.st_size, status.st_mtime_ns)


def _can_open(path: Path) -> bool:
    """On Windows the writer's lock can outlast the last size change."""
    try:
        with path.open("rb"):
            return True
    except OSError:
        return False
