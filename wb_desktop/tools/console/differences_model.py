"""The convergence check's differences as a table: record, field, here, office, why."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from wb_desktop.tools.console.record_table import display_value, full_value
from wb_desktop.tools.diagnostics.convergence import ConvergenceReport, Difference, Presence, Why
from wb_desktop.ui.row_models import Column, RowTableModel
from wb_desktop.ui.theme import NORMAL

DIFFERENCE_ROLE = Qt.ItemDataRole.UserRole + 2
_CONTEXT = "DataPanel"


def _t(text: str, count: int = -1) -> str:
    return QCoreApplication.translate(_CONTEXT, text, "", count)


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
        return _t("%1: each is explained by a change not yet synced; none needs a look.").replace(
            "%1", count
        )
    return (
        _t("%1: %2 explained by changes not yet synced, %3 need a look.")
        .replace("%1", count)
        .replace("%2", str(len(report.differences) - need_look))
        .replace("%3", str(need_look))
    )


class DifferencesModel(RowTableModel[Difference]):
    context = "DifferencesModel"
    row_role = DIFFERENCE_ROLE

    def __init__(self, zone: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(
            parent,
            columns=(
                _shown_whole(QT_TRANSLATE_NOOP("DifferencesModel", "Record"), self._record),
                _shown_whole(QT_TRANSLATE_NOOP("DifferencesModel", "Field"), self._field),
                _side(
                    QT_TRANSLATE_NOOP("DifferencesModel", "Here"),
                    self._here,
                    lambda difference: difference.local_value,
                ),
                _side(
                    QT_TRANSLATE_NOOP("DifferencesModel", "Office"),
                    self._office,
                    lambda difference: difference.office_value,
                ),
                _shown_whole(
                    QT_TRANSLATE_NOOP("DifferencesModel", "Why"),
                    lambda difference: why_label(difference.why),
                    colour=lambda d: QColor(NORMAL.pending if d.expected else NORMAL.error),
                ),
            ),
        )
        self._zone = zone

    def set_report(self, report: ConvergenceReport | None) -> None:
        self.set_rows(report.differences if report is not None else [])

    def difference(self, row: int) -> Difference:
        return self.row_at(row)

    @staticmethod
    def _record(difference: Difference) -> str:
        label = f" · {difference.label}" if difference.label else ""
        return f"{kind_label(difference.kind)}{label} ({difference.record_id[:8]})"

    def _field(self, difference: Difference) -> str:
        return difference.field or self.tr("whole record")

    def _here(self, difference: Difference) -> str:
        if difference.field is None:
            here_only = difference.presence is Presence.HERE_ONLY
            return self.tr("present") if here_only else self.tr("missing")
        return display_value(difference.field, difference.local_value, self._zone)

    def _office(self, difference: Difference) -> str:
        if difference.field is None:
            office_only = difference.presence is Presence.OFFICE_ONLY
            return self.tr("present") if office_only else self.tr("missing")
        return display_value(difference.field, difference.office_value, self._zone)


def _shown_whole(
    header: str,
    text: Callable[[Difference], str],
    colour: Callable[[Difference], QColor] | None = None,
) -> Column[Difference]:
    """A column whose tooltip repeats the text (for when the column is too narrow)."""
    return Column(header, text, tooltip=lambda difference: text(difference) or None, colour=colour)


def _side(
    header: str, text: Callable[[Difference], str], value: Callable[[Difference], Any]
) -> Column[Difference]:
    """Here or at the office: a field's value (whole in the tooltip), or whether the record
    is there at all."""

    def tooltip(difference: Difference) -> str | None:
        return (full_value(value(difference)) if difference.field else text(difference)) or None

    return Column(header, text, tooltip=tooltip)
