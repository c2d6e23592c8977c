"""Sync problems a person must act on or know about, kept as notifications.

The status bar shows the sync state of *now*; once the next step succeeds, a failure it
showed is gone. A server error, a refused sign-in, a stopped pull and changes the server
refused for good are kept as notifications until the technician dismisses them. Going
offline (or a link that does not answer) is not one: the status bar says so, and nothing
is wrong with the work. Repeats of one failure are counted on one entry by the store.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from wb_desktop.app.notifications import NotificationKind, Notifications
from wb_desktop.app.sync_service import SyncService
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.sync.step_report import Failure, StepReport


def sync_problems(report: StepReport) -> list[Text]:
    """What ``report`` holds that the technician should keep reading after it is over."""
    problems: list[Text] = []
    reason = report.reason or ""
    if not report.ok and report.failure is Failure.SERVER:
        problems.append(
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "The office's server did not take the sync (%1). It is tried again by "
                    "itself; your work is saved on this tablet.",
                ),
                reason,
            )
        )
    elif not report.ok and report.failure is Failure.AUTH:
        problems.append(
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "Sign in again to sync: the server no longer accepts this tablet's "
                    "sign-in. Your work is saved on this tablet.",
                )
            )
        )
    elif not report.ok and report.failure is Failure.STOPPED:
        problems.append(
            Text(
                QT_TRANSLATE_NOOP("Domain", "Sync stopped: %1. Your work is saved on this tablet."),
                reason,
            )
        )
    if report.dead > 0:
        problems.append(
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "Changes refused by the server: %1. They stay on this tablet; support "
                    "can see why.",
                ),
                report.dead,
            )
        )
    return problems


class SyncProblemNotices(QObject):
    """Posts each sync step's problems (see :func:`sync_problems`) to ``notifications``."""

    def __init__(
        self, service: SyncService, notifications: Notifications, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._notifications = notifications
        service.stepFinished.connect(self.post)

    def post(self, report: StepReport) -> None:
        for text in sync_problems(report):
            self._notifications.post(NotificationKind.SYNC, text)
