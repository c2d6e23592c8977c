"""The status bar's GPS indicator: "GPS on" or "GPS paused", readable at a glance.

Like the connection badge it says it three ways: words, colour, and an icon whose shape
differs (a filled pin, or a hollow pin with pause bars), so it reads in greyscale and in
sunlight too.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QWidget

from wb_desktop.ui.theme import Colours, colours_for

PIN_ICON_PX = 24
_HEAD_CENTRE = QPointF(12.0, 9.0)
_HEAD_RADIUS = 7.0
_TIP = QPointF(12.0, 22.5)


def _theme_colours(high_contrast: bool | None) -> Colours:
    """None follows the application's theme (``apply_theme`` records the choice)."""
    if high_contrast is None:
        app = QApplication.instance()
        high_contrast = bool(app.property("wb_high_contrast")) if app is not None else False
    return colours_for(high_contrast)


def _pin_outline() -> QPainterPath:
    """A map pin: a round head drawn down to a point, in a 24-unit square."""
    reach = _TIP.y() - _HEAD_CENTRE.y()
    angle = math.acos(_HEAD_RADIUS / reach)
    side = _HEAD_RADIUS * math.sin(angle)
    down = _HEAD_CENTRE.y() + _HEAD_RADIUS * math.cos(angle)
    head = QPainterPath()
    head.addEllipse(_HEAD_CENTRE, _HEAD_RADIUS, _HEAD_RADIUS)
    point = QPainterPath()
    point.addPolygon(QPolygonF([QPointF(12.0 - side, down), QPointF(12.0 + side, down), _TIP]))
    return head.united(point).simplified()


def gps_icon(paused: bool, colour: str, ratio: float = 1.0) -> QPixmap:
    """A filled pin with a white dot while on; a hollow pin with two pause bars when paused."""
    pixmap = QPixmap(round(PIN_ICON_PX * ratio), round(PIN_ICON_PX * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pin = _pin_outline()
    if paused:
        pen = QPen(QColor(colour), 2.2)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(pin)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        for left in (9.2, 12.8):
            painter.drawRoundedRect(QRectF(left, 6.0, 2.0, 6.0), 0.6, 0.6)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawPath(pin)
        painter.setBrush(QColor("#ffffff"))
        painter.drawEllipse(_HEAD_CENTRE, 2.8, 2.8)
    painter.end()
    return pixmap


class GpsIndicator(QWidget):
    """Shows whether the position is being shared; display only, nothing to tap."""

    def __init__(self, *, high_contrast: bool | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colours = _theme_colours(high_contrast)
        self.paused = False
        self.colour = self._colours.online
        self.icon_label = QLabel(self)
        self.icon_label.setFixedSize(PIN_ICON_PX, PIN_ICON_PX)
        self.text_label = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(8)
        layout.addWidget(self.icon_label)
        layout.addWidget(self.text_label)
        self.set_paused(False)

    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        self.colour = self._colours.warning if paused else self._colours.online
        self.icon_label.setPixmap(gps_icon(paused, self.colour, self.devicePixelRatioF()))
        if paused:
            words = self.tr("GPS paused")
            detail = self.tr(
                "Offline: your position is not recorded. It resumes when the connection returns."
            )
        else:
            words = self.tr("GPS on")
            detail = self.tr("Your position is shared with the office while you are online.")
        self.text_label.setText(words)
        self.text_label.setStyleSheet(f"color: {self.colour}; font-weight: 700;")
        self.setAccessibleName(words)
        self.setAccessibleDescription(detail)
        self.setToolTip(detail)
