"""The message shown when the app cannot start (the profile is already open in another
window, a damaged cache…): in the app's theme, with touch-sized buttons, although the
window it would have styled never got built."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from wb_desktop.ui.theme import apply_theme

TITLE = "WorkBoss Desktop"  # the product's name, the same in every language


def show_start_problem(qt_app: QApplication, text: str) -> None:
    """Theme first (a start that failed at the profile's lock never applied it), then the
    standard critical message box, whose buttons the theme makes 48 px touch targets."""
    apply_theme(qt_app, high_contrast=bool(qt_app.property("wb_high_contrast")))
    QMessageBox.critical(None, TITLE, text)
