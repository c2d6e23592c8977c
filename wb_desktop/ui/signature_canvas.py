"""A surface the customer signs on with a finger, a pen or the mouse.

The signature is kept as vector strokes (``[x, y, pressure, t_ms]`` points, the format
:func:`wb_desktop.core.domain.records.clean_signature` validates) so it can be re-rendered at
any size later; :meth:`SignatureCanvas.render_png` makes the picture documents embed.
"""

from __future__ import annotations

import math
from enum import Enum

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QElapsedTimer,
    QEvent,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QInputDevice,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from wb_desktop.core.domain.records import MAX_POINTS, MAX_STROKES
from wb_desktop.ui.signature_strokes import (
    INK,
    MAX_PEN_WIDTH_PX,
    Stroke,
    paint_stroke,
    stroke_has_extent,
)
from wb_desktop.ui.theme import Colours, colours_for

MIN_CANVAS_SIZE = QSize(600, 240)
MOUSE_PRESSURE = 0.5  # mouse and finger have no pressure; they draw a medium line
MIN_POINT_DISTANCE_PX = 1.0  # closer points add nothing visible, only bytes
PNG_SCALE = 2  # the saved picture has twice the on-screen pixels, sharp on printed invoices


class _Input(Enum):
    MOUSE = "mouse"
    TOUCH = "touch"
    PEN = "pen"


def _theme_colours() -> Colours:
    app = QApplication.instance()
    return colours_for(bool(app.property("wb_high_contrast")) if app else False)


