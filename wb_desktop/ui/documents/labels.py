"""The words and colours for a document's kind, delivery, sync and payment states."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from wb_desktop.core.domain.records import DeliveryState, DocumentKind, PaymentStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.ui.theme import Colours


def _t(text: str) -> str:
    return QCoreApplication.translate("DocumentLabels", text)


def kind_label(kind: DocumentKind) -> str:
    return {DocumentKind.INVOICE: _t("Invoice"), DocumentKind.ESTIMATE: _t("Estimate")}[kind]


def delivery_label(state: DeliveryState) -> str:
    return {
        DeliveryState.DRAFT: _t("Draft"),
        DeliveryState.QUEUED: _t("Queued to send"),
        DeliveryState.SENT: _t("Sent"),
    }[state]


def payment_label(status: PaymentStatus) -> str:
    return {
        PaymentStatus.APPROVED: _t("Paid"),
        PaymentStatus.DECLINED: _t("Card declined"),
        PaymentStatus.PENDING: _t("Payment unconfirmed"),
        PaymentStatus.UNKNOWN: _t("Payment unconfirmed"),
    }[status]


def delivery_colour(state: DeliveryState, colours: Colours) -> str:
    return {
        DeliveryState.DRAFT: colours.muted,
        DeliveryState.QUEUED: colours.pending,
        DeliveryState.SENT: colours.synced,
    }[state]


def sync_colour(state: SyncState, colours: Colours) -> str:
    return {
        SyncState.SYNCED: colours.synced,
        SyncState.LOCAL_ONLY: colours.pending,
        SyncState.PENDING: colours.pending,
        SyncState.FAILED: colours.error,
        SyncState.CONFLICT: colours.error,
    }[state]


def sync_mark(state: SyncState) -> str:
    """A shape beside the colour, so the state reads without colour vision."""
    if state is SyncState.SYNCED:
        return "✓ "
    if state in (SyncState.LOCAL_ONLY, SyncState.PENDING):
        return "↻ "
    return "! "
