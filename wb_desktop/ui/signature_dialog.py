"""The customer signs for a job: name, signature, Save.

Saving goes through the one write path (:meth:`Workday.write`). A refusal (no signature,
no name, storage full, job gone) is shown inline and the drawing stays, so the customer
never has to sign twice because of something the technician can fix.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.core.domain.errors import ValidationError, WorkBossError
from wb_desktop.core.domain.records import MAX_SIGNER_NAME
from wb_desktop.core.store.changes import ChangeReceipt
from wb_desktop.core.store.job_views import job_caption
from wb_desktop.ui.messages import translated
from wb_desktop.ui.signature_canvas import SignatureCanvas
from wb_desktop.ui.theme import SPACING_PX, TOUCH_TARGET_PX
from wb_desktop.ui.workday import Workday


def _readable(error: WorkBossError) -> str:
    """The message without field names: the person signing never saw a field called that."""
    if isinstance(error, ValidationError):
        text = "; ".join(translated(problem.message) for problem in error.problems)
    else:
        text = translated(error.message)
    return text[:1].upper() + text[1:]


class SignatureDialog(QDialog):
    """Capture and save the customer's signature for one job; ``receipt`` is set on Save."""

    def __init__(self, workday: Workday, job_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workday = workday
        self.job_id = job_id
        self.receipt: ChangeReceipt | None = None
        self.setWindowTitle(self.tr("Customer signature"))
        self.setModal(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(SPACING_PX)

        heading = QLabel(self.tr("Customer signature"), self)
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        self.job_label = QLabel(self)
        self.job_label.setProperty("role", "muted")
        self.job_label.setWordWrap(True)
        self.job_label.hide()
        layout.addWidget(self.job_label)
        workday.runner.query(lambda session: job_caption(session, job_id), self._show_caption)

        name_label = QLabel(self.tr("Signer's name"), self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("Full name of the person signing"))
        self.name_edit.setMaxLength(MAX_SIGNER_NAME)
        self.name_edit.setMinimumHeight(TOUCH_TARGET_PX)
        self.name_edit.setAccessibleName(self.tr("Signer's name"))
        name_label.setBuddy(self.name_edit)
        layout.addWidget(name_label)
        layout.addWidget(self.name_edit)

        self.canvas = SignatureCanvas(self)
        layout.addWidget(self.canvas, 1)

        self.error_label = QLabel(self)
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        # One line stays reserved, so a message appearing does not move the signing surface.
        self.error_label.setMinimumHeight(self.error_label.fontMetrics().height())
        policy = self.error_label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.error_label.setSizePolicy(policy)
        self.error_label.hide()
        self._error_about_input = False
        layout.addWidget(self.error_label)

        self.undo_button = self._button(self.tr("Undo"))
        self.clear_button = self._button(self.tr("Clear"))
        self.cancel_button = self._button(self.tr("Cancel"))
        self.save_button = self._button(self.tr("Save"))
        self.save_button.setProperty("primary", True)
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACING_PX)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

        self.undo_button.clicked.connect(self.canvas.undo)
        self.clear_button.clicked.connect(self.canvas.clear)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.canvas.changed.connect(self._recheck)
        self.name_edit.textChanged.connect(self._recheck)

        QWidget.setTabOrder(self.name_edit, self.canvas)
        QWidget.setTabOrder(self.canvas, self.undo_button)
        QWidget.setTabOrder(self.undo_button, self.clear_button)
        QWidget.setTabOrder(self.clear_button, self.cancel_button)
        QWidget.setTabOrder(self.cancel_button, self.save_button)
        self.name_edit.setFocus()
        self.resize(820, 560)
        self._update_buttons()

    def _button(self, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setMinimumSize(TOUCH_TARGET_PX * 2, TOUCH_TARGET_PX)
        button.setAutoDefault(False)  # Enter in the name field saves; it never clears
        return button

    def save(self) -> None:
        """Refuse what is missing, otherwise write; on a refusal keep everything as drawn."""
        name = self.name_edit.text().strip()
        problems = self._missing(name)
        if problems:
            self._show_error("\n".join(problems), about_input=True)
            (self.name_edit if not name else self.canvas).setFocus()
            return
        strokes = self.canvas.strokes()
        png = self.canvas.render_png()
        job_id = self.job_id
        self.save_button.setEnabled(False)  # one signature per press, however slow the disk
        self.workday.runner.write(
            lambda changes: changes.media.add_signature(job_id, name, strokes, png),
            self._saved,
            self._refused,
            initiator=self,
        )

    def _show_caption(self, caption: str) -> None:
        self.job_label.setText(caption)
        self.job_label.setVisible(bool(caption))

    def _saved(self, receipt: ChangeReceipt) -> None:
        self.receipt = receipt
        self.accept()

    def _refused(self, error: WorkBossError) -> None:
        """Nothing was saved; everything stays as drawn, to try again."""
        self.save_button.setEnabled(True)
        message = self.tr("The signature was not saved: %1").replace("%1", _readable(error))
        self._show_error(message, about_input=False)

    def _missing(self, name: str) -> list[str]:
        problems: list[str] = []
        if not name:
            problems.append(self.tr("Enter the name of the person signing."))
        if not self.canvas.is_signed():
            problems.append(self.tr("The customer has not signed yet."))
        return problems

    def _show_error(self, text: str, *, about_input: bool) -> None:
        self._error_about_input = about_input
        self.error_label.setText(text)
        self.error_label.show()

    def _recheck(self) -> None:
        """While a "missing" message shows, keep it true: drop each problem once it is fixed."""
        self._update_buttons()
        if not (self._error_about_input and self.error_label.isVisible()):
            return
        problems = self._missing(self.name_edit.text().strip())
        if problems:
            self.error_label.setText("\n".join(problems))
        else:
            self.error_label.hide()
            self.error_label.clear()

    def _update_buttons(self) -> None:
        has_strokes = not self.canvas.is_empty()
        self.undo_button.setEnabled(has_strokes)
        self.clear_button.setEnabled(has_strokes)
