"""The dispatcher: stage what the office does while the technician is offline — a new job,
an edit, a cancellation, a reassignment — through the reference server's admin API.

Every change is also emitted as the scenario ``server`` step that does the same
(``officeChanged``), so the scenario recorder can write it down.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.app.op_runner import OpRunner
from wb_desktop.core.protocol.auth import TechnicianOut
from wb_desktop.core.protocol.records import CustomerRecord, JobRecord
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.dispatch_input import (
    JobDraft,
    cancel_job_step,
    changed_fields,
    create_fields,
    default_window,
    edit_job_step,
    new_job_step,
    reassign_step,
)
from wb_desktop.tools.console.job_form import CancelConfirmation, JobForm
from wb_desktop.tools.console.office_jobs_model import OfficeJobsModel
from wb_desktop.tools.scenario.office import Office
from wb_desktop.ui.theme import TOUCH_TARGET_PX, set_role

ALL = ""
UNASSIGNED = "unassigned"
_Lists = tuple[list[TechnicianOut], list[CustomerRecord], list[JobRecord]]


class DispatcherPanel(QWidget):
    """``jobsLoaded`` after each list from the office; ``officeChanged(step)`` after each
    change, with the scenario step that makes the same change."""

    jobsLoaded = Signal()
    officeChanged = Signal(dict)

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._calls = OpRunner(parent=self)
        self._technicians: list[TechnicianOut] = []
        self._customers: list[CustomerRecord] = []
        self._jobs: list[JobRecord] = []
        self._select_after: str | None = None

        self.filter_combo = self._combo(self.tr("Show the jobs of"))
        self.filter_combo.addItem(self.tr("All technicians"), ALL)
        self.refresh_button = self._button(self.tr("Refresh"), self.refresh)
        self.new_button = self._button(self.tr("New job…"), self.new_job)
        self.new_button.setProperty("primary", True)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.model = OfficeJobsModel(context.zone, self)
        self.jobs_view = self._jobs_view()
        self.edit_button = self._button(self.tr("Edit…"), self.edit_job)
        self.cancel_button = self._button(self.tr("Cancel job…"), self.ask_to_cancel)
        self.reassign_combo = self._combo(self.tr("Reassign to"))
        self.reassign_button = self._button(self.tr("Reassign"), self.reassign)
        self.confirm_frame = CancelConfirmation(self)
        self.confirm_frame.confirmed.connect(self.cancel_job)
        self.confirm_cancel_button = self.confirm_frame.yes_button
        self.form = JobForm(context.zone, self)
        self.form.hide()
        self.form.saveRequested.connect(self._save)

        self._lay_out()
        self.filter_combo.currentIndexChanged.connect(lambda _i: self._show_jobs())
        self.jobs_view.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self._calls.busyChanged.connect(self._busy)
        self._selected()
        if not context.has_admin:
            self._say(
                self.tr(
                    "This server's admin API is not open to the app: start it with "
                    "--admin-token to dispatch jobs from here."
                ),
                "warning",
            )
            for button in (self.refresh_button, self.new_button):
                button.setEnabled(False)
        else:
            self.refresh()

    # --- building ----------------------------------------------------------------------------

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setMinimumHeight(TOUCH_TARGET_PX)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.setMinimumHeight(TOUCH_TARGET_PX)
        combo.setMinimumContentsLength(16)
        return combo

    def _jobs_view(self) -> QTableView:
        view = QTableView(self)
        view.setModel(self.model)
        view.setAccessibleName(self.tr("The office's jobs"))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(TOUCH_TARGET_PX)
        view.horizontalHeader().setDefaultSectionSize(150)
        view.horizontalHeader().setStretchLastSection(True)
        view.setColumnWidth(1, 70)
        view.setColumnWidth(2, 260)
        return view

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show the jobs of"), self))
        bar.addWidget(self.filter_combo)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.new_button)
        actions = QHBoxLayout()
        actions.addWidget(self.edit_button)
        actions.addWidget(self.cancel_button)
        actions.addSpacing(24)
        actions.addWidget(QLabel(self.tr("Reassign to"), self))
        actions.addWidget(self.reassign_combo)
        actions.addWidget(self.reassign_button)
        actions.addStretch(1)
        jobs_side = QWidget(self)
        jobs_column = QVBoxLayout(jobs_side)
        jobs_column.setContentsMargins(0, 0, 0, 0)
        jobs_column.addWidget(self.jobs_view, 1)
        jobs_column.addLayout(actions)
        jobs_column.addWidget(self.confirm_frame)
        sides = QHBoxLayout()
        sides.addWidget(jobs_side, 3)
        sides.addWidget(self.form, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message_label)
        layout.addLayout(sides, 1)
        order = (
            self.filter_combo,
            self.refresh_button,
            self.new_button,
            self.jobs_view,
            self.edit_button,
            self.cancel_button,
            self.reassign_combo,
            self.reassign_button,
        )
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

    # --- the list ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask the office for its technicians, customers and jobs."""

        def load(office: Office) -> _Lists:
            return office.technicians(), office.customers(), office.jobs()

        self._office_call(load, self._loaded)

    def _loaded(self, result: _Lists) -> None:
        self._technicians, self._customers, self._jobs = result
        self._fill_technicians()
        self._show_jobs()
        self.jobsLoaded.emit()

    def _fill_technicians(self) -> None:
        shown = self.filter_combo.currentData() if self.filter_combo.count() > 1 else None
        self.filter_combo.blockSignals(True)
        self.filter_combo.clear()
        self.filter_combo.addItem(self.tr("All technicians"), ALL)
        self.reassign_combo.clear()
        for technician in self._technicians:
            name, technician_id = technician.display_name, technician.id
            self.filter_combo.addItem(name, technician_id)
            self.reassign_combo.addItem(name, technician_id)
        self.filter_combo.addItem(self.tr("Unassigned"), UNASSIGNED)
        self.reassign_combo.addItem(self.tr("Nobody (unassign)"), UNASSIGNED)
        wanted = shown if shown is not None else self._context.technician_id
        self.filter_combo.setCurrentIndex(max(0, self.filter_combo.findData(wanted)))
        self.filter_combo.blockSignals(False)

    def _show_jobs(self) -> None:
        shown = self.filter_combo.currentData()
        selected = self._select_after or self._selected_id()
        jobs = [
            job
            for job in self._jobs
            if shown == ALL
            or (shown == UNASSIGNED and not job.technician_id)
            or job.technician_id == shown
        ]
        customers = {c.id: c.name for c in self._customers}
        technicians = {t.id: t.display_name for t in self._technicians}
        self.model.set_jobs(jobs, customers, technicians)
        self._select_after = None
        row = self.model.row_of(selected) if selected else -1
        if row >= 0:
            self.jobs_view.selectRow(row)
            self.jobs_view.scrollTo(self.model.index(row, 0))
        self._selected()

    def select_job(self, job_id: str) -> bool:
        """Select a job in the list (when the filter shows it)."""
        row = self.model.row_of(job_id)
        if row >= 0:
            self.jobs_view.selectRow(row)
        return row >= 0

    def selected_job(self) -> JobRecord | None:
        rows = self.jobs_view.selectionModel().selectedRows()
        return self.model.job(rows[0].row()) if rows else None

    def _selected_id(self) -> str | None:
        job = self.selected_job()
        return job.id if job is not None else None

    def _selected(self) -> None:
        has_job = self.selected_job() is not None and self._calls.idle
        for widget in (self.edit_button, self.cancel_button, self.reassign_button):
            widget.setEnabled(has_job and self._context.has_admin)
        self.confirm_frame.hide()

    def _busy(self, busy: bool) -> None:
        self.refresh_button.setEnabled(not busy and self._context.has_admin)
        self.form.save_button.setEnabled(not busy)
        self.confirm_cancel_button.setEnabled(not busy)
        self._selected()

    # --- changes -----------------------------------------------------------------------------

    def new_job(self) -> None:
        start, end = default_window(self._context.clock.now(), self._context.zone)
        shown = self.filter_combo.currentData()
        technician_id = shown if shown not in (ALL, UNASSIGNED) else self._context.technician_id
        self.form.start_new(self._customers, self._technicians, technician_id, start, end)

    def edit_job(self) -> None:
        job = self.selected_job()
        if job is not None:
            self.form.start_edit(job)

    def _save(self, draft: JobDraft) -> None:
        if draft.job is None:
            self._create(draft)
            return
        fields = changed_fields(draft.job, draft.texts, draft.start, draft.end)
        if not fields:
            self.form.show_error(self.tr("Nothing changed: there is nothing to send."))
            return
        job_id = draft.job.id
        self._office_call(
            lambda office: office.edit_job(job_id, **fields),
            lambda job: self._changed(job, edit_job_step(job_id, fields), self.tr("Job changed.")),
            on_form=True,
        )

    def _create(self, draft: JobDraft) -> None:
        assert draft.customer_id is not None
        fields = create_fields(draft)
        step = new_job_step(
            draft.texts.title,
            draft.customer_id,
            draft.start,
            draft.end,
            self._email(draft.technician_id) or "",
            len(draft.line_items),
        )
        self._office_call(
            lambda office: office.create_job(**fields),
            lambda job: self._changed(job, step, self.tr("Job created.")),
            on_form=True,
        )

    def ask_to_cancel(self) -> None:
        job = self.selected_job()
        if job is None:
            return
        question = self.tr("Cancel “%1”? The technician's tablet hears it with its next pull.")
        self.confirm_frame.ask(question.replace("%1", job.title))

    def cancel_job(self) -> None:
        job = self.selected_job()
        self.confirm_frame.hide()
        if job is None:
            return
        job_id = job.id
        self._office_call(
            lambda office: office.cancel_job(job_id),
            lambda done: self._changed(done, cancel_job_step(job_id), self.tr("Job cancelled.")),
        )

    def reassign(self) -> None:
        job = self.selected_job()
        if job is None:
            return
        chosen = self.reassign_combo.currentData()
        technician_id = None if chosen in (None, UNASSIGNED) else str(chosen)
        if technician_id == job.technician_id:
            name = self.reassign_combo.currentText()
            self._say(self.tr("The job is already %1's.").replace("%1", name), "error")
            return
        if technician_id is None and not job.technician_id:
            self._say(self.tr("The job is already unassigned."), "error")
            return
        job_id = job.id
        step = reassign_step(job_id, self._email(technician_id))
        self._office_call(
            lambda office: office.assign_job(job_id, technician_id),
            lambda done: self._changed(done, step, self.tr("Job reassigned.")),
        )

    def _changed(self, job: JobRecord, step: dict[str, Any], text: str) -> None:
        self.form.hide()
        self._select_after = job.id
        self._say(text, "ok")
        self.officeChanged.emit(step)
        self.refresh()

    def _email(self, technician_id: str | None) -> str | None:
        for technician in self._technicians:
            if technician.id == technician_id:
                return technician.email
        return None

    # --- talking to the office ---------------------------------------------------------------

    def _office_call(
        self,
        call: Callable[[Office], Any],
        done: Callable[[Any], None],
        *,
        on_form: bool = False,
    ) -> None:
        """``call`` with a fresh admin client on a pool thread; a refusal is shown inline."""
        context = self._context

        def run() -> Any:
            office = context.office()
            try:
                return call(office)
            finally:
                office.close()

        def failed(error: Exception) -> None:
            text = self.tr("The office refused: %1").replace("%1", str(error))
            if on_form and self.form.isVisible():
                self.form.show_error(text)
            else:
                self._say(text, "error")

        self._calls.call(run, done, failed)

    def _say(self, text: str, role: str) -> None:
        self.message_label.setText(text)
        set_role(self.message_label, role)
        self.message_label.setVisible(bool(text))

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Let running office calls finish (closing the console, tests)."""
        return self._calls.wait_until_idle(timeout_ms)
