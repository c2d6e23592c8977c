"""Data side by side: the tablet's cache (read-only, each row's sync state) next to what the
office sees for the same technician, and the convergence check that lists every difference.

The cache is read here on the GUI thread, as every screen reads it; the office is asked in
the background. The check reads both sides in one background call, so they are as close in
time as they can be.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.app.op_runner import OpRunner
from wb_desktop.tools.console.cache_tables import (
    CACHE_TABLES,
    TABLES_BY_NAME,
    CacheTable,
    office_columns,
    read_table,
)
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.convergence_pane import ConvergencePane
from wb_desktop.tools.console.data_sides import OfficeRecords, read_both_sides, read_office
from wb_desktop.tools.console.differences_model import table_title
from wb_desktop.tools.console.record_table import (
    RecordTableModel,
    record_view,
    searchable,
    select_source_row,
)
from wb_desktop.tools.console.source import ConsoleSource
from wb_desktop.tools.diagnostics.convergence import ConvergenceReport
from wb_desktop.ui.theme import TOUCH_TARGET_PX, set_role


class DataPanel(QWidget):
    """``officeLoaded`` after the office's side arrives; ``convergenceChecked(report)`` after
    each check (a :class:`~wb_desktop.tools.diagnostics.convergence.ConvergenceReport`)."""

    officeLoaded = Signal()
    convergenceChecked = Signal(object)

    def __init__(
        self,
        context: ConsoleContext,
        parent: QWidget | None = None,
        source: ConsoleSource | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._source = source or ConsoleSource(context, self)
        self._calls = OpRunner(parent=self)
        self._office: OfficeRecords | None = None
        self._report: ConvergenceReport | None = None
        self._following = False

        self.table_combo = QComboBox(self)
        self.table_combo.setAccessibleName(self.tr("Table"))
        self.table_combo.setMinimumHeight(TOUCH_TARGET_PX)
        for table in CACHE_TABLES:
            self.table_combo.addItem(table_title(table.name), table.name)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search both sides…"))
        self.search_edit.setClearButtonEnabled(True)
        self.refresh_button = self._button(self.tr("Refresh"), self.refresh)
        self.check_button = self._button(self.tr("Check convergence"), self.check_convergence)
        self.check_button.setProperty("primary", True)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.hide()

        self.local_model = RecordTableModel(context.zone, self)
        self.local_proxy = searchable(self.local_model, self)
        self.local_view = record_view(self.local_proxy, self.tr("This tablet's records"), self)
        self.local_count = self._muted()
        self.office_model = RecordTableModel(context.zone, self)
        self.office_proxy = searchable(self.office_model, self)
        self.office_view = record_view(self.office_proxy, self.tr("The office's records"), self)
        self.office_count = self._muted()

        self.convergence = ConvergencePane(context.zone, self)
        self.differences_model = self.convergence.differences_model
        self.differences_view = self.convergence.differences_view
        self.summary_label = self.convergence.summary_label

        self._lay_out()
        self._connect()
        self._say_what_is_missing()
        self.show_table(CACHE_TABLES[0].name)
        self.refresh()

    # --- building --------------------------------------------------------------------------

    def _button(self, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setMinimumHeight(TOUCH_TARGET_PX)
        button.clicked.connect(slot)
        return button

    def _muted(self) -> QLabel:
        label = QLabel(self)
        label.setProperty("role", "muted")
        return label

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setProperty("role", "heading")
        return label

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Table"), self))
        bar.addWidget(self.table_combo)
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.check_button)

        sides = QSplitter(Qt.Orientation.Horizontal, self)
        for heading, count, view in (
            (self.tr("This tablet"), self.local_count, self.local_view),
            (self.tr("The office"), self.office_count, self.office_view),
        ):
            side = QWidget(sides)
            column = QVBoxLayout(side)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(self._heading(heading))
            column.addWidget(count)
            column.addWidget(view, 1)
            sides.addWidget(side)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(sides)
        splitter.addWidget(self.convergence)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message_label)
        layout.addWidget(splitter, 1)
        for first, second in (
            (self.table_combo, self.search_edit),
            (self.search_edit, self.refresh_button),
            (self.refresh_button, self.check_button),
            (self.check_button, self.local_view),
            (self.local_view, self.office_view),
            (self.office_view, self.differences_view),
        ):
            self.setTabOrder(first, second)

    def _connect(self) -> None:
        self.table_combo.currentIndexChanged.connect(
            lambda _i: self.show_table(str(self.table_combo.currentData()))
        )
        self.search_edit.textChanged.connect(self._search)
        self.local_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._follow(current, from_local=True)
        )
        self.office_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._follow(current, from_local=False)
        )
        self.differences_view.clicked.connect(self._show_difference)
        self._calls.busyChanged.connect(self._busy)
        # Bound methods, not lambdas: Qt drops them when the panel goes, the session stays.
        self._context.workday.changed.connect(self._cache_changed)
        self._context.service.stepFinished.connect(self._cache_changed)
        self._source.sourceChanged.connect(self._source_changed)

    def _source_changed(self) -> None:
        """A bundle's office is the tablet's server, not this one: only its cache is shown."""
        self._office, self._report = None, None
        self.differences_model.set_report(None)
        self.summary_label.setText(self.tr("Not checked yet."))
        self._say("", "muted")
        self._say_what_is_missing()
        self.refresh()

    def _say_what_is_missing(self) -> None:
        if not self._source.live:
            self._say(
                self.tr(
                    "A bundle's records: the office's side is this console's server, not the"
                    " tablet's, so it is not shown or compared."
                ),
                "warning",
            )
        elif not self._context.has_admin:
            self._say(
                self.tr(
                    "This server's admin API is not open to the app, so the office's side "
                    "cannot be shown: start the server with --admin-token."
                ),
                "warning",
            )
        elif self._context.technician_id is None:
            self._say(self.tr("No technician is signed in on this tablet yet."), "warning")
        self.check_button.setEnabled(self._office_reachable())

    def _office_reachable(self) -> bool:
        live = self._source.live
        return live and self._context.has_admin and self._context.technician_id is not None

    # --- showing ---------------------------------------------------------------------------

    def current_table(self) -> CacheTable:
        return TABLES_BY_NAME[str(self.table_combo.currentData())]

    def show_table(self, name: str) -> None:
        """Show one kind of record on both sides (the outbox only here)."""
        index = self.table_combo.findData(name)
        if index != self.table_combo.currentIndex():
            self.table_combo.setCurrentIndex(index)  # comes back here through the signal
            return
        self.reload_local()
        self._show_office()

    def reload_local(self) -> None:
        table = self.current_table()
        with self._source.current.database.reader() as session:
            rows = read_table(session, table.name)
        kept = self._selected_identity()
        self.local_model.set_records(rows.columns, rows.rows, table.identity)
        if kept:  # a sync step re-reads the table; the record support looks at stays selected
            self._select(kept, local=True)
        shown = self.tr("%n rows", "", len(rows.rows))
        if rows.truncated:
            shown = self.tr("The first %1 of %2 rows").replace("%1", str(len(rows.rows)))
            shown = shown.replace("%2", str(rows.total))
        self.local_count.setText(shown)

    def _selected_identity(self) -> str | None:
        rows = self.local_view.selectionModel().selectedRows()
        if not rows or self.local_model.rowCount() == 0:
            return None
        return self.local_model.identity(self.local_proxy.mapToSource(rows[0]).row())

    def _cache_changed(self, *_what: object) -> None:
        self.reload_local()

    def _show_office(self) -> None:
        table = self.current_table()
        if table.key is None:
            self.office_model.set_records((), ())
            self.office_count.setText(self.tr("The office has no outbox: these ops wait here."))
            return
        if self._office is None:
            self.office_model.set_records((), ())
            self.office_count.setText(
                self.tr("Not shown for a bundle.")
                if not self._source.live
                else self.tr("Loading…")
                if not self._calls.idle
                else self.tr("Not loaded.")
            )
            return
        rows = self._office.get(table.key, [])
        self.office_model.set_records(office_columns(rows), rows, table.identity)
        self.office_count.setText(self.tr("%n rows", "", len(rows)))

    def _search(self, text: str) -> None:
        self.local_proxy.setFilterFixedString(text)
        self.office_proxy.setFilterFixedString(text)

    def _follow(self, current: QModelIndex, *, from_local: bool) -> None:
        """Select the same record on the other side, when it is there."""
        if self._following or not current.isValid():
            return
        model, proxy = (
            (self.local_model, self.local_proxy)
            if from_local
            else (self.office_model, self.office_proxy)
        )
        identity = model.identity(proxy.mapToSource(current).row())
        self._select(identity, local=not from_local)

    def select_record(self, kind: str, identity: str) -> None:
        """Show a record kind and select one record on both sides where it is."""
        self.show_table(kind)
        self._select(identity, local=True)
        self._select(identity, local=False)

    def _select(self, identity: str, *, local: bool) -> None:
        """Select a record on one side without that side's selection following back."""
        model, proxy, view = (
            (self.local_model, self.local_proxy, self.local_view)
            if local
            else (self.office_model, self.office_proxy, self.office_view)
        )
        self._following = True
        try:
            select_source_row(view, proxy, model.row_of(identity))
        finally:
            self._following = False

    def _show_difference(self, index: QModelIndex) -> None:
        if index.isValid():
            difference = self.differences_model.difference(index.row())
            self.select_record(difference.kind, difference.record_id)

    def _say(self, text: str, role: str) -> None:
        self.message_label.setText(text)
        set_role(self.message_label, role)
        self.message_label.setVisible(bool(text))

    def _busy(self, busy: bool) -> None:
        self.refresh_button.setEnabled(not busy)
        self.check_button.setEnabled(not busy and self._office_reachable())

    # --- asking the office -----------------------------------------------------------------

    def refresh(self) -> None:
        """Read the cache again and ask the office for its side."""
        self.reload_local()
        if not self._office_reachable():
            self._show_office()
            return
        context = self._context
        technician_id = str(context.technician_id)

        self._calls.call(
            lambda: read_office(context, technician_id), self._office_arrived, self._office_failed
        )
        self._show_office()

    def check_convergence(self) -> None:
        """Both sides, read now, compared: every difference and why it is there."""
        if not self._office_reachable():
            return
        context = self._context
        technician_id = str(context.technician_id)

        self.summary_label.setText(self.tr("Checking…"))
        set_role(self.summary_label, "muted")
        self._calls.call(
            lambda: read_both_sides(context, technician_id), self._checked, self._office_failed
        )

    def _office_arrived(self, records: OfficeRecords) -> None:
        if not self._source.live:
            return  # asked before a bundle was opened
        self._office = records
        if self._office_reachable():
            self._say("", "muted")
        self._show_office()
        self.officeLoaded.emit()

    def _checked(self, result: tuple[OfficeRecords, ConvergenceReport]) -> None:
        if not self._source.live:
            return  # checked before a bundle was opened
        records, report = result
        self._report = report
        self._office_arrived(records)
        self.reload_local()
        self.convergence.show_report(report)
        self.convergenceChecked.emit(report)

    def _office_failed(self, error: Exception) -> None:
        self._say(self.tr("The office could not be asked: %1").replace("%1", str(error)), "error")
        self._show_office()
        if self._report is None:
            self.summary_label.setText(self.tr("Not checked yet."))
            set_role(self.summary_label, "muted")

    def report(self) -> ConvergenceReport | None:
        return self._report

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Let running office calls finish (closing the console, tests)."""
        return self._calls.wait_until_idle(timeout_ms)
