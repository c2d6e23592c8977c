"""The Qt application the app runs in: made once, with its name, its garbage collector on
the GUI thread, its zone and its language, before any widget is built."""

from __future__ import annotations

import sys
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication, QLocale, QTimeZone
from PySide6.QtWidgets import QApplication

from wb_desktop import __version__
from wb_desktop.app.gui_thread_gc import GuiThreadGarbageCollector
from wb_desktop.app.qt_platform_check import qt_platform_problem
from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.ui.translations import install_translations


class LanguageError(WorkBossError):
    def __init__(self, code: str) -> None:
        super().__init__(f"'{code}' is not a language code Qt knows (try 'en' or 'sv').")


def qt_application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if (problem := qt_platform_problem()) is not None:  # Qt would abort the process instead
        raise WorkBossError(problem)
    QCoreApplication.setOrganizationName("WorkBoss")
    QCoreApplication.setApplicationName("WorkBoss Desktop")
    QCoreApplication.setApplicationVersion(__version__)
    qt_app = QApplication(sys.argv[:1])
    GuiThreadGarbageCollector(qt_app)  # never collect a QObject on a worker thread
    return qt_app


def system_zone() -> tzinfo:
    """The system's zone as an IANA zone (Qt maps Windows zone names), so days and DST
    follow the tablet's settings."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return datetime.now().astimezone().tzinfo or ZoneInfo("UTC")


def apply_language(qt_app: QApplication, code: str | None) -> None:
    """Words, dates, times, numbers and amounts follow ``--lang`` (or the system's
    languages); before any widget is built, since widgets translate their text once."""
    if code is not None and QLocale(code).language() == QLocale.Language.C:
        raise LanguageError(code)
    install_translations(qt_app, code)
