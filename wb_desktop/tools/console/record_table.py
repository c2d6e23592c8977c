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

from PySide6.QtCore import QAbstractItemModel, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from wb_desktop.tools.diagnostics.convergence import TIME_FIELDS, normalise
from wb_desktop.ui.row_models import ROW_ROLE, Column, RowTableModel
from wb_desktop.ui.theme import NORMAL, TOUCH_TARGET_PX

RECORD_ROLE = ROW_ROLE
MAX_CELL = 120
Record = Mapping[str, Any]
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


class RecordTableModel(RowTableModel[Record]):
    """Rows are mappings; ``identity`` names the key that says which record a row is. The
    headings are the stored field names, shown as they are (not translated)."""

    def __init__(self, zone: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._names: tuple[str, ...] = ()
        self._identity = "id"

    def set_records(
        self, columns: Sequence[str], rows: Sequence[Record], identity: str = "id"
    ) -> None:
        self._names = tuple(columns)
        self._identity = identity
        self._replace(rows, [self._column(name) for name in self._names])

    def _column(self, name: str) -> Column[Record]:
        def colour(record: Record) -> QColor | None:
            value = record.get(name)
            known = _STATE_COLOURS.get(str(getattr(value, "value", value)))
            return QColor(known) if known else None

        return Column(
            name,
            lambda record: display_value(name, record.get(name), self._zone),
            tooltip=lambda record: full_value(record.get(name)) or None,
            colour=colour if name in _STATE_COLUMNS else None,
        )

    def columns(self) -> tuple[str, ...]:
        return self._names

    def record(self, row: int) -> Record:
        return self.row_at(row)

    def identity(self, row: int) -> str:
        return str(self.row_at(row).get(self._identity) or "")

    def row_of(self, identity: str) -> int:
        """The row of the record with this identity, or -1."""
        key = self._identity
        return self.position_where(lambda record: str(record.get(key) or "") == identity)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return super().headerData(section, orientation, role)


def searchable(model: QAbstractItemModel, parent: QObject) -> QSortFilterProxyModel:
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
