"""A job's notes, each with its sync state, and a box to add one offline."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.core.store.changes import ChangeReceipt
from wb_desktop.core.store.job_views import NoteRow
from wb_desktop.ui.labels import sync_state_label
from wb_desktop.ui.messages import user_message
from wb_desktop.ui.row_models import Column, RowListModel
from wb_desktop.ui.theme import TOUCH_TARGET_PX
from wb_desktop.ui.workday import Workday


class NotesModel(RowListModel[NoteRow]):
    """The notes, oldest first: when and how far synced, then the text."""

    def __init__(self, workday: Workday, parent: QObject | None = None) -> None:
        super().__init__(
            parent,
            item=Column("", self._text),
            roles={Qt.ItemDataRole.UserRole: lambda note: note.note_id},
        )
        self._workday = workday

    def set_notes(self, notes: list[NoteRow]) -> None:
        self.set_rows(notes)

    def _text(self, note: NoteRow) -> str:
        when = QLocale().toString(
            self._workday.local(note.created_at).time(), QLocale.FormatType.ShortFormat
        )
        return f"{when} · {sync_state_label(note.sync_state)}\n{note.text}"


class NotesPanel(QWidget):
    """Shows the notes of the open job and adds new ones through the write path."""

    def __init__(self, workday: Workday, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workday = workday
        self._job_id: str | None = None
        self.model = NotesModel(workday, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list_view = QListView(self)
        self.list_view.setModel(self.model)
        self.list_view.setWordWrap(True)
        self.list_view.setSpacing(4)
        self.list_view.setMinimumHeight(120)
        layout.addWidget(self.list_view)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlaceholderText(self.tr("Write a note for the office…"))
        self.editor.setFixedHeight(TOUCH_TARGET_PX * 2)
        self.editor.setTabChangesFocus(True)
        row = QHBoxLayout()
        row.addWidget(self.editor, 1)
        self.add_button = QPushButton(self.tr("Add note"), self)
        self.add_button.setMinimumSize(TOUCH_TARGET_PX * 3, TOUCH_TARGET_PX)
        row.addWidget(self.add_button, alignment=Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.message = QLabel(self)
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.add_note)

    def show_notes(self, job_id: str | None, notes: list[NoteRow]) -> None:
        if job_id != self._job_id:
            self.editor.clear()
            self.message.hide()
        self._job_id = job_id
        self.model.set_notes(notes)
        self.list_view.scrollToBottom()

    def add_note(self) -> None:
        job_id = self._job_id
        if job_id is None:
            return
        text = self.editor.toPlainText()
        self.add_button.setEnabled(False)  # until this note is saved or refused
        self._workday.runner.write(
            lambda changes: changes.jobs.add_note(job_id, text),
            self._added,
            self._refused,
            initiator=self,
        )

    def _added(self, _receipt: ChangeReceipt) -> None:
        self.add_button.setEnabled(True)
        self.message.hide()
        self.editor.clear()

    def _refused(self, error: WorkBossError) -> None:
        """The text stays in the editor, to be corrected or tried again."""
        self.add_button.setEnabled(True)
        self.message.setText(user_message(error))
        self.message.show()
