"""The words the technician reads for statuses and sync states, in one translatable place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.job_views import JobBadge


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def status_label(status: JobStatus) -> str:
    return {
        JobStatus.SCHEDULED: _t("Scheduled"),
        JobStatus.EN_ROUTE: _t("En route"),
        JobStatus.IN_PROGRESS: _t("In progress"),
        JobStatus.COMPLETE: _t("Complete"),
        JobStatus.CANCELLED: _t("Cancelled"),
    }[JobStatus(status)]


def badge_label(badge: JobBadge) -> str:
    return {
        JobBadge.SYNCED: _t("Synced"),
        JobBadge.WAITING: _t("Not synced"),
        JobBadge.FAILED: _t("Refused"),
        JobBadge.CONFLICT: _t("Conflict"),
    }[JobBadge(badge)]


def sync_state_label(state: SyncState) -> str:
    return {
        SyncState.LOCAL_ONLY: _t("Local only"),
        SyncState.PENDING: _t("Not synced"),
        SyncState.SYNCED: _t("Synced"),
        SyncState.FAILED: _t("Refused"),
        SyncState.CONFLICT: _t("Conflict"),
    }[SyncState(state)]
