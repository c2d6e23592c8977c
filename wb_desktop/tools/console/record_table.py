"""A read-only table over records (mappings), whatever their columns: the data panel's
browser of the cache and of the office. Values are shown as stored, times in the console's
zone so both sides read alike."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from decimal import Decimal
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from wb_desktop.tools.diagnostics.convergence import TIME_FIELDS, normalise
from wb_desktop.ui.theme import NORMAL, TOUCH_TARGET_PX

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_CELL = 120
_Index = QModelIndex | QPersistentModelIndex
_STATE_COLUMNS = ("sync_state", "state")
_STATE_COLOURS = {
    "synced": NORMAL.synced,
    "done": NORMAL.synced,
    "pending": NORMAL.pending,
    "local_only": NORMAL.pending,
    "queued": NORMAL.pending,
    "in_flight": NORMAL.pending,
    "failed": NORMAL.error,
    "dead": NORMAL.error,
    "conflict": NORMAL.error,
}


def display_value(column: str, value: Any, zone: tzinfo) -> str:
    """One line of text for a stored value; the tooltip has the whole of it."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        value = value.value
    if column in TIME_FIELDS or isinstance(value, datetime) or column.endswith("_at"):
        moment = normalise("clock_in", value)  # any time field: parsed and made UTC
        if isinstance(moment, datetime):
            return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Mapping | list | tuple):
        text = json.dumps(value, default=str, ensure_ascii=False)
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def full_value(value: Any) -> str:
    if isinstance(value, Mapping | list | tuple):
        return json.dumps(value, default=str, ensure_ascii=False, indent=1)
    return "" if value is None else str(getattr(value, "value", value))


class RecordTableModel(QAbstractTableModel):
    """Rows are mappings; ``identity`` names the key that says which record a row is."""

    def __init__(self, zone: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._columns: tuple[str, ...] = ()
        self._rows: list[Mapping[str, Any]] = []
        self._identity = "id"

    def set_records(
        self, columns: Sequence[str], rows: Sequence[Mapping[str, Any]], identity: str = "id"
    ) -> None:
        self.beginResetModel()
        self._columns = tuple(columns)
        self._rows = list(rows)
        self._identity = identity
        self.endResetModel()

    def columns(self) -> tuple[str, ...]:
        return self._columns

    def record(self, row: int) -> Mapping[str, Any]:
        return self._rows[row]

    def identity(self, row: int) -> str:
        return str(self._rows[row].get(self._identity) or "")

    def row_of(self, identity: str) -> int:
        """The row of the record with this identity, or -1."""
        for row, record in enumerate(self._rows):
            if str(record.get(self._identity) or "") == identity:
                return row
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section] if 0 <= section < len(self._columns) else None
        return section + 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        record = self._rows[index.row()]
        column = self._columns[index.column()]
        value = record.get(column)
        if role == Qt.ItemDataRole.DisplayRole:
            return display_value(column, value, self._zone)
        if role == Qt.ItemDataRole.ToolTipRole:
            return full_value(value) or None
        if role == Qt.ItemDataRole.ForegroundRole and column in _STATE_COLUMNS:
            colour = _STATE_COLOURS.get(str(getattr(value, "value", value)))
            return QColor(colour) if colour else None
        if role == RECORD_ROLE:
            return record
        return None


def searchable(model: QAbstractTableModel, parent: QObject) -> QSortFilterProxyModel:
    """A proxy that keeps the rows with the search text in any column, any case."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


def record_view(model: QSortFilterProxyModel, name: str, parent: QWidget) -> QTableView:
    """A read-only, row-selecting table with touch-high rows."""
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    model.sort(
        -1
    )  # the order the rows came in (the cache's, the office's) until a header is tapped
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(TOUCH_TARGET_PX)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultSectionSize(140)
    header.setStretchLastSection(True)
    header.setMinimumHeight(TOUCH_TARGET_PX)
    return view


def select_source_row(view: QTableView, proxy: QSortFilterProxyModel, row: int) -> bool:
    """Select a source row in a proxied view and scroll to it; False when it is hidden."""
    if row < 0:
        view.clearSelection()
        return False
    index = proxy.mapFromSource(proxy.sourceModel().index(row, 0))
    if not index.isValid():
        view.clearSelection()
        return False
    view.selectRow(index.row())
    view.scrollTo(index)
    return True
