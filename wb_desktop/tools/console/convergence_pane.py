"""The lower half of the data panel: the convergence check's summary and its differences,
one row per record or field that differs between the tablet and the office.
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from wb_desktop.tools.console.differences_model import DifferencesModel, summary_text
from wb_desktop.tools.diagnostics.convergence import ConvergenceReport
from wb_desktop.ui.theme import TOUCH_TARGET_PX, set_role


class ConvergencePane(QWidget):
    """Shows a check's report; the data panel decides when to check and what a click selects."""

    def __init__(self, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.differences_model = DifferencesModel(zone, self)
        self.differences_view = QTableView(self)
        self.differences_view.setModel(self.differences_model)
        self._setup_differences_view()
        self.summary_label = QLabel(self.tr("Not checked yet."), self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setProperty("role", "muted")
        heading = QLabel(self.tr("Convergence"), self)
        heading.setProperty("role", "heading")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.differences_view, 1)

    def _setup_differences_view(self) -> None:
        view = self.differences_view
        view.setAccessibleName(self.tr("Differences"))
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(TOUCH_TARGET_PX)
        view.horizontalHeader().setDefaultSectionSize(180)
        view.horizontalHeader().setStretchLastSection(True)
        view.setColumnWidth(0, 300)

    def show_report(self, report: ConvergenceReport) -> None:
        """Every difference, and a summary coloured by how worrying they are."""
        self.differences_model.set_report(report)
        self.summary_label.setText(summary_text(report))
        expected = all(d.expected for d in report.differences)
        set_role(
            self.summary_label, "ok" if report.converged else "warning" if expected else "error"
        )
