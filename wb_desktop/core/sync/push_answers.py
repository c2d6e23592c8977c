"""Recording a push's answers: each op's result, its record as the server now has it
(rebased on ops still waiting for it), and the conflicts the server settled or kept, all
written in the one transaction the caller opens.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.protocol.kinds import OpKind
from wb_desktop.core.protocol.push import SEQ_USED, OpResultOut
from wb_desktop.core.store.models import (
    POLICY,
    ConflictRecord,
    OpResult,
    OutboxOp,
    OutboxState,
)
from wb_desktop.core.store.outbox import UNFINISHED
from wb_desktop.core.store.record_info import fields_changed_by
from wb_desktop.core.sync.records import KINDS, RecordKind


@dataclass
class PushSummary:
    sent: int = 0
    applied: int = 0
    conflicts: int = 0
    dead: int = 0
    changed: list[tuple[str, str, SyncState]] = field(default_factory=list)
    new_conflicts: list[tuple[str, str, str]] = field(default_factory=list)  # type, id, field
    renumbered: int = 0  # ops given new seqs above the server's (a cache behind it)

    def add(self, other: PushSummary) -> None:
        """Count another batch's answers in this summary (a split batch's parts)."""
        self.sent += other.sent
        self.applied += other.applied
        self.conflicts += other.conflicts
        self.dead += other.dead
        self.changed.extend(other.changed)
        self.new_conflicts.extend(other.new_conflicts)


class AnswerBatch:
    """What recording one batch's answers reads up front, and the rows it writes back."""

    def __init__(
        self, session: Session, answers: list[OpResultOut], server_last_seq: int | None
    ) -> None:
        self.server_last_seq = server_last_seq
        op_ids = [answer.op_id for answer in answers]
        self.ops = {
            row.op_id: row
            for row in session.execute(
                select(
                    OutboxOp.op_id,
                    OutboxOp.state,
                    OutboxOp.kind,
                    OutboxOp.record_type,
                    OutboxOp.record_id,
                    OutboxOp.payload,
                ).where(OutboxOp.op_id.in_(op_ids))
            )
        }
        self.records: dict[tuple[str, str], dict[str, Any]] = {}
        by_type: dict[str, set[str]] = {}
        for op in self.ops.values():
            by_type.setdefault(op.record_type, set()).add(op.record_id)
        for record_type, ids in by_type.items():
            kind = KINDS.get(record_type)
            if kind is None:
                continue
            table = kind.table
            rows = session.execute(
                select(table.c.id, table.c.version, table.c.sync_state).where(table.c.id.in_(ids))
            )
            for row in rows:
                self.records[(record_type, row.id)] = {
                    "version": row.version,
                    "sync_state": SyncState(row.sync_state),
                }
        self.waiting: dict[tuple[str, str], frozenset[str]] = {}
        rows = session.execute(
            select(OutboxOp.record_type, OutboxOp.record_id, OutboxOp.kind, OutboxOp.payload)
            .where(OutboxOp.record_id.in_([op.record_id for op in self.ops.values()]))
            .where(OutboxOp.state.in_(UNFINISHED), OutboxOp.op_id.not_in(op_ids))
        )
        for record_type, record_id, op_kind, payload in rows:
            key = (record_type, record_id)
            touched = fields_changed_by(op_kind, payload)
            self.waiting[key] = self.waiting.get(key, frozenset()) | touched
        self.op_updates: list[dict[str, Any]] = []
        self.record_updates: dict[str, list[dict[str, Any]]] = {}
        self.conflicts: list[dict[str, Any]] = []
        # The server's high-water for this device, when it refused a seq as already used:
        # this cache is behind it (a restored backup) and continues above it.
        self.behind_server: int | None = None

    def write(self, session: Session) -> None:
        connection = session.connection()
        if self.op_updates:
            rows = [{**row, "k_op_id": row["op_id"]} for row in self.op_updates]
            connection.execute(_update_by_key(OutboxOp.__table__, "op_id"), rows)
        for record_type, records in self.record_updates.items():
            table = KINDS[record_type].table
            for keys, group in _same_keys(records).items():
                rows = [{**row, "k_id": row["id"]} for row in group]
                connection.execute(_update_by_key(table, "id", keys), rows)
        if self.conflicts:
            connection.execute(insert(ConflictRecord.__table__), self.conflicts)


