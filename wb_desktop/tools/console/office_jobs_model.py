"""The office's jobs as the dispatcher lists them: when, what, for whom, who, how far."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from wb_desktop.core.domain.status import JobStatus
from wb_desktop.ui.labels import status_label
from wb_desktop.ui.row_models import Column, RowTableModel

Job = Mapping[str, Any]


class OfficeJobsModel(RowTableModel[Job]):
    context = "OfficeJobsModel"

    def __init__(self, zone: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(
            parent,
            columns=(
                Column(
                    QT_TRANSLATE_NOOP("OfficeJobsModel", "Starts"),
                    lambda job: self._local(job.get("scheduled_start"), "%Y-%m-%d %H:%M"),
                ),
                Column(
                    QT_TRANSLATE_NOOP("OfficeJobsModel", "Ends"),
                    lambda job: self._local(job.get("scheduled_end"), "%H:%M"),
                ),
                Column(
                    QT_TRANSLATE_NOOP("OfficeJobsModel", "Title"),
                    lambda job: str(job.get("title") or ""),
                    tooltip=lambda job: str(job.get("id")),
                ),
                Column(QT_TRANSLATE_NOOP("OfficeJobsModel", "Customer"), self._customer),
                Column(QT_TRANSLATE_NOOP("OfficeJobsModel", "Technician"), self._technician),
                Column(
                    QT_TRANSLATE_NOOP("OfficeJobsModel", "Status"),
                    lambda job: _status(str(job.get("status") or "")),
                ),
            ),
        )
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
        return self.row_at(row)

    def row_of(self, job_id: str) -> int:
        return self.position_where(lambda job: job.get("id") == job_id)

    def _customer(self, job: Job) -> str:
        customer_id = str(job.get("customer_id"))
        return self._customers.get(customer_id, customer_id[:8])

    def _technician(self, job: Job) -> str:
        technician_id = job.get("technician_id")
        if not technician_id:
            return self.tr("Unassigned")
        return self._technicians.get(str(technician_id), str(technician_id)[:8])

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
