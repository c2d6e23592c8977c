"""The sync trace as a table: one row per request, newest last, filtered in place."""

from __future__ import annotations

from datetime import tzinfo
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from wb_desktop.core.sync.trace import TraceEvent
from wb_desktop.ui.formatting import format_time

MAX_ROWS = 20_000  # the file keeps everything; the table keeps the recent past
EVENT_ROLE = Qt.ItemDataRole.UserRole + 1
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


class TraceTableModel(QAbstractTableModel):
    def __init__(self, zone: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._events: list[TraceEvent] = []
        self._failed = 0  # kept as rows come and go: the summary reads it per request

    def events(self) -> list[TraceEvent]:
        return list(self._events)

    def recent(self, count: int) -> list[TraceEvent]:
        """The newest ``count`` events, without copying the whole table (called per request)."""
        return self._events[-count:]

    def failures(self) -> int:
        return self._failed

    def set_events(self, events: list[TraceEvent]) -> None:
        self.beginResetModel()
        self._events = events[-MAX_ROWS:]
        self._failed = sum(1 for event in self._events if not event.ok)
        self.endResetModel()

    def append(self, event: TraceEvent) -> None:
        if len(self._events) >= MAX_ROWS:
            self.beginRemoveRows(QModelIndex(), 0, 0)
            self._failed -= not self._events[0].ok
            del self._events[0]
            self.endRemoveRows()
        row = len(self._events)
        self.beginInsertRows(QModelIndex(), row, row)
        self._events.append(event)
        self._failed += not event.ok
        self.endInsertRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(TraceColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Time"),
            self.tr("Method"),
            self.tr("Route"),
            self.tr("Status"),
            self.tr("ms"),
            self.tr("Sent"),
            self.tr("Received"),
            self.tr("Ops"),
            self.tr("Profile"),
            self.tr("Error"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        event = self._events[index.row()]
        column = TraceColumn(index.column())
        if role == EVENT_ROLE:
            return event
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column is TraceColumn.OPS:
            return "\n".join(event.op_ids) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._text(event, column)

    def _text(self, event: TraceEvent, column: TraceColumn) -> str:
        if column is TraceColumn.TIME:
            local = event.at.astimezone(self._zone)
            return f"{format_time(local)}:{local.second:02d}.{local.microsecond // 1000:03d}"
        if column is TraceColumn.METHOD:
            return event.method
        if column is TraceColumn.ROUTE:
            return event.route + (f"?{event.query}" if event.query else "")
        if column is TraceColumn.STATUS:
            return "—" if event.status is None else str(event.status)
        if column is TraceColumn.DURATION:
            return f"{event.duration_ms:.0f}"
        if column is TraceColumn.SENT:
            return str(event.bytes_sent)
        if column is TraceColumn.RECEIVED:
            return str(event.bytes_received)
        if column is TraceColumn.OPS:
            return str(len(event.op_ids)) if event.op_ids else ""
        if column is TraceColumn.PROFILE:
            return event.profile
        return event.error or ""


_NUMBERS = (TraceColumn.STATUS, TraceColumn.DURATION, TraceColumn.SENT, TraceColumn.RECEIVED)


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
