"""An error nobody caught, said without stopping the work: one line, Details…, Dismiss.

The app carries on after an exception in a slot or a worker (everything saved is committed
already); the technician learns that something went wrong and that their work is safe, and
support finds the traceback in the log and the diagnostics bundle.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from wb_desktop.app.crash_reports import CrashReport
from wb_desktop.ui.theme import TOUCH_TARGET_PX


class ProblemBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.reports: list[CrashReport] = []
        row = QHBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setProperty("role", "warning")
        self.details_button = QPushButton(self.tr("Details…"))
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        for button in (self.details_button, self.dismiss_button):
            button.setMinimumSize(TOUCH_TARGET_PX * 2, TOUCH_TARGET_PX)
        self.details_button.clicked.connect(self.show_details)
        self.dismiss_button.clicked.connect(self.dismiss)
        row.addWidget(self.text, 1)
        row.addWidget(self.details_button)
        row.addWidget(self.dismiss_button)
        self.details: QMessageBox | None = None
        self.hide()

    def show_report(self, report: CrashReport) -> None:
        self.reports.append(report)
        self.text.setText(
            self.tr(
                "Something went wrong: %1. Your work is saved on this tablet and the app "
                "carries on; the details are in the log for support."
            ).replace("%1", report.summary)
        )
        self.text.setToolTip(report.summary)
        self.show()

    def show_details(self) -> None:
        """Every report since the last Dismiss, in a window that does not block the app."""
        self.details = QMessageBox(self)
        self.details.setIcon(QMessageBox.Icon.Warning)
        self.details.setWindowTitle(self.tr("What went wrong"))
        self.details.setText(self.text.text())
        self.details.setDetailedText(
            "\n\n".join(f"{report.where}:\n{report.details}" for report in self.reports)
        )
        self.details.open()

    def dismiss(self) -> None:
        self.reports.clear()
        self.hide()
