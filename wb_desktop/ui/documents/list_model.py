"""The cached invoices and estimates as a Qt list model: one query per reload."""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum

from PySide6.QtCore import QObject, Qt

from wb_desktop.core.domain.records import DocumentKind
from wb_desktop.core.store.document_views import DocumentRow
from wb_desktop.ui.documents.labels import delivery_label, kind_label, payment_label
from wb_desktop.ui.formatting import format_money
from wb_desktop.ui.labels import sync_state_label
from wb_desktop.ui.row_models import Column, RowListModel


class DocumentRole(IntEnum):
    ROW = Qt.ItemDataRole.UserRole + 1
    DOCUMENT_ID = Qt.ItemDataRole.UserRole + 2
    TOTAL_TEXT = Qt.ItemDataRole.UserRole + 3


class DocumentListModel(RowListModel[DocumentRow]):
    """Rows are plain :class:`DocumentRow` values; filters are applied in SQL."""

    row_role = DocumentRole.ROW

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            parent,
            item=Column(
                "",
                lambda row: f"{row.reference} — {row.customer_name} — {self._total_text(row)}",
                spoken=self._spoken,
            ),
            roles={
                DocumentRole.DOCUMENT_ID: lambda row: row.id,
                DocumentRole.TOTAL_TEXT: self._total_text,
            },
        )
        self._totals: dict[str, str] = {}  # formatted when first shown, kept until a reload
        self.kind: DocumentKind | None = None
        self.search = ""
        self.customer_id: str | None = None

    def set_rows(self, rows: Iterable[DocumentRow]) -> None:
        self._totals = {}
        super().set_rows(rows)

    def _total_text(self, row: DocumentRow) -> str:
        text = self._totals.get(row.id)
        if text is None:
            text = self._totals[row.id] = format_money(row.total, row.currency)
        return text

    def row_of(self, document_id: str) -> int:
        return self.position_where(lambda row: row.id == document_id)

    def document_ids(self) -> list[str]:
        return [row.id for row in self._rows]

    def _spoken(self, row: DocumentRow) -> str:
        parts = [
            kind_label(row.kind),
            row.reference,
            row.customer_name,
            self._total_text(row),
            delivery_label(row.delivery_state),
            sync_state_label(row.sync_state),
        ]
        if row.payment_status is not None:
            parts.append(payment_label(row.payment_status))
        return ", ".join(parts)
