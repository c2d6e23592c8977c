"""The day's jobs as a Qt list model over the cache.

Rows are plain :class:`ScheduleRow` values read in one query; the model reloads the day
when the cache changes (a local write or a sync that pulled), keeping rows in start order.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QLocale, QObject, Qt

from wb_desktop.core.store.job_views import ScheduleRow
from wb_desktop.ui.labels import badge_label, status_label
from wb_desktop.ui.row_models import Column, RowListModel
from wb_desktop.ui.workday import Workday


class ScheduleRole(IntEnum):
    ROW = Qt.ItemDataRole.UserRole + 1
    JOB_ID = Qt.ItemDataRole.UserRole + 2
    TIME_WINDOW = Qt.ItemDataRole.UserRole + 3


class ScheduleModel(RowListModel[ScheduleRow]):
    row_role = ScheduleRole.ROW

    def __init__(self, workday: Workday, parent: QObject | None = None) -> None:
        super().__init__(
            parent,
            item=Column(
                "",
                lambda row: f"{self.time_window(row)}  {row.title} — {row.customer_name}",
                tooltip=self._whole_card,
                spoken=self._spoken,
            ),
            roles={
                ScheduleRole.JOB_ID: lambda row: row.job_id,
                ScheduleRole.TIME_WINDOW: self.time_window,
            },
        )
        self._workday = workday
        self._locale = QLocale()

    def row_of(self, job_id: str) -> int:
        return self.position_where(lambda row: row.job_id == job_id)

    def job_ids(self) -> list[str]:
        return [row.job_id for row in self._rows]

    def time_window(self, row: ScheduleRow) -> str:
        start = self._workday.local(row.start)
        end = self._workday.local(row.end)
        fmt = QLocale.FormatType.ShortFormat
        return (
            f"{self._locale.toString(start.time(), fmt)}–{self._locale.toString(end.time(), fmt)}"
        )

    def _whole_card(self, row: ScheduleRow) -> str:
        """Every word a card shows, for when a narrow card elides some of them."""
        return f"{self.time_window(row)}  {row.title}\n{row.customer_name}\n{row.address}"

    def _spoken(self, row: ScheduleRow) -> str:
        return (
            f"{self.time_window(row)}, {row.title}, {row.customer_name}, {row.address}, "
            f"{status_label(row.status)}, {badge_label(row.badge)}"
        )
