"""The outbox inspector: every op not yet accepted, why it waits, and what support may do
about it (send now, give a refused op another go, discard with a logged reason, export).

The panel only shows and asks; what each action does to the outbox is in
:mod:`wb_desktop.core.store.outbox_admin` and :mod:`wb_desktop.core.store.outbox_discard`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.app.op_runner import OpRunner
from wb_desktop.core.store.models import OutboxState
from wb_desktop.core.store.outbox_admin import (
    OutboxRow,
    Requeued,
    export_outbox,
    outbox_rows,
    requeue_dead,
    retry_now,
)
from wb_desktop.core.store.outbox_discard import DiscardPlan, discard, plan_discard
from wb_desktop.core.sync.uploads import uploads_waiting
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.outbox_detail import OutboxOpDetail
from wb_desktop.tools.console.outbox_model import (
    OP_ROLE,
    OutboxColumn,
    OutboxTableModel,
    StateFilter,
    filter_label,
)
from wb_desktop.tools.console.shown_refresh import ShownRefresh
from wb_desktop.tools.console.source import ConsoleSource
from wb_desktop.ui.theme import TOUCH_TARGET_PX, set_role


class OutboxPanel(QWidget):
    refreshed = Signal()
    exportFinished = Signal(int, str)  # ops written, the file
    exportFailed = Signal(str)

    def __init__(
        self,
        context: ConsoleContext,
        parent: QWidget | None = None,
        source: ConsoleSource | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._source = source or ConsoleSource(context, self)
        self.uploads = 0
        self._calls = OpRunner(parent=self)
        heading = QLabel(self.tr("Outbox"), self)
        heading.setProperty("role", "heading")
        self.summary_label = QLabel(self)
        self.summary_label.setProperty("role", "muted")
        self.filter_combo = QComboBox(self)
        for choice in StateFilter:
            self.filter_combo.addItem(filter_label(choice), choice.value)
        self.filter_combo.setMinimumHeight(TOUCH_TARGET_PX)
        show_label = QLabel(self.tr("Show"), self)
        show_label.setBuddy(self.filter_combo)

        self.model = OutboxTableModel(context.zone, context.clock.now, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(TOUCH_TARGET_PX)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(OutboxColumn.LAST_ERROR, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.detail_text = OutboxOpDetail(self)

        self.retry_button = QPushButton(self.tr("Retry now"), self)
        self.requeue_button = QPushButton(self.tr("Move back to queue"), self)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("Why discard? (kept in the log)"))
        self.discard_button = QPushButton(self.tr("Discard…"), self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        for button in (
            self.retry_button,
            self.requeue_button,
            self.discard_button,
            self.export_button,
        ):
            button.setMinimumHeight(TOUCH_TARGET_PX)
            button.setAutoDefault(False)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)

        self._layout(heading, show_label)
        self.setTabOrder(self.filter_combo, self.table)
        self.setTabOrder(self.table, self.retry_button)
        self.setTabOrder(self.retry_button, self.requeue_button)
        self.setTabOrder(self.requeue_button, self.reason_edit)
        self.setTabOrder(self.reason_edit, self.discard_button)
        self.setTabOrder(self.discard_button, self.export_button)

        self._refresher = ShownRefresh(self, self.refresh)
        self.filter_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.retry_button.clicked.connect(lambda: self.retry_selected())
        self.requeue_button.clicked.connect(lambda: self.requeue_selected())
        self.discard_button.clicked.connect(lambda: self.discard_selected())
        self.export_button.clicked.connect(self._choose_export)
        context.service.stepFinished.connect(self.schedule_refresh)
        context.service.viewChanged.connect(self.schedule_refresh)
        # bound methods: Qt disconnects them when the panel is deleted (a lambda would outlive it)
        context.workday.changed.connect(self.schedule_refresh)
        self._source.sourceChanged.connect(self.refresh)
        self.refresh()

    def _layout(self, heading: QLabel, show_label: QLabel) -> None:
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addWidget(self.summary_label, 1)
        top.addWidget(show_label)
        top.addWidget(self.filter_combo)
        actions = QHBoxLayout()
        actions.addWidget(self.retry_button)
        actions.addWidget(self.requeue_button)
        actions.addSpacing(24)
        actions.addWidget(self.reason_edit, 1)
        actions.addWidget(self.discard_button)
        actions.addSpacing(24)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail_text)
        layout.addLayout(actions)
        layout.addWidget(self.message_label)

    # --- reading ---------------------------------------------------------------------------

    def state_filter(self) -> StateFilter:
        return StateFilter(self.filter_combo.currentData())

    def set_state_filter(self, choice: StateFilter) -> None:
        self.filter_combo.setCurrentIndex(self.filter_combo.findData(choice.value))

    def schedule_refresh(self) -> None:
        """Read again soon; a hidden panel reads when it is shown again."""
        self._refresher.request()

    def refresh(self) -> None:
        """Read the outbox now, keeping the selected ops selected."""
        self._refresher.reading()
        keep = set(self.selected_op_ids())
        choice = self.state_filter()
        with self._source.current.database.reader() as session:
            every = outbox_rows(session, include_done=choice is StateFilter.EVERYTHING)
            self.uploads = uploads_waiting(session)  # photos and signatures wait apart
        self.model.set_rows([row for row in every if choice.admits(row)])
        self.select_ops(keep)
        self._show_summary(every)
        self._selection_changed()
        self.refreshed.emit()

    def _show_summary(self, rows: list[OutboxRow]) -> None:
        waiting = sum(1 for r in rows if r.state is not OutboxState.DONE)
        dead = sum(1 for r in rows if r.state is OutboxState.DEAD)
        blocked = sum(1 for r in rows if r.blocked)
        self.summary_label.setText(
            self.tr("%1 not yet accepted · %2 refused · %3 held back")
            .replace("%1", str(waiting))
            .replace("%2", str(dead))
            .replace("%3", str(blocked))
            + " · "
            + self.tr("%n file(s) waiting to upload", "", self.uploads)
        )

    # --- selection -------------------------------------------------------------------------

    def selected_rows(self) -> list[OutboxRow]:
        rows = [index.data(OP_ROLE) for index in self.table.selectionModel().selectedRows()]
        return sorted(rows, key=lambda row: row.seq)

    def selected_op_ids(self) -> list[str]:
        return [row.op_id for row in self.selected_rows()]

    def select_ops(self, op_ids: set[str] | list[str]) -> None:
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for op_id in op_ids:
            row = self.model.row_of(op_id)
            if row >= 0:
                selection.select(self.model.index(row, 0), self.model.index(row, last))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().select(selection, flags)

    def _selection_changed(self, *_args: Any) -> None:
        rows = self.selected_rows()
        states = {row.state for row in rows}
        self.retry_button.setEnabled(OutboxState.QUEUED in states)
        self.requeue_button.setEnabled(OutboxState.DEAD in states)
        self.discard_button.setEnabled(bool(states & {OutboxState.QUEUED, OutboxState.DEAD}))
        live = self._source.live
        why = "" if live else self._read_only()
        for button in (self.retry_button, self.requeue_button, self.discard_button):
            button.setEnabled(button.isEnabled() and live)
            button.setToolTip(why)
        self.detail_text.show_op(rows[0] if len(rows) == 1 else None)

    # --- actions ---------------------------------------------------------------------------

    def retry_selected(self) -> int:
        """Send the selected queued ops at the next step, and start that step now."""
        if not self._source.live:
            return self._fail(self._read_only(), 0)
        count = retry_now(self._context.cache.database, self.selected_op_ids())
        if count == 0:
            return self._fail(self.tr("None of the selected ops is waiting in the queue."), 0)
        self._context.service.sync_now()
        self._say(self.tr("%n op(s) will be sent now.", "", count))
        self.refresh()
        return count

    def requeue_selected(self) -> list[Requeued]:
        """Put the selected refused ops back in the queue (after the cause was fixed)."""
        if not self._source.live:
            return self._fail(self._read_only(), [])
        moved = requeue_dead(
            self._context.cache.database, self.selected_op_ids(), self._context.clock.now()
        )
        if not moved:
            return self._fail(self.tr("Only refused ops can go back to the queue."), [])
        self._context.workday.announce("")
        self._context.service.sync_now()
        self._say(
            self.tr(
                "%n op(s) back in the queue under a new id; they go with the next sync.",
                "",
                len(moved),
            )
        )
        self.refresh()
        return moved

    def discard_question(self, plan: DiscardPlan) -> str:
        """The confirmation: how many ops go, and how many only because they depend on them."""
        parts = [self.tr("Discard %n change(s) for good?", "", len(plan.chosen))]
        if plan.dependents:
            parts.append(
                self.tr(
                    "%n more change(s) cannot reach the office without them and will be "
                    "discarded too.",
                    "",
                    len(plan.dependents),
                )
            )
        if plan.refused:
            parts.append(
                self.tr(
                    "%n selected op(s) are being sent or were accepted and stay.",
                    "",
                    len(plan.refused),
                )
            )
        parts.append(self.tr("The office will never see them. Each one is logged with the reason."))
        return "\n\n".join(parts)

    def discard_selected(
        self, *, confirm: bool = True, reason: str | None = None
    ) -> DiscardPlan | None:
        """Discard the selected ops (and those that cannot go without them) with a reason."""
        if not self._source.live:
            return self._fail(self._read_only(), None)
        ids = self.selected_op_ids()
        why = (reason if reason is not None else self.reason_edit.text()).strip()
        if not ids:
            return self._fail(self.tr("Select the ops to discard first."), None)
        if not why:
            self.reason_edit.setFocus()
            return self._fail(
                self.tr("Say why these changes are discarded: the log keeps it."), None
            )
        with self._context.cache.database.reader() as session:
            plan = plan_discard(session, ids)
        if not plan.all:
            return self._fail(
                self.tr(
                    "None of the selected ops can be discarded: they are being sent or "
                    "were accepted."
                ),
                None,
            )
        if confirm and not self._confirmed(plan):
            return None
        done = discard(self._context.cache.database, ids, self._context.clock.now(), why)
        self.reason_edit.clear()
        self._context.workday.announce("")
        self._say(
            self.tr("Discarded %n op(s); the log keeps what they were and why.", "", len(done.all))
        )
        self.refresh()
        return done

    def _confirmed(self, plan: DiscardPlan) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Discard changes"),
            self.discard_question(plan),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def _choose_export(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the outbox"),
            str(Path.home() / "outbox.json"),
            self.tr("JSON (*.json);;CSV (*.csv)"),
        )
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, target: Path) -> None:
        """Write the outbox (accepted ops too when they are shown) off the GUI thread;
        :attr:`exportFinished` or :attr:`exportFailed` follows."""
        database = self._context.cache.database
        include_done = self.state_filter() is StateFilter.EVERYTHING

        def write() -> int:
            with database.reader() as session:
                return export_outbox(session, target, include_done=include_done)

        self.export_button.setEnabled(False)
        self._calls.call(write, lambda count: self._exported(count, target), self._export_failed)

    def exporting(self) -> bool:
        return not self._calls.idle

    def _exported(self, count: int, target: Path) -> None:
        self.export_button.setEnabled(True)
        self._say(self.tr("Exported %n op(s) to %1", "", count).replace("%1", str(target)))
        self.exportFinished.emit(count, str(target))

    def _export_failed(self, error: Exception) -> None:
        self.export_button.setEnabled(True)
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        message = self.tr("The outbox could not be exported: %1").replace("%1", reason)
        self._fail(message, None)
        self.exportFailed.emit(message)

    def _read_only(self) -> str:
        return self.tr(
            "This is a bundle's outbox: its ops are only shown here, never sent to this"
            " console's server (replay them from the Diagnostics tab)"
        )

    def _say(self, text: str) -> None:
        self.message_label.setText(text)
        set_role(self.message_label, "ok")

    def _fail(self, text: str, result: Any) -> Any:
        self.message_label.setText(text)
        set_role(self.message_label, "error")
        return result
