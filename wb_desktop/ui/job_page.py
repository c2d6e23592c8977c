"""One job: what to do, for whom, where; its status steps, notes, photos, signature, time.

Everything here works offline: a button writes to the local cache and returns at once, the
page re-reads the job, and the sync badge shows what still waits for the office.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.core.domain.status import JobStatus, allowed_transitions
from wb_desktop.core.store.changes import ChangeReceipt, Changes
from wb_desktop.core.store.job_views import JobBadge, JobDetail, job_detail
from wb_desktop.ui.job_sections import CustomerCard, LineItemsModel, card, value_label
from wb_desktop.ui.labels import badge_label, status_label
from wb_desktop.ui.messages import user_message
from wb_desktop.ui.notes_panel import NotesPanel
from wb_desktop.ui.photos.importer import PhotoImporter
from wb_desktop.ui.photos.strip import PhotoStrip
from wb_desktop.ui.signature_dialog import SignatureDialog
from wb_desktop.ui.theme import SPACING_PX, TOUCH_TARGET_PX, repolish, set_role
from wb_desktop.ui.time_clock import JobTimeControls
from wb_desktop.ui.workday import Workday

STEPS = (JobStatus.EN_ROUTE, JobStatus.IN_PROGRESS, JobStatus.COMPLETE)
# What the page shows of a job besides its photos (the strip) and time (the time controls).
JOB_PAGE_KINDS = ("job", "customer", "job_line_item", "note", "signature")
_BADGE_ROLE = {
    JobBadge.SYNCED: "ok",
    JobBadge.WAITING: "warning",
    JobBadge.FAILED: "error",
    JobBadge.CONFLICT: "error",
}


class StatusSteps(QWidget):
    """En route → In progress → Complete: only the next allowed step can be pressed."""

    def __init__(self, workday: Workday, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workday = workday
        self._job_id: str | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[JobStatus, QPushButton] = {}
        for step in STEPS:
            button = QPushButton(status_label(step), self)
            button.setMinimumSize(TOUCH_TARGET_PX * 3, TOUCH_TARGET_PX + 8)
            button.clicked.connect(lambda _checked=False, s=step: self.move_to(s))
            layout.addWidget(button, 1)
            self.buttons[step] = button
        self.message = QLabel(self)
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()

    def show_status(self, job_id: str, status: JobStatus) -> None:
        if job_id != self._job_id:
            self.message.hide()
        self._job_id = job_id
        allowed = allowed_transitions(status)
        reached = STEPS.index(status) if status in STEPS else -1
        for index, (step, button) in enumerate(self.buttons.items()):
            button.setEnabled(step in allowed)
            button.setProperty("primary", step in allowed)
            done = index <= reached
            button.setText(("✓ " if done else "") + status_label(step))
            repolish(button)

    def move_to(self, status: JobStatus) -> None:
        """Save the step through the op runner; the page shows it when the notice comes."""
        job_id = self._job_id
        if job_id is None:
            return
        self._workday.runner.write(
            lambda changes: changes.jobs.set_status(job_id, status),
            self._moved,
            self._refused,
            initiator=self,
        )

    def _moved(self, _receipt: ChangeReceipt) -> None:
        self.message.hide()

    def _refused(self, error: WorkBossError) -> None:
        self.message.setText(user_message(error))
        self.message.show()


class SignatureCard(QWidget):
    def __init__(self, workday: Workday, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workday = workday
        self._job_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.preview = QLabel(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(90)
        self.signer_label = value_label(self)
        self.sign_button = QPushButton(self.tr("Collect signature…"), self)
        self.sign_button.setMinimumSize(TOUCH_TARGET_PX * 4, TOUCH_TARGET_PX)
        self.sign_button.clicked.connect(self.collect)
        layout.addWidget(self.preview)
        layout.addWidget(self.signer_label)
        layout.addWidget(self.sign_button, alignment=Qt.AlignmentFlag.AlignLeft)

    def show_detail(self, detail: JobDetail) -> None:
        self._job_id = detail.row.job_id
        if detail.signature_path is None or detail.signed_at is None:
            self.preview.clear()
            self.preview.hide()
            self.signer_label.setText(self.tr("Not signed yet."))
            self.sign_button.setText(self.tr("Collect signature…"))
            return
        pixmap = QPixmap(str(self._workday.media_folder / detail.signature_path))
        self.preview.setPixmap(
            pixmap.scaledToHeight(90, Qt.TransformationMode.SmoothTransformation)
        )
        self.preview.show()
        when = QLocale().toString(
            self._workday.local(detail.signed_at).time(), QLocale.FormatType.ShortFormat
        )
        self.signer_label.setText(
            self.tr("Signed by %1 at %2")
            .replace("%1", detail.signer_name or "")
            .replace("%2", when)
        )
        self.sign_button.setText(self.tr("Sign again…"))

    def collect(self) -> None:
        if self._job_id is not None:
            SignatureDialog(self._workday, self._job_id, self).exec()


class JobPage(QWidget):
    """The open job; :attr:`closed` asks the window to go back to the schedule."""

    closed = Signal()
    documentRequested = Signal(str, str)  # job id, document kind ("invoice" or "estimate")

    def __init__(self, workday: Workday, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workday = workday
        self._job_id: str | None = None
        self.detail: JobDetail | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)

        header = QHBoxLayout()
        self.back_button = QPushButton(self.tr("◀ Schedule"), self)
        self.back_button.setMinimumSize(TOUCH_TARGET_PX * 3, TOUCH_TARGET_PX)
        self.back_button.clicked.connect(self.closed)
        self.title_label = QLabel(self)
        self.title_label.setProperty("role", "heading")
        self.title_label.setWordWrap(True)
        self.badge_label = QLabel(self)
        header.addWidget(self.back_button)
        header.addWidget(self.title_label, 1)
        header.addWidget(self.badge_label)
        outer.addLayout(header)
        self.when_label = QLabel(self)
        self.when_label.setProperty("role", "muted")
        outer.addWidget(self.when_label)
        self.gone_label = QLabel(self)
        self.gone_label.setProperty("role", "warning")
        self.gone_label.setWordWrap(True)
        self.gone_label.hide()
        outer.addWidget(self.gone_label)

        self.steps = StatusSteps(workday, self)
        outer.addWidget(self.steps)
        outer.addWidget(self.steps.message)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(scroll)
        grid = QGridLayout(body)
        grid.setSpacing(SPACING_PX)
        grid.setContentsMargins(0, 0, 0, 0)
        self.customer = CustomerCard(body)
        job_card, job_layout = card(self.tr("The job"), body)
        self.address_label = value_label(job_card)
        self.description_label = value_label(job_card)
        self.lines_model = LineItemsModel(self)
        self.lines_view = QTableView(job_card)
        self.lines_view.setModel(self.lines_model)
        self.lines_view.verticalHeader().hide()
        self.lines_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.lines_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        job_layout.addWidget(self.address_label)
        job_layout.addWidget(self.description_label)
        job_layout.addWidget(self.lines_view)
        job_layout.addLayout(self._document_buttons(job_card))
        notes_card, notes_layout = card(self.tr("Notes"), body)
        self.notes = NotesPanel(workday, notes_card)
        notes_layout.addWidget(self.notes)
        time_card, time_layout = card(self.tr("Time on this job"), body)
        self.time = JobTimeControls(workday, time_card)
        time_layout.addWidget(self.time)
        photos_card = QFrame(body)  # the strip carries its own heading with the count
        photos_card.setProperty("role", "card")
        photos_layout = QVBoxLayout(photos_card)
        photos_layout.setContentsMargins(16, 12, 16, 16)
        self.photos = PhotoStrip(workday, photos_card)
        photos_layout.addWidget(self.photos)
        signature_card, signature_layout = card(self.tr("Customer signature"), body)
        self.signature = SignatureCard(workday, signature_card)
        signature_layout.addWidget(self.signature)

        self._grid = grid
        self._pairs = ((self.customer, time_card), (notes_card, photos_card))
        self._wide = (job_card, signature_card)
        self._columns = 0
        self._arrange(2)
        scroll.setWidget(body)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.viewport().installEventFilter(self)
        body.installEventFilter(self)  # a longer text or a running timer widens a card
        self._scroll = scroll
        outer.addWidget(scroll, 1)
        workday.runner.changed.connect(self._on_changed)

    def _arrange(self, columns: int) -> None:
        """The cards side by side in two columns, or one under the other when the page is
        too narrow for two (a scaled tablet, Swedish words): never sideways scrolling."""
        if columns == self._columns:
            return
        self._columns = columns
        grid = self._grid
        for widget in (*self._pairs[0], *self._pairs[1], *self._wide):
            grid.removeWidget(widget)
        row = 0
        for pair, wide in zip(self._pairs, self._wide, strict=True):
            for index, widget in enumerate(pair):
                grid.addWidget(widget, row + index * (2 - columns), index * (columns - 1))
            row += 3 - columns
            grid.addWidget(wide, row, 0, 1, columns)
            row += 1
        for column in range(2):
            grid.setColumnStretch(column, 1 if column < columns else 0)
        for stretch_row in range(7):
            grid.setRowStretch(stretch_row, 1 if stretch_row == row else 0)

    def _two_columns_fit(self, width: int) -> bool:
        """Each column as wide as its widest card, side by side."""
        columns = [max(pair[i].minimumSizeHint().width() for pair in self._pairs) for i in (0, 1)]
        return sum(columns) + self._grid.horizontalSpacing() <= width

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The viewport changed width, or a card its contents: one column or two."""
        viewport = self._scroll.viewport()
        if (watched is viewport and event.type() is QEvent.Type.Resize) or (
            watched is self._scroll.widget() and event.type() is QEvent.Type.LayoutRequest
        ):
            self._arrange(2 if self._two_columns_fit(viewport.width()) else 1)
        return super().eventFilter(watched, event)

    def _document_buttons(self, parent: QWidget) -> QHBoxLayout:
        """Start an invoice or an estimate from this job's line items."""
        row = QHBoxLayout()
        self.invoice_button = QPushButton(self.tr("Create invoice"), parent)
        self.estimate_button = QPushButton(self.tr("Create estimate"), parent)
        for button, kind in ((self.invoice_button, "invoice"), (self.estimate_button, "estimate")):
            button.setMinimumHeight(TOUCH_TARGET_PX)
            button.clicked.connect(lambda _=False, kind=kind: self._request_document(kind))
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _request_document(self, kind: str) -> None:
        if self._job_id is not None:
            self.documentRequested.emit(self._job_id, kind)

    @property
    def job_id(self) -> str | None:
        return self._job_id

    @property
    def photo_importer(self) -> PhotoImporter:
        """Decodes and attaches photos to the open job (the camera inbox feeds it too)."""
        return self.photos.importer

    def show_photo_message(self, text: str) -> None:
        self.photos.show_message(text)

    def show_job(self, job_id: str | None) -> None:
        """Open ``job_id``; its steps and notes take input once its detail has been read,
        so nothing meant for it lands on the job shown before."""
        if job_id != self._job_id:
            self.steps.setEnabled(False)
            self.notes.setEnabled(False)
        self._job_id = job_id
        self.photos.show_job(job_id)
        self.time.show_job(job_id)
        self.reload()

    def reload(self) -> None:
        """Read the open job again through the op runner; it shows when the answer comes."""
        job_id = self._job_id
        if job_id is None:
            self._show_detail((None, None))
            return
        self._workday.runner.query(
            lambda session: (job_id, job_detail(session, job_id)), self._show_detail, latest_of=self
        )

    def _show_detail(self, answer: tuple[str | None, JobDetail | None]) -> None:
        job_id, detail = answer
        if job_id != self._job_id:
            return  # another job was opened meanwhile; its answer follows
        if job_id is not None and detail is None:
            self.gone_label.setText(
                self.tr("This job is no longer on your schedule (the office moved it).")
            )
            self.gone_label.show()
            self.steps.setEnabled(False)
            return
        self.gone_label.hide()
        self.steps.setEnabled(True)
        self.notes.setEnabled(True)
        self.detail = detail
        if detail is None:
            return
        row = detail.row
        self.title_label.setText(row.title)
        self.badge_label.setText(badge_label(row.badge))
        set_role(self.badge_label, _BADGE_ROLE[row.badge])
        locale = QLocale()
        start, end = self._workday.local(row.start), self._workday.local(row.end)
        self.when_label.setText(
            f"{locale.toString(start.date(), QLocale.FormatType.LongFormat)} · "
            f"{locale.toString(start.time(), QLocale.FormatType.ShortFormat)}–"
            f"{locale.toString(end.time(), QLocale.FormatType.ShortFormat)} · "
            f"{status_label(row.status)}"
        )
        self.steps.show_status(row.job_id, row.status)
        self.customer.show_detail(detail)
        self.address_label.setText(row.address)
        self.description_label.setText(detail.description or self.tr("No description."))
        self.lines_model.set_lines(detail.lines)
        self._fit_lines()
        self.notes.show_notes(row.job_id, detail.notes)
        self.signature.show_detail(detail)

    def _fit_lines(self) -> None:
        """Show every line without an inner scroll bar; the page itself scrolls."""
        view = self.lines_view
        rows = max(1, self.lines_model.rowCount())
        view.setFixedHeight(
            view.horizontalHeader().sizeHint().height()
            + rows * view.verticalHeader().defaultSectionSize()
            + 2 * view.frameWidth()
        )

    def _on_changed(self, changes: Changes) -> None:
        if self._job_id is not None and changes.concerns(*JOB_PAGE_KINDS, job_id=self._job_id):
            self.reload()
