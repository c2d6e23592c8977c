"""A document as a card in the list: reference, customer and job on the left; the total,
the delivery chip (filled) and the sync chip (outlined) on the right."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from wb_desktop.core.domain.records import DeliveryState, PaymentStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.document_views import DocumentRow
from wb_desktop.ui.documents.labels import (
    delivery_colour,
    delivery_label,
    kind_label,
    payment_label,
    sync_colour,
    sync_mark,
)
from wb_desktop.ui.documents.list_model import DocumentRole
from wb_desktop.ui.labels import sync_state_label
from wb_desktop.ui.schedule_view import current_colours, paint_card_frame, paint_chip
from wb_desktop.ui.theme import SPACING_PX, Colours

CARD_HEIGHT_PX = 100
MIN_CHIP_WIDTH_PX = 150
CHIP_PADDING_PX = 28
CHIP_HEIGHT_PX = 32
LINE_PX = 26
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class DocumentCardDelegate(QStyledItemDelegate):
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(option.rect.width() or 600, CARD_HEIGHT_PX)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row: DocumentRow | None = index.data(DocumentRole.ROW)
        if row is None:
            return
        colours = current_colours()
        painter.save()
        card = paint_card_frame(painter, option, colours)
        inner = card.adjusted(16, 8, -12, -8)
        chips_left = inner.right() - 2 * chip_width(option.font) - SPACING_PX
        total_width = 220
        text_width = max(60, chips_left - inner.left() - total_width - SPACING_PX)
        self._paint_texts(painter, option.font, row, inner, text_width, colours)
        self._paint_total(
            painter, option.font, row, index.data(DocumentRole.TOTAL_TEXT), inner, colours
        )
        self._paint_chips(painter, option.font, row, inner, colours)
        painter.restore()

    def _paint_texts(
        self,
        painter: QPainter,
        font: QFont,
        row: DocumentRow,
        inner: QRect,
        width: int,
        colours: Colours,
    ) -> None:
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor(colours.text))
        heading = f"{row.reference}  ·  {kind_label(row.kind)}"
        painter.drawText(
            QRect(inner.left(), inner.top(), width, LINE_PX),
            _LEFT,
            QFontMetrics(bold).elidedText(heading, Qt.TextElideMode.ElideRight, width),
        )
        painter.setFont(font)
        plain = QFontMetrics(font)
        painter.drawText(
            QRect(inner.left(), inner.top() + LINE_PX + 2, width, LINE_PX),
            _LEFT,
            plain.elidedText(row.customer_name, Qt.TextElideMode.ElideRight, width),
        )
        painter.setPen(QColor(colours.muted))
        painter.drawText(
            QRect(inner.left(), inner.top() + 2 * (LINE_PX + 2), width, LINE_PX),
            _LEFT,
            plain.elidedText(row.job_title or "—", Qt.TextElideMode.ElideRight, width),
        )

    def _paint_total(
        self,
        painter: QPainter,
        font: QFont,
        row: DocumentRow,
        total: str,
        inner: QRect,
        colours: Colours,
    ) -> None:
        right = inner.right() - 2 * chip_width(font) - 2 * SPACING_PX
        bold = QFont(font)
        bold.setBold(True)
        bold.setPointSizeF(font.pointSizeF() * 1.15)
        painter.setFont(bold)
        painter.setPen(QColor(colours.text))
        painter.drawText(QRect(right - 220, inner.top(), 220, LINE_PX + 4), _RIGHT, total)
        if row.payment_status is not None:
            painter.setFont(font)
            paid = row.payment_status is PaymentStatus.APPROVED
            painter.setPen(QColor(colours.synced if paid else colours.warning))
            mark = "✓ " if paid else "! "
            painter.drawText(
                QRect(right - 220, inner.top() + LINE_PX + 8, 220, LINE_PX),
                _RIGHT,
                mark + payment_label(row.payment_status),
            )

    def _paint_chips(
        self, painter: QPainter, font: QFont, row: DocumentRow, inner: QRect, colours: Colours
    ) -> None:
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        top = inner.top() + (inner.height() - CHIP_HEIGHT_PX) // 2
        width = chip_width(font)
        left = inner.right() - 2 * width - SPACING_PX
        paint_chip(
            painter,
            QRect(left, top, width, CHIP_HEIGHT_PX),
            delivery_label(row.delivery_state),
            delivery_colour(row.delivery_state, colours),
            filled=True,
        )
        paint_chip(
            painter,
            QRect(left + width + SPACING_PX, top, width, CHIP_HEIGHT_PX),
            sync_mark(row.sync_state) + sync_state_label(row.sync_state),
            sync_colour(row.sync_state, colours),
            filled=False,
        )


def chip_width(font: QFont) -> int:
    """Wide enough for the longest chip text in the language in use ("I kö för att skickas"
    is longer than "Queued to send"), measured in the chips' bold font; once per font and
    language, not for every row painted."""
    key = (font.toString(), QLocale().name())
    if key not in _CHIP_WIDTHS:
        bold = QFont(font)
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        texts = [delivery_label(state) for state in DeliveryState] + [
            sync_mark(state) + sync_state_label(state) for state in SyncState
        ]
        _CHIP_WIDTHS[key] = max(
            MIN_CHIP_WIDTH_PX, *(metrics.horizontalAdvance(t) + CHIP_PADDING_PX for t in texts)
        )
    return _CHIP_WIDTHS[key]


_CHIP_WIDTHS: dict[tuple[str, str], int] = {}
