"""A customer as a card in the list: name, address, phone, counts and a sync chip, in the
schedule's card style (see :mod:`wb_desktop.ui.cards`)."""

from __future__ import annotations

from PySide6.QtCore import QRect

from wb_desktop.core.store.customer_views import CustomerRow
from wb_desktop.ui.cards import LINE_PX, PILL_HEIGHT_PX, CardDelegate, CardPen, ModelIndex
from wb_desktop.ui.customers.list_model import CustomerRole
from wb_desktop.ui.customers.texts import counts_text, customer_badge, customer_sync_text
from wb_desktop.ui.theme import SPACING_PX

CHIP_WIDTH_PX = 150


class CustomerCardDelegate(CardDelegate[CustomerRow]):
    row_role = CustomerRole.ROW
    width_px = 240

    def paint_card(self, pen: CardPen, card: QRect, row: CustomerRow, index: ModelIndex) -> None:
        inner = self.inner(card)
        left, top, line = inner.left(), inner.top(), LINE_PX
        text_width = max(40, inner.width() - CHIP_WIDTH_PX - SPACING_PX)
        pen.text(QRect(left, top, text_width, line + 2), row.name, font=pen.bold)
        muted = pen.colours.muted
        pen.text(QRect(left, top + line + 2, text_width, line), row.address or "—", colour=muted)
        details = " · ".join(part for part in (row.phone, counts_text(row)) if part)
        pen.text(QRect(left, top + 2 * line + 2, inner.width(), line), details)
        pen.badge(
            QRect(inner.right() - CHIP_WIDTH_PX, top, CHIP_WIDTH_PX, PILL_HEIGHT_PX),
            customer_badge(row),
            customer_sync_text(row),
        )
