"""The outbox as a table for the inspector: one row per op, in the order they were made."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from enum import IntEnum, StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication

from wb_desktop.core.store.models import OutboxState
from wb_desktop.core.store.outbox_admin import OutboxRow
from wb_desktop.ui.relative_time import local_timestamp
from wb_desktop.ui.theme import colours_for

OP_ROLE = Qt.ItemDataRole.UserRole + 1  # the OutboxRow of a row
_CONTEXT = "OutboxPanel"
_Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class OutboxColumn(IntEnum):
    SEQ = 0
    KIND = 1
    RECORD = 2
    STATE = 3
    ATTEMPTS = 4
    LAST_ERROR = 5
    NEXT_RETRY = 6


class StateFilter(StrEnum):
    """What the inspector's filter offers; ``EVERYTHING`` also lists accepted ops."""

    WAITING = "waiting"
    QUEUED = "queued"
    IN_FLIGHT = "in_flight"
    DEAD = "dead"
    BLOCKED = "blocked"
    EVERYTHING = "everything"

    def admits(self, row: OutboxRow) -> bool:
        if self is StateFilter.EVERYTHING:
            return True
        if self is StateFilter.WAITING:
            return row.state is not OutboxState.DONE
        if self is StateFilter.BLOCKED:
            return row.blocked
        return row.state.value == self.value


def filter_label(choice: StateFilter) -> str:
    return {
        StateFilter.WAITING: _t("Not yet accepted"),
        StateFilter.QUEUED: _t("Queued"),
        StateFilter.IN_FLIGHT: _t("Sending"),
        StateFilter.DEAD: _t("Refused (dead)"),
        StateFilter.BLOCKED: _t("Held back by a refused op"),
        StateFilter.EVERYTHING: _t("Everything, accepted ops too"),
    }[choice]


def state_label(row: OutboxRow) -> str:
    if row.state is OutboxState.QUEUED and row.blocked:
        return _t("Held back")
    return {
        OutboxState.QUEUED: _t("Queued"),
        OutboxState.IN_FLIGHT: _t("Sending"),
        OutboxState.DEAD: _t("Refused"),
        OutboxState.DONE: _t("Accepted"),
    }[row.state]


def record_text(row: OutboxRow) -> str:
    if row.record_label:
        return f"{row.record_type} · {row.record_label}"
    return f"{row.record_type} · {row.record_id[:8]}"


class OutboxTableModel(QAbstractTableModel):
    """Rows are replaced whole on each refresh (the panel keeps the selection by op id)."""

    def __init__(
        self, zone: tzinfo, now: Callable[[], datetime], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._zone = zone
        self._now = now
        self._rows: list[OutboxRow] = []

    def set_rows(self, rows: Sequence[OutboxRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[OutboxRow]:
        return list(self._rows)

    def row_of(self, op_id: str) -> int:
        for number, row in enumerate(self._rows):
            if row.op_id == op_id:
                return number
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(OutboxColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (
            _t("Seq"),
            _t("Kind"),
            _t("Record"),
            _t("State"),
            _t("Attempts"),
            _t("Last error"),
            _t("Next retry"),
        )
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = OutboxColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == OP_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column is OutboxColumn.STATE:
            return _state_brush(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            OutboxColumn.SEQ,
            OutboxColumn.ATTEMPTS,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: OutboxRow, column: OutboxColumn) -> str:
        match column:
            case OutboxColumn.SEQ:
                return str(row.seq)
            case OutboxColumn.KIND:
                return row.kind
            case OutboxColumn.RECORD:
                return record_text(row)
            case OutboxColumn.STATE:
                return state_label(row)
            case OutboxColumn.ATTEMPTS:
                return str(row.attempts)
            case OutboxColumn.LAST_ERROR:
                return (row.last_error or "").replace("\n", " ")
            case OutboxColumn.NEXT_RETRY:
                return self._next_retry(row)
        return ""

    def _next_retry(self, row: OutboxRow) -> str:
        if row.state is not OutboxState.QUEUED:
            return ""
        if row.blocked:
            return _t("after the refused op")
        if row.next_attempt_at is None or row.next_attempt_at <= self._now():
            return _t("next sync")
        return local_timestamp(row.next_attempt_at, self._zone)

    def _tooltip(self, row: OutboxRow, column: OutboxColumn) -> str | None:
        if column is OutboxColumn.LAST_ERROR and row.last_error:
            return row.last_error
        if column is OutboxColumn.RECORD:
            return f"{row.record_type} {row.record_id}"
        if column is OutboxColumn.STATE and row.blocked:
            return _t("Waits behind: %1").replace("%1", ", ".join(row.blocked_by))
        return None


def _state_brush(row: OutboxRow) -> QBrush:
    app = QApplication.instance()
    colours = colours_for(bool(app.property("wb_high_contrast")) if app else False)
    if row.state is OutboxState.DEAD:
        return QBrush(QColor(colours.error))
    if row.blocked:
        return QBrush(QColor(colours.warning))
    if row.state is OutboxState.DONE:
        return QBrush(QColor(colours.synced))
    return QBrush(QColor(colours.pending))
