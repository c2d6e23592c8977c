"""The outbox as a table for the inspector: one row per op, in the order they were made."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from enum import IntEnum, StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QBrush, QColor

from wb_desktop.core.store.models import OutboxState
from wb_desktop.core.store.outbox_admin import OutboxRow
from wb_desktop.ui.cards import current_colours
from wb_desktop.ui.relative_time import local_timestamp
from wb_desktop.ui.row_models import RIGHT, ROW_ROLE, Column, RowTableModel

OP_ROLE = ROW_ROLE  # the OutboxRow of a row
_CONTEXT = "OutboxPanel"


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class OutboxColumn(IntEnum):
    SEQ = 0
    KIND = 1
    RECORD = 2
    STATE = 3
    ATTEMPTS = 4
    LAST_ERROR = 5
    NEXT_RETRY = 6


class StateFilter(StrEnum):
    """What the inspector's filter offers; ``EVERYTHING`` also lists accepted ops."""

    WAITING = "waiting"
    QUEUED = "queued"
    IN_FLIGHT = "in_flight"
    DEAD = "dead"
    BLOCKED = "blocked"
    EVERYTHING = "everything"

    def admits(self, row: OutboxRow) -> bool:
        if self is StateFilter.EVERYTHING:
            return True
        if self is StateFilter.WAITING:
            return row.state is not OutboxState.DONE
        if self is StateFilter.BLOCKED:
            return row.blocked
        return row.state.value == self.value


def filter_label(choice: StateFilter) -> str:
    return {
        StateFilter.WAITING: _t("Not yet accepted"),
        StateFilter.QUEUED: _t("Queued"),
        StateFilter.IN_FLIGHT: _t("Sending"),
        StateFilter.DEAD: _t("Refused (dead)"),
        StateFilter.BLOCKED: _t("Held back by a refused op"),
        StateFilter.EVERYTHING: _t("Everything, accepted ops too"),
    }[choice]


def state_label(row: OutboxRow) -> str:
    if row.state is OutboxState.QUEUED and row.blocked:
        return _t("Held back")
    return {
        OutboxState.QUEUED: _t("Queued"),
        OutboxState.IN_FLIGHT: _t("Sending"),
        OutboxState.DEAD: _t("Refused"),
        OutboxState.DONE: _t("Accepted"),
    }[row.state]


def record_text(row: OutboxRow) -> str:
    if row.record_label:
        return f"{row.record_type} · {row.record_label}"
    return f"{row.record_type} · {row.record_id[:8]}"


class OutboxTableModel(RowTableModel[OutboxRow]):
    """Rows are replaced whole on each refresh (the panel keeps the selection by op id)."""

    context = _CONTEXT

    def __init__(
        self, zone: tzinfo, now: Callable[[], datetime], parent: QObject | None = None
    ) -> None:
        super().__init__(
            parent,
            columns=(
                Column(QT_TRANSLATE_NOOP("OutboxPanel", "Seq"), lambda row: str(row.seq), RIGHT),
                Column(QT_TRANSLATE_NOOP("OutboxPanel", "Kind"), lambda row: row.kind),
                Column(
                    QT_TRANSLATE_NOOP("OutboxPanel", "Record"),
                    record_text,
                    tooltip=lambda row: f"{row.record_type} {row.record_id}",
                ),
                Column(
                    QT_TRANSLATE_NOOP("OutboxPanel", "State"),
                    state_label,
                    tooltip=_waits_behind,
                    colour=_state_brush,
                ),
                Column(
                    QT_TRANSLATE_NOOP("OutboxPanel", "Attempts"),
                    lambda row: str(row.attempts),
                    RIGHT,
                ),
                Column(
                    QT_TRANSLATE_NOOP("OutboxPanel", "Last error"),
                    lambda row: (row.last_error or "").replace("\n", " "),
                    tooltip=lambda row: row.last_error or None,
                ),
                Column(QT_TRANSLATE_NOOP("OutboxPanel", "Next retry"), self._next_retry),
            ),
        )
        self._zone = zone
        self._now = now

    def row_of(self, op_id: str) -> int:
        return self.position_where(lambda row: row.op_id == op_id)

    def _next_retry(self, row: OutboxRow) -> str:
        if row.state is not OutboxState.QUEUED:
            return ""
        if row.blocked:
            return _t("after the refused op")
        if row.next_attempt_at is None or row.next_attempt_at <= self._now():
            return _t("next sync")
        return local_timestamp(row.next_attempt_at, self._zone)


def _waits_behind(row: OutboxRow) -> str | None:
    if not row.blocked:
        return None
    return _t("Waits behind: %1").replace("%1", ", ".join(row.blocked_by))


def _state_brush(row: OutboxRow) -> QBrush:
    colours = current_colours()
    if row.state is OutboxState.DEAD:
        return QBrush(QColor(colours.error))
    if row.blocked:
        return QBrush(QColor(colours.warning))
    if row.state is OutboxState.DONE:
        return QBrush(QColor(colours.synced))
    return QBrush(QColor(colours.pending))
