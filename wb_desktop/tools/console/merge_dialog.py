"""Merging a conflict by hand: for each field pick mine or the server's, or type the value."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.core.store.conflict_resolution import ConflictField, OpenConflict
from wb_desktop.tools.console.conflicts_model import value_text
from wb_desktop.ui.theme import TOUCH_TARGET_PX

MINE, SERVER = "mine", "server"
Submit = Callable[[dict[str, Any]], str | None]  # the merged values → an error to show, or None


class _FieldRow:
    """One field's controls: which side, and for text fields the value that will be kept."""

    def __init__(self, record_type: str, item: ConflictField, dialog: QDialog) -> None:
        self.item = item
        self.side = QComboBox(dialog)
        self.side.addItem(
            QCoreApplication.translate("MergeDialog", "Mine: %1").replace(
                "%1", value_text(record_type, item.field, item.mine)
            ),
            MINE,
        )
        self.side.addItem(
            QCoreApplication.translate("MergeDialog", "Server's: %1").replace(
                "%1", value_text(record_type, item.field, item.server)
            ),
            SERVER,
        )
        self.side.setCurrentIndex(1)
        self.side.setMinimumHeight(TOUCH_TARGET_PX)
        self.text: QLineEdit | None = None
        if item.typed:
            self.text = QLineEdit(dialog)
            self.text.setText(str(item.server or ""))
            self.text.setMinimumWidth(320)
            self.side.currentIndexChanged.connect(self._fill_text)

    def _fill_text(self) -> None:
        assert self.text is not None
        self.text.setText(str(self._picked() or ""))

    def _picked(self) -> Any:
        return self.item.mine if self.side.currentData() == MINE else self.item.server

    def value(self) -> Any:
        return self.text.text() if self.text is not None else self._picked()


class MergeDialog(QDialog):
    def __init__(
        self, conflict: OpenConflict, submit: Submit, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("Merge the two versions"))
        intro = QLabel(
            self.tr(
                "Pick a side for each field, or type the value to keep. It is sent to the office."
            )
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        self.rows: dict[str, _FieldRow] = {}
        for line, item in enumerate(conflict.fields):
            row = _FieldRow(conflict.record_type, item, self)
            self.rows[item.field] = row
            name = QLabel(item.field, self)
            name.setBuddy(row.side)
            grid.addWidget(name, line, 0)
            grid.addWidget(row.side, line, 1)
            if row.text is not None:
                grid.addWidget(row.text, line, 2)
        self.error_label = QLabel(self)
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.keep_button = QPushButton(self.tr("Keep this merge"), self)
        self.keep_button.setProperty("primary", "true")
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        for button in (self.keep_button, self.cancel_button):
            button.setMinimumHeight(TOUCH_TARGET_PX)
            button.setAutoDefault(False)
        self.keep_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(16)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        previous: QWidget | None = None
        for row in self.rows.values():
            for widget in (row.side, row.text):
                if widget is not None:
                    if previous is not None:
                        self.setTabOrder(previous, widget)
                    previous = widget
        if previous is not None:
            self.setTabOrder(previous, self.keep_button)
        self.setTabOrder(self.keep_button, self.cancel_button)

    def merged_values(self) -> dict[str, Any]:
        return {name: row.value() for name, row in self.rows.items()}

    def submit(self) -> None:
        """Hand the merge to the caller; its refusal stays here, with the typed values."""
        error = self._submit(self.merged_values())
        if error is None:
            self.accept()
            return
        self.error_label.setText(error)
        self.error_label.show()
