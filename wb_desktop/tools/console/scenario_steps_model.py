"""The steps of a recording or a replay, one row each, with how each one went."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QObject
from PySide6.QtGui import QBrush, QColor

from wb_desktop.tools.scenario.describe import step_text
from wb_desktop.ui.row_models import Column, RowTableModel
from wb_desktop.ui.theme import NORMAL


def _tr(text: str) -> str:
    return QCoreApplication.translate("ScenarioStepsModel", text)


@dataclass(frozen=True)
class StepRow:
    number: int
    text: str  # the step in the scenario language
    outcome: str = ""  # "", "running", "ok" or "failed"
    message: str = ""


class ScenarioStepsModel(RowTableModel[StepRow]):
    NUMBER, STEP, OUTCOME, MESSAGE = range(4)
    context = "ScenarioStepsModel"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            parent,
            columns=(
                Column(QT_TRANSLATE_NOOP("ScenarioStepsModel", "#"), lambda row: str(row.number)),
                Column(
                    QT_TRANSLATE_NOOP("ScenarioStepsModel", "Step"),
                    lambda row: row.text,
                    tooltip=lambda row: row.text,
                ),
                Column(
                    QT_TRANSLATE_NOOP("ScenarioStepsModel", "Outcome"),
                    _outcome_text,
                    colour=_outcome_brush,
                ),
                Column(
                    QT_TRANSLATE_NOOP("ScenarioStepsModel", "Message"),
                    lambda row: row.message,
                    tooltip=lambda row: row.message or None,
                ),
            ),
        )

    def set_steps(self, steps: Sequence[Mapping[str, Any]]) -> None:
        """Show these steps (as written in a file), numbered from 1, none run yet."""
        self.set_rows([StepRow(n, step_text(step)) for n, step in enumerate(steps, 1)])

    def append_step(self, step: Mapping[str, Any]) -> None:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(StepRow(row + 1, step_text(step)))
        self.endInsertRows()

    def set_outcome(self, number: int, outcome: str, message: str = "") -> None:
        """How step ``number`` (1-based) went: "running", "ok" or "failed"."""
        row = number - 1
        if not 0 <= row < len(self._rows):
            return
        self._rows[row] = replace(self._rows[row], outcome=outcome, message=message)
        self.dataChanged.emit(self.index(row, self.OUTCOME), self.index(row, self.MESSAGE))

    def clear_running(self) -> None:
        for row in self._rows:
            if row.outcome == "running":
                self.set_outcome(row.number, "")

    def clear_outcomes(self) -> None:
        self.set_rows([replace(row, outcome="", message="") for row in self._rows])


def _outcome_text(row: StepRow) -> str:
    labels = {"running": _tr("running…"), "ok": _tr("ok"), "failed": _tr("failed")}
    return labels.get(row.outcome, "")


def _outcome_brush(row: StepRow) -> QBrush | None:
    if not row.outcome:
        return None
    colour = {"ok": NORMAL.synced, "failed": NORMAL.error}.get(row.outcome, NORMAL.muted)
    return QBrush(QColor(colour))
