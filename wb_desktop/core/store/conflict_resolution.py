"""Settling a conflict by hand: keep mine, keep the server's, or a merge of the two.

A conflict is a field both sides changed where the server's value won by policy; the cache
then holds the server's value and the losing local value waits in ``conflicts``. The
decision has to reach the office, so when the chosen value differs from what the record
holds now it is written through the one write path (``LocalChanges``) like any edit: a
normal outbox op, made on the record's current version, that the server simply applies.

The write commits first and the conflict is marked resolved after: if the app stops in
between, the conflict is still open and deciding again finds the value already in place
and writes nothing more.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from wb_desktop.core.domain.errors import StateError
from wb_desktop.core.domain.records import CUSTOMER_FIELDS
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.store.changes import ChangeReceipt, LocalChanges
from wb_desktop.core.store.models import ConflictRecord, OutboxOp
from wb_desktop.core.store.record_info import (
    WAITING,
    fields_changed_by,
    load_record,
    record_labels,
    settle_sync_state,
)

_WRITABLE: dict[str, frozenset[str]] = {
    "customer": frozenset(CUSTOMER_FIELDS),
    "job": frozenset({"status"}),
}
_TYPED: dict[str, frozenset[str]] = {"customer": frozenset(CUSTOMER_FIELDS)}
_GONE = QT_TRANSLATE_NOOP("Domain", "These conflicts are already resolved or no longer exist.")
_NOT_WRITABLE = QT_TRANSLATE_NOOP(
    "Domain", "The %1 of a %2 cannot be changed on this device; keep the server's value."
)


class Choice(StrEnum):
    """What the person decided; stored as the conflict's resolution."""

    KEEP_MINE = "kept_mine"
    KEEP_SERVER = "kept_server"
    MERGE = "merged"


@dataclass(frozen=True)
class ConflictField:
    """One contested field: what this device wanted (lost), what the server had when it won,
    and what the cache holds now. ``typed``: a merge may type a new value (text fields)."""

    conflict_ids: tuple[int, ...]
    field: str
    mine: Any
    server: Any
    current: Any
    winner: str
    detected_at: datetime
    typed: bool


@dataclass(frozen=True)
class OpenConflict:
    """Every open conflict of one record, one entry per field."""

    record_type: str
    record_id: str
    label: str
    sync_state: SyncState | None
    fields: tuple[ConflictField, ...]

    @property
    def conflict_ids(self) -> tuple[int, ...]:
        return tuple(i for f in self.fields for i in f.conflict_ids)

    @property
    def detected_at(self) -> datetime:
        return min(f.detected_at for f in self.fields)


@dataclass(frozen=True)
class Resolution:
    """What a decision did to one record: the values written (empty: nothing needed to be
    written), the ops that carry them, and the conflicts it closed."""

    record_type: str
    record_id: str
    choice: Choice
    written: dict[str, Any]
    op_ids: tuple[str, ...]
    resolved: tuple[int, ...]


def _plain(value: Any) -> Any:
    """A column value as the conflict log stores it (enums as their values)."""
    return value.value if isinstance(value, StrEnum) else value


def open_conflicts(session: Session) -> list[OpenConflict]:
    """Open conflicts grouped per record, oldest first; for a field in conflict more than
    once, the latest value this device wanted."""
    rows = session.scalars(
        select(ConflictRecord)
        .where(ConflictRecord.resolved_at.is_(None))
        .order_by(ConflictRecord.detected_at, ConflictRecord.id)
    ).all()
    grouped: dict[tuple[str, str], dict[str, list[ConflictRecord]]] = {}
    for row in rows:
        grouped.setdefault((row.record_type, row.record_id), {}).setdefault(row.field, []).append(
            row
        )
    labels = record_labels(session, grouped)
    result = []
    for (record_type, record_id), by_field in grouped.items():
        record = load_record(session, record_type, record_id)
        fields = []
        for name, same_field in by_field.items():
            latest = same_field[-1]
            current = getattr(record, name, None) if record is not None else None
            fields.append(
                ConflictField(
                    conflict_ids=tuple(r.id for r in same_field),
                    field=name,
                    mine=latest.local_value,
                    server=latest.server_value,
                    current=_plain(current),
                    winner=latest.winner,
                    detected_at=same_field[0].detected_at,
                    typed=name in _TYPED.get(record_type, frozenset()),
                )
            )
        result.append(
            OpenConflict(
                record_type,
                record_id,
                labels.get((record_type, record_id), ""),
                record.sync_state if record is not None else None,
                tuple(fields),
            )
        )
    return result


