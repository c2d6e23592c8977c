"""The time entries of a day as a table, and the time formats the time clock shows.

Running entries keep growing, so the model holds "now" and the views move it on each timer
tick; only the running rows' duration cells are then reported as changed.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from wb_desktop.core.store.time_queries import TimeEntryView
from wb_desktop.ui.cards import current_colours
from wb_desktop.ui.documents.labels import sync_colour
from wb_desktop.ui.labels import sync_state_label
from wb_desktop.ui.row_models import Column, RowTableModel

CONTEXT = "TimeClock"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def format_timer(span: timedelta) -> str:
    """A running timer, hh:mm:ss; hours go past 99 rather than wrap."""
    seconds = max(int(span.total_seconds()), 0)
    hours, rest = divmod(seconds, 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


def format_total(span: timedelta) -> str:
    """A total for reading at a glance: "3 h 05 min"."""
    minutes = max(int(span.total_seconds()), 0) // 60
    hours, rest = divmod(minutes, 60)
    return tr("%1 h %2 min").replace("%1", str(hours)).replace("%2", f"{rest:02d}")


def format_clock(moment: datetime, zone: tzinfo) -> str:
    return moment.astimezone(zone).strftime("%H:%M")


def entry_name(entry: TimeEntryView) -> str:
    if entry.job_id is None:
        return tr("Day")
    return entry.job_title or tr("Job")


class TimeEntriesModel(RowTableModel[TimeEntryView]):
    """Read-only rows of :class:`TimeEntryView`; times shown in the technician's zone."""

    JOB_COLUMN = 0
    IN_COLUMN = 1
    OUT_COLUMN = 2
    DURATION_COLUMN = 3
    SYNC_COLUMN = 4
    COLUMN_COUNT = 5
    EntryIdRole = Qt.ItemDataRole.UserRole + 1
    context = CONTEXT
    row_role = None  # EntryIdRole has the number a row role would

    def __init__(self, zone: tzinfo, now: datetime, parent: QObject | None = None) -> None:
        super().__init__(
            parent,
            columns=(
                Column(QT_TRANSLATE_NOOP("TimeClock", "Job"), entry_name),
                Column(QT_TRANSLATE_NOOP("TimeClock", "In"), self._clock_in),
                Column(QT_TRANSLATE_NOOP("TimeClock", "Out"), self._clock_out),
                Column(QT_TRANSLATE_NOOP("TimeClock", "Duration"), self._duration),
                Column(
                    QT_TRANSLATE_NOOP("TimeClock", "Sync"),
                    lambda entry: sync_state_label(entry.sync_state),
                    tooltip=lambda entry: entry.sync_error,
                    colour=self._sync_brush,
                ),
            ),
            roles={self.EntryIdRole: lambda entry: entry.id},
        )
        self._zone = zone
        self._now = now

    @property
    def entries(self) -> list[TimeEntryView]:
        return self.rows()

    def set_entries(self, entries: list[TimeEntryView], now: datetime) -> None:
        self._now = now
        self.set_rows(entries)

    def set_now(self, now: datetime) -> None:
        """Move the running rows' durations on; finished rows do not change."""
        self._now = now
        for row, entry in enumerate(self._rows):
            if entry.running:
                cell = self.index(row, self.DURATION_COLUMN)
                self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole])

    def _clock_in(self, entry: TimeEntryView) -> str:
        return format_clock(entry.clock_in, self._zone)

    def _clock_out(self, entry: TimeEntryView) -> str:
        if entry.clock_out is None:
            return tr("running")
        return format_clock(entry.clock_out, self._zone)

    def _duration(self, entry: TimeEntryView) -> str:
        return format_timer(entry.worked(self._now))

    @staticmethod
    def _sync_brush(entry: TimeEntryView) -> QBrush:
        return QBrush(QColor(sync_colour(entry.sync_state, current_colours())))
