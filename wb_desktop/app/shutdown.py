"""Closing a running app in the one order that loses nothing: what feeds the sync thread
first, then the thread, then what it was using."""

from __future__ import annotations

import logging
from collections.abc import Callable

_log = logging.getLogger(__name__)


class AppShutdown:
    """Runs the close steps once, in the order the composition root gave them.

    The steps before the sync thread stops end whatever adds work (windows, the camera
    inbox, GPS); the steps after it release what the thread used (the demo server, the
    cache, the profile lock). If the thread does not stop in time (a step stuck in one
    network call), the later steps are skipped: everything saved is committed, so ending
    the process then is as safe as a crash, which the kill tests prove.
    """

    def __init__(self, stop_sync: Callable[[int], bool], timeout_ms: int) -> None:
        self._stop_sync = stop_sync
        self._timeout_ms = timeout_ms
        self._before: list[Callable[[], object]] = []
        self._after: list[Callable[[], object]] = []
        self._closed = False
        self._sync_stopped = False

    def before_sync_stops(self, *steps: Callable[[], object]) -> None:
        self._before.extend(steps)

    def after_sync_stopped(self, *steps: Callable[[], object]) -> None:
        self._after.extend(steps)

    @property
    def closed(self) -> bool:
        """Whether closing has begun: late start-up work (the demo server, the console)
        checks it and stays away."""
        return self._closed

    def close(self) -> bool:
        """Returns whether the sync thread stopped (and so everything was released)."""
        if self._closed:
            return self._sync_stopped
        self._closed = True
        for step in self._before:
            step()
        self._sync_stopped = self._stop_sync(self._timeout_ms)
        if not self._sync_stopped:
            _log.warning("the sync thread did not stop within %s ms", self._timeout_ms)
            return False
        for step in self._after:
            step()
        return True
