"""The time entries of a day as a table, and the time formats the time clock shows.

Running entries keep growing, so the model holds "now" and the views move it on each timer
tick; only the running rows' duration cells are then reported as changed.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication

from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.time_queries import TimeEntryView
from wb_desktop.ui.labels import sync_state_label
from wb_desktop.ui.theme import colours_for

CONTEXT = "TimeClock"
ModelIndex = QModelIndex | QPersistentModelIndex


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


class TimeEntriesModel(QAbstractTableModel):
    """Read-only rows of :class:`TimeEntryView`; times shown in the technician's zone."""

    JOB_COLUMN = 0
    IN_COLUMN = 1
    OUT_COLUMN = 2
    DURATION_COLUMN = 3
    SYNC_COLUMN = 4
    COLUMN_COUNT = 5
    EntryIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, zone: tzinfo, now: datetime, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._now = now
        self._entries: list[TimeEntryView] = []

    @property
    def entries(self) -> list[TimeEntryView]:
        return list(self._entries)

    def set_entries(self, entries: list[TimeEntryView], now: datetime) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._now = now
        self.endResetModel()

    def set_now(self, now: datetime) -> None:
        """Move the running rows' durations on; finished rows do not change."""
        self._now = now
        for row, entry in enumerate(self._entries):
            if entry.running:
                cell = self.index(row, self.DURATION_COLUMN)
                self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole])

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (tr("Job"), tr("In"), tr("Out"), tr("Duration"), tr("Sync"))
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == self.EntryIdRole:
            return entry.id
        if role == Qt.ItemDataRole.ToolTipRole and column == self.SYNC_COLUMN:
            return entry.sync_error
        if role == Qt.ItemDataRole.ForegroundRole and column == self.SYNC_COLUMN:
            return self._sync_brush(entry.sync_state)
        return None

    def _text(self, entry: TimeEntryView, column: int) -> str | None:
        if column == self.JOB_COLUMN:
            return entry_name(entry)
        if column == self.IN_COLUMN:
            return format_clock(entry.clock_in, self._zone)
        if column == self.OUT_COLUMN:
            if entry.clock_out is None:
                return tr("running")
            return format_clock(entry.clock_out, self._zone)
        if column == self.DURATION_COLUMN:
            return format_timer(entry.worked(self._now))
        if column == self.SYNC_COLUMN:
            return sync_state_label(entry.sync_state)
        return None

    @staticmethod
    def _sync_brush(state: SyncState) -> QBrush | None:
        app = QApplication.instance()
        colours = colours_for(bool(app.property("wb_high_contrast")) if app else False)
        colour = {
            SyncState.LOCAL_ONLY: colours.pending,
            SyncState.PENDING: colours.pending,
            SyncState.SYNCED: colours.synced,
            SyncState.FAILED: colours.error,
            SyncState.CONFLICT: colours.error,
        }[state]
        return QBrush(QColor(colour))
