"""The top bar's icons, drawn as simple line art in the theme's colours, so a button that
has folded to its icon still says what it is (no image files to package)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from wb_desktop.ui.cards import current_colours

ICON_PX = 24
DRAWN_AT = 3  # device pixels per icon pixel: sharp at 100 %, 150 % and 200 %

Drawing = Callable[[QPainter], None]


def _calendar(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(3, 5, 18, 16), 2, 2)
    p.drawLine(QPointF(3, 10), QPointF(21, 10))
    p.drawLine(QPointF(8, 3), QPointF(8, 7))
    p.drawLine(QPointF(16, 3), QPointF(16, 7))


def _clock(p: QPainter) -> None:
    p.drawEllipse(QRectF(3, 3, 18, 18))
    p.drawLine(QPointF(12, 12), QPointF(12, 7))
    p.drawLine(QPointF(12, 12), QPointF(16, 14))


def _invoice(p: QPainter) -> None:
    p.drawRect(QRectF(5, 3, 14, 18))
    for y in (8, 12, 16):
        p.drawLine(QPointF(8, y), QPointF(16, y))


def _people(p: QPainter) -> None:
    p.drawEllipse(QRectF(8, 3, 8, 8))
    path = QPainterPath(QPointF(4, 21))
    path.cubicTo(QPointF(4, 13), QPointF(20, 13), QPointF(20, 21))
    p.drawPath(path)


def _chart(p: QPainter) -> None:
    p.drawLine(QPointF(3, 21), QPointF(21, 21))
    for x, top in ((6, 13), (11, 7), (16, 10)):
        p.drawRect(QRectF(x, top, 3, 21 - top))


def _offline(p: QPainter) -> None:
    path = QPainterPath(QPointF(6, 18))
    path.arcTo(QRectF(2, 10, 8, 8), 270, -180)
    path.arcTo(QRectF(7, 5, 10, 10), 180, -180)
    path.arcTo(QRectF(14, 10, 8, 8), 90, -180)
    path.closeSubpath()
    p.drawPath(path)
    p.drawLine(QPointF(3, 3), QPointF(21, 21))


def _sun(p: QPainter) -> None:
    p.drawEllipse(QRectF(8, 8, 8, 8))
    for a, b in (
        ((12, 2), (12, 5)),
        ((12, 19), (12, 22)),
        ((2, 12), (5, 12)),
        ((19, 12), (22, 12)),
    ):
        p.drawLine(QPointF(*a), QPointF(*b))
    for a, b in (((5, 5), (7, 7)), ((17, 17), (19, 19)), ((5, 19), (7, 17)), ((17, 7), (19, 5))):
        p.drawLine(QPointF(*a), QPointF(*b))


def _tablet(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(5, 2, 14, 20), 2, 2)
    p.drawLine(QPointF(10, 18), QPointF(14, 18))


DRAWINGS: dict[str, Drawing] = {
    "schedule": _calendar,
    "time": _clock,
    "invoices": _invoice,
    "customers": _people,
    "reports": _chart,
    "offline": _offline,
    "sunlight": _sun,
    "device": _tablet,
}


def _pixmap(drawing: Drawing, colour: str) -> QPixmap:
    pixmap = QPixmap(ICON_PX * DRAWN_AT, ICON_PX * DRAWN_AT)
    pixmap.setDevicePixelRatio(DRAWN_AT)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(colour), 2))
    drawing(painter)
    painter.end()
    return pixmap


def bar_icon(name: str) -> QIcon:
    """The icon in the text colour, and in the window colour when its button is checked
    (a checked button is drawn dark, see the theme)."""
    colours = current_colours()
    icon = QIcon()
    drawing = DRAWINGS[name]
    icon.addPixmap(_pixmap(drawing, colours.text), QIcon.Mode.Normal, QIcon.State.Off)
    icon.addPixmap(_pixmap(drawing, colours.window), QIcon.Mode.Normal, QIcon.State.On)
    icon.addPixmap(_pixmap(drawing, colours.muted), QIcon.Mode.Disabled, QIcon.State.Off)
    return icon
