"""The cached customers as a Qt list model, narrowed by a search as the technician types.

All rows are read in one query when the cache changes; a search only filters the rows in
memory (:func:`matches_search`), so typing never waits on the database.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QObject, Qt

from wb_desktop.core.store.customer_views import CustomerRow, matches_search
from wb_desktop.ui.customers.texts import counts_text, customer_sync_text
from wb_desktop.ui.row_models import Column, RowListModel


class CustomerRole(IntEnum):
    ROW = Qt.ItemDataRole.UserRole + 1
    CUSTOMER_ID = Qt.ItemDataRole.UserRole + 2


class CustomerListModel(RowListModel[CustomerRow]):
    row_role = CustomerRole.ROW

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            parent,
            item=Column("", lambda row: row.name, tooltip=lambda row: row.address, spoken=_spoken),
            roles={CustomerRole.CUSTOMER_ID: lambda row: row.customer_id},
        )
        self._all: list[CustomerRow] = []
        self._search = ""

    @property
    def search(self) -> str:
        return self._search

    @property
    def total_count(self) -> int:
        """Customers in the cache, whatever the search."""
        return len(self._all)

    def set_customers(self, rows: list[CustomerRow]) -> None:
        """All the customers in the cache; the list shows those the search matches."""
        self._all = list(rows)
        self._apply()

    def set_search(self, search: str) -> None:
        if search != self._search:
            self._search = search
            self._apply()

    def _apply(self) -> None:
        self.set_rows(row for row in self._all if matches_search(row, self._search))

    def row_of(self, customer_id: str) -> int:
        return self.position_where(lambda row: row.customer_id == customer_id)

    def customer_ids(self) -> list[str]:
        return [row.customer_id for row in self._rows]


def _spoken(row: CustomerRow) -> str:
    parts = [row.name, row.address, row.phone, counts_text(row), customer_sync_text(row)]
    return ", ".join(part for part in parts if part)
