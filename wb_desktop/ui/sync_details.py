"""The sync details a technician (or support on the phone) reads when the indicator says
something is wrong: why, how much waits, when it last worked, what the last attempt did.

It opens only when the technician taps "Details": a sync error never pops up on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.core.sync.connectivity import OfflineReason, SyncActivity, SyncStatus, SyncView
from wb_desktop.core.sync.step_report import Failure, StepReport
from wb_desktop.ui.messages import translated
from wb_desktop.ui.relative_time import local_timestamp, relative_time
from wb_desktop.ui.theme import TOUCH_TARGET_PX

_CONTEXT = "SyncStatus"


def _translate(text: str, count: int = -1) -> str:
    return QCoreApplication.translate(_CONTEXT, text, "", count)


def connection_words(view: SyncView) -> str:
    """Online, or offline and why, in the words of the connection badge."""
    if view.activity is not SyncActivity.OFFLINE:
        return _translate("Online")
    reason = view.offline_reason
    if reason is OfflineReason.SIMULATED:  # the "offline" profile: Work offline is on
        return _translate("Offline — Work offline is on")
    if reason is OfflineReason.NO_NETWORK:
        return _translate("Offline — no network")
    if reason is OfflineReason.SERVER_UNREACHABLE:
        return _translate("Offline — server unreachable")
    if reason is OfflineReason.CAPTIVE_PORTAL:
        return _translate("Offline — Wi-Fi login page")
    return _translate("Offline")


def failure_words(failure: Failure) -> str:
    """What went wrong in a step, in words rather than the engine's enum value."""
    match failure:
        case Failure.OFFLINE:
            return _translate("no connection")
        case Failure.UNREACHABLE:
            return _translate("the server does not answer")
        case Failure.PORTAL:
            return _translate("a Wi-Fi login page answered instead of the server")
        case Failure.SERVER:
            return _translate("the server reported an error")
        case Failure.AUTH:
            return _translate("the server did not accept the sign-in — sign in again")
        case _:
            return _translate("the sync stopped before it was done")


class SyncDetailsDialog(QDialog):
    """Reused by the indicator: :meth:`set_details` keeps it current while it is open."""

    syncNowRequested = Signal()

    def __init__(
        self,
        details: SyncStatus,
        now: Callable[[], datetime],
        zone: tzinfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._zone = zone
        self.setWindowTitle(self.tr("Sync details"))
        self.setMinimumWidth(480)

        heading = QLabel(self.tr("Sync details"), self)
        heading.setProperty("role", "heading")
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.connection_label = QLabel(self)
        self.pending_label = QLabel(self)
        self.refused_label = QLabel(self)
        self.last_sync_label = QLabel(self)
        self.attempt_label = QLabel(self)
        self.transfer_label = QLabel(self)
        self.reason_label = QLabel(self)
        self.reason_label.setWordWrap(True)

        self._form = form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Connection"), self.connection_label)
        form.addRow(self.tr("Waiting to sync"), self.pending_label)
        form.addRow(self.tr("Refused by the server"), self.refused_label)
        form.addRow(self.tr("Last successful sync"), self.last_sync_label)
        form.addRow(self.tr("Last attempt"), self.attempt_label)
        form.addRow(self.tr("Sent / received"), self.transfer_label)
        form.addRow(self.tr("Reason"), self.reason_label)

        self.sync_now_button = QPushButton(self.tr("Sync now"), self)
        self.sync_now_button.setProperty("primary", "true")
        self.close_button = QPushButton(self.tr("Close"), self)
        for button in (self.sync_now_button, self.close_button):
            button.setMinimumSize(TOUCH_TARGET_PX * 2, TOUCH_TARGET_PX)
            button.setAutoDefault(False)
        self.sync_now_button.clicked.connect(self.syncNowRequested)
        self.close_button.clicked.connect(self.accept)
        self.setTabOrder(self.sync_now_button, self.close_button)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.sync_now_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(16)
        layout.addWidget(heading)
        layout.addWidget(self.message_label)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.set_details(details)

    def set_details(self, details: SyncStatus) -> None:
        view = details.view
        self.message_label.setText(translated(view.message))
        self.message_label.setProperty(
            "role", "error" if view.activity is SyncActivity.ERROR else ""
        )
        self.message_label.style().polish(self.message_label)
        self.connection_label.setText(connection_words(view))
        self.pending_label.setText(str(details.waiting))
        self.refused_label.setText(str(view.dead))
        self.last_sync_label.setText(self._last_sync_text(details.last_sync))
        self._show_report(details.last_report)

    def _last_sync_text(self, when: datetime | None) -> str:
        if when is None:
            return self.tr("Never")
        return (
            self.tr("%1 (%2)")
            .replace("%1", local_timestamp(when, self._zone))
            .replace("%2", relative_time(when, self._now(), self._zone))
        )

    def _show_report(self, report: StepReport | None) -> None:
        """The last step in three rows: how it ended, what it moved, and the server's words."""
        has_report = report is not None
        self._form.setRowVisible(self.transfer_label, has_report)
        self._form.setRowVisible(self.reason_label, has_report and bool(report.reason))
        if report is None:
            self.attempt_label.setText(self.tr("None yet since the app started"))
            return
        if report.ok:
            self.attempt_label.setText(self.tr("Succeeded"))
        elif report.failure is None:
            self.attempt_label.setText(self.tr("Stopped"))
        else:
            self.attempt_label.setText(
                self.tr("Failed: %1").replace("%1", failure_words(report.failure))
            )
        self.transfer_label.setText(
            self.tr("%1 sent, %2 received")
            .replace("%1", str(report.pushed))
            .replace("%2", str(report.pulled))
        )
        self.reason_label.setText(translated(report.reason or ""))
