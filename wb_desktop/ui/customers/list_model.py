"""The cached customers as a Qt list model, narrowed by a search as the technician types.

All rows are read in one query when the cache changes; a search only filters the rows in
memory (:func:`matches_search`), so typing never waits on the database.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from wb_desktop.core.store.customer_views import CustomerRow, customer_rows, matches_search
from wb_desktop.ui.customers.texts import counts_text, customer_sync_text
from wb_desktop.ui.workday import Workday

ModelIndex = QModelIndex | QPersistentModelIndex


class CustomerRole(IntEnum):
    ROW = Qt.ItemDataRole.UserRole + 1
    CUSTOMER_ID = Qt.ItemDataRole.UserRole + 2


class CustomerListModel(QAbstractListModel):
    def __init__(self, workday: Workday, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workday = workday
        self._all: list[CustomerRow] = []
        self._rows: list[CustomerRow] = []
        self._search = ""

    @property
    def search(self) -> str:
        return self._search

    @property
    def total_count(self) -> int:
        """Customers in the cache, whatever the search."""
        return len(self._all)

    def reload(self) -> None:
        self._all = self._workday.read(customer_rows)
        self._apply()

    def set_search(self, search: str) -> None:
        if search != self._search:
            self._search = search
            self._apply()

    def _apply(self) -> None:
        self.beginResetModel()
        self._rows = [row for row in self._all if matches_search(row, self._search)]
        self.endResetModel()

    def row_of(self, customer_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.customer_id == customer_id), -1)

    def customer_ids(self) -> list[str]:
        return [row.customer_id for row in self._rows]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.name
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [row.name, row.address, row.phone, counts_text(row), customer_sync_text(row)]
            return ", ".join(part for part in parts if part)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.address
        if role == CustomerRole.ROW:
            return row
        if role == CustomerRole.CUSTOMER_ID:
            return row.customer_id
        return None
