"""The cached invoices and estimates as a Qt list model: one query per reload."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from wb_desktop.core.domain.records import DocumentKind
from wb_desktop.core.store.document_views import DocumentRow, document_rows
from wb_desktop.ui.documents.labels import delivery_label, kind_label, payment_label
from wb_desktop.ui.formatting import format_money
from wb_desktop.ui.labels import sync_state_label
from wb_desktop.ui.workday import Workday

ModelIndex = QModelIndex | QPersistentModelIndex


class DocumentRole(IntEnum):
    ROW = Qt.ItemDataRole.UserRole + 1
    DOCUMENT_ID = Qt.ItemDataRole.UserRole + 2
    TOTAL_TEXT = Qt.ItemDataRole.UserRole + 3


class DocumentListModel(QAbstractListModel):
    """Rows are plain :class:`DocumentRow` values; filters are applied in SQL."""

    def __init__(self, workday: Workday, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workday = workday
        self._rows: list[DocumentRow] = []
        self._totals: list[str | None] = []
        self.kind: DocumentKind | None = None
        self.search = ""
        self.customer_id: str | None = None

    def set_filter(
        self, *, kind: DocumentKind | None, search: str, customer_id: str | None = None
    ) -> None:
        self.kind, self.search, self.customer_id = kind, search, customer_id
        self.reload()

    def reload(self) -> None:
        kind, search, customer_id = self.kind, self.search, self.customer_id
        rows = self._workday.read(
            lambda session: document_rows(
                session, kind=kind, customer_id=customer_id, search=search
            )
        )
        self.beginResetModel()
        self._rows = rows
        self._totals = [None] * len(rows)  # formatted when first shown, then kept
        self.endResetModel()

    def _total_text(self, position: int) -> str:
        text = self._totals[position]
        if text is None:
            row = self._rows[position]
            text = self._totals[position] = format_money(row.total, row.currency)
        return text

    def row_of(self, document_id: str) -> int:
        return next((i for i, row in enumerate(self._rows) if row.id == document_id), -1)

    def document_ids(self) -> list[str]:
        return [row.id for row in self._rows]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        total = self._total_text(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.reference} — {row.customer_name} — {total}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [
                kind_label(row.kind),
                row.reference,
                row.customer_name,
                total,
                delivery_label(row.delivery_state),
                sync_state_label(row.sync_state),
            ]
            if row.payment_status is not None:
                parts.append(payment_label(row.payment_status))
            return ", ".join(parts)
        if role == DocumentRole.ROW:
            return row
        if role == DocumentRole.DOCUMENT_ID:
            return row.id
        if role == DocumentRole.TOTAL_TEXT:
            return total
        return None
