"""Running a slow call (HTTP to the office, a file export) off the GUI thread.

The call runs on a pool thread; its result or its exception comes back to the GUI thread
through a queued signal of a :class:`BackgroundCalls` that lives there, so the callbacks may
touch widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal


class BackgroundCalls(QObject):
    """One per widget that makes background calls; ``busyChanged`` says when any runs."""

    _finished = Signal(object, object, object)  # callback, result, error
    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._running = 0
        self._finished.connect(self._deliver)

    def busy(self) -> bool:
        return self._running > 0

    def run(
        self,
        call: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None],
    ) -> None:
        """``call()`` on a pool thread; then ``done(result)`` or ``failed(error)`` here."""
        self._running += 1
        if self._running == 1:
            self.busyChanged.emit(True)
        finished = self._finished

        def work() -> None:
            try:
                result = call()
            except Exception as error:  # handed to ``failed``, which shows it
                finished.emit(failed, None, error)
            else:
                finished.emit(done, result, None)

        self._pool.start(work)

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Wait for running calls (closing a window, tests); their callbacks still come."""
        return self._pool.waitForDone(timeout_ms)

    def _deliver(self, callback: Callable[[Any], None], result: Any, error: Any) -> None:
        self._running -= 1
        if self._running == 0:
            self.busyChanged.emit(False)
        callback(error if error is not None else result)
