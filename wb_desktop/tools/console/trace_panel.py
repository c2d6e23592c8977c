"""The sync trace panel: the live timeline, the table of requests with filters, and export.

It starts from what the trace file already holds (the requests before the console opened)
and then follows :attr:`SyncService.traceEvent` live.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QTimer
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

from wb_desktop.core.sync.trace import TraceEvent, TraceLog
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.timeline import TimelineStrip
from wb_desktop.tools.console.trace_model import EVENT_ROLE, TraceFilter, TraceTableModel
from wb_desktop.ui.theme import TOUCH_TARGET_PX, set_role

TIMELINE_TICK_MS = 1000
TIMELINE_EVENTS = 500  # more than two minutes of traffic ever holds
METHODS = ("", "GET", "POST", "PATCH", "PUT", "DELETE")


class TracePanel(QWidget):
    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._log = TraceLog(context.cache.paths.trace)
        layout = QVBoxLayout(self)
        self.timeline = TimelineStrip(context.clock.now, self)
        layout.addWidget(self.timeline)

        filters = QHBoxLayout()
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Filter by route, op id or error"))
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
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)

        self.search_edit.textChanged.connect(self._apply_filters)
        self.method_combo.currentIndexChanged.connect(self._apply_filters)
        self.failures_check.toggled.connect(self._apply_filters)
        self.export_button.clicked.connect(self._choose_export)
        context.service.traceEvent.connect(self.add_event)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TIMELINE_TICK_MS)
        self._ticker.timeout.connect(self.timeline.update)
        self._ticker.start()
        self.model.set_events(list(self._log.events()))
        self.timeline.set_events(self.model.recent(TIMELINE_EVENTS))
        self._show_summary()

    def add_event(self, event: TraceEvent) -> None:
        at_bottom = (
            self.table.verticalScrollBar().value() >= self.table.verticalScrollBar().maximum()
        )
        self.model.append(event)
        self.timeline.set_events(self.model.recent(TIMELINE_EVENTS))
        self._show_summary()
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
            self.tr("%1 requests shown of %2; %3 failed. The full trace is in %4")
            .replace("%1", str(self.filtered.rowCount()))
            .replace("%2", str(total))
            .replace("%3", str(failed))
            .replace("%4", str(self._log.path))
        )
        set_role(self.summary_label, "muted")
