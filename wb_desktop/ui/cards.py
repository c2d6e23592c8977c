"""List rows painted as cards: the schedule's jobs, the customers, the invoices and estimates.

One delegate (one list view, not a widget per row, so long lists scroll smoothly on a
tablet) paints what every card shares: the rounded frame with a thick border when selected
(the selection reads without colour), the theme's colours (sunlight mode included), text in
the view's font, elided to fit, and state pills. Each list says only what its card shows,
in :meth:`CardDelegate.paint_card`.
"""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from wb_desktop.core.store.job_views import JobBadge
from wb_desktop.ui.row_models import LEFT, ROW_ROLE
from wb_desktop.ui.theme import Colours, colours_for

RowT = TypeVar("RowT")
ModelIndex = QModelIndex | QPersistentModelIndex
LINE_PX = 26  # one line of a card's text
PILL_HEIGHT_PX = 34
BADGE_MARKS = {  # a shape beside the colour, so a badge reads without colour vision
    JobBadge.SYNCED: "✓ ",
    JobBadge.WAITING: "↻ ",
    JobBadge.FAILED: "! ",
    JobBadge.CONFLICT: "! ",
}


def current_colours() -> Colours:
    """The colours of the theme in use: sunlight mode (high contrast) or the normal one."""
    app = QApplication.instance()
    return colours_for(bool(app.property("wb_high_contrast")) if app is not None else False)


def badge_colour(badge: JobBadge, colours: Colours) -> str:
    return {
        JobBadge.SYNCED: colours.synced,
        JobBadge.WAITING: colours.pending,
        JobBadge.FAILED: colours.error,
        JobBadge.CONFLICT: colours.error,
    }[badge]


def paint_chip(painter: QPainter, rect: QRect, text: str, colour: str, *, filled: bool) -> None:
    """A rounded label; filled for a status, outlined for a sync badge, so the two differ
    without relying on colour. The text is drawn in the painter's font."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(colour), 2))
    painter.setBrush(QColor(colour) if filled else Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    painter.setPen(QColor("#ffffff") if filled else QColor(colour))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


def paint_card_frame(painter: QPainter, option: QStyleOptionViewItem, colours: Colours) -> QRect:
    """A list row drawn as a card: rounded, with a thick accent border when selected. Returns
    the card's rectangle; the caller has saved the painter and restores it afterwards."""
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    card = option.rect.adjusted(6, 4, -6, -4)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(
        QPen(QColor(colours.accent if selected else colours.border), 3 if selected else 1)
    )
    painter.setBrush(QColor(colours.surface))
    painter.drawRoundedRect(card, 8, 8)
    return card


class CardPen:
    """Draws one card's texts and pills: the view's font plain and bold, the theme's colours."""

    def __init__(self, painter: QPainter, font: QFont, colours: Colours) -> None:
        self.painter = painter
        self.colours = colours
        self.plain = QFont(font)
        self.bold = QFont(font)
        self.bold.setBold(True)

    def text(
        self,
        rect: QRect,
        text: str,
        *,
        font: QFont | None = None,
        colour: str | None = None,
        align: Qt.AlignmentFlag = LEFT,
        elide: bool = True,
    ) -> None:
        """One line of text in ``rect`` (plain, in the text colour, unless told), cut with
        "…" when it does not fit."""
        font = font or self.plain
        self.painter.setFont(font)
        self.painter.setPen(QColor(colour or self.colours.text))
        if elide:
            text = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        self.painter.drawText(rect, align, text)

    def pill(self, rect: QRect, text: str, colour: str, *, filled: bool) -> None:
        self.painter.setFont(self.bold)
        paint_chip(self.painter, rect, text, colour, filled=filled)

    def badge(self, rect: QRect, badge: JobBadge, text: str) -> None:
        """A sync badge: an outlined pill whose mark and colour say the state besides ``text``."""
        self.pill(rect, BADGE_MARKS[badge] + text, badge_colour(badge, self.colours), filled=False)


class CardDelegate(QStyledItemDelegate, Generic[RowT]):
    """Paints the row the model gives for :attr:`row_role` as a card :attr:`height_px` tall;
    a subclass paints what its card shows inside the frame."""

    row_role: ClassVar[int] = ROW_ROLE
    height_px: ClassVar[int] = 100  # at least a touch target (48 px): a card is tapped
    width_px: ClassVar[int] = 400  # asked for until the view says how wide it is
    padding: ClassVar[tuple[int, int]] = (16, 8)  # left and top (and bottom); 12 on the right

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        """As wide as the list's viewport (narrower once its scrollbar shows), so a card
        never makes the list scroll sideways."""
        return QSize(min(self.row_width(option), self.width_px), self.height_px)

    def row_width(self, option: QStyleOptionViewItem) -> int:
        """How wide a row of the list is now: its viewport's width, once it has one."""
        view = self.parent()
        if isinstance(view, QAbstractItemView) and view.viewport().width() > 0:
            return view.viewport().width()
        return option.rect.width() or self.width_px

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        row = index.data(self.row_role)
        if row is None:
            return
        colours = current_colours()
        painter.save()
        card = paint_card_frame(painter, option, colours)
        self.paint_card(CardPen(painter, option.font, colours), card, row, index)
        painter.restore()

    def inner(self, card: QRect) -> QRect:
        """Where a card's contents go: the card less its padding."""
        left, top = self.padding
        return card.adjusted(left, top, -12, -top)

    def paint_card(self, pen: CardPen, card: QRect, row: RowT, index: ModelIndex) -> None:
        """Paint the card's contents inside ``card`` (the frame is painted already)."""
        raise NotImplementedError
