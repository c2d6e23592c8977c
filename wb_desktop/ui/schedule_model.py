"""The day's jobs as a Qt list model over the cache.

Rows are plain :class:`ScheduleRow` values read in one query; the model reloads the day
when the cache changes (a local write or a sync that pulled), keeping rows in start order.
"""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from wb_desktop.core.store.job_views import ScheduleRow, schedule_rows
from wb_desktop.ui.labels import badge_label, status_label
from wb_desktop.ui.workday import Workday

ModelIndex = QModelIndex | QPersistentModelIndex


class ScheduleRole(IntEnum):
    ROW = Qt.ItemDataRole.UserRole + 1
    JOB_ID = Qt.ItemDataRole.UserRole + 2
    TIME_WINDOW = Qt.ItemDataRole.UserRole + 3


class ScheduleModel(QAbstractListModel):
    def __init__(self, workday: Workday, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workday = workday
        self._day = workday.today()
        self._rows: list[ScheduleRow] = []
        self._locale = QLocale()

    @property
    def day(self) -> date:
        return self._day

    def show_day(self, day: date) -> None:
        self._day = day
        self.reload()

    def reload(self) -> None:
        workday = self._workday
        rows = workday.read(
            lambda session: schedule_rows(session, workday.technician_id, self._day, workday.zone)
        )
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_of(self, job_id: str) -> int:
        return next((i for i, row in enumerate(self._rows) if row.job_id == job_id), -1)

    def job_ids(self) -> list[str]:
        return [row.job_id for row in self._rows]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def time_window(self, row: ScheduleRow) -> str:
        start = self._workday.local(row.start)
        end = self._workday.local(row.end)
        fmt = QLocale.FormatType.ShortFormat
        return (
            f"{self._locale.toString(start.time(), fmt)}–{self._locale.toString(end.time(), fmt)}"
        )

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self.time_window(row)}  {row.title} — {row.customer_name}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return (
                f"{self.time_window(row)}, {row.title}, {row.customer_name}, {row.address}, "
                f"{status_label(row.status)}, {badge_label(row.badge)}"
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.address
        if role == ScheduleRole.ROW:
            return row
        if role == ScheduleRole.JOB_ID:
            return row.job_id
        if role == ScheduleRole.TIME_WINDOW:
            return self.time_window(row)
        return None
