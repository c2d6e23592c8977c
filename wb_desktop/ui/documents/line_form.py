"""The lines of a document as rows of touch-sized fields, each with its own error label."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.core.domain.money import LineInput
from wb_desktop.ui.documents.line_input import CheckedLine, LineTexts, check_line, field_name
from wb_desktop.ui.formatting import format_decimal, format_money, format_quantity
from wb_desktop.ui.theme import SPACING_PX, TOUCH_TARGET_PX, repolish

VAT_CHOICES = ("25", "12", "6", "0")  # Swedish rates; any other can be typed
COLUMN_WIDTHS = {"quantity": 90, "unit_price": 130, "vat_rate": 96, "amount": 130}
DESCRIPTION_MIN_PX = 200  # a typical line ("Labour, per hour") shows whole on a tablet
ONE_ROW_MIN_PX = (
    DESCRIPTION_MIN_PX + sum(COLUMN_WIDTHS.values()) + TOUCH_TARGET_PX + 5 * (SPACING_PX // 2)
)
NUMBER_HINTS = Qt.InputMethodHint.ImhFormattedNumbersOnly


class LineRow(QWidget):
    """One line: description, quantity, unit price, VAT, the line's amount, Remove."""

    changed = Signal()
    removeRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(SPACING_PX // 2)
        grid.setVerticalSpacing(2)
        self.description_edit = QLineEdit(self)
        self.description_edit.setAccessibleName(self.tr("Description"))
        self.description_edit.setPlaceholderText(self.tr("Work or part"))
        self.description_edit.setMinimumSize(DESCRIPTION_MIN_PX, TOUCH_TARGET_PX)
        self.quantity_edit = self._number_edit(self.tr("Quantity"), COLUMN_WIDTHS["quantity"])
        self.price_edit = self._number_edit(self.tr("Unit price"), COLUMN_WIDTHS["unit_price"])
        self.vat_combo = QComboBox(self)
        self.vat_combo.setEditable(True)
        self.vat_combo.addItems(list(VAT_CHOICES))
        self.vat_combo.setMinimumSize(COLUMN_WIDTHS["vat_rate"], TOUCH_TARGET_PX)
        self.vat_combo.setMaximumWidth(COLUMN_WIDTHS["vat_rate"])
        self.vat_combo.setAccessibleName(self.tr("VAT rate in percent"))
        line_edit = self.vat_combo.lineEdit()
        assert line_edit is not None
        line_edit.setInputMethodHints(NUMBER_HINTS)
        self.vat_label = QLabel(self)  # what a sent line shows instead of the picker
        self.vat_label.setMinimumWidth(COLUMN_WIDTHS["vat_rate"])
        self.vat_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.vat_label.hide()
        self.amount_label = QLabel("—", self)
        self.amount_label.setMinimumWidth(COLUMN_WIDTHS["amount"])
        self.amount_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.remove_button = QPushButton("✕", self)
        self.remove_button.setAccessibleName(self.tr("Remove line"))
        self.remove_button.setStyleSheet("padding: 0;")  # a square touch target
        self.remove_button.setFixedSize(TOUCH_TARGET_PX, TOUCH_TARGET_PX)
        self.error_label = QLabel(self)
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self._grid = grid
        self._stacked: bool | None = None
        self.set_stacked(False)
        grid.setColumnStretch(0, 1)
        for edit in (self.description_edit, self.quantity_edit, self.price_edit):
            edit.textEdited.connect(lambda _text: self.changed.emit())
        self.vat_combo.currentTextChanged.connect(lambda _text: self.changed.emit())
        self.remove_button.clicked.connect(lambda: self.removeRequested.emit(self))

    def set_stacked(self, stacked: bool) -> None:
        """One row, or (on a narrow editor) the description on a row of its own above the
        numbers, which keep their columns under the header."""
        if stacked == self._stacked:
            return
        self._stacked = stacked
        grid = self._grid
        numbers = (
            self.quantity_edit,
            self.price_edit,
            self.vat_combo,
            self.amount_label,
            self.remove_button,
        )
        for widget in (self.description_edit, *numbers, self.vat_label, self.error_label):
            grid.removeWidget(widget)
        row = 1 if stacked else 0
        grid.addWidget(self.description_edit, 0, 0, 1, 6 if stacked else 1)
        for column, widget in enumerate(numbers, start=1):
            grid.addWidget(widget, row, column)
        grid.addWidget(self.vat_label, row, 3)
        grid.addWidget(self.error_label, row + 1, 0, 1, 6)

    def _number_edit(self, name: str, width: int) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setInputMethodHints(NUMBER_HINTS)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        edit.setFixedWidth(width)
        edit.setMinimumHeight(TOUCH_TARGET_PX)
        return edit

    def set_line(self, line: LineInput, locale: QLocale | None = None) -> None:
        """Show stored values the way the locale writes them (no grouping: easy to edit)."""
        where = QLocale(locale) if locale is not None else QLocale()
        where.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
        self.description_edit.setText(str(line.description))
        self.quantity_edit.setText(_shown(line.quantity, where, None))
        self.price_edit.setText(_shown(line.unit_price, where, 2))
        self.vat_combo.setCurrentText(_shown(line.vat_rate, where, None))

    def texts(self) -> LineTexts:
        return LineTexts(
            self.description_edit.text(),
            self.quantity_edit.text(),
            self.price_edit.text(),
            self.vat_combo.currentText(),
        )

    def show_check(self, checked: CheckedLine, currency: str, *, show_missing: bool) -> None:
        """The line's amount, or its problems; an empty field is only flagged once the
        technician tried to save, not while the line is still being typed."""
        if checked.priced is not None:
            self.amount_label.setText(format_money(checked.priced.net, currency))
        else:
            self.amount_label.setText("—")
        typed = vars(self.texts())
        messages = [
            f"{field_name(f)}: {m}"
            for f, m in checked.problems.items()
            if show_missing or typed[f].strip()
        ]
        self.error_label.setText(" ".join(messages))
        self.error_label.setVisible(bool(messages))

    def set_read_only(self, read_only: bool) -> None:
        """A sent line reads as text: no frames, no picker, no Remove."""
        for edit in (self.description_edit, self.quantity_edit, self.price_edit):
            edit.setReadOnly(read_only)
            repolish(edit)  # the style sheet's read-only look follows the new state
        self.vat_label.setText(self.vat_combo.currentText() + "\u00a0%")
        self.vat_combo.setVisible(not read_only)
        self.vat_label.setVisible(read_only)
        self.remove_button.setVisible(not read_only)


def _shown(value: object, locale: QLocale, places: int | None) -> str:
    if not isinstance(value, Decimal):
        return str(value)
    if places is None:
        return format_quantity(value, locale)
    return format_decimal(value, places, locale)


class LinesForm(QWidget):
    """All the lines, a header over them, and Add line; says when anything changed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[LineRow] = []
        self._read_only = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING_PX // 2)
        layout.addLayout(self._header())
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setStyleSheet(  # the lines sit on their card, not on the window colour
            "QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }"
        )
        holder = QWidget(self.scroll)
        self._rows_layout = QVBoxLayout(holder)
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(SPACING_PX // 2)
        self._rows_layout.addStretch(1)
        self.scroll.setWidget(holder)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.viewport().installEventFilter(self)
        self._stacked = False
        layout.addWidget(self.scroll, 1)
        self.add_button = QPushButton(self.tr("+ Add line"), self)
        self.add_button.setMinimumSize(TOUCH_TARGET_PX * 3, TOUCH_TARGET_PX)
        self.add_button.clicked.connect(self._add_empty)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Narrower than a one-row line: every line puts its description above its numbers."""
        if watched is self.scroll.viewport() and event.type() is QEvent.Type.Resize:
            stacked = self.scroll.viewport().width() < ONE_ROW_MIN_PX
            if stacked != self._stacked:
                self._stacked = stacked
                for row in self.rows:
                    row.set_stacked(stacked)
        return super().eventFilter(watched, event)

    def _header(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACING_PX // 2)
        titles = (
            (self.tr("Description"), 0),
            (self.tr("Qty"), COLUMN_WIDTHS["quantity"]),
            (self.tr("Unit price"), COLUMN_WIDTHS["unit_price"]),
            (self.tr("VAT %"), COLUMN_WIDTHS["vat_rate"]),
            (self.tr("Amount"), COLUMN_WIDTHS["amount"]),
            ("", TOUCH_TARGET_PX),
        )
        for column, (title, width) in enumerate(titles):
            label = QLabel(title, self)
            label.setProperty("role", "muted")
            if width:
                label.setFixedWidth(width)
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(label, 0, column)
        grid.setColumnStretch(0, 1)
        return grid

    def set_lines(self, lines: list[LineInput]) -> None:
        for row in self.rows:
            self._drop(row)
        self.rows = []
        for line in lines:
            self._add(line)

    def _add_empty(self) -> None:
        row = self._add(LineInput("", "1", "", "25"))
        row.description_edit.setFocus()
        self.changed.emit()

    def _add(self, line: LineInput) -> LineRow:
        row = LineRow(self)
        row.set_line(line)
        row.set_read_only(self._read_only)
        row.set_stacked(self._stacked)
        row.changed.connect(self.changed)
        row.removeRequested.connect(self._remove)
        self._rows_layout.insertWidget(len(self.rows), row)
        self.rows.append(row)
        return row

    def _remove(self, row: LineRow) -> None:
        if row in self.rows:
            self.rows.remove(row)
            self._drop(row)
            self.changed.emit()

    def _drop(self, row: LineRow) -> None:
        """Out of the layout at once (a deferred delete would leave it painted until the
        event loop runs), deleted later."""
        self._rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.add_button.setVisible(not read_only)
        for row in self.rows:
            row.set_read_only(read_only)

    def check(self, currency: str, *, show_missing: bool = False) -> list[CheckedLine]:
        """Check every line and show each one's amount or its problems beside it."""
        results = []
        for index, row in enumerate(self.rows):
            checked = check_line(row.texts(), currency, index)
            row.show_check(checked, currency, show_missing=show_missing)
            results.append(checked)
        return results