def _same_keys(rows: list[dict[str, Any]]) -> dict[tuple[str, ...], list[dict[str, Any]]]:
    """Rows grouped by the columns they set, so each group is one executemany."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    return groups


def _update_by_key(table: Any, key: str, columns: tuple[str, ...] | None = None) -> Any:
    """``UPDATE table SET … WHERE key = :k_key`` for an executemany over row dicts."""
    names = columns or ("state", "result", "last_error", "completed_at")
    return (
        update(table)
        .where(table.c[key] == bindparam(f"k_{key}"))
        .values({name: bindparam(name) for name in names if name != key})
    )


def record_answer(
    batch: AnswerBatch, answer: OpResultOut, now: datetime, summary: PushSummary
) -> None:
    op = batch.ops.get(answer.op_id)
    if op is None or op.state is OutboxState.DONE:
        return
    result = answer.original_result if answer.result == "duplicate" else answer.result
    kind = KINDS.get(op.record_type)
    record = batch.records.get((op.record_type, op.record_id))
    if result == "rejected" and answer.code == SEQ_USED and batch.server_last_seq is not None:
        # Not a refusal of the change, only of its number: it goes again with a new one.
        batch.behind_server = max(batch.behind_server or 0, batch.server_last_seq)
        batch.op_updates.append(
            {
                "op_id": op.op_id,
                "state": OutboxState.QUEUED,
                "result": None,
                "last_error": answer.reason,
                "completed_at": None,
            }
        )
        return
    if result == "rejected":
        reason = answer.reason or "the server refused this change"
        batch.op_updates.append(
            {
                "op_id": op.op_id,
                "state": OutboxState.DEAD,
                "result": OpResult.REJECTED,
                "last_error": reason,
                "completed_at": now,
            }
        )
        summary.dead += 1
        if kind is not None and record is not None:
            row = {"id": op.record_id, "sync_state": SyncState.FAILED, "sync_error": reason}
            batch.record_updates.setdefault(kind.record_type, []).append(row)
            summary.changed.append((kind.record_type, op.record_id, SyncState.FAILED))
        return
    conflict = result == "conflict"
    batch.op_updates.append(
        {
            "op_id": op.op_id,
            "state": OutboxState.DONE,
            "result": OpResult.CONFLICT if conflict else OpResult.APPLIED,
            "last_error": None,
            "completed_at": now,
        }
    )
    batch.conflicts.extend(_settled_by_policy(op, answer, now))
    if kind is None or answer.record is None or record is None:
        summary.applied += 1
        return
    if conflict:
        summary.conflicts += 1
        batch.conflicts.extend(_conflicts(kind, op, answer.record, now, summary))
    else:
        summary.applied += 1
    touched = batch.waiting.get((op.record_type, op.record_id))
    row = _answered_row(kind, op.record_id, record, answer, touched, conflict)
    batch.record_updates.setdefault(kind.record_type, []).append(row)
    summary.changed.append((kind.record_type, op.record_id, row["sync_state"]))


def _answered_row(
    kind: RecordKind,
    record_id: str,
    current: dict[str, Any],
    answer: OpResultOut,
    touched: frozenset[str] | None,
    conflict: bool,
) -> dict[str, Any]:
    """The server's record as answered, rebased on ops still waiting for this record."""
    body = kind.parse(answer.record)
    row: dict[str, Any] = {"id": record_id}
    if touched is None or "*" not in touched:
        for column, value in kind.columns_from(body).items():
            if touched is None or column not in touched:
                row[column] = value
    version = answer.version if answer.version is not None else current["version"]
    row["version"] = max(current["version"], version)
    state: SyncState = current["sync_state"]
    error: str | None = None
    if conflict:
        state = SyncState.CONFLICT
    elif touched is not None:
        if state in (SyncState.LOCAL_ONLY, SyncState.SYNCED):
            state = SyncState.PENDING
    elif state is not SyncState.CONFLICT:
        state = SyncState.SYNCED
    row["sync_state"], row["sync_error"] = state, error
    return row


def _conflicts(
    kind: RecordKind,
    op: Any,
    server_record: Mapping[str, Any],
    now: datetime,
    summary: PushSummary,
) -> list[dict[str, Any]]:
    """Each field the op set that the server kept a different value for."""
    rows = []
    for name, local_value in _values_set_by(op.kind, op.payload or {}).items():
        server_value = server_record.get(name)
        if server_value != local_value:
            rows.append(
                {
                    "record_type": kind.record_type,
                    "record_id": op.record_id,
                    "field": name,
                    "local_value": local_value,
                    "server_value": server_value,
                    "winner": "server",
                    "op_id": op.op_id,
                    "detected_at": now,
                    "resolved_at": None,  # open: a person may still keep this device's value
                    "resolution": None,
                }
            )
            summary.new_conflicts.append((kind.record_type, op.record_id, name))
    return rows


def _settled_by_policy(op: Any, answer: OpResultOut, now: datetime) -> list[dict[str, Any]]:
    """Fields the server settled for this op's value (technician-owned): the office's value
    was replaced. Kept already resolved (``resolution`` "policy"), so support and the record's
    page can show both values; nobody has to decide. A field the server kept for itself comes
    back as ``conflict`` and stays open for a person (:func:`_conflicts`)."""
    return [
        {
            "record_type": op.record_type,
            "record_id": op.record_id,
            "field": settled.field,
            "local_value": settled.kept,
            "server_value": settled.lost,
            "winner": "client",
            "op_id": op.op_id,
            "detected_at": now,
            "resolved_at": now,
            "resolution": POLICY,
        }
        for settled in answer.settled
        if settled.winner == "client"
    ]


def _values_set_by(kind: str, payload: Mapping[str, Any]) -> dict[str, Any]:
    if kind == OpKind.JOB_SET_STATUS:
        return {"status": payload.get("status")}
    fields = payload.get("fields")
    if isinstance(fields, dict):
        return dict(fields)
    return {}