def _locally_changed(session: Session, record_type: str, record_id: str) -> frozenset[str]:
    """Fields a local op still waiting for the server changes in this record."""
    rows = session.execute(
        select(OutboxOp.kind, OutboxOp.payload).where(
            OutboxOp.record_type == record_type,
            OutboxOp.record_id == record_id,
            OutboxOp.state.in_(WAITING),
        )
    )
    return frozenset().union(*(fields_changed_by(kind, payload) for kind, payload in rows))


def _targets(
    conflict: OpenConflict,
    choice: Choice,
    merged: Mapping[str, Any],
    local_fields: frozenset[str],
) -> dict[str, Any]:
    """The value each contested field should end up with."""
    targets = {}
    for item in conflict.fields:
        if choice is Choice.KEEP_MINE:
            targets[item.field] = item.mine
        elif choice is Choice.MERGE and item.field in merged:
            targets[item.field] = merged[item.field]
        elif item.field in local_fields or "*" in local_fields:
            targets[item.field] = item.server  # undo a local change made since
        else:
            targets[item.field] = item.current  # the cache already holds the server's value
    return targets


def _write(
    changes: LocalChanges, record_type: str, record_id: str, values: dict[str, Any]
) -> list[ChangeReceipt]:
    """Send the values through the one write path; returns the receipts."""
    allowed = _WRITABLE.get(record_type, frozenset())
    for name in values:
        if name not in allowed:
            raise StateError(Text(_NOT_WRITABLE, name, record_type))
    if record_type == "customer":
        return [changes.customers.edit(record_id, values)]
    return [changes.jobs.set_status(record_id, JobStatus(values["status"]))]


def resolve(
    changes: LocalChanges,
    conflict_ids: Sequence[int],
    choice: Choice,
    merged_values: Mapping[str, Any] | None = None,
) -> list[Resolution]:
    """Decide the given conflicts (grouped per record) and let the decision sync.

    ``merged_values`` (for :attr:`Choice.MERGE`): field → the value to keep, picked from
    either side or typed; a field left out keeps the server's value. Raises the write
    path's :class:`WorkBossError` (a value that does not validate, a status the job can no
    longer take) with nothing written and the conflicts still open.
    """
    database, clock = changes.write_path.database, changes.write_path.clock
    wanted = set(conflict_ids)
    with database.reader() as session:
        chosen = []
        for conflict in open_conflicts(session):
            fields = tuple(f for f in conflict.fields if wanted & set(f.conflict_ids))
            if fields:
                chosen.append(
                    (
                        OpenConflict(
                            conflict.record_type,
                            conflict.record_id,
                            conflict.label,
                            conflict.sync_state,
                            fields,
                        ),
                        _locally_changed(session, conflict.record_type, conflict.record_id),
                    )
                )
    if not chosen:
        raise StateError(Text(_GONE))
    resolutions = []
    for conflict, local_fields in chosen:
        targets = _targets(conflict, choice, merged_values or {}, local_fields)
        current = {f.field: f.current for f in conflict.fields}
        written = {k: v for k, v in targets.items() if v != current[k]}
        receipts = []
        if written:
            receipts = _write(changes, conflict.record_type, conflict.record_id, written)
        resolved = _mark_resolved(changes, conflict, choice, clock.now())
        resolutions.append(
            Resolution(
                conflict.record_type,
                conflict.record_id,
                choice,
                written,
                tuple(r.op_id for r in receipts if r.op_id is not None),
                resolved,
            )
        )
    return resolutions


def _mark_resolved(
    changes: LocalChanges, conflict: OpenConflict, choice: Choice, now: datetime
) -> tuple[int, ...]:
    ids = list(conflict.conflict_ids)
    with changes.write_path.database.writer() as session, session.begin():
        session.execute(
            update(ConflictRecord)
            .where(ConflictRecord.id.in_(ids), ConflictRecord.resolved_at.is_(None))
            .values(resolved_at=now, resolution=choice.value)
        )
        settle_sync_state(session, conflict.record_type, conflict.record_id)
    return tuple(ids)
