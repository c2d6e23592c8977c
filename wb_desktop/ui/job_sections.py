"""Read-only parts of the job page: the customer card, the job card and the line items."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QLocale,
    QObject,
    Qt,
)
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from wb_desktop.core.store.job_views import JobDetail, LineRow
from wb_desktop.ui.row_table_model import RowTableModel


def card(title: str, parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    """A titled card frame, the page's building block."""
    frame = QFrame(parent)
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 16)
    heading = QLabel(title, frame)
    heading.setProperty("role", "heading")
    layout.addWidget(heading)
    return frame, layout


def value_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class CustomerCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        self.name_label = QLabel(self)
        self.name_label.setProperty("role", "heading")
        self.name_label.setWordWrap(True)
        layout.addWidget(self.name_label)
        form = QFormLayout()
        self.phone_label = value_label(self)
        self.phone_label.setOpenExternalLinks(True)
        self.email_label = value_label(self)
        self.email_label.setOpenExternalLinks(True)
        self.address_label = value_label(self)
        self.notes_label = value_label(self)
        form.addRow(self.tr("Phone"), self.phone_label)
        form.addRow(self.tr("Email"), self.email_label)
        form.addRow(self.tr("Address"), self.address_label)
        form.addRow(self.tr("Notes"), self.notes_label)
        layout.addLayout(form)

    def show_detail(self, detail: JobDetail) -> None:
        self.name_label.setText(detail.row.customer_name)
        phone, email = detail.customer_phone, detail.customer_email
        self.phone_label.setText(f'<a href="tel:{phone}">{phone}</a>' if phone else "—")
        self.email_label.setText(f'<a href="mailto:{email}">{email}</a>' if email else "—")
        self.address_label.setText(detail.customer_address or "—")
        self.notes_label.setText(detail.customer_notes or "—")


class LineItemsModel(RowTableModel[LineRow]):
    """The office's planned work and parts on the job."""

    class Column(IntEnum):
        DESCRIPTION = 0
        QUANTITY = 1
        UNIT_PRICE = 2
        VAT = 3
        AMOUNT = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._locale = QLocale()

    def set_lines(self, lines: list[LineRow]) -> None:
        self.set_rows(lines)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Description"),
            self.tr("Qty"),
            self.tr("Unit price"),
            self.tr("VAT"),
            self.tr("Amount"),
        )

    def _number(self, value: Any, decimals: int) -> str:
        return self._locale.toString(float(value), "f", decimals)

    def cell(self, line: LineRow, column_number: int, role: int) -> Any:
        column = self.Column(column_number)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column is self.Column.DESCRIPTION:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column is self.Column.DESCRIPTION:
            return line.description
        if column is self.Column.QUANTITY:
            return self._locale.toString(float(line.quantity), "g", 12)
        if column is self.Column.UNIT_PRICE:
            return self._number(line.unit_price, 2)
        if column is self.Column.VAT:
            return f"{self._locale.toString(float(line.vat_rate), 'g', 6)} %"
        return self._number(line.quantity * line.unit_price, 2)
