"""A signature's strokes as geometry and ink: how wide pressure draws, whether a stroke is a
real line or a tap, and how one stroke is painted (on screen and into the saved PNG alike).

Kept apart from :class:`~wb_desktop.ui.signature_canvas.SignatureCanvas` so the drawing
rules read without its input handling.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

Point = list[float]  # [x, y, pressure 0..1, t_ms]
Stroke = list[Point]

INK = QColor("#101418")
MIN_PEN_WIDTH_PX = 1.2
MAX_PEN_WIDTH_PX = 6.0
MIN_EXTENT_PX = 2.0  # the domain's rule: a stroke that moves less than this is a tap


def pen_width_for(pressure: float) -> float:
    """Stroke width in logical px: harder pen pressure, wider line, like ink."""
    clamped = min(1.0, max(0.0, pressure))
    return MIN_PEN_WIDTH_PX + (MAX_PEN_WIDTH_PX - MIN_PEN_WIDTH_PX) * clamped


def stroke_has_extent(stroke: Sequence[Point]) -> bool:
    """Mirror of the domain's check, so the dialog can refuse a tap before writing."""
    if len(stroke) < 2:
        return False
    xs = [p[0] for p in stroke]
    ys = [p[1] for p in stroke]
    return max(xs) - min(xs) >= MIN_EXTENT_PX or max(ys) - min(ys) >= MIN_EXTENT_PX


def paint_stroke(painter: QPainter, stroke: Sequence[Point], colour: QColor) -> None:
    """Draw one stroke as quadratic curves through the midpoints of successive points.

    Runs of segments with the same (rounded) width go into one path, so the line is one
    smooth outline instead of beads where separately drawn pieces overlap; where pressure
    changes, the width steps by a fraction of a pixel and the line swells and thins.
    """
    if not stroke:
        return
    if len(stroke) == 1:
        radius = pen_width_for(stroke[0][2]) / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(QPointF(stroke[0][0], stroke[0][1]), radius, radius)
        return
    painter.setBrush(Qt.BrushStyle.NoBrush)
    pen = QPen(colour)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    points = [QPointF(p[0], p[1]) for p in stroke]
    middles = [(points[i] + points[i + 1]) / 2 for i in range(len(points) - 1)]
    # (pressure, control point or None for a straight piece, end point) from start to end
    pieces: list[tuple[float, QPointF | None, QPointF]] = [(stroke[0][2], None, middles[0])]
    pieces += [(stroke[i][2], points[i], middles[i]) for i in range(1, len(points) - 1)]
    pieces.append((stroke[-1][2], None, points[-1]))
    path = QPainterPath(points[0])
    width = _rounded_width(stroke[0][2])
    for pressure, control, end in pieces:
        piece_width = _rounded_width(pressure)
        if piece_width != width:
            _draw(painter, pen, path, width)
            path = QPainterPath(path.currentPosition())
            width = piece_width
        if control is None:
            path.lineTo(end)
        else:
            path.quadTo(control, end)
    _draw(painter, pen, path, width)


def _rounded_width(pressure: float) -> float:
    return round(pen_width_for(pressure) * 4) / 4


def _draw(painter: QPainter, pen: QPen, path: QPainterPath, width: float) -> None:
    pen.setWidthF(width)
    painter.setPen(pen)
    painter.drawPath(path)
