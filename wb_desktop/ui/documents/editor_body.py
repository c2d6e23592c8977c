"""The document editor's two working areas: the card with the lines and the notes, and the
column of actions with the line that says what is true of the document now.

:class:`~wb_desktop.ui.documents.editor.DocumentEditor` decides what to show and what to write;
these widgets only hold the fields and buttons and show what they are told.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.core.domain.records import DeliveryState, DocumentKind
from wb_desktop.core.store.document_views import DocumentDetail
from wb_desktop.ui.documents.line_form import LinesForm
from wb_desktop.ui.theme import TOUCH_TARGET_PX, repolish


class LinesCard(QFrame):
    """The lines, the notes for the customer, and why the last save was refused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.lines = LinesForm(self)
        layout.addWidget(self.lines, 1)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setPlaceholderText(self.tr("Notes for the customer (optional)"))
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setFixedHeight(TOUCH_TARGET_PX * 2)
        layout.addWidget(self.notes_edit)
        self.form_error_label = QLabel(self)
        self.form_error_label.setProperty("role", "error")
        self.form_error_label.setWordWrap(True)
        self.form_error_label.hide()
        layout.addWidget(self.form_error_label)
        self.settled_label = QLabel(self)  # what another of the technician's devices lost
        self.settled_label.setProperty("role", "muted")
        self.settled_label.setWordWrap(True)
        self.settled_label.hide()
        layout.addWidget(self.settled_label)

    def set_editable(self, editable: bool) -> None:
        """A queued or sent document is final: read-only, and empty notes are not shown."""
        self.lines.set_read_only(not editable)
        self.notes_edit.setReadOnly(not editable)
        repolish(self.notes_edit)
        self.notes_edit.setVisible(editable or bool(self.notes_edit.toPlainText().strip()))


class EditorActions(QWidget):
    """Save, Send, Discard and Convert, and the message below them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        self.save_button = self._button(self.tr("Save draft"))
        self.send_button = self._button(self.tr("Send"))
        self.send_button.setProperty("primary", True)
        self.discard_button = self._button(self.tr("Discard changes"))
        self.discard_button.hide()
        for button in (self.save_button, self.send_button, self.discard_button):
            buttons.addWidget(button)
        column.addLayout(buttons)
        self.convert_button = self._button(self.tr("Convert to invoice"))
        column.addWidget(self.convert_button)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setProperty("role", "muted")
        column.addWidget(self.message_label)

    def _button(self, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setMinimumSize(TOUCH_TARGET_PX * 2, TOUCH_TARGET_PX)
        return button

    def show_state(
        self, kind: DocumentKind, detail: DocumentDetail | None, *, editable: bool
    ) -> None:
        """The buttons a document of ``kind`` in this state offers, named for that state."""
        self.save_button.setVisible(editable)
        self.send_button.setEnabled(editable)
        state = detail.row.delivery_state if detail is not None else DeliveryState.DRAFT
        self.send_button.setText(
            {
                DeliveryState.DRAFT: self.tr("Send"),
                DeliveryState.QUEUED: self.tr("Queued to send"),
                DeliveryState.SENT: self.tr("Sent"),
            }[state]
        )
        self.convert_button.setVisible(kind is DocumentKind.ESTIMATE)
        if detail is not None and detail.converted_to_reference:
            self.convert_button.setText(
                self.tr("Open invoice %1").replace("%1", detail.converted_to_reference)
            )
        else:
            self.convert_button.setText(self.tr("Convert to invoice"))

    def standing_message(self, detail: DocumentDetail | None, *, told_saved: bool) -> str:
        """What stays true of the shown document until it changes: queued, or saved."""
        if detail is not None and detail.row.delivery_state is DeliveryState.QUEUED:
            return self.tr("Queued to send: it goes to the office as soon as the tablet is online.")
        if told_saved and detail is not None and detail.is_draft:
            return self.tr("Saved on this tablet.")
        return ""

    def say(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))
