"""Editing a customer offline: the form, its inline errors, and the one write it makes.

The address is the one customer field the office owns (DESIGN.md: on a same-field
conflict the server's value wins). It stays *editable* here, with a note saying so,
rather than read-only: the policy settles a clash, it does not forbid the change. The
reference server accepts a technician's new address whenever the office has not changed
it meanwhile, and the technician at the door is often the first to learn the address is
wrong. If both change it, the office's address is kept and the technician's lands in the
conflict log, which the customer's page then shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.core.domain.errors import ValidationError, WorkBossError
from wb_desktop.core.domain.records import OFFICE_OWNED_CUSTOMER_FIELDS
from wb_desktop.core.store.customer_views import CustomerDetail
from wb_desktop.ui.customers.texts import field_message
from wb_desktop.ui.messages import user_message
from wb_desktop.ui.theme import TOUCH_TARGET_PX
from wb_desktop.ui.workday import Workday

LINE_FIELDS = ("name", "phone", "email", "address")


def error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.hide()
    return label


class CustomerEditor(QWidget):
    """The customer's fields as inputs; Save writes only what changed, through the write
    path, so it works the same with or without a connection."""

    saved = Signal(str)  # the customer id
    cancelled = Signal()

    def __init__(self, workday: Workday, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workday = workday
        self._customer_id: str | None = None
        self._original: dict[str, str] = {}
        self.inputs: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        titles = {
            "name": self.tr("Name"),
            "phone": self.tr("Phone"),
            "email": self.tr("Email"),
            "address": self.tr("Address"),
        }
        for field in LINE_FIELDS:
            line = QLineEdit(self)
            line.setAccessibleName(titles[field])
            line.returnPressed.connect(self.save)
            self.inputs[field] = line
            self.errors[field] = error_label(self)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(line)
            column.addWidget(self.errors[field])
            if field in OFFICE_OWNED_CUSTOMER_FIELDS:
                column.addWidget(self._office_note())
            form.addRow(titles[field], column)
        self.notes_input = QPlainTextEdit(self)
        self.notes_input.setAccessibleName(self.tr("Notes"))
        self.notes_input.setTabChangesFocus(True)
        self.notes_input.setFixedHeight(TOUCH_TARGET_PX * 2)
        self.errors["notes"] = error_label(self)
        notes_column = QVBoxLayout()
        notes_column.addWidget(self.notes_input)
        notes_column.addWidget(self.errors["notes"])
        form.addRow(self.tr("Notes"), notes_column)
        layout.addLayout(form)
        self.message = error_label(self)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setProperty("primary", True)
        for button in (self.cancel_button, self.save_button):
            button.setMinimumSize(TOUCH_TARGET_PX * 3, TOUCH_TARGET_PX)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.clicked.connect(self.save)
        chain = [*self.inputs.values(), self.notes_input, self.cancel_button, self.save_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _office_note(self) -> QLabel:
        note = QLabel(
            self.tr(
                "The office owns the address. Your change is sent to the office; if the "
                "office changed it too, the office's address is kept."
            ),
            self,
        )
        note.setProperty("role", "muted")
        note.setWordWrap(True)
        return note

    @property
    def customer_id(self) -> str | None:
        return self._customer_id

    def start(self, detail: CustomerDetail) -> None:
        """Fill the form from the customer as cached now, clearing earlier errors."""
        row = detail.row
        self._customer_id = row.customer_id
        self._original = {
            "name": row.name,
            "phone": row.phone,
            "email": row.email,
            "address": row.address,
            "notes": detail.notes,
        }
        for field, line in self.inputs.items():
            line.setText(self._original[field])
        self.notes_input.setPlainText(detail.notes)
        self._clear_errors()
        self.inputs["name"].setFocus()

    def values(self) -> dict[str, str]:
        values = {field: line.text() for field, line in self.inputs.items()}
        values["notes"] = self.notes_input.toPlainText()
        return values

    def changed_fields(self) -> dict[str, str]:
        return {
            field: value
            for field, value in self.values().items()
            if value.strip() != self._original.get(field, "")
        }

    def save(self) -> None:
        """Write the changed fields through the op runner; :attr:`saved` follows, or each
        refusal is shown beside its field and nothing is saved."""
        customer_id = self._customer_id
        if customer_id is None:
            return
        self._clear_errors()
        changes = self.changed_fields()
        if not changes:
            self.saved.emit(customer_id)
            return
        self.save_button.setEnabled(False)  # until this edit is saved or refused
        self._workday.runner.write(
            lambda local: local.customers.edit(customer_id, changes),
            lambda _receipt: self._saved(customer_id),
            lambda error: self._refused(error, changes),
            initiator=self,
        )

    def _saved(self, customer_id: str) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit(customer_id)

    def _refused(self, error: WorkBossError, changes: Mapping[str, str]) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self._show_problems(error, changes)
            return
        self.message.setText(user_message(error))
        self.message.show()

    def cancel(self) -> None:
        self._clear_errors()
        self.cancelled.emit()

    def _show_problems(self, refused: ValidationError, values: Mapping[str, str]) -> None:
        first: QWidget | None = None
        for problem in refused.problems:
            label = self.errors.get(problem.field)
            text = field_message(problem, values.get(problem.field, ""))
            if label is None:
                label = self.message
            label.setText(text)
            label.show()
            widget = self.inputs.get(problem.field)
            if first is None and widget is not None:
                first = widget
        if first is not None:
            first.setFocus()

    def _clear_errors(self) -> None:
        for label in (*self.errors.values(), self.message):
            label.clear()
            label.hide()
