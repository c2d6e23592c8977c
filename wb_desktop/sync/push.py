"""Push: send the ops that are ready, and record each answer against its op and its record.

An op is ready when every op it depends on is done: a dead op holds back only its own
dependents, never the rest of the queue. Ops are marked in flight (committed) before they
are sent, so after a crash they are sent again and the server answers ``duplicate``. The
answers and their effects on the records commit in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import exists, select, update
from sqlalchemy.orm import Session, aliased

from wb_desktop.domain.clock import Clock
from wb_desktop.domain.sync_state import SyncState
from wb_desktop.store.database import Database
from wb_desktop.store.models import (
    ConflictRecord,
    OpResult,
    OutboxDependency,
    OutboxOp,
    OutboxState,
)
from wb_desktop.store.outbox import UNFINISHED
from wb_desktop.sync.api import OpAnswer, SyncApi
from wb_desktop.sync.records import KINDS, RecordKind, fields_touched_by, synced_columns

BATCH_SIZE = 500


@dataclass
class PushSummary:
    sent: int = 0
    applied: int = 0
    conflicts: int = 0
    dead: int = 0
    changed: list[tuple[str, str, SyncState]] = field(default_factory=list)
    new_conflicts: list[tuple[str, str, str]] = field(default_factory=list)  # type, id, field


def _ready_ops(session: Session, now: datetime, limit: int) -> list[OutboxOp]:
    dependency = aliased(OutboxOp)
    blocked = exists().where(
        OutboxDependency.op_id == OutboxOp.op_id,
        dependency.op_id == OutboxDependency.depends_on,
        dependency.state != OutboxState.DONE,
    )
    return list(
        session.scalars(
            select(OutboxOp)
            .where(OutboxOp.state.in_((OutboxState.QUEUED, OutboxState.IN_FLIGHT)))
            .where((OutboxOp.next_attempt_at.is_(None)) | (OutboxOp.next_attempt_at <= now))
            .where(~blocked)
            .order_by(OutboxOp.seq)
            .limit(limit)
        )
    )


def _wire(op: OutboxOp) -> dict[str, Any]:
    return {
        "op_id": op.op_id,
        "seq": op.seq,
        "kind": op.kind,
        "record_type": op.record_type,
        "record_id": op.record_id,
        "base_version": op.base_version,
        "payload": op.payload,
    }


class Pusher:
    def __init__(self, api: SyncApi, database: Database, clock: Clock, device_id: str) -> None:
        self.api = api
        self.database = database
        self.clock = clock
        self.device_id = device_id

    def claim_batch(self, limit: int = BATCH_SIZE) -> list[dict[str, Any]]:
        """The next ready ops, marked in flight and counted as an attempt (committed)."""
        now = self.clock.now()
        with self.database.writer() as session, session.begin():
            ops = _ready_ops(session, now, limit)
            for op in ops:
                op.state = OutboxState.IN_FLIGHT
                op.attempts += 1
            return [_wire(op) for op in ops]

    def release(self, ops: list[dict[str, Any]], reason: str, retry_at: datetime) -> None:
        """A failed attempt: the ops go back to the queue with the reason and the retry time."""
        with self.database.writer() as session, session.begin():
            session.execute(
                update(OutboxOp)
                .where(OutboxOp.op_id.in_([op["op_id"] for op in ops]))
                .where(OutboxOp.state == OutboxState.IN_FLIGHT)
                .values(state=OutboxState.QUEUED, last_error=reason, next_attempt_at=retry_at)
            )

    def push_batch(self, ops: list[dict[str, Any]]) -> PushSummary:
        """Send claimed ops and record the answers; network errors propagate to the caller."""
        return self.record_answers(self.api.push(self.device_id, ops))

    def reject(self, op: dict[str, Any], reason: str) -> PushSummary:
        """Dead-letter one op the server refused as a request (not as an op)."""
        answer = OpAnswer(op["op_id"], op["seq"], "rejected", None, None, None, reason)
        return self.record_answers([answer])

    def record_answers(self, answers: list[OpAnswer]) -> PushSummary:
        summary = PushSummary(sent=len(answers))
        now = self.clock.now()
        with self.database.writer() as session, session.begin():
            for answer in answers:
                self._record(session, answer, now, summary)
        return summary

    def _record(
        self, session: Session, answer: OpAnswer, now: datetime, summary: PushSummary
    ) -> None:
        op = session.get(OutboxOp, answer.op_id)
        if op is None or op.state is OutboxState.DONE:
            return
        result = answer.original_result if answer.result == "duplicate" else answer.result
        kind = KINDS.get(op.record_type)
        if result == "rejected":
            reason = answer.reason or "the server refused this change"
            op.state, op.result, op.last_error, op.completed_at = (
                OutboxState.DEAD,
                OpResult.REJECTED,
                reason,
                now,
            )
            summary.dead += 1
            if kind is not None:
                self._set_state(session, kind, op.record_id, SyncState.FAILED, reason, summary)
            return
        op.state, op.completed_at, op.last_error = OutboxState.DONE, now, None
        op.result = OpResult.CONFLICT if result == "conflict" else OpResult.APPLIED
        if kind is None or answer.record is None:
            summary.applied += 1
            return
        session.flush()
        if result == "conflict":
            summary.conflicts += 1
            self._log_conflicts(session, kind, op, answer.record, now, summary)
        else:
            summary.applied += 1
        state = self._apply_record(session, kind, op.record_id, answer, result == "conflict")
        summary.changed.append((kind.record_type, op.record_id, state))

    def _apply_record(
        self, session: Session, kind: RecordKind, record_id: str, answer: OpAnswer, conflict: bool
    ) -> SyncState:
        """The server's record as answered, rebased on ops still waiting for this record."""
        record = session.get(kind.model, record_id)
        assert answer.record is not None
        if record is None:
            return SyncState.SYNCED
        waiting = list(
            session.execute(
                select(OutboxOp.kind, OutboxOp.payload).where(
                    OutboxOp.record_type == kind.record_type,
                    OutboxOp.record_id == record_id,
                    OutboxOp.state.in_(UNFINISHED),
                )
            )
        )
        touched: frozenset[str] = frozenset()
        for op_kind, payload in waiting:
            touched |= fields_touched_by(op_kind, payload)
        if "*" not in touched:
            for column, value in kind.columns_from(answer.record).items():
                if column not in touched:
                    setattr(record, column, value)
        version = answer.version if answer.version is not None else record.version
        bookkeeping = synced_columns(answer.record, max(record.version, version))
        record.version = bookkeeping["version"]
        if conflict:
            record.sync_state, record.sync_error = SyncState.CONFLICT, None
        elif waiting:
            if record.sync_state in (SyncState.LOCAL_ONLY, SyncState.SYNCED):
                record.sync_state = SyncState.PENDING
        elif record.sync_state is not SyncState.CONFLICT:
            record.sync_state, record.sync_error = SyncState.SYNCED, None
        return record.sync_state

    def _set_state(
        self,
        session: Session,
        kind: RecordKind,
        record_id: str,
        state: SyncState,
        error: str | None,
        summary: PushSummary,
    ) -> None:
        record = session.get(kind.model, record_id)
        if record is not None:
            record.sync_state, record.sync_error = state, error
            summary.changed.append((kind.record_type, record_id, state))

    def _log_conflicts(
        self,
        session: Session,
        kind: RecordKind,
        op: OutboxOp,
        server_record: Mapping[str, Any],
        now: datetime,
        summary: PushSummary,
    ) -> None:
        """Each field the op set that the server kept a different value for."""
        mine = _values_set_by(op)
        for name, local_value in mine.items():
            server_value = server_record.get(name)
            if server_value != local_value:
                session.add(
                    ConflictRecord(
                        record_type=kind.record_type,
                        record_id=op.record_id,
                        field=name,
                        local_value=local_value,
                        server_value=server_value,
                        winner="server",
                        op_id=op.op_id,
                        detected_at=now,
                    )
                )
                summary.new_conflicts.append((kind.record_type, op.record_id, name))


def _values_set_by(op: OutboxOp) -> dict[str, Any]:
    payload = op.payload or {}
    if op.kind == "job.set_status":
        return {"status": payload.get("status")}
    fields = payload.get("fields")
    if isinstance(fields, dict):
        return dict(fields)
    return {}
