"""The conflicts panel: both versions of each contested field side by side, and the decision
(keep mine, keep the server's, or a merge) written through the write path so it syncs. Below,
the history of every conflict: settled by the server's policy or decided by a person.

What a decision writes is decided in :mod:`wb_desktop.core.store.conflict_resolution`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.core.store.conflict_history import conflict_history
from wb_desktop.core.store.conflict_resolution import (
    Choice,
    OpenConflict,
    Resolution,
    open_conflicts,
)
from wb_desktop.core.store.conflict_resolution import resolve as resolve_conflicts
from wb_desktop.tools.console.conflict_history_model import ConflictHistoryModel
from wb_desktop.tools.console.conflicts_model import (
    CONFLICT_ROLE,
    ConflictFieldsModel,
    ConflictListModel,
    value_text,
)
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.merge_dialog import MergeDialog
from wb_desktop.tools.console.shown_refresh import ShownRefresh
from wb_desktop.tools.console.source import ConsoleSource
from wb_desktop.ui.messages import user_message
from wb_desktop.ui.theme import TOUCH_TARGET_PX, set_role


def _table(parent: QWidget, model: QAbstractItemModel, fitted: tuple[int, ...]) -> QTableView:
    """A read-only row table; the ``fitted`` columns take their contents' width, the others
    share the rest."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(TOUCH_TARGET_PX)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    for column in fitted:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    table.setWordWrap(False)
    return table


