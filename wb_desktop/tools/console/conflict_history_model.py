"""The conflict history: every contested field, settled by policy or decided by a person."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from wb_desktop.core.domain.records import LAST_WRITE_FIELDS
from wb_desktop.core.store.conflict_history import ConflictHistoryRow, Kept, Settlement
from wb_desktop.tools.console.conflicts_model import value_text
from wb_desktop.ui.relative_time import local_timestamp
from wb_desktop.ui.row_models import ROW_ROLE, Column, RowTableModel

_CONTEXT = "ConflictsPanel"
_SETTLEMENT = {
    Settlement.POLICY: QT_TRANSLATE_NOOP("ConflictsPanel", "Settled by policy"),
    Settlement.PERSON: QT_TRANSLATE_NOOP("ConflictsPanel", "Decided by a person"),
    Settlement.OPEN: QT_TRANSLATE_NOOP("ConflictsPanel", "Open: the server's value for now"),
}
_KEPT = {
    Kept.MINE: QT_TRANSLATE_NOOP("ConflictsPanel", "Technician's"),
    Kept.OFFICE: QT_TRANSLATE_NOOP("ConflictsPanel", "Office's"),
    Kept.MERGED: QT_TRANSLATE_NOOP("ConflictsPanel", "A merge"),
}

# Last write wins (two of the technician's devices): the other value was not the office's.
_LAST_WRITE_SETTLED = QT_TRANSLATE_NOOP(
    "ConflictsPanel", "Settled by policy: the last change to arrive won (two devices)"
)
_LAST_WRITE_KEPT = QT_TRANSLATE_NOOP("ConflictsPanel", "This device's")


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _last_write(row: ConflictHistoryRow) -> bool:
    """Settled by the last-write policy: the other value came from another of the
    technician's own devices, not from the office."""
    return row.settlement is Settlement.POLICY and row.field in LAST_WRITE_FIELDS.get(
        row.record_type, frozenset()
    )


def settlement_text(row: ConflictHistoryRow) -> str:
    if _last_write(row):
        return _t(_LAST_WRITE_SETTLED)
    return _t(_SETTLEMENT[row.settlement])


def kept_text(row: ConflictHistoryRow) -> str:
    if _last_write(row):
        return _t(_LAST_WRITE_KEPT)
    return _t(_KEPT[row.kept])


class ConflictHistoryModel(RowTableModel[ConflictHistoryRow]):
    """One row per contested field, newest first: both values, which was kept, and how."""

    WHEN, RECORD, FIELD, MINE, OFFICE, KEPT, HOW = range(7)
    context = _CONTEXT
    row_role = ROW_ROLE

    def __init__(self, zone: tzinfo, parent: QObject | None = None) -> None:
        def which(row: ConflictHistoryRow) -> str:
            return f"{row.record_type} {row.record_id}"

        super().__init__(
            parent,
            columns=(
                Column(
                    QT_TRANSLATE_NOOP("ConflictsPanel", "When"),
                    lambda row: local_timestamp(row.settled_at or row.detected_at, self._zone),
                ),
                Column(
                    QT_TRANSLATE_NOOP("ConflictsPanel", "Record"),
                    lambda row: f"{row.record_type} · {row.label or row.record_id[:8]}",
                    tooltip=which,
                ),
                Column(QT_TRANSLATE_NOOP("ConflictsPanel", "Field"), lambda row: row.field),
                Column(
                    QT_TRANSLATE_NOOP("ConflictsPanel", "Technician's value"),
                    lambda row: value_text(row.record_type, row.field, row.mine),
                ),
                Column(
                    QT_TRANSLATE_NOOP("ConflictsPanel", "Office's value"),
                    lambda row: value_text(row.record_type, row.field, row.office),
                ),
                Column(QT_TRANSLATE_NOOP("ConflictsPanel", "Kept"), kept_text),
                Column(QT_TRANSLATE_NOOP("ConflictsPanel", "How"), settlement_text),
            ),
        )
        self._zone = zone
