"""A document as a card in the list: reference, customer and job on the left; the total,
the delivery chip (filled) and the sync chip (outlined) on the right."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QRect
from PySide6.QtGui import QFont, QFontMetrics

from wb_desktop.core.domain.records import DeliveryState, PaymentStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.document_views import DocumentRow
from wb_desktop.ui.cards import LINE_PX, CardDelegate, CardPen, ModelIndex
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
from wb_desktop.ui.row_models import RIGHT
from wb_desktop.ui.theme import SPACING_PX

MIN_CHIP_WIDTH_PX = 150
CHIP_PADDING_PX = 28
CHIP_HEIGHT_PX = 32
TOTAL_WIDTH_PX = 220


class DocumentCardDelegate(CardDelegate[DocumentRow]):
    row_role = DocumentRole.ROW
    width_px = 600

    def paint_card(self, pen: CardPen, card: QRect, row: DocumentRow, index: ModelIndex) -> None:
        inner = self.inner(card)
        chips = chip_width(pen.plain)
        chips_left = inner.right() - 2 * chips - SPACING_PX
        width = max(60, chips_left - inner.left() - TOTAL_WIDTH_PX - SPACING_PX)
        left, top = inner.left(), inner.top()
        heading = f"{row.reference}  ·  {kind_label(row.kind)}"
        pen.text(QRect(left, top, width, LINE_PX), heading, font=pen.bold)
        pen.text(QRect(left, top + LINE_PX + 2, width, LINE_PX), row.customer_name)
        job = row.job_title or "—"
        pen.text(
            QRect(left, top + 2 * (LINE_PX + 2), width, LINE_PX), job, colour=pen.colours.muted
        )
        self._paint_total(pen, row, index.data(DocumentRole.TOTAL_TEXT), chips_left, top)
        chip_top = top + (inner.height() - CHIP_HEIGHT_PX) // 2
        pen.pill(
            QRect(chips_left, chip_top, chips, CHIP_HEIGHT_PX),
            delivery_label(row.delivery_state),
            delivery_colour(row.delivery_state, pen.colours),
            filled=True,
        )
        pen.pill(
            QRect(chips_left + chips + SPACING_PX, chip_top, chips, CHIP_HEIGHT_PX),
            sync_mark(row.sync_state) + sync_state_label(row.sync_state),
            sync_colour(row.sync_state, pen.colours),
            filled=False,
        )

    @staticmethod
    def _paint_total(pen: CardPen, row: DocumentRow, total: str, chips_left: int, top: int) -> None:
        """The total, large, right-aligned before the chips; under it how a card payment went."""
        left = chips_left - SPACING_PX - TOTAL_WIDTH_PX
        large = QFont(pen.bold)
        large.setPointSizeF(pen.plain.pointSizeF() * 1.15)
        pen.text(
            QRect(left, top, TOTAL_WIDTH_PX, LINE_PX + 4),
            total,
            font=large,
            align=RIGHT,
            elide=False,
        )
        if row.payment_status is not None:
            paid = row.payment_status is PaymentStatus.APPROVED
            pen.text(
                QRect(left, top + LINE_PX + 8, TOTAL_WIDTH_PX, LINE_PX),
                ("✓ " if paid else "! ") + payment_label(row.payment_status),
                colour=pen.colours.synced if paid else pen.colours.warning,
                align=RIGHT,
                elide=False,
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
