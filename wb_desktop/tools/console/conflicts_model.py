"""Open conflicts as two tables: the records in conflict, and one record's fields side by side."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.store.conflict_resolution import ConflictField, OpenConflict
from wb_desktop.ui.labels import status_label
from wb_desktop.ui.relative_time import local_timestamp

CONFLICT_ROLE = Qt.ItemDataRole.UserRole + 1  # the OpenConflict (records) or ConflictField
_CONTEXT = "ConflictsPanel"
_Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def value_text(record_type: str, field: str, value: Any) -> str:
    """A field's value as a person reads it; an empty value says so instead of a blank."""
    if value is None or value == "":
        return _t("(empty)")
    if record_type == "job" and field == "status":
        try:
            return status_label(JobStatus(value))
        except ValueError:
            return str(value)
    return str(value)


class ConflictListModel(QAbstractTableModel):
    """One row per record with open conflicts: which record, which fields, since when."""

    def __init__(self, zone: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._rows: list[OpenConflict] = []

    def set_rows(self, rows: Sequence[OpenConflict]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[OpenConflict]:
        return list(self._rows)

    def row_of(self, record_type: str, record_id: str) -> int:
        for number, row in enumerate(self._rows):
            if (row.record_type, row.record_id) == (record_type, record_id):
                return number
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (_t("Record"), _t("Fields"), _t("Detected"))
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == CONFLICT_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.record_type} {row.record_id}"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 0:
            return f"{row.record_type} · {row.label or row.record_id[:8]}"
        if index.column() == 1:
            return ", ".join(f.field for f in row.fields)
        return local_timestamp(row.detected_at, self._zone)


class ConflictFieldsModel(QAbstractTableModel):
    """The chosen record's contested fields: mine, the server's, and what the cache holds."""

    FIELD, MINE, SERVER, CURRENT = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._conflict: OpenConflict | None = None

    def set_conflict(self, conflict: OpenConflict | None) -> None:
        self.beginResetModel()
        self._conflict = conflict
        self.endResetModel()

    def conflict(self) -> OpenConflict | None:
        return self._conflict

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._conflict is None:
            return 0
        return len(self._conflict.fields)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (_t("Field"), _t("Mine (lost)"), _t("Server's"), _t("Now in the cache"))
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        conflict = self._conflict
        if conflict is None or not index.isValid() or not 0 <= index.row() < len(conflict.fields):
            return None
        item: ConflictField = conflict.fields[index.row()]
        if role == CONFLICT_ROLE:
            return item
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == self.FIELD:
            return item.field
        value = {self.MINE: item.mine, self.SERVER: item.server, self.CURRENT: item.current}
        return value_text(conflict.record_type, item.field, value[column])
