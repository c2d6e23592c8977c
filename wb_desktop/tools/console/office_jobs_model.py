"""The office's jobs as the dispatcher lists them: when, what, for whom, who, how far."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.protocol.records import JobRecord
from wb_desktop.ui.labels import status_label
from wb_desktop.ui.row_models import Column, RowTableModel


class OfficeJobsModel(RowTableModel[JobRecord]):
    context = "OfficeJobsModel"

    def __init__(self, zone: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(
            parent,
            columns=(
                Column(
                    QT_TRANSLATE_NOOP("OfficeJobsModel", "Starts"),
                    lambda job: self._local(job.scheduled_start, "%Y-%m-%d %H:%M"),
                ),
                Column(
                    QT_TRANSLATE_NOOP("OfficeJobsModel", "Ends"),
                    lambda job: self._local(job.scheduled_end, "%H:%M"),
                ),
                Column(
                    QT_TRANSLATE_NOOP("OfficeJobsModel", "Title"),
                    lambda job: job.title,
                    tooltip=lambda job: job.id,
                ),
                Column(QT_TRANSLATE_NOOP("OfficeJobsModel", "Customer"), self._customer),
                Column(QT_TRANSLATE_NOOP("OfficeJobsModel", "Technician"), self._technician),
                Column(
                    QT_TRANSLATE_NOOP("OfficeJobsModel", "Status"),
                    lambda job: _status(job.status),
                ),
            ),
        )
        self._zone = zone
        self._customers: dict[str, str] = {}
        self._technicians: dict[str, str] = {}

    def set_jobs(
        self,
        jobs: Sequence[JobRecord],
        customers: Mapping[str, str],
        technicians: Mapping[str, str],
    ) -> None:
        """``customers`` and ``technicians`` map ids to the names shown."""
        self._customers = dict(customers)
        self._technicians = dict(technicians)
        self.set_rows(jobs)

    def job(self, row: int) -> JobRecord:
        return self.row_at(row)

    def row_of(self, job_id: str) -> int:
        return self.position_where(lambda job: job.id == job_id)

    def _customer(self, job: JobRecord) -> str:
        return self._customers.get(job.customer_id, job.customer_id[:8])

    def _technician(self, job: JobRecord) -> str:
        technician_id = job.technician_id
        if not technician_id:
            return self.tr("Unassigned")
        return self._technicians.get(technician_id, technician_id[:8])

    def _local(self, moment: datetime, pattern: str) -> str:
        return moment.astimezone(self._zone).strftime(pattern)


def _status(value: str) -> str:
    try:
        return status_label(JobStatus(value))
    except ValueError:
        return value
