"""A bar chart painted with QPainter (PySide6-Essentials ships no QtCharts).

Readable in sunlight as on a desk: every colour comes from the active theme, each bar
carries its value as text (nothing is hover-only), the current period is told apart by
colour *and* a bold label, and the whole chart is described for screen readers.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from wb_desktop.ui.schedule_view import current_colours
from wb_desktop.ui.theme import SPACING_PX, TOUCH_TARGET_PX, Colours

BAR_SHARE = 0.62  # of each bar's slot; the rest is the gap between bars
MIN_CHART_HEIGHT_PX = 200  # the window must fit 1280 × 720 logical pixels (150 % on 1080p)
TICK_COUNT = 4


@dataclass(frozen=True)
class Bar:
    label: str  # under the bar ("Mon 23", "W48")
    value: float  # for the bar's height only; the figure shown is ``value_text``
    value_text: str  # empty for a day still to come
    current: bool = False
    spoken_label: str = ""  # a fuller name for screen readers ("Monday 23 November")


def nice_ticks(highest: float, *, whole: bool = False, count: int = TICK_COUNT) -> list[float]:
    """Axis ticks from 0 in steps of 1, 2 or 5 times a power of ten, reaching ``highest``;
    ``whole`` keeps steps at 1 or more (for counts of jobs)."""
    if highest <= 0 or not math.isfinite(highest):
        return [0.0, 1.0]
    raw = highest / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    if whole:
        step = max(1.0, math.ceil(step))
    top = math.ceil(highest / step - 1e-9) * step
    return [step * n for n in range(round(top / step) + 1)]


class BarChart(QWidget):
    """Bars with a value axis on the left, labels below and each value above its bar.

    Tapping a bar emits :attr:`barClicked` with its index; a bar's tap target is its
    whole column, so even a zero bar is at least a finger wide and the chart's height tall.
    """

    barClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self._axis_title = ""
        self._tick_text: Callable[[float], str] = lambda value: f"{value:g}"
        self._whole = False
        self.setMinimumSize(TOUCH_TARGET_PX * 8, MIN_CHART_HEIGHT_PX)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @property
    def bars(self) -> list[Bar]:
        return list(self._bars)

    @property
    def axis_title(self) -> str:
        return self._axis_title

    def set_chart(
        self,
        bars: Sequence[Bar],
        axis_title: str,
        tick_text: Callable[[float], str],
        *,
        whole: bool = False,
    ) -> None:
        """Show ``bars``; ``tick_text`` writes the axis numbers in the locale's format."""
        self._bars = list(bars)
        self._axis_title = axis_title
        self._tick_text = tick_text
        self._whole = whole
        spoken = "; ".join(f"{bar.spoken_label or bar.label}: {bar.value_text}" for bar in bars)
        self.setAccessibleDescription(f"{axis_title}. {spoken}")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(TOUCH_TARGET_PX * 14, MIN_CHART_HEIGHT_PX + TOUCH_TARGET_PX)

    def ticks(self) -> list[float]:
        return nice_ticks(max((bar.value for bar in self._bars), default=0), whole=self._whole)

    def plot_area(self) -> QRectF:
        """Where the bars stand: right of the tick labels, between the value row and the
        labels row."""
        metrics = QFontMetrics(self.font())
        widest = max(
            (metrics.horizontalAdvance(self._tick_text(t)) for t in self.ticks()), default=0
        )
        line = metrics.height()
        left = widest + SPACING_PX
        top = line * 2 + SPACING_PX  # the axis title, then room for the tallest bar's value
        bottom = line + SPACING_PX
        return QRectF(left, top, self.width() - left - SPACING_PX, self.height() - top - bottom)

    def bar_rects(self) -> list[QRectF]:
        """Each bar's rectangle in widget coordinates (zero height for a zero value)."""
        area = self.plot_area()
        if not self._bars:
            return []
        top_value = self.ticks()[-1]
        slot = area.width() / len(self._bars)
        width = slot * BAR_SHARE
        rects = []
        for index, bar in enumerate(self._bars):
            height = area.height() * max(bar.value, 0) / top_value if top_value else 0
            left = area.left() + slot * index + (slot - width) / 2
            rects.append(QRectF(left, area.bottom() - height, width, height))
        return rects

    def bar_at(self, x: float) -> int:
        area = self.plot_area()
        if not self._bars or not area.left() <= x < area.right():
            return -1
        return int((x - area.left()) / (area.width() / len(self._bars)))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position().x())
        if index >= 0 and event.button() == Qt.MouseButton.LeftButton:
            self.barClicked.emit(index)
        super().mouseReleaseEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        colours = current_colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(colours.surface))
        area = self.plot_area()
        self._paint_axis(painter, area, colours)
        self._paint_bars(painter, area, colours)
        painter.end()

    def _paint_axis(self, painter: QPainter, area: QRectF, colours: Colours) -> None:
        metrics = QFontMetrics(self.font())
        painter.setPen(QColor(colours.muted))
        painter.drawText(
            QRectF(0, 0, self.width(), metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self._axis_title,
        )
        ticks = self.ticks()
        for tick in ticks:
            y = area.bottom() - area.height() * tick / ticks[-1]
            painter.setPen(QPen(QColor(colours.border), 1, Qt.PenStyle.DashLine))
            if tick > 0:
                painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(QColor(colours.text))
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, area.left() - SPACING_PX / 2, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self._tick_text(tick),
            )
        painter.setPen(QPen(QColor(colours.text), 2))
        painter.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom()))
        painter.drawLine(QPointF(area.left(), area.top()), QPointF(area.left(), area.bottom()))

    def _paint_bars(self, painter: QPainter, area: QRectF, colours: Colours) -> None:
        base = QFont(self.font())
        bold = QFont(base)
        bold.setBold(True)
        line = QFontMetrics(bold).height()
        slot = area.width() / max(len(self._bars), 1)
        for index, (bar, rect) in enumerate(zip(self._bars, self.bar_rects(), strict=True)):
            if bar.current:
                painter.setPen(QPen(QColor(colours.text), 2))
            else:
                painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colours.accent if bar.current else colours.muted))
            if rect.height() > 0:
                painter.drawRect(rect)
            column = QRectF(area.left() + slot * index, 0, slot, 0)
            painter.setFont(bold)
            painter.setPen(QColor(colours.text))
            metrics = QFontMetrics(bold)
            value = metrics.elidedText(bar.value_text, Qt.TextElideMode.ElideRight, int(slot))
            if value:
                width = metrics.horizontalAdvance(value) + 8  # a gap in the grid line behind
                centre = column.left() + slot / 2
                backdrop = QRectF(centre - width / 2, rect.top() - line - 2, width, line)
                painter.fillRect(backdrop, QColor(colours.surface))
                painter.drawText(backdrop, Qt.AlignmentFlag.AlignCenter, value)
            painter.setFont(bold if bar.current else base)
            painter.drawText(
                QRectF(column.left(), area.bottom() + SPACING_PX / 2, slot, line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                bar.label,
            )
