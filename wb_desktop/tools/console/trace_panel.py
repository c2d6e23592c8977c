"""The sync trace panel: the live timeline, the table of requests with filters, and export.

It starts from what the trace file already holds (the requests before the console opened)
and then follows :attr:`SyncService.traceEvent` live. Rows are named from the cache (which
photo and job an upload carried) as they arrive; the selected row's line shows what the
server said and, with the admin API, the server's own log line for the same request id.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.app.op_runner import OpRunner
from wb_desktop.core.protocol.requests_log import RequestLogLine
from wb_desktop.core.store.trace_queries import blob_of, trace_subjects
from wb_desktop.core.sync.trace import TraceEvent, TraceLog
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.source import ConsoleSource
from wb_desktop.tools.console.timeline import TimelineStrip
from wb_desktop.tools.console.trace_model import (
    EVENT_ROLE,
    TraceFilter,
    TraceTableModel,
    server_said,
)
from wb_desktop.ui.theme import TOUCH_TARGET_PX, set_role

TIMELINE_TICK_MS = 1000
TIMELINE_EVENTS = 500  # more than two minutes of traffic ever holds
METHODS = ("", "GET", "POST", "PATCH", "PUT", "DELETE")
SHA256_HEX = 64


class TracePanel(QWidget):
    def __init__(
        self,
        context: ConsoleContext,
        parent: QWidget | None = None,
        source: ConsoleSource | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._source = source or ConsoleSource(context, self)
        self._log = TraceLog(self._source.current.trace)
        self._calls = OpRunner(parent=self)  # the server's log, over the admin API
        self._naming = False
        self._generation = 0
        self._reading = False
        self._heard_while_reading: list[TraceEvent] = []
        layout = QVBoxLayout(self)
        self.timeline = TimelineStrip(context.clock.now, self)
        layout.addWidget(self.timeline)

        filters = QHBoxLayout()
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(
            self.tr("Filter by route, op id, error, request id or what a row is about")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.method_combo = QComboBox(self)
        self.method_combo.addItem(self.tr("Any method"), "")
        for method in METHODS[1:]:
            self.method_combo.addItem(method, method)
        self.failures_check = QCheckBox(self.tr("Failures only"), self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        for widget in (self.search_edit, self.method_combo, self.failures_check):
            widget.setMinimumHeight(TOUCH_TARGET_PX)
        self.export_button.setMinimumHeight(TOUCH_TARGET_PX)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.method_combo)
        filters.addWidget(self.failures_check)
        filters.addWidget(self.export_button)
        layout.addLayout(filters)

        self.model = TraceTableModel(context.zone, self)
        self.filtered = TraceFilter(self)
        self.filtered.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.filtered)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.detail_label = QLabel(self)
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail_label)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)

        self.search_edit.textChanged.connect(self._apply_filters)
        self.method_combo.currentIndexChanged.connect(self._apply_filters)
        self.failures_check.toggled.connect(self._apply_filters)
        self.export_button.clicked.connect(self._choose_export)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        context.service.traceEvent.connect(self.add_event)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TIMELINE_TICK_MS)
        self._ticker.timeout.connect(self.timeline.update)
        self._ticker.start()
        self._source.sourceChanged.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        """Read the current source's trace file again (the live profile's or a bundle's).

        A trace is up to 15 MB, so it is read on a query worker of the app's op runner; the
        table is emptied at once, so no row of the previous source stays under the banner of
        the new one, and a read overtaken by a newer one (back to live meanwhile) is dropped.
        """
        log = self._log = TraceLog(self._source.current.trace)
        self._generation += 1  # names looked up in the other source are not these rows'
        self._reading = True
        self._heard_while_reading = []
        self.model.set_events([])
        self.timeline.set_events([])
        self.detail_label.clear()
        self.timeline.setVisible(self._source.live)  # the last minutes: live traffic only
        self.summary_label.setText(self.tr("Reading %1…").replace("%1", str(log.path)))
        set_role(self.summary_label, "muted")
        self._context.workday.runner.query(
            lambda _session: list(log.events()), self._read, latest_of=(self, "trace")
        )

    def _read(self, events: list[TraceEvent]) -> None:
        """The trace file's rows, then the live requests heard while it was being read that
        the file did not yet hold."""
        heard = self._heard_while_reading
        if heard:  # what the file holds of them is among its last rows
            on_disk = set(events[-len(heard) :])
            heard = [event for event in heard if event not in on_disk]
        self._reading = False
        self._heard_while_reading = []
        self.model.set_events(events + heard)
        self.timeline.set_events(self.model.recent(TIMELINE_EVENTS))
        self._show_summary()
        self._name_rows()

    def loaded(self) -> bool:
        """The current source's trace has been read into the table (tests wait for it)."""
        return not self._reading

    def select_requests(self, request_ids: list[str]) -> int:
        """Show and select the rows with these request ids (filters that hide them are
        cleared); returns how many rows are selected."""
        wanted = set(request_ids)
        if any(e.request_id in wanted for e in self.model.events()) and not any(
            e.request_id in wanted for e in self.shown_events()
        ):
            self.search_edit.clear()
            self.method_combo.setCurrentIndex(0)
            self.failures_check.setChecked(False)
        selection = QItemSelection()
        rows = [r for r, e in enumerate(self.shown_events()) if e.request_id in wanted]
        last = self.filtered.columnCount() - 1
        for row in rows:
            selection.select(self.filtered.index(row, 0), self.filtered.index(row, last))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.table.selectionModel().select(
            selection, flags | QItemSelectionModel.SelectionFlag.Rows
        )
        if rows:
            first = self.filtered.index(rows[0], 0)
            self.table.selectionModel().setCurrentIndex(
                first, QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.table.scrollTo(first)
        return len(rows)

    def selected_request_ids(self) -> list[str]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        events = [self.filtered.index(row, 0).data(EVENT_ROLE) for row in rows]
        return [e.request_id for e in events if isinstance(e, TraceEvent) and e.request_id]

    def add_event(self, event: TraceEvent) -> None:
        """A live request; a bundle's trace does not grow, so it is not shown then."""
        if not self._source.live:
            return
        if self._reading:  # added to the rows read from the file, unless the file has it
            self._heard_while_reading.append(event)
            return
        at_bottom = (
            self.table.verticalScrollBar().value() >= self.table.verticalScrollBar().maximum()
        )
        self.model.append(event)
        self.timeline.set_events(self.model.recent(TIMELINE_EVENTS))
        self._show_summary()
        if blob_of(event.route) is not None or event.op_ids:
            self._name_rows()
        if at_bottom:
            self.table.scrollToBottom()

    def shown_events(self) -> list[TraceEvent]:
        """The rows the filters let through, in order."""
        return [
            self.filtered.index(row, 0).data(EVENT_ROLE) for row in range(self.filtered.rowCount())
        ]

    def export_to(self, target: Path) -> int:
        """Write the shown rows as JSON lines; returns how many."""
        events = self.shown_events()
        with target.open("w", encoding="utf-8") as file:
            for event in events:
                file.write(json.dumps(event.to_json(), ensure_ascii=False) + "\n")
        self.summary_label.setText(
            self.tr("Exported %1 requests to %2")
            .replace("%1", str(len(events)))
            .replace("%2", str(target))
        )
        set_role(self.summary_label, "ok")
        return len(events)

    def _choose_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the sync trace"), "sync-trace.jsonl", "JSON lines (*.jsonl)"
        )
        if not name:
            return
        try:
            self.export_to(Path(name))
        except OSError as error:
            self.summary_label.setText(
                self.tr("Cannot write %1: %2").replace("%1", name).replace("%2", str(error))
            )
            set_role(self.summary_label, "error")

    def _apply_filters(self) -> None:
        self.filtered.set_filters(
            text=self.search_edit.text(),
            failures_only=self.failures_check.isChecked(),
            method=str(self.method_combo.currentData() or ""),
        )
        self._show_summary()

    def _show_summary(self) -> None:
        total, failed = self.model.rowCount(), self.model.failures()
        self.summary_label.setText(
            self.tr(
                "%1 requests shown of %2; %3 failed, %4 not sent (offline). The full trace is in %5"
            )
            .replace("%1", str(self.filtered.rowCount()))
            .replace("%2", str(total))
            .replace("%3", str(failed))
            .replace("%4", str(self.model.not_sent()))
            .replace("%5", str(self._log.path))
        )
        set_role(self.summary_label, "muted")

    def naming_done(self) -> bool:
        """No lookup of row names is under way (tests wait for it)."""
        return not self._naming

    def _name_rows(self) -> None:
        """Ask the cache what the rows not yet named are about (one lookup at a time)."""
        if self._naming:
            return
        keys = self.model.unnamed_keys()
        if not keys:
            return
        blobs = {key for key in keys if len(key) == SHA256_HEX}
        ops = keys - blobs
        self._naming = True
        generation = self._generation

        def done(names: dict[str, str]) -> None:
            self._naming = False
            if generation == self._generation:
                self.model.add_subjects(keys, names)
            self._name_rows()  # rows that arrived meanwhile

        def failed(_error: object) -> None:
            self._naming = False

        if self._source.live:
            self._context.workday.runner.query(
                lambda session: trace_subjects(session, blobs, ops), done, failed
            )
            return
        database = self._source.current.database

        def read() -> dict[str, str]:
            with database.reader() as session:
                return trace_subjects(session, blobs, ops)

        self._calls.call(read, done, failed)

    def selected_event(self) -> TraceEvent | None:
        index = self.table.currentIndex()
        event = index.siblingAtColumn(0).data(EVENT_ROLE) if index.isValid() else None
        return event if isinstance(event, TraceEvent) else None

    def _show_detail(self) -> None:
        """The selected request: its id, what the server said, and the server's log line."""
        event = self.selected_event()
        if event is None or event.request_id is None:
            self.detail_label.clear()
            return
        said = server_said(event) or self.tr("no refusal")
        self.detail_label.setText(
            self.tr("Request %1 · server said: %2")
            .replace("%1", event.request_id)
            .replace("%2", said)
        )
        set_role(self.detail_label, "muted")
        if not self._context.has_admin or not self._source.live:
            return  # a bundle's requests went to the tablet's server, not this one
        request_id, context = event.request_id, self._context

        def run() -> list[RequestLogLine]:
            office = context.office()
            try:
                return office.request_log([request_id])
            finally:
                office.close()

        def done(lines: list[RequestLogLine]) -> None:
            current = self.selected_event()
            if current is None or current.request_id != request_id:
                return  # another row was selected meanwhile
            self.detail_label.setText(self.detail_label.text() + " · " + self._server_line(lines))

        self._calls.call(run, done, lambda _error: None)

    def _server_line(self, lines: list[RequestLogLine]) -> str:
        if not lines:
            return self.tr(
                "the server has no line for it (it never reached this server: a proxy,"
                " a portal or the network answered)"
            )
        line = lines[-1]
        status = "—" if line.status is None else str(line.status)
        return (
            self.tr("server's log: %1 %2 → %3 %4 in %5 ms")
            .replace("%1", line.method)
            .replace("%2", line.path)
            .replace("%3", status)
            .replace("%4", line.error or "")
            .replace("%5", f"{line.duration_ms:.0f}")
        )

    def busy(self) -> bool:
        return not self._calls.idle