class ConflictsPanel(QWidget):
    refreshed = Signal()
    resolved = Signal(object)  # the list of Resolution a decision made

    def __init__(
        self,
        context: ConsoleContext,
        parent: QWidget | None = None,
        source: ConsoleSource | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._source = source or ConsoleSource(context, self)
        heading = QLabel(self.tr("Conflicts"), self)
        heading.setProperty("role", "heading")
        self.summary_label = QLabel(self)
        self.summary_label.setProperty("role", "muted")
        self.records = ConflictListModel(context.zone, self)
        self.fields = ConflictFieldsModel(self)
        self.record_table = _table(self, self.records, (1, 2))
        self.record_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.field_table = _table(self, self.fields, (ConflictFieldsModel.FIELD,))
        self.record_label = QLabel(self)
        self.record_label.setWordWrap(True)
        self.field_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.keep_mine_button = QPushButton(self.tr("Keep mine"), self)
        self.keep_server_button = QPushButton(self.tr("Keep the server's"), self)
        self.merge_button = QPushButton(self.tr("Merge…"), self)
        for button in (self.keep_mine_button, self.keep_server_button, self.merge_button):
            button.setMinimumHeight(TOUCH_TARGET_PX)
            button.setAutoDefault(False)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.history_heading = QLabel(self.tr("History"), self)
        self.history_heading.setProperty("role", "heading")
        self.history = ConflictHistoryModel(context.zone, self)
        self.history_table = _table(self, self.history, (0, 2, 5, 6))
        self.history_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._layout(heading)
        self.setTabOrder(self.record_table, self.field_table)
        self.setTabOrder(self.field_table, self.keep_mine_button)
        self.setTabOrder(self.keep_mine_button, self.keep_server_button)
        self.setTabOrder(self.keep_server_button, self.merge_button)

        self._refresher = ShownRefresh(self, self.refresh)
        self.record_table.selectionModel().selectionChanged.connect(self._show_selected)
        self.keep_mine_button.clicked.connect(lambda: self.resolve_selected(Choice.KEEP_MINE))
        self.keep_server_button.clicked.connect(lambda: self.resolve_selected(Choice.KEEP_SERVER))
        self.merge_button.clicked.connect(self.open_merge)
        context.service.conflictDetected.connect(self.schedule_refresh)
        context.service.stepFinished.connect(self.schedule_refresh)
        # bound methods: Qt disconnects them when the panel is deleted (a lambda would outlive it)
        context.workday.changed.connect(self.schedule_refresh)
        self._source.sourceChanged.connect(self.refresh)
        self.refresh()

    def _layout(self, heading: QLabel) -> None:
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addWidget(self.summary_label, 1)
        right = QWidget(self)
        detail = QVBoxLayout(right)
        detail.setContentsMargins(0, 0, 0, 0)
        detail.addWidget(self.record_label)
        detail.addWidget(self.field_table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_mine_button)
        buttons.addWidget(self.keep_server_button)
        buttons.addWidget(self.merge_button)
        buttons.addStretch(1)
        detail.addLayout(buttons)
        splitter = QSplitter(self)
        splitter.addWidget(self.record_table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([480, 800])
        past = QWidget(self)
        history = QVBoxLayout(past)
        history.setContentsMargins(0, 0, 0, 0)
        history.addWidget(self.history_heading)
        history.addWidget(self.history_table, 1)
        upright = QSplitter(Qt.Orientation.Vertical, self)
        upright.addWidget(splitter)
        upright.addWidget(past)
        upright.setChildrenCollapsible(False)
        upright.setSizes([400, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(upright, 1)
        layout.addWidget(self.result_label)

    # --- reading ---------------------------------------------------------------------------

    def schedule_refresh(self) -> None:
        """Read again soon; a hidden panel reads when it is shown again."""
        self._refresher.request()

    def refresh(self) -> None:
        """Read the open conflicts and the history now, keeping the selected record selected
        (or the first)."""
        self._refresher.reading()
        current = self.current_conflict()
        with self._source.current.database.reader() as session:
            rows = open_conflicts(session)
            past = conflict_history(session)
        self.records.set_rows(rows)
        self.history.set_rows(past)
        self.summary_label.setText(self.tr("%n record(s) with open conflicts", "", len(rows)))
        row = self.records.row_of(current.record_type, current.record_id) if current else -1
        self.select_row(row if row >= 0 else 0)
        self._show_selected()
        self.refreshed.emit()

    def select_row(self, row: int) -> None:
        if 0 <= row < self.records.rowCount():
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.record_table.selectionModel().select(self.records.index(row, 0), flags)

    def select_record(self, record_type: str, record_id: str) -> bool:
        row = self.records.row_of(record_type, record_id)
        self.select_row(row)
        return row >= 0

    def current_conflict(self) -> OpenConflict | None:
        chosen = self.record_table.selectionModel().selectedRows()
        return chosen[0].data(CONFLICT_ROLE) if chosen else None

    def _show_selected(self, *_args: Any) -> None:
        conflict = self.current_conflict()
        self.fields.set_conflict(conflict)
        self.record_label.setText(self._describe(conflict))
        live = self._source.live
        why = "" if live else self._read_only()
        for button in (self.keep_mine_button, self.keep_server_button, self.merge_button):
            button.setEnabled(conflict is not None and live)
            button.setToolTip(why)

    def _read_only(self) -> str:
        return self.tr("A bundle's conflicts are only shown: the technician decides them")

    # --- deciding --------------------------------------------------------------------------

    def resolve_selected(
        self, choice: Choice, merged_values: dict[str, Any] | None = None
    ) -> list[Resolution] | None:
        """Decide the selected record's conflicts; a refusal shows inline, nothing changes."""
        conflict = self.current_conflict()
        if not self._source.live:
            self._show(self._read_only(), "error")
            return None
        if conflict is None:
            self._show(self.tr("Select a record in conflict first."), "error")
            return None
        try:
            done = resolve_conflicts(
                self._context.cache.changes, conflict.conflict_ids, choice, merged_values
            )
        except WorkBossError as refused:
            self._show(user_message(refused), "error")
            return None
        job_id = conflict.record_id if conflict.record_type == "job" else ""
        self._context.workday.announce(job_id)
        self._show(self._outcome(conflict, done), "ok")
        self.refresh()
        self.resolved.emit(done)
        return done

    def open_merge(self) -> None:
        conflict = self.current_conflict()
        if conflict is None:
            self._show(self.tr("Select a record in conflict first."), "error")
            return
        self.merge_dialog(conflict).exec()

    def merge_dialog(self, conflict: OpenConflict) -> MergeDialog:
        """The merge dialog for ``conflict``; its Keep button resolves (tests drive it)."""

        def submit(values: dict[str, Any]) -> str | None:
            done = self.resolve_selected(Choice.MERGE, values)
            return None if done is not None else self.result_label.text()

        return MergeDialog(conflict, submit, self)

    def _describe(self, conflict: OpenConflict | None) -> str:
        if conflict is None:
            return self.tr(
                "No open conflicts in this cache; those settled by policy are in the history."
            )
        return (
            self.tr("%1 %2 (%3): the server's value won; decide which version to keep.")
            .replace("%1", conflict.record_type)
            .replace("%2", conflict.label or conflict.record_id)
            .replace("%3", conflict.record_id[:8])
        )

    def _outcome(self, conflict: OpenConflict, done: list[Resolution]) -> str:
        written = {name: value for r in done for name, value in r.written.items()}
        if not written:
            return self.tr("Decided. The cache already holds that version; nothing to send.")
        values = ", ".join(
            f"{name} = {value_text(conflict.record_type, name, value)}"
            for name, value in written.items()
        )
        return self.tr("Decided: %1. It goes to the office with the next sync.").replace(
            "%1", values
        )

    def _show(self, text: str, role: str) -> None:
        self.result_label.setText(text)
        set_role(self.result_label, role)