class SignatureCanvas(QWidget):
    """White signing surface with a "Sign here" baseline; records strokes as vectors."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[Stroke] = []
        self._active: _Input | None = None
        self._touch_id: int | None = None
        self._points_total = 0
        self._clock = QElapsedTimer()
        self._ink_layer: QPixmap | None = None  # finished strokes, so a move repaints little
        self._baked = 0
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(MIN_CANVAS_SIZE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(self.tr("Signature area"))
        self.setAccessibleDescription(
            self.tr("The customer signs here with a finger, the pen or the mouse.")
        )

    def sizeHint(self) -> QSize:
        return QSize(720, 300)

    def strokes(self) -> list[list[list[float]]]:
        """A copy of every stroke, oldest first, in the format the store validates."""
        return [[list(point) for point in stroke] for stroke in self._strokes]

    def is_empty(self) -> bool:
        """True when nothing at all has been drawn."""
        return not self._strokes

    def is_signed(self) -> bool:
        """True when at least one stroke is a real line, not just a tap."""
        return any(stroke_has_extent(stroke) for stroke in self._strokes)

    def undo(self) -> None:
        """Remove the last stroke (a finger slip should not mean starting over)."""
        if not self._strokes:
            return
        self._end_stroke(emit=False)
        removed = self._strokes.pop()
        self._points_total -= len(removed)
        self._forget_ink_layer()
        self.changed.emit()

    def clear(self) -> None:
        if not self._strokes:
            return
        self._active = None
        self._touch_id = None
        self._strokes.clear()
        self._points_total = 0
        self._clock.invalidate()
        self._forget_ink_layer()
        self.changed.emit()

    def render_png(self, scale: int = PNG_SCALE) -> bytes:
        """The signature as a PNG: dark ink on white, the canvas size times ``scale``.

        No guide line or hint: the picture is what documents print.
        """
        size = self.size().expandedTo(MIN_CANVAS_SIZE)
        image = QImage(size * scale, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.scale(scale, scale)
        for stroke in self._strokes:
            paint_stroke(painter, stroke, INK)
        painter.end()
        grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not grey.save(buffer, "PNG"):
            raise RuntimeError("Qt could not encode the signature as PNG")
        buffer.close()
        return data.data()

    # Input: each stroke belongs to one device, so a pen's synthesized mouse events or a palm
    # touching the glass while the pen writes never add a second, duplicate stroke.

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self._is_real_mouse(event):
            event.ignore()
            return
        if self._begin_stroke(_Input.MOUSE, event.position(), MOUSE_PRESSURE):
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._active is _Input.MOUSE and self._is_real_mouse(event):
            self._add_point(event.position(), MOUSE_PRESSURE)
            event.accept()
        else:
            event.ignore()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._active is _Input.MOUSE and event.button() == Qt.MouseButton.LeftButton:
            self._add_point(event.position(), MOUSE_PRESSURE)
            self._end_stroke()
            event.accept()
        else:
            event.ignore()

    def tabletEvent(self, event: QTabletEvent) -> None:
        """Accepting every pen event stops Qt from also synthesizing mouse events from it."""
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin_stroke(_Input.PEN, event.position(), event.pressure())
        elif kind == QEvent.Type.TabletMove and self._active is _Input.PEN:
            self._add_point(event.position(), event.pressure())
        elif kind == QEvent.Type.TabletRelease and self._active is _Input.PEN:
            self._add_point(event.position(), event.pressure())
            self._end_stroke()
        event.accept()

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QTouchEvent):
            self._touch(event)
            event.accept()
            return True
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.update()  # the frame shows keyboard focus
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
            event.accept()
            return
        super().keyPressEvent(event)

    def _touch(self, event: QTouchEvent) -> None:
        """One finger draws; further fingers (a resting hand) are ignored."""
        kind = event.type()
        if kind == QEvent.Type.TouchCancel:
            if self._active is _Input.TOUCH:
                self._end_stroke()
            return
        for point in event.points():
            state = point.state()
            if self._touch_id is None and state == point.State.Pressed:
                if self._begin_stroke(_Input.TOUCH, point.position(), MOUSE_PRESSURE):
                    self._touch_id = point.id()
            elif point.id() == self._touch_id and self._active is _Input.TOUCH:
                self._add_point(point.position(), MOUSE_PRESSURE)
                if state == point.State.Released:
                    self._end_stroke()
        if kind == QEvent.Type.TouchEnd and self._active is _Input.TOUCH:
            self._end_stroke()

    @staticmethod
    def _is_real_mouse(event: QMouseEvent) -> bool:
        device = event.device()
        return device is None or device.type() == QInputDevice.DeviceType.Mouse

    def _begin_stroke(self, source: _Input, position: QPointF, pressure: float) -> bool:
        if self._active is not None or len(self._strokes) >= MAX_STROKES:
            return False
        if self._points_total >= MAX_POINTS:
            return False
        if not self._strokes or not self._clock.isValid():
            self._clock.start()  # t_ms counts from the first point of the stroke set
        self._active = source
        self._strokes.append([])
        self._append(position, pressure)
        return True

    def _add_point(self, position: QPointF, pressure: float) -> None:
        if self._active is None or self._points_total >= MAX_POINTS:
            return
        last = self._strokes[-1][-1]
        if math.hypot(position.x() - last[0], position.y() - last[1]) < MIN_POINT_DISTANCE_PX:
            return
        self._append(position, pressure)

    def _append(self, position: QPointF, pressure: float) -> None:
        stroke = self._strokes[-1]
        clamped = min(1.0, max(0.0, pressure))
        point = [
            round(position.x(), 1),
            round(position.y(), 1),
            round(clamped, 3),
            float(self._clock.elapsed()),
        ]
        stroke.append(point)
        self._points_total += 1
        self.update(self._dirty_rect(stroke).toAlignedRect())

    def _end_stroke(self, *, emit: bool = True) -> None:
        if self._active is None:
            return
        self._active = None
        self._touch_id = None
        self.update()
        if emit:
            self.changed.emit()

    def _dirty_rect(self, stroke: Stroke) -> QRectF:
        """The last curve segment depends on the last three points; repaint only there."""
        margin = MAX_PEN_WIDTH_PX + 2
        recent = QPolygonF([QPointF(p[0], p[1]) for p in stroke[-3:]]).boundingRect()
        return recent.adjusted(-margin, -margin, margin, margin)

    # Painting

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._forget_ink_layer()
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        colours = _theme_colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(self.rect(), QColor("white"))
        self._paint_guide(painter, colours)
        painter.drawPixmap(0, 0, self._finished_ink())
        if self._active is not None:
            paint_stroke(painter, self._strokes[-1], INK)
        self._paint_frame(painter, colours)
        painter.end()

    def _paint_guide(self, painter: QPainter, colours: Colours) -> None:
        """The baseline and "Sign here": where to sign, even for someone in a hurry."""
        left = self.width() * 0.06
        right = self.width() * 0.94
        baseline = self.height() * 0.72
        painter.setPen(QPen(QColor(colours.border), 2))
        painter.drawLine(QPointF(left, baseline), QPointF(right, baseline))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        painter.setFont(font)
        painter.setPen(QColor(colours.muted))
        cross_size = 10.0
        cross = QRectF(left, baseline - cross_size * 2.5, cross_size, cross_size)
        painter.drawLine(cross.topLeft(), cross.bottomRight())
        painter.drawLine(cross.bottomLeft(), cross.topRight())
        label = QRectF(left, baseline + 6, right - left, painter.fontMetrics().height() + 4)
        painter.drawText(label, Qt.AlignmentFlag.AlignLeft, self.tr("Sign here"))

    def _paint_frame(self, painter: QPainter, colours: Colours) -> None:
        focused = self.hasFocus()
        width = 3 if focused else 1
        colour = QColor(colours.accent if focused else colours.border)
        painter.setPen(QPen(colour, width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = width / 2
        painter.drawRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset))

    def _finished_ink(self) -> QPixmap:
        """Finished strokes painted once into a transparent layer, added to as strokes end."""
        finished = len(self._strokes) - (1 if self._active is not None else 0)
        layer = self._ink_layer
        if layer is None or layer.deviceIndependentSize().toSize() != self.size():
            ratio = self.devicePixelRatioF()
            self._ink_layer = QPixmap(self.size() * ratio)
            self._ink_layer.setDevicePixelRatio(ratio)
            self._ink_layer.fill(Qt.GlobalColor.transparent)
            self._baked = 0
        if self._baked < finished:
            painter = QPainter(self._ink_layer)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            for stroke in self._strokes[self._baked : finished]:
                paint_stroke(painter, stroke, INK)
            painter.end()
            self._baked = finished
        return self._ink_layer

    def _forget_ink_layer(self) -> None:
        self._ink_layer = None
        self._baked = 0
        self.update()
