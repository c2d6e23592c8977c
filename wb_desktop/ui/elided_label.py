"""A one-line label that gives way on a narrow window: it paints its text cut with "…"
when the room is short, and keeps the whole text in its tooltip, so nothing is lost and
nothing is clipped mid-letter."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

MIN_CHARACTERS = 6  # what stays readable before the ellipsis at the narrowest


class ElidedLabel(QLabel):
    """``text()`` is the whole text; the painted text is elided to the contents width.

    The ``elides`` property tells the render tests the ellipsis is deliberate."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("elides", True)
        self.setText(text)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        """Room for a few characters and the ellipsis; the layout gives more when it can."""
        hint = super().minimumSizeHint()
        metrics = self.fontMetrics()
        few = metrics.horizontalAdvance(self.text()[:MIN_CHARACTERS] + "…")
        margins = self.contentsMargins()
        width = min(hint.width(), few + margins.left() + margins.right() + 2 * self.margin())
        return QSize(width, hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.contentsRect().adjusted(self.margin(), 0, -self.margin(), 0)
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            rect,
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            shown,
            self.foregroundRole(),
        )
