"""Live totals of the lines being edited: net, VAT per rate, and the total, to the öre."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from wb_desktop.core.domain.money import PricedLine
from wb_desktop.ui.formatting import format_money, format_quantity


class TotalsCard(QFrame):
    """Shows exactly what saving will store: the domain priced each line already."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.subtotal_label = self._value()
        self.form.addRow(self.tr("Subtotal (excl. VAT)"), self.subtotal_label)
        self._vat_rows: list[QLabel] = []
        self.total_label = self._value()
        self.total_label.setProperty("role", "heading")
        self.total_caption = QLabel(self.tr("Total"), self)
        self.total_caption.setProperty("role", "heading")
        self.form.addRow(self.total_caption, self.total_label)
        layout.addLayout(self.form)
        self.incomplete_label = QLabel(self.tr("Lines with mistakes are not counted yet."), self)
        self.incomplete_label.setProperty("role", "warning")
        self.incomplete_label.setWordWrap(True)
        self.incomplete_label.hide()
        layout.addWidget(self.incomplete_label)

    def _value(self) -> QLabel:
        label = QLabel("—", self)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return label

    def show_lines(self, lines: list[PricedLine], currency: str, *, complete: bool) -> None:
        subtotal = sum((line.net for line in lines), Decimal(0))
        by_rate: dict[Decimal, Decimal] = {}
        for line in lines:
            by_rate[line.vat_rate] = by_rate.get(line.vat_rate, Decimal(0)) + line.vat
        vat_total = sum(by_rate.values(), Decimal(0))
        self.subtotal_label.setText(format_money(subtotal, currency))
        self._show_vat(sorted(by_rate.items(), reverse=True), currency)
        self.total_label.setText(format_money(subtotal + vat_total, currency))
        self.incomplete_label.setVisible(not complete)

    def _show_vat(self, rates: list[tuple[Decimal, Decimal]], currency: str) -> None:
        for label in self._vat_rows:
            self.form.removeRow(label)
        self._vat_rows = []
        locale = QLocale()
        for position, (rate, amount) in enumerate(rates, start=1):
            value = self._value()
            value.setText(format_money(amount, currency))
            caption = self.tr("VAT %1 %").replace("%1", format_quantity(rate, locale))
            self.form.insertRow(position, caption, value)
            self._vat_rows.append(value)
