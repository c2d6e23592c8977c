"""The period's three figures as large cards: jobs completed, hours logged, invoiced."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QLocale
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from wb_desktop.core.domain.money import DEFAULT_CURRENCY
from wb_desktop.core.store.report_queries import Figures
from wb_desktop.ui.formatting import format_money
from wb_desktop.ui.theme import SPACING_PX
from wb_desktop.ui.time_entries_model import format_total

VALUE_SCALE = 1.9


class FigureCard(QFrame):
    def __init__(self, title: str, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.title_label = QLabel(title, self)
        self.title_label.setProperty("role", "muted")
        self.value_label = QLabel(self)
        self.value_label.setAccessibleName(title)
        font = QFont(self.value_label.font())
        font.setPointSizeF(font.pointSizeF() * VALUE_SCALE)
        font.setBold(True)
        self.value_label.setFont(font)
        self.value_label.setWordWrap(True)
        self.note_label = QLabel(note, self)
        self.note_label.setProperty("role", "muted")
        self.note_label.setWordWrap(True)
        layout.addWidget(self.title_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.note_label)
        layout.addStretch(1)

    def set_value(self, text: str) -> None:
        self.value_label.setText(text)


class FiguresPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING_PX)
        self.jobs_card = FigureCard(
            self.tr("Jobs completed"), self.tr("Your jobs marked complete"), self
        )
        self.hours_card = FigureCard(
            self.tr("Hours logged"), self.tr("From the time clock; a running clock counts"), self
        )
        self.invoiced_card = FigureCard(
            self.tr("Amount invoiced"), self.tr("Invoices you sent, including VAT"), self
        )
        for figure in (self.jobs_card, self.hours_card, self.invoiced_card):
            layout.addWidget(figure, 1)

    def show_figures(self, figures: Figures) -> None:
        self.jobs_card.set_value(QLocale().toString(figures.jobs_completed))
        self.hours_card.set_value(format_total(figures.worked))
        amounts = [
            format_money(amount, currency)
            for currency, amount in sorted(figures.invoiced.items(), key=lambda kv: -kv[1])
        ]
        self.invoiced_card.set_value(
            "\n".join(amounts) or format_money(Decimal(0), DEFAULT_CURRENCY)
        )
