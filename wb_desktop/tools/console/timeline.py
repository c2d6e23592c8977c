"""A live timeline of the sync traffic: one bar per request over the last minutes, its
width the request's duration, its colour the outcome (grey: not sent, offline), so a stall
or a burst of failures stands out at a glance."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QWidget

from wb_desktop.core.protocol import routes
from wb_desktop.core.sync.trace import TraceEvent
from wb_desktop.ui.theme import colours_for

WINDOW = timedelta(minutes=2)
LANES = 4  # push, pull, uploads, everything else
HEIGHT_PX = 112


def lane_of(event: TraceEvent) -> int:
    if event.route.startswith(routes.PUSH):
        return 0
    if event.route.startswith(routes.CHANGES):
        return 1
    if event.route.startswith(routes.BLOBS):
        return 2
    return 3


class TimelineStrip(QWidget):
    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._events: list[TraceEvent] = []
        self.setMinimumHeight(HEIGHT_PX)
        self.setAccessibleName(self.tr("Sync traffic over the last two minutes"))

    def sizeHint(self) -> QSize:
        return QSize(600, HEIGHT_PX)

    def set_events(self, events: list[TraceEvent]) -> None:
        self._events = list(events)
        self.update()

    def visible_events(self) -> list[TraceEvent]:
        start = self._now() - WINDOW
        return [e for e in self._events if e.at + timedelta(milliseconds=e.duration_ms) >= start]

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        high_contrast = bool(QApplication.instance().property("wb_high_contrast"))
        colours = colours_for(high_contrast)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(colours.surface))
        width, lane_height = self.width(), self.height() / LANES
        end = self._now()
        start = end - WINDOW
        span_ms = WINDOW.total_seconds() * 1000
        painter.setPen(QPen(QColor(colours.muted)))
        labels = (self.tr("push"), self.tr("pull"), self.tr("uploads"), self.tr("other"))
        for lane, label in enumerate(labels):
            painter.drawText(
                QRectF(4, lane * lane_height, 80, lane_height),
                Qt.AlignmentFlag.AlignVCenter,
                label,
            )
        for item in self.visible_events():
            x = (item.at - start).total_seconds() * 1000 / span_ms * width
            bar = max(2.0, item.duration_ms / span_ms * width)
            colour = colours.synced if item.ok else colours.error
            if item.status is not None and 400 <= item.status < 500:
                colour = colours.warning
            if item.offline:  # not sent: the link was down, nothing failed
                colour = colours.muted
            top = lane_of(item) * lane_height + 6
            painter.fillRect(QRectF(x, top, bar, lane_height - 12), QColor(colour))
        painter.end()
