"""One customer: contact details (or the form to edit them), their jobs and documents.

Everything is read from the cache, so the pane works offline; the sync line says whether
the office has the customer as the technician left it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.core.store.conflict_history import ConflictHistoryRow, Kept
from wb_desktop.core.store.customer_views import ConflictNote, CustomerDetail, customer_detail
from wb_desktop.core.store.job_views import JobBadge
from wb_desktop.ui.customers.editor import CustomerEditor
from wb_desktop.ui.customers.records_models import (
    RECORD_ID_ROLE,
    CustomerDocumentsModel,
    CustomerJobsModel,
)
from wb_desktop.ui.customers.texts import customer_badge, customer_sync_text, waiting_text
from wb_desktop.ui.job_sections import card, value_label
from wb_desktop.ui.relative_time import clock_time, local_timestamp
from wb_desktop.ui.theme import SPACING_PX, TOUCH_TARGET_PX, set_role
from wb_desktop.ui.workday import Workday

MAX_TABLE_ROWS_SHOWN = 6
BADGE_ROLE = {
    JobBadge.SYNCED: "ok",
    JobBadge.WAITING: "warning",
    JobBadge.FAILED: "error",
    JobBadge.CONFLICT: "error",
}


def records_table(parent: QWidget, name: str) -> QTableView:
    table = QTableView(parent)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(TOUCH_TARGET_PX)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setMinimumSectionSize(TOUCH_TARGET_PX)
    return table


def fit_rows(table: QTableView) -> None:
    """Tall enough for a few rows without an inner scroll bar; more rows scroll."""
    table.ensurePolished()  # the theme's border width decides the frame
    rows = max(1, min(table.model().rowCount(), MAX_TABLE_ROWS_SHOWN))
    header = table.horizontalHeader().sizeHint().height()
    table.setFixedHeight(header + rows * TOUCH_TARGET_PX + 2 * table.frameWidth() + 2)


class CustomerDetailPane(QWidget):
    jobOpened = Signal(str)
    documentOpened = Signal(str)
    shown = Signal(str, bool)  # customer id, still in the cache (after show_customer)

    def __init__(self, workday: Workday, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workday = workday
        self._detail: CustomerDetail | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING_PX)
        layout.addWidget(self._contact_card())
        jobs_card, jobs_layout = card(self.tr("Jobs"), self)
        self.jobs_model = CustomerJobsModel(workday.zone, self)
        self.jobs_table = records_table(jobs_card, self.tr("The customer's jobs"))
        self.jobs_table.setModel(self.jobs_model)
        self.jobs_table.horizontalHeader().setSectionResizeMode(
            CustomerJobsModel.Column.TITLE, QHeaderView.ResizeMode.Stretch
        )
        self.no_jobs_label = self._muted(self.tr("No jobs for this customer on this tablet."))
        jobs_layout.addWidget(self.jobs_table)
        jobs_layout.addWidget(self.no_jobs_label)
        layout.addWidget(jobs_card)
        documents_card, documents_layout = card(self.tr("Invoices and estimates"), self)
        self.documents_model = CustomerDocumentsModel(self)
        self.documents_table = records_table(documents_card, self.tr("The customer's documents"))
        self.documents_table.setModel(self.documents_model)
        self.documents_table.horizontalHeader().setSectionResizeMode(
            CustomerDocumentsModel.Column.REFERENCE, QHeaderView.ResizeMode.Stretch
        )
        self.no_documents_label = self._muted(self.tr("No invoices or estimates yet."))
        documents_layout.addWidget(self.documents_table)
        documents_layout.addWidget(self.no_documents_label)
        layout.addWidget(documents_card)
        layout.addStretch(1)
        self.jobs_table.clicked.connect(lambda index: self._open(index, self.jobOpened))
        self.jobs_table.activated.connect(lambda index: self._open(index, self.jobOpened))
        self.documents_table.clicked.connect(lambda i: self._open(i, self.documentOpened))
        self.documents_table.activated.connect(lambda i: self._open(i, self.documentOpened))
        self.editor.saved.connect(lambda _id: self._finish_editing())
        self.editor.cancelled.connect(self._finish_editing)
        QWidget.setTabOrder(self.edit_button, self.jobs_table)
        QWidget.setTabOrder(self.jobs_table, self.documents_table)

    def _muted(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setProperty("role", "muted")
        label.setWordWrap(True)
        return label

    def _contact_card(self) -> QFrame:
        frame = QFrame(self)
        frame.setProperty("role", "card")
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(16, 12, 16, 16)
        top = QHBoxLayout()
        self.name_label = QLabel(frame)
        self.name_label.setProperty("role", "heading")
        self.name_label.setWordWrap(True)
        self.sync_label = QLabel(frame)
        self.sync_label.setAccessibleName(self.tr("Sync state"))
        self.edit_button = QPushButton(self.tr("Edit"), frame)
        self.edit_button.setMinimumSize(TOUCH_TARGET_PX * 2, TOUCH_TARGET_PX)
        self.edit_button.clicked.connect(self.start_editing)
        top.addWidget(self.name_label, 1)
        top.addWidget(self.sync_label)
        top.addWidget(self.edit_button)
        layout.addLayout(top)
        # Shown one at a time; not a QStackedWidget, which would keep the form's height.
        self.contact_view = self._contact_view(frame)
        self.editor = CustomerEditor(self._workday, frame)
        self.editor.hide()
        layout.addWidget(self.contact_view)
        layout.addWidget(self.editor)
        self.conflict_label = QLabel(frame)
        self.conflict_label.setProperty("role", "warning")
        self.conflict_label.setWordWrap(True)
        self.sync_error_label = QLabel(frame)
        self.sync_error_label.setProperty("role", "error")
        self.sync_error_label.setWordWrap(True)
        self.settled_label = QLabel(frame)  # a quiet note: what a settled conflict replaced
        self.settled_label.setProperty("role", "muted")
        self.settled_label.setWordWrap(True)
        self.settled_label.setAccessibleName(self.tr("Changes both sides made"))
        layout.addWidget(self.settled_label)
        layout.addWidget(self.conflict_label)
        layout.addWidget(self.sync_error_label)
        return frame

    def _contact_view(self, parent: QWidget) -> QWidget:
        view = QWidget(parent)
        form = QFormLayout(view)
        form.setContentsMargins(0, 0, 0, 0)
        self.phone_label = value_label(view)
        self.email_label = value_label(view)
        self.address_label = value_label(view)
        self.notes_label = value_label(view)
        self.office_note = QLabel(self.tr("The office owns the address."), view)
        self.office_note.setProperty("role", "muted")
        self.office_note.setWordWrap(True)
        address = QVBoxLayout()
        address.setSpacing(2)
        address.addWidget(self.address_label)
        address.addWidget(self.office_note)
        form.addRow(self.tr("Phone"), self.phone_label)
        form.addRow(self.tr("Email"), self.email_label)
        form.addRow(self.tr("Address"), address)
        form.addRow(self.tr("Notes"), self.notes_label)
        return view

    @property
    def detail(self) -> CustomerDetail | None:
        return self._detail

    @property
    def editing(self) -> bool:
        return not self.editor.isHidden()

    def show_customer(self, customer_id: str | None) -> None:
        """Read a customer through the op runner and show them; :attr:`shown` says whether
        they are still in the cache."""
        if customer_id is None:
            self._detail = None
            return
        self._workday.runner.query(
            lambda session: (customer_id, customer_detail(session, customer_id)),
            self._show_answer,
            latest_of=self,
        )

    def _show_answer(self, answer: tuple[str, CustomerDetail | None]) -> None:
        customer_id, detail = answer
        if detail is None:
            self._detail = None
            self.shown.emit(customer_id, False)
            return
        switching = self._detail is None or self._detail.row.customer_id != customer_id
        self._detail = detail
        if switching and self.editing:
            self._finish_editing()
        self._show(detail)
        self.shown.emit(customer_id, True)

    def start_editing(self) -> None:
        if self._detail is None:
            return
        self.contact_view.hide()
        self.editor.show()
        self.editor.start(self._detail)
        self.edit_button.setEnabled(False)

    def _finish_editing(self) -> None:
        self.editor.hide()
        self.contact_view.show()
        self.edit_button.setEnabled(True)
        if self._detail is not None:
            self.show_customer(self._detail.row.customer_id)
        self.edit_button.setFocus()

    def _show(self, detail: CustomerDetail) -> None:
        row = detail.row
        self.name_label.setText(row.name)
        phone, email = row.phone, row.email
        self.phone_label.setText(phone or "—")
        self.email_label.setText(email or "—")
        self.address_label.setText(row.address or "—")
        self.notes_label.setText(detail.notes or "—")
        self.office_note.setVisible("address" in detail.office_owned)
        sync = customer_sync_text(row)
        waiting = waiting_text(row)
        self.sync_label.setText(f"{sync} · {waiting}" if waiting else sync)
        set_role(self.sync_label, BADGE_ROLE[customer_badge(row)])
        conflicts = [self._conflict_text(note) for note in detail.conflicts]
        self.conflict_label.setText("\n".join(conflicts))
        self.conflict_label.setVisible(bool(conflicts))
        settled = [self._settled_text(note) for note in detail.settled]
        self.settled_label.setText("\n".join(settled))
        self.settled_label.setVisible(bool(settled))
        self.sync_error_label.setText(
            self.tr("The server refused a change: %1").replace("%1", detail.sync_error or "")
        )
        self.sync_error_label.setVisible(bool(detail.sync_error))
        self.jobs_model.set_jobs(detail.jobs)
        self.documents_model.set_documents(detail.documents)
        for table, empty in (
            (self.jobs_table, self.no_jobs_label),
            (self.documents_table, self.no_documents_label),
        ):
            has_rows = table.model().rowCount() > 0
            table.setVisible(has_rows)
            empty.setVisible(not has_rows)
            fit_rows(table)

    def _conflict_text(self, note: ConflictNote) -> str:
        if note.winner == "server":
            text = self.tr("The office changed the %1 too; theirs was kept: “%2” (yours: “%3”).")
        else:
            text = self.tr("The office changed the %1 too; yours was kept: “%3” (theirs: “%2”).")
        return (
            text.replace("%1", self._field_name(note.field))
            .replace("%2", str(note.server_value))
            .replace("%3", str(note.local_value))
        )

    def _settled_text(self, note: ConflictHistoryRow) -> str:
        """E.g. "Phone: your change (070-…) was kept; the office's (070-…) was replaced at
        09:14." — the office and the technician changed the same field, and one value won."""
        if note.kept is Kept.MINE:
            text = self.tr("%1: your change (%2) was kept; the office's (%3) was replaced at %4.")
        elif note.kept is Kept.OFFICE:
            text = self.tr("%1: the office's change (%2) was kept; yours (%3) was replaced at %4.")
        else:
            text = self.tr("%1: a merge of your change and the office's was kept at %4.")
        moment = note.settled_at or note.detected_at
        local = self._workday.local(moment)
        when = (
            clock_time(moment, self._workday.zone)
            if local.date() == self._workday.today()
            else local_timestamp(moment, self._workday.zone)
        )
        return (
            text.replace("%1", self._field_title(note.field))
            .replace("%2", self._value(note.kept_value))
            .replace("%3", self._value(note.lost_value))
            .replace("%4", when)
        )

    def _value(self, value: object) -> str:
        return self.tr("empty") if value is None or value == "" else str(value)

    def _field_title(self, field: str) -> str:
        titles = {
            "name": self.tr("Name"),
            "phone": self.tr("Phone"),
            "email": self.tr("Email"),
            "address": self.tr("Address"),
            "notes": self.tr("Notes"),
        }
        return titles.get(field, field)

    def _field_name(self, field: str) -> str:
        names = {
            "name": self.tr("name"),
            "phone": self.tr("phone number"),
            "email": self.tr("email address"),
            "address": self.tr("address"),
            "notes": self.tr("notes"),
        }
        return names.get(field, field)

    def _open(self, index: QModelIndex, signal: SignalInstance) -> None:
        record_id = index.data(RECORD_ID_ROLE)
        if record_id:
            signal.emit(record_id)
