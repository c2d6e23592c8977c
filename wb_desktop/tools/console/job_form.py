"""The dispatcher's job form: a new job (customer, technician, title, times, line items) or
an edit of one (title, description, address, times). It checks what it can before the office
is asked, and shows the office's refusal in the same place."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import datetime, tzinfo

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.core.protocol.auth import TechnicianOut
from wb_desktop.core.protocol.records import CustomerRecord, JobRecord
from wb_desktop.tools.console.dispatch_input import (
    DraftError,
    JobDraft,
    check_customer,
    check_texts,
    check_window,
    parse_line_items,
    wall_time,
)
from wb_desktop.ui.messages import translated
from wb_desktop.ui.theme import TOUCH_TARGET_PX, Colours, colours_for, set_role


def _wide_arrows(colours: Colours) -> str:
    """The date's calendar button and the time's step buttons, wide enough to tap (styling a
    sub-control drops the native frame, so the frame is drawn here too)."""
    return f"""
QDateEdit, QTimeEdit {{
    min-height: {TOUCH_TARGET_PX}px; padding: 0 8px; background: {colours.surface};
    border: 1px solid {colours.border}; border-radius: 4px;
}}
QDateEdit::drop-down {{ width: {TOUCH_TARGET_PX}px; }}
QTimeEdit::up-button, QTimeEdit::down-button {{ width: {TOUCH_TARGET_PX}px; }}
"""


class JobForm(QFrame):
    """Emits ``saveRequested(JobDraft)`` when the input is valid; the panel asks the office
    and calls :meth:`show_error` with a refusal or :meth:`hide` when it is done."""

    saveRequested = Signal(object)
    closed = Signal()

    def __init__(self, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self._zone = zone
        self._job: JobRecord | None = None
        self.heading = QLabel(self)
        self.heading.setProperty("role", "heading")
        self.customer_combo = self._combo(self.tr("Customer"))
        self.technician_combo = self._combo(self.tr("Technician"))
        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(200)
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setFixedHeight(TOUCH_TARGET_PX * 2)
        self.address_edit = QLineEdit(self)
        self.address_edit.setPlaceholderText(self.tr("Empty: the customer's address"))
        self.start_date, self.start_time = self._date(), self._time()
        self.end_date, self.end_time = self._date(), self._time()
        self.lines_edit = QPlainTextEdit(self)
        self.lines_edit.setPlaceholderText(self.tr("Call-out; 1; 450.00\nLabour; 1.5; 650; 25"))
        self.lines_edit.setFixedHeight(TOUCH_TARGET_PX * 2)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setProperty("role", "error")
        self.error_label.hide()
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setProperty("primary", True)
        self.close_button = QPushButton(self.tr("Close"), self)
        for button in (self.save_button, self.close_button):
            button.setMinimumHeight(TOUCH_TARGET_PX)
        self.save_button.clicked.connect(self.submit)
        self.close_button.clicked.connect(self._close)
        self._lay_out()
        high_contrast = bool(QApplication.instance().property("wb_high_contrast"))
        self.setStyleSheet(_wide_arrows(colours_for(high_contrast)))

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.setMinimumHeight(TOUCH_TARGET_PX)
        return combo

    def _date(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumHeight(TOUCH_TARGET_PX)
        return edit

    def _time(self) -> QTimeEdit:
        edit = QTimeEdit(self)
        edit.setDisplayFormat("HH:mm")
        edit.setMinimumHeight(TOUCH_TARGET_PX)
        return edit

    def _pair(self, first: QWidget, second: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(first, 1)
        row.addWidget(second, 1)
        return row

    def _lay_out(self) -> None:
        self.form = QFormLayout()
        self.form.addRow(self.tr("Customer"), self.customer_combo)
        self.form.addRow(self.tr("Technician"), self.technician_combo)
        self.form.addRow(self.tr("Title"), self.title_edit)
        self.form.addRow(self.tr("Description"), self.description_edit)
        self.form.addRow(self.tr("Address"), self.address_edit)
        self.form.addRow(self.tr("Starts"), self._pair(self.start_date, self.start_time))
        self.form.addRow(self.tr("Ends"), self._pair(self.end_date, self.end_time))
        self.form.addRow(self.tr("Line items (optional)"), self.lines_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        order = (
            self.customer_combo,
            self.technician_combo,
            self.title_edit,
            self.description_edit,
            self.address_edit,
            self.start_date,
            self.start_time,
            self.end_date,
            self.end_time,
            self.lines_edit,
            self.save_button,
            self.close_button,
        )
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

    # --- filling -----------------------------------------------------------------------------

    def start_new(
        self,
        customers: Sequence[CustomerRecord],
        technicians: Sequence[TechnicianOut],
        technician_id: str | None,
        start: datetime,
        end: datetime,
    ) -> None:
        """An empty form for a new job, for ``technician_id`` when one is picked."""
        self._job = None
        self.heading.setText(self.tr("New job"))
        self.customer_combo.clear()
        for customer in customers:
            self.customer_combo.addItem(customer.name, customer.id)
        self.technician_combo.clear()
        for technician in technicians:
            self.technician_combo.addItem(technician.display_name, technician.id)
        if technician_id is not None:
            self.technician_combo.setCurrentIndex(self.technician_combo.findData(technician_id))
        for text_edit in (self.title_edit, self.address_edit):
            text_edit.clear()
        self.description_edit.clear()
        self.lines_edit.clear()
        self.set_times(start, end)
        self._show_rows(new=True)
        self.title_edit.setFocus()

    def start_edit(self, job: JobRecord) -> None:
        """The job's title, description, address and times, ready to change."""
        self._job = job
        self.heading.setText(self.tr("Edit “%1”").replace("%1", job.title))
        self.title_edit.setText(job.title)
        self.description_edit.setPlainText(job.description)
        self.address_edit.setText(job.address)
        self.set_times(job.scheduled_start, job.scheduled_end)
        self._show_rows(new=False)
        self.title_edit.setFocus()

    def set_times(self, start: datetime, end: datetime) -> None:
        """Put a start and an end in the form, as wall times in the console's zone."""
        for date_edit, time_edit, moment in (
            (self.start_date, self.start_time, start),
            (self.end_date, self.end_time, end),
        ):
            local = moment.astimezone(self._zone)
            date_edit.setDate(QDate(local.year, local.month, local.day))
            time_edit.setTime(QTime(local.hour, local.minute))

    def _show_rows(self, *, new: bool) -> None:
        for widget in (self.customer_combo, self.technician_combo, self.lines_edit):
            self.form.setRowVisible(widget, new)
        self.show_error("")
        self.show()

    # --- checking ------------------------------------------------------------------------------

    def draft(self) -> JobDraft:
        """The form's content, checked; raises :class:`DraftError` naming what is wrong."""
        texts = check_texts(
            self.title_edit.text(), self.description_edit.toPlainText(), self.address_edit.text()
        )
        start = wall_time(
            self.start_date.date().toPython(), self.start_time.time().toPython(), self._zone
        )
        end = wall_time(
            self.end_date.date().toPython(), self.end_time.time().toPython(), self._zone
        )
        check_window(start, end)
        if self._job is not None:
            return JobDraft(texts, start, end, None, None, (), self._job)
        customer_id = check_customer(self.customer_combo.currentData())
        lines = parse_line_items(self.lines_edit.toPlainText())
        technician_id = self.technician_combo.currentData()
        return JobDraft(
            texts,
            start,
            end,
            customer_id,
            str(technician_id) if technician_id else None,
            tuple(lines),
            None,
        )

    def submit(self) -> None:
        try:
            draft = self.draft()
        except DraftError as refused:
            self.show_error(translated(refused.message))
            self._focus(refused.field)
            return
        self.show_error("")
        self.saveRequested.emit(draft)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        set_role(self.error_label, "error")
        self.error_label.setVisible(bool(text))

    def _focus(self, field: str) -> None:
        widget = {
            "title": self.title_edit,
            "description": self.description_edit,
            "address": self.address_edit,
            "end": self.end_time,
            "lines": self.lines_edit,
            "customer": self.customer_combo,
        }.get(field)
        if widget is not None:
            widget.setFocus()

    def _close(self) -> None:
        self.hide()
        self.closed.emit()


class CancelConfirmation(QFrame):
    """Asks before a job is cancelled: a tap on a touch screen is easy to make by mistake."""

    confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.question_label = QLabel(self)
        self.question_label.setWordWrap(True)
        self.yes_button = QPushButton(self.tr("Yes, cancel the job"), self)
        self.keep_button = QPushButton(self.tr("Keep it"), self)
        for button in (self.yes_button, self.keep_button):
            button.setMinimumHeight(TOUCH_TARGET_PX)
        self.yes_button.clicked.connect(lambda _checked=False: self.confirmed.emit())
        self.keep_button.clicked.connect(lambda _checked=False: self.hide())
        row = QHBoxLayout(self)
        row.addWidget(self.question_label, 1)
        row.addWidget(self.yes_button)
        row.addWidget(self.keep_button)
        self.hide()

    def ask(self, question: str) -> None:
        self.question_label.setText(question)
        self.show()
        self.keep_button.setFocus()
