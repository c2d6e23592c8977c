"""Start-up work that waits for the first picture."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FIRST_PAINT_FALLBACK_MS = 1000
AFTER_PAINT_MS = 100


class AfterFirstPaint(QObject):
    """Runs ``action`` once, just after ``widget`` first paints (or after a second, if it is
    never shown), so slow start-up work does not delay the first picture."""

    def __init__(self, widget: QWidget, action: Callable[[], None]) -> None:
        super().__init__(widget)
        self._action: Callable[[], None] | None = action
        self._widget = widget
        widget.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._action is not None:
            QTimer.singleShot(AFTER_PAINT_MS, self, self._run)  # let the first frame settle
        return False

    def _run(self) -> None:
        action, self._action = self._action, None
        if action is not None:
            self._widget.removeEventFilter(self)
            action()
