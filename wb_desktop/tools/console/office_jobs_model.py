"""The office's jobs as the dispatcher lists them: when, what, for whom, who, how far."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt

from wb_desktop.core.domain.status import JobStatus
from wb_desktop.ui.labels import status_label
from wb_desktop.ui.row_table_model import RowTableModel

Job = Mapping[str, Any]


class JobColumn(IntEnum):
    STARTS = 0
    ENDS = 1
    TITLE = 2
    CUSTOMER = 3
    TECHNICIAN = 4
    STATUS = 5


class OfficeJobsModel(RowTableModel[Job]):
    def __init__(self, zone: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._customers: dict[str, str] = {}
        self._technicians: dict[str, str] = {}

    def set_jobs(
        self,
        jobs: Sequence[Job],
        customers: Mapping[str, str],
        technicians: Mapping[str, str],
    ) -> None:
        """``customers`` and ``technicians`` map ids to the names shown."""
        self._customers = dict(customers)
        self._technicians = dict(technicians)
        self.set_rows(jobs)

    def job(self, row: int) -> Job:
        return self._rows[row]

    def row_of(self, job_id: str) -> int:
        for row, job in enumerate(self._rows):
            if job.get("id") == job_id:
                return row
        return -1

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Starts"),
            self.tr("Ends"),
            self.tr("Title"),
            self.tr("Customer"),
            self.tr("Technician"),
            self.tr("Status"),
        )

    def cell(self, job: Job, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == JobColumn.TITLE:
            return str(job.get("id"))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        match JobColumn(column):
            case JobColumn.STARTS:
                return self._local(job.get("scheduled_start"), "%Y-%m-%d %H:%M")
            case JobColumn.ENDS:
                return self._local(job.get("scheduled_end"), "%H:%M")
            case JobColumn.TITLE:
                return str(job.get("title") or "")
            case JobColumn.CUSTOMER:
                customer_id = str(job.get("customer_id"))
                return self._customers.get(customer_id, customer_id[:8])
            case JobColumn.TECHNICIAN:
                technician_id = job.get("technician_id")
                if not technician_id:
                    return self.tr("Unassigned")
                return self._technicians.get(str(technician_id), str(technician_id)[:8])
            case _:
                return _status(str(job.get("status") or ""))

    def _local(self, value: Any, pattern: str) -> str:
        try:
            return datetime.fromisoformat(str(value)).astimezone(self._zone).strftime(pattern)
        except ValueError:
            return str(value or "")


def _status(value: str) -> str:
    try:
        return status_label(JobStatus(value))
    except ValueError:
        return value
