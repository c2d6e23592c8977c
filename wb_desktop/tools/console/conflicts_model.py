"""Open conflicts as two tables: the records in conflict, and one record's fields side by side."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.store.conflict_resolution import ConflictField, OpenConflict
from wb_desktop.ui.labels import status_label
from wb_desktop.ui.relative_time import local_timestamp
from wb_desktop.ui.row_models import ROW_ROLE, Column, RowTableModel

CONFLICT_ROLE = ROW_ROLE  # the OpenConflict (records) or ConflictField
_CONTEXT = "ConflictsPanel"


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


class ConflictListModel(RowTableModel[OpenConflict]):
    """One row per record with open conflicts: which record, which fields, since when."""

    context = _CONTEXT
    row_role = CONFLICT_ROLE

    def __init__(self, zone: tzinfo, parent: QObject | None = None) -> None:
        def which(row: OpenConflict) -> str:
            return f"{row.record_type} {row.record_id}"

        super().__init__(
            parent,
            columns=(
                Column(
                    QT_TRANSLATE_NOOP("ConflictsPanel", "Record"),
                    lambda row: f"{row.record_type} · {row.label or row.record_id[:8]}",
                    tooltip=which,
                ),
                Column(
                    QT_TRANSLATE_NOOP("ConflictsPanel", "Fields"),
                    lambda row: ", ".join(f.field for f in row.fields),
                    tooltip=which,
                ),
                Column(
                    QT_TRANSLATE_NOOP("ConflictsPanel", "Detected"),
                    lambda row: local_timestamp(row.detected_at, self._zone),
                    tooltip=which,
                ),
            ),
        )
        self._zone = zone

    def row_of(self, record_type: str, record_id: str) -> int:
        wanted = (record_type, record_id)
        return self.position_where(lambda row: (row.record_type, row.record_id) == wanted)


class ConflictFieldsModel(RowTableModel[ConflictField]):
    """The chosen record's contested fields: mine, the server's, and what the cache holds."""

    FIELD, MINE, SERVER, CURRENT = range(4)
    context = _CONTEXT
    row_role = CONFLICT_ROLE

    def __init__(self, parent: QObject | None = None) -> None:
        def value(read: Callable[[ConflictField], Any]) -> Callable[[ConflictField], str]:
            def text(item: ConflictField) -> str:
                record_type = self._conflict.record_type if self._conflict else ""
                return value_text(record_type, item.field, read(item))

            return text

        columns = (
            (QT_TRANSLATE_NOOP("ConflictsPanel", "Field"), lambda item: item.field),
            (QT_TRANSLATE_NOOP("ConflictsPanel", "Mine (lost)"), value(lambda item: item.mine)),
            (QT_TRANSLATE_NOOP("ConflictsPanel", "Server's"), value(lambda item: item.server)),
            (
                QT_TRANSLATE_NOOP("ConflictsPanel", "Now in the cache"),
                value(lambda item: item.current),
            ),
        )
        super().__init__(
            parent, columns=[Column(header, text, tooltip=text) for header, text in columns]
        )
        self._conflict: OpenConflict | None = None

    def set_conflict(self, conflict: OpenConflict | None) -> None:
        self._conflict = conflict
        self.set_rows(conflict.fields if conflict is not None else [])

    def conflict(self) -> OpenConflict | None:
        return self._conflict
