"""The sync trace as a table: one row per request, newest last, filtered in place."""

from __future__ import annotations

from datetime import tzinfo
from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)

from wb_desktop.core.sync.trace import TraceEvent
from wb_desktop.ui.formatting import format_time
from wb_desktop.ui.row_models import RIGHT, ROW_ROLE, Column, RowTableModel

MAX_ROWS = 20_000  # the file keeps everything; the table keeps the recent past
EVENT_ROLE = ROW_ROLE
_Index = QModelIndex | QPersistentModelIndex


class TraceColumn(IntEnum):
    TIME = 0
    METHOD = 1
    ROUTE = 2
    STATUS = 3
    DURATION = 4
    SENT = 5
    RECEIVED = 6
    OPS = 7
    PROFILE = 8
    ERROR = 9


class TraceTableModel(RowTableModel[TraceEvent]):
    context = "TraceTableModel"
    row_role = EVENT_ROLE

    def __init__(self, zone: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(
            parent,
            columns=(
                Column(QT_TRANSLATE_NOOP("TraceTableModel", "Time"), self._time),
                Column(QT_TRANSLATE_NOOP("TraceTableModel", "Method"), lambda event: event.method),
                Column(
                    QT_TRANSLATE_NOOP("TraceTableModel", "Route"),
                    lambda event: event.route + (f"?{event.query}" if event.query else ""),
                ),
                Column(
                    QT_TRANSLATE_NOOP("TraceTableModel", "Status"),
                    lambda event: "—" if event.status is None else str(event.status),
                    RIGHT,
                ),
                Column(
                    QT_TRANSLATE_NOOP("TraceTableModel", "ms"),
                    lambda event: f"{event.duration_ms:.0f}",
                    RIGHT,
                ),
                Column(
                    QT_TRANSLATE_NOOP("TraceTableModel", "Sent"),
                    lambda event: str(event.bytes_sent),
                    RIGHT,
                ),
                Column(
                    QT_TRANSLATE_NOOP("TraceTableModel", "Received"),
                    lambda event: str(event.bytes_received),
                    RIGHT,
                ),
                Column(
                    QT_TRANSLATE_NOOP("TraceTableModel", "Ops"),
                    lambda event: str(len(event.op_ids)) if event.op_ids else "",
                    tooltip=lambda event: "\n".join(event.op_ids) or None,
                ),
                Column(
                    QT_TRANSLATE_NOOP("TraceTableModel", "Profile"), lambda event: event.profile
                ),
                Column(
                    QT_TRANSLATE_NOOP("TraceTableModel", "Error"), lambda event: event.error or ""
                ),
            ),
        )
        self._zone = zone
        self._failed = 0  # kept as rows come and go: the summary reads it per request

    def events(self) -> list[TraceEvent]:
        return self.rows()

    def recent(self, count: int) -> list[TraceEvent]:
        """The newest ``count`` events, without copying the whole table (called per request)."""
        return self._rows[-count:]

    def failures(self) -> int:
        return self._failed

    def set_events(self, events: list[TraceEvent]) -> None:
        kept = events[-MAX_ROWS:]
        self._failed = sum(1 for event in kept if not event.ok)
        self.set_rows(kept)

    def append(self, event: TraceEvent) -> None:
        if len(self._rows) >= MAX_ROWS:
            self.beginRemoveRows(QModelIndex(), 0, 0)
            self._failed -= not self._rows[0].ok
            del self._rows[0]
            self.endRemoveRows()
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(event)
        self._failed += not event.ok
        self.endInsertRows()

    def _time(self, event: TraceEvent) -> str:
        local = event.at.astimezone(self._zone)
        return f"{format_time(local)}:{local.second:02d}.{local.microsecond // 1000:03d}"


class TraceFilter(QSortFilterProxyModel):
    """Filters by text (route, op id, error), failures only, and method."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._failures_only = False
        self._method = ""

    def set_filters(self, *, text: str, failures_only: bool, method: str) -> None:
        self.beginFilterChange()
        self._text, self._failures_only, self._method = text.strip().lower(), failures_only, method
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        event = model.index(source_row, 0, source_parent).data(EVENT_ROLE)
        if not isinstance(event, TraceEvent):
            return False
        if self._failures_only and event.ok:
            return False
        if self._method and event.method != self._method:
            return False
        if self._text:
            haystack = " ".join((event.route, event.query, event.error or "", *event.op_ids))
            return self._text in haystack.lower()
        return True
