"""A customer as a card in the list: name, address, phone, counts and a sync chip.

Painted by a delegate (one list view, not a widget per customer), in the schedule's card
style, so hundreds of customers scroll smoothly on a tablet.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from wb_desktop.core.store.customer_views import CustomerRow
from wb_desktop.ui.customers.list_model import CustomerRole
from wb_desktop.ui.customers.texts import counts_text, customer_badge, customer_sync_text
from wb_desktop.ui.schedule_view import (
    BADGE_MARKS,
    badge_colour,
    current_colours,
    paint_card_frame,
    paint_chip,
)
from wb_desktop.ui.theme import SPACING_PX

CUSTOMER_CARD_HEIGHT_PX = 100
CARD_MIN_WIDTH_PX = 240
CHIP_WIDTH_PX = 150
LINE_HEIGHT_PX = 26


class CustomerCardDelegate(QStyledItemDelegate):
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(CARD_MIN_WIDTH_PX, CUSTOMER_CARD_HEIGHT_PX)  # the view gives the width

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row: CustomerRow | None = index.data(CustomerRole.ROW)
        if row is None:
            return
        colours = current_colours()
        painter.save()
        card = paint_card_frame(painter, option, colours)

        inner = card.adjusted(16, 8, -12, -8)
        text_width = max(40, inner.width() - CHIP_WIDTH_PX - SPACING_PX)
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        elide = Qt.TextElideMode.ElideRight

        painter.setFont(bold)
        painter.setPen(QColor(colours.text))
        line = QRect(inner.left(), inner.top(), text_width, LINE_HEIGHT_PX + 2)
        painter.drawText(line, left, QFontMetrics(bold).elidedText(row.name, elide, text_width))
        plain = QFontMetrics(base)
        painter.setFont(base)
        painter.setPen(QColor(colours.muted))
        address = row.address or "—"
        line = QRect(inner.left(), inner.top() + LINE_HEIGHT_PX + 2, text_width, LINE_HEIGHT_PX)
        painter.drawText(line, left, plain.elidedText(address, elide, text_width))
        details = " · ".join(part for part in (row.phone, counts_text(row)) if part)
        line = QRect(inner.left(), inner.top() + 2 * LINE_HEIGHT_PX + 2, inner.width(), 26)
        painter.setPen(QColor(colours.text))
        painter.drawText(line, left, plain.elidedText(details, elide, inner.width()))

        badge = customer_badge(row)
        painter.setFont(bold)
        paint_chip(
            painter,
            QRect(inner.right() - CHIP_WIDTH_PX, inner.top(), CHIP_WIDTH_PX, 34),
            BADGE_MARKS[badge] + customer_sync_text(row),
            badge_colour(badge, colours),
            filled=False,
        )
        painter.restore()
