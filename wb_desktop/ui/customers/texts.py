"""The words the customers screen shows for documents, sync states and refused input."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from wb_desktop.core.domain.errors import Problem, ValidationError
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.customer_views import CustomerRow
from wb_desktop.core.store.job_views import JobBadge
from wb_desktop.ui.labels import sync_state_label
from wb_desktop.ui.messages import user_message


def customer_badge(row: CustomerRow) -> JobBadge:
    """The customer's sync badge, in the same colours and marks as a job's."""
    if row.sync_state is SyncState.CONFLICT:
        return JobBadge.CONFLICT
    if row.sync_state is SyncState.FAILED:
        return JobBadge.FAILED
    return JobBadge.WAITING if row.waiting else JobBadge.SYNCED


def customer_sync_text(row: CustomerRow) -> str:
    """ "Local only", "Not synced", "Synced"…; a synced row with ops still out says so."""
    if row.sync_state is SyncState.SYNCED and row.waiting_ops:
        return sync_state_label(SyncState.PENDING)
    return sync_state_label(row.sync_state)


def waiting_text(row: CustomerRow) -> str:
    if not row.waiting_ops:
        return ""
    return _COUNTS.waiting(row.waiting_ops)


def counts_text(row: CustomerRow) -> str:
    jobs = _COUNTS.jobs(row.job_count)
    if not row.open_documents:
        return jobs
    return f"{jobs} · {_COUNTS.open_documents(row.open_documents)}"


class CustomerCounts(QObject):
    """The plural texts, through ``tr``: lupdate reads plural forms only from tr() calls,
    so ``QCoreApplication.translate(..., n)`` would leave them out of the catalogues."""

    def jobs(self, count: int) -> str:
        return self.tr("%n job(s)", "", count)

    def open_documents(self, count: int) -> str:
        return self.tr("%n open document(s)", "", count)

    def waiting(self, count: int) -> str:
        return self.tr("%n change(s) waiting to sync", "", count)


_COUNTS = CustomerCounts()


def field_message(problem: Problem, value: str) -> str:
    """What to show under a refused field, in the technician's language.

    The domain names the problem in English for logs and the server; the known ones are
    translated here, anything else is shown as the domain worded it.
    """
    message = problem.message
    if message == "is required":
        if problem.field == "name":
            return QCoreApplication.translate("CustomerTexts", "A customer needs a name")
        return QCoreApplication.translate("CustomerTexts", "This cannot be empty")
    if message.startswith("at most "):
        limit = "".join(c for c in message if c.isdigit())
        return QCoreApplication.translate("CustomerTexts", "At most %1 characters").replace(
            "%1", limit
        )
    if "is not an email address" in message:
        return QCoreApplication.translate(
            "CustomerTexts", "“%1” is not an email address (like name@example.se)"
        ).replace("%1", value.strip())
    if "is not a phone number" in message:
        return QCoreApplication.translate(
            "CustomerTexts", "“%1” is not a phone number: use digits, +, spaces and -"
        ).replace("%1", value.strip())
    return user_message(ValidationError(problem))
