"""Sunlight mode (high contrast): the technician's choice, applied and remembered."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from wb_desktop.app.settings import ProfileSettings, load_settings, save_settings
from wb_desktop.core.paths import ProfilePaths
from wb_desktop.ui.theme import apply_theme

SETTING = "high_contrast"


def saved_high_contrast(settings: ProfileSettings) -> bool:
    return bool(settings.extra.get(SETTING, False))


class HighContrastChoice(QObject):
    """Applies the theme at once and keeps the choice in the profile's settings, so the
    next start opens the way the technician left it."""

    def __init__(self, qt_app: QApplication, paths: ProfilePaths, parent: QObject) -> None:
        super().__init__(parent)
        self._qt_app = qt_app
        self._paths = paths

    def set(self, on: bool) -> None:
        apply_theme(self._qt_app, high_contrast=on)
        current = load_settings(self._paths)
        save_settings(
            self._paths, ProfileSettings(current.storage_quota_mb, {**current.extra, SETTING: on})
        )
