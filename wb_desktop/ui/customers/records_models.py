"""A customer's jobs and documents as table models; a tapped row opens the job or document."""

from __future__ import annotations

from datetime import tzinfo
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QObject,
    Qt,
)

from wb_desktop.core.store.customer_views import CustomerDocumentRow, CustomerJobRow
from wb_desktop.ui.documents.labels import delivery_label, kind_label, payment_label
from wb_desktop.ui.formatting import format_date, format_money, format_time
from wb_desktop.ui.labels import status_label, sync_state_label
from wb_desktop.ui.row_table_model import RowTableModel

RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class CustomerJobsModel(RowTableModel[CustomerJobRow]):
    class Column(IntEnum):
        DATE = 0
        TITLE = 1
        STATUS = 2
        SYNC = 3

    def __init__(self, zone: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone = zone

    def set_jobs(self, jobs: list[CustomerJobRow]) -> None:
        self.set_rows(jobs)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Date"), self.tr("Job"), self.tr("Status"), self.tr("Sync"))

    def cell(self, job: CustomerJobRow, column_number: int, role: int) -> Any:
        if role == RECORD_ID_ROLE:
            return job.job_id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = self.Column(column_number)
        if column is self.Column.DATE:
            local = job.start.astimezone(self._zone)
            return f"{format_date(local.date())} {format_time(local)}"
        if column is self.Column.TITLE:
            return job.title
        if column is self.Column.STATUS:
            return status_label(job.status)
        return sync_state_label(job.sync_state)


class CustomerDocumentsModel(RowTableModel[CustomerDocumentRow]):
    class Column(IntEnum):
        REFERENCE = 0
        KIND = 1
        TOTAL = 2
        DELIVERY = 3
        PAYMENT = 4
        SYNC = 5

    def set_documents(self, documents: list[CustomerDocumentRow]) -> None:
        self.set_rows(documents)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Reference"),
            self.tr("Kind"),
            self.tr("Total"),
            self.tr("Delivery"),
            self.tr("Payment"),
            self.tr("Sync"),
        )

    def cell(self, document: CustomerDocumentRow, column_number: int, role: int) -> Any:
        column = self.Column(column_number)
        if role == RECORD_ID_ROLE:
            return document.document_id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column is self.Column.TOTAL else _LEFT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column is self.Column.REFERENCE:
            return document.reference
        if column is self.Column.KIND:
            return kind_label(document.kind)
        if column is self.Column.TOTAL:
            return format_money(document.total, document.currency)
        if column is self.Column.DELIVERY:
            return delivery_label(document.delivery_state)
        if column is self.Column.PAYMENT:
            status = document.payment_status
            return payment_label(status) if status is not None else "—"
        return sync_state_label(document.sync_state)
