"""Crash reports in the running app: the process hooks, Qt's own messages, and the banner.

:class:`~wb_desktop.app.crash_reports.CrashReporter` logs what nobody caught; this adds the Qt
side: a report from any thread reaches the window through a queued signal (widgets are
touched on the GUI thread only), and Qt's warnings and criticals go to the same log instead
of a console a tablet does not have.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QMessageLogContext, QObject, QtMsgType, Signal, qInstallMessageHandler

from wb_desktop.app.crash_reports import CrashReport, CrashReporter
from wb_desktop.app.notifications import NotificationKind, Notifications
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.paths import ProfilePaths

_qt_log = logging.getLogger("qt")
_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
QtMessageHandler = Callable[[QtMsgType, QMessageLogContext, str], None]


class CrashNotices(QObject):
    """Carries a report from whichever thread it happened on to the GUI thread."""

    reported = Signal(object)  # CrashReport


def crash_text(report: CrashReport) -> Text:
    """The notification's words: what went wrong, and that the work is safe."""
    return Text(
        QT_TRANSLATE_NOOP(
            "Domain",
            "Something went wrong: %1. Your work is saved on this tablet; the details are "
            "in the log for support.",
        ),
        report.summary,
    )


class AppCrashReporting:
    """The hooks, plus where a report goes: ``show`` (the banner) and, kept until
    dismissed, ``notifications``."""

    def __init__(
        self,
        paths: ProfilePaths,
        show: Callable[[CrashReport], None],
        notifications: Notifications | None = None,
    ) -> None:
        self.notices = CrashNotices()
        self.notices.reported.connect(show)
        if notifications is not None:
            self.notices.reported.connect(
                lambda report: notifications.post(
                    NotificationKind.CRASH, crash_text(report), detail=report.where
                )
            )
        self.reporter = CrashReporter(paths.logs, self.notices.reported.emit)
        self._previous_handler: QtMessageHandler | None = None
        self._installed = False

    def install(self) -> None:
        self.reporter.install()
        self._previous_handler = qInstallMessageHandler(self._on_qt_message)
        self._installed = True

    def uninstall(self) -> None:
        if not self._installed:
            return
        self._installed = False
        self.reporter.uninstall()
        current = qInstallMessageHandler(None)
        if current is not None and current != self._on_qt_message:
            qInstallMessageHandler(current)  # someone installed theirs after ours: keep it
        else:
            qInstallMessageHandler(self._previous_handler)

    def _on_qt_message(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        _qt_log.log(_LEVELS.get(kind, logging.WARNING), "%s", message)
        if self._previous_handler is not None:
            self._previous_handler(kind, context, message)
