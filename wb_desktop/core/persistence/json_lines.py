"""A JSON-lines file rotated by size, shared by the client's sync trace and the reference
server's request log: appends never fill the disk, never fail the work they describe, and
reading skips a line a crash cut short."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

_log = logging.getLogger(__name__)


class RotatingJsonLines:
    """``path`` takes lines until ``max_bytes``; then it moves to ``<stem>.1<suffix>`` (and
    that to ``.2`` …), keeping ``keep`` files in all. Safe to use from several threads."""

    def __init__(self, path: Path, max_bytes: int, keep: int, what: str) -> None:
        self.path = path
        self._max_bytes = max_bytes
        self._keep = keep
        self._what = what  # for the warning when the disk refuses a line
        self._lock = threading.Lock()

    def files(self) -> list[Path]:
        """The files still on disk, oldest first."""
        rotated = [self._rotated(n) for n in range(self._keep - 1, 0, -1)]
        return [p for p in (*rotated, self.path) if p.exists()]

    def append_line(self, text: str) -> None:
        """Append one line (``text`` holds no newline); a full disk is logged, not raised."""
        with self._lock:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                if self.path.exists() and self.path.stat().st_size >= self._max_bytes:
                    self._rotate()
                with self.path.open("a", encoding="utf-8") as file:
                    file.write(text + "\n")
            except OSError:
                _log.warning("the %s could not be written", self._what, exc_info=True)

    def raw_lines(self) -> Iterator[str]:
        """Every line still on disk, oldest first."""
        for path in self.files():
            with path.open(encoding="utf-8", errors="replace") as file:
                yield from file

    def _rotated(self, number: int) -> Path:
        return self.path.with_name(f"{self.path.stem}.{number}{self.path.suffix}")

    def _rotate(self) -> None:
        self._rotated(self._keep - 1).unlink(missing_ok=True)
        for number in range(self._keep - 2, 0, -1):
            older = self._rotated(number)
            if older.exists():
                older.replace(self._rotated(number + 1))
        self.path.replace(self._rotated(1))
