"""The convergence check's differences as a table: record, field, here, office, why."""

from __future__ import annotations

from datetime import tzinfo
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from wb_desktop.tools.console.record_table import display_value, full_value
from wb_desktop.tools.diagnostics.convergence import ConvergenceReport, Difference, Presence, Why
from wb_desktop.ui.theme import NORMAL

DIFFERENCE_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex
_CONTEXT = "DataPanel"


def _t(text: str, count: int = -1) -> str:
    return QCoreApplication.translate(_CONTEXT, text, "", count)


class DifferenceColumn(IntEnum):
    RECORD = 0
    FIELD = 1
    HERE = 2
    OFFICE = 3
    WHY = 4


def kind_label(kind: str) -> str:
    return {
        "jobs": _t("Job"),
        "customers": _t("Customer"),
        "notes": _t("Note"),
        "photos": _t("Photo"),
        "signatures": _t("Signature"),
        "time_entries": _t("Time entry"),
        "documents": _t("Document"),
        "payments": _t("Payment"),
    }.get(kind, kind)


def table_title(name: str) -> str:
    """A cache table's name in the picker."""
    return {
        "jobs": _t("Jobs"),
        "customers": _t("Customers"),
        "notes": _t("Notes"),
        "photos": _t("Photos"),
        "signatures": _t("Signatures"),
        "time_entries": _t("Time entries"),
        "documents": _t("Documents"),
        "payments": _t("Payments"),
        "outbox": _t("Outbox"),
    }.get(name, name)


def why_label(why: Why) -> str:
    return {
        Why.WAITING_TO_SYNC: _t("Waiting to sync: changes in the outbox"),
        Why.NOT_PULLED_YET: _t("Not pulled yet: the office has a newer version"),
        Why.GONE_AT_OFFICE: _t("No longer this technician's at the office; the next pull drops it"),
        Why.REFUSED: _t("Refused by the server: see the outbox"),
        Why.CONFLICT: _t("Conflict: waiting for a decision"),
        Why.UNEXPLAINED: _t("Unexplained: nothing waiting to sync explains it"),
    }[why]


def summary_text(report: ConvergenceReport) -> str:
    """ "Converged: … agree on 42 records", or how many differences and how many need a look."""
    if report.converged:
        return _t("Converged: the tablet and the office agree on %n records", report.records)
    count = _t("%n differences", len(report.differences))
    need_look = sum(1 for d in report.differences if not d.expected)
    if need_look == 0:
        return _t("%1: all of them clear with the next sync.").replace("%1", count)
    return (
        _t("%1: %2 will clear with the next sync, %3 need a look.")
        .replace("%1", count)
        .replace("%2", str(len(report.differences) - need_look))
        .replace("%3", str(need_look))
    )


class DifferencesModel(QAbstractTableModel):
    def __init__(self, zone: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._differences: list[Difference] = []

    def set_report(self, report: ConvergenceReport | None) -> None:
        self.beginResetModel()
        self._differences = list(report.differences) if report is not None else []
        self.endResetModel()

    def difference(self, row: int) -> Difference:
        return self._differences[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._differences)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(DifferenceColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (self.tr("Record"), self.tr("Field"), self.tr("Here"), self.tr("Office"))
        return (*headers, self.tr("Why"))[section] if 0 <= section < 5 else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._differences):
            return None
        difference = self._differences[index.row()]
        column = DifferenceColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(difference, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is DifferenceColumn.HERE and difference.field:
                return full_value(difference.local_value) or None
            if column is DifferenceColumn.OFFICE and difference.field:
                return full_value(difference.office_value) or None
            return self._text(difference, column) or None
        if role == Qt.ItemDataRole.ForegroundRole and column is DifferenceColumn.WHY:
            return QColor(NORMAL.pending if difference.expected else NORMAL.error)
        if role == DIFFERENCE_ROLE:
            return difference
        return None

    def _text(self, difference: Difference, column: DifferenceColumn) -> str:
        here_only = difference.presence is Presence.HERE_ONLY
        office_only = difference.presence is Presence.OFFICE_ONLY
        match column:
            case DifferenceColumn.RECORD:
                label = f" · {difference.label}" if difference.label else ""
                return f"{kind_label(difference.kind)}{label} ({difference.record_id[:8]})"
            case DifferenceColumn.FIELD:
                return difference.field or self.tr("whole record")
            case DifferenceColumn.HERE:
                if difference.field is None:
                    return self.tr("present") if here_only else self.tr("missing")
                return display_value(difference.field, difference.local_value, self._zone)
            case DifferenceColumn.OFFICE:
                if difference.field is None:
                    return self.tr("present") if office_only else self.tr("missing")
                return display_value(difference.field, difference.office_value, self._zone)
            case _:
                return why_label(difference.why)
