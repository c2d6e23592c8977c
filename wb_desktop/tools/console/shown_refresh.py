"""Re-reading a console panel when the session changes, without flooding the GUI thread.

Signals arrive in bursts during a sync; a panel reads at most once per interval, and a
hidden panel only notes that it is out of date and reads when it is shown again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

REFRESH_MS = 250


class ShownRefresh(QObject):
    def __init__(
        self, panel: QWidget, refresh: Callable[[], None], interval_ms: int = REFRESH_MS
    ) -> None:
        super().__init__(panel)
        self._panel = panel
        self._refresh = refresh
        self._stale = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(refresh)
        panel.installEventFilter(self)

    def request(self) -> None:
        """Read again soon; a hidden panel reads when it is shown again."""
        if not self._panel.isVisible():
            self._stale = True
        elif not self._timer.isActive():
            self._timer.start()

    def reading(self) -> None:
        """The panel reads now: nothing is pending any more."""
        self._stale = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._panel and event.type() == QEvent.Type.Show and self._stale:
            self._refresh()
        return False
