"""The outbox as support sees it, and the two safe things support may do to a waiting op:
send it now, or give a dead op another go after the cause was fixed.

Discarding ops is in :mod:`wb_desktop.core.store.outbox_discard`. Everything done here is
logged in ``sync_log`` in the same transaction, so the history survives in the database
(and so in a diagnostics bundle) exactly as it happened.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session, aliased

from wb_desktop.core.persistence.atomic_files import write_atomically
from wb_desktop.core.store.database import Database
from wb_desktop.core.store.models import (
    Device,
    OutboxDependency,
    OutboxOp,
    OutboxState,
    SyncLogEntry,
)
from wb_desktop.core.store.outbox import to_json_value
from wb_desktop.core.store.record_info import record_labels, settle_sync_state

EXPORT_FORMAT = "wb-outbox-export"
EXPORT_VERSION = 1
REQUEUED_EVENT = "op.requeued"


@dataclass(frozen=True)
class OutboxRow:
    """One op with what support asks about it: whose record, how it went, what it waits on.

    ``waits_on`` are the unfinished ops it waits for directly; ``blocked_by`` the dead ops
    it waits behind, directly or through others (it cannot go until they are dealt with).
    """

    op_id: str
    seq: int
    kind: str
    record_type: str
    record_id: str
    record_label: str
    state: OutboxState
    attempts: int
    last_error: str | None
    next_attempt_at: datetime | None
    created_at: datetime
    completed_at: datetime | None
    base_version: int
    payload: dict[str, Any]
    waits_on: tuple[str, ...] = ()
    blocked_by: tuple[str, ...] = ()

    @property
    def blocked(self) -> bool:
        return bool(self.blocked_by)


@dataclass(frozen=True)
class Requeued:
    """A dead op put back: it goes again under a new id and sequence number (the server
    remembers its answer to the old id and would only repeat the refusal)."""

    old_op_id: str
    new_op_id: str
    new_seq: int


def _unfinished_edges(session: Session) -> list[tuple[str, str, OutboxState]]:
    """(op, the op it waits for, that op's state) for every dependency not yet satisfied."""
    parent = aliased(OutboxOp)
    rows = session.execute(
        select(OutboxDependency.op_id, OutboxDependency.depends_on, parent.state)
        .join(parent, parent.op_id == OutboxDependency.depends_on)
        .where(parent.state != OutboxState.DONE)
    )
    return [(op_id, depends_on, state) for op_id, depends_on, state in rows]


def _dead_ancestors(edges: list[tuple[str, str, OutboxState]]) -> dict[str, tuple[str, ...]]:
    """For each op, the dead ops it waits behind through any chain of dependencies."""
    parents: dict[str, list[str]] = {}
    dead: set[str] = set()
    for op_id, depends_on, state in edges:
        parents.setdefault(op_id, []).append(depends_on)
        if state is OutboxState.DEAD:
            dead.add(depends_on)
    found: dict[str, tuple[str, ...]] = {}

    def walk(op_id: str) -> tuple[str, ...]:
        if op_id in found:
            return found[op_id]
        found[op_id] = ()  # a guard: the outbox has no cycles, but a damaged file might
        behind: dict[str, None] = {}
        for parent in parents.get(op_id, []):
            if parent in dead:
                behind[parent] = None
            behind.update(dict.fromkeys(walk(parent)))
        found[op_id] = tuple(behind)
        return found[op_id]

    return {op_id: walk(op_id) for op_id in parents}


_ROW_COLUMNS = (
    OutboxOp.op_id,
    OutboxOp.seq,
    OutboxOp.kind,
    OutboxOp.record_type,
    OutboxOp.record_id,
    OutboxOp.state,
    OutboxOp.attempts,
    OutboxOp.last_error,
    OutboxOp.next_attempt_at,
    OutboxOp.created_at,
    OutboxOp.completed_at,
    OutboxOp.base_version,
    OutboxOp.payload,
)


def outbox_rows(session: Session, *, include_done: bool = False) -> list[OutboxRow]:
    """Every op not yet accepted by the server (and the accepted ones too if asked), in
    the order they were made."""
    query = select(*_ROW_COLUMNS).order_by(OutboxOp.seq)
    if not include_done:
        query = query.where(OutboxOp.state != OutboxState.DONE)
    ops = session.execute(query).all()  # plain rows: thousands of ORM objects cost too much
    edges = _unfinished_edges(session)
    waits_on: dict[str, list[str]] = {}
    for op_id, depends_on, _state in edges:
        waits_on.setdefault(op_id, []).append(depends_on)
    blocked_by = _dead_ancestors(edges)
    labels = record_labels(session, ((op.record_type, op.record_id) for op in ops))
    return [
        OutboxRow(
            op_id=op.op_id,
            seq=op.seq,
            kind=op.kind,
            record_type=op.record_type,
            record_id=op.record_id,
            record_label=labels.get((op.record_type, op.record_id), ""),
            state=op.state,
            attempts=op.attempts,
            last_error=op.last_error,
            next_attempt_at=op.next_attempt_at,
            created_at=op.created_at,
            completed_at=op.completed_at,
            base_version=op.base_version,
            payload=dict(op.payload or {}),
            waits_on=tuple(waits_on.get(op.op_id, ())),
            blocked_by=blocked_by.get(op.op_id, ()) if op.state is OutboxState.QUEUED else (),
        )
        for op in ops
    ]


def retry_now(database: Database, op_ids: Iterable[str]) -> int:
    """Queued ops lose their wait for the next retry; the next sync step takes them.

    Returns how many were waiting (dead, done or in-flight ops are left alone)."""
    ids = list(op_ids)
    if not ids:
        return 0
    with database.writer() as session, session.begin():
        result = session.execute(
            update(OutboxOp)
            .where(OutboxOp.op_id.in_(ids), OutboxOp.state == OutboxState.QUEUED)
            .values(next_attempt_at=None)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _next_seq(session: Session) -> int:
    seq = session.execute(
        update(Device).values(next_seq=Device.next_seq + 1).returning(Device.next_seq)
    ).scalar_one()
    return int(seq) - 1


def requeue_dead(database: Database, op_ids: Iterable[str], now: datetime) -> list[Requeued]:
    """Put dead ops back in the queue after the cause was fixed (a job reassigned back, …).

    Each goes as a fresh op (new id, new sequence number, no attempts) with the same change,
    taking over the old one's place in every dependency; the old id, its attempts and its
    last error are kept in the sync log. Its record stops showing as refused.
    """
    ids = list(op_ids)
    if not ids:
        return []
    with database.writer() as session, session.begin():
        return requeue_dead_in(session, ids, now)


def requeue_dead_in(session: Session, ids: Sequence[str], now: datetime) -> list[Requeued]:
    """:func:`requeue_dead` inside the caller's transaction."""
    done: list[Requeued] = []
    if ids:
        dead = session.scalars(
            select(OutboxOp)
            .where(OutboxOp.op_id.in_(ids), OutboxOp.state == OutboxState.DEAD)
            .order_by(OutboxOp.seq)
        ).all()
        for old in dead:
            new_id, new_seq = str(uuid.uuid4()), _next_seq(session)
            session.execute(
                insert(OutboxOp).values(
                    op_id=new_id,
                    seq=new_seq,
                    kind=old.kind,
                    record_type=old.record_type,
                    record_id=old.record_id,
                    base_version=old.base_version,
                    payload=old.payload,
                    state=OutboxState.QUEUED,
                    attempts=0,
                    created_at=old.created_at,
                )
            )
            for column in (OutboxDependency.op_id, OutboxDependency.depends_on):
                session.execute(
                    update(OutboxDependency).where(column == old.op_id).values({column: new_id})
                )
            session.add(
                SyncLogEntry(
                    at=now,
                    level="info",
                    event=REQUEUED_EVENT,
                    message=f"{old.kind} on {old.record_type} {old.record_id} moved back to "
                    f"the queue as {new_id}",
                    op_id=new_id,
                    details={
                        "old_op_id": old.op_id,
                        "old_seq": old.seq,
                        "new_seq": new_seq,
                        "attempts": old.attempts,
                        "last_error": old.last_error,
                        "result": old.result.value if old.result else None,
                    },
                )
            )
            done.append(Requeued(old.op_id, new_id, new_seq))
        records = {(op.record_type, op.record_id) for op in dead}
        session.execute(
            delete(OutboxOp).where(OutboxOp.op_id.in_([r.old_op_id for r in done])),
            execution_options={"synchronize_session": False},
        )
        session.expire_all()
        for record_type, record_id in sorted(records):
            settle_sync_state(session, record_type, record_id)
    return done


def _export_dict(row: OutboxRow) -> dict[str, Any]:
    return {
        "op_id": row.op_id,
        "seq": row.seq,
        "kind": row.kind,
        "record_type": row.record_type,
        "record_id": row.record_id,
        "record_label": row.record_label,
        "state": row.state.value,
        "attempts": row.attempts,
        "last_error": row.last_error,
        "next_attempt_at": to_json_value(row.next_attempt_at),
        "created_at": to_json_value(row.created_at),
        "completed_at": to_json_value(row.completed_at),
        "base_version": row.base_version,
        "waits_on": list(row.waits_on),
        "blocked_by": list(row.blocked_by),
        "payload": to_json_value(row.payload),
    }


CSV_COLUMNS = (
    "seq",
    "op_id",
    "kind",
    "record_type",
    "record_id",
    "record_label",
    "state",
    "attempts",
    "last_error",
    "next_attempt_at",
    "created_at",
    "completed_at",
    "base_version",
    "waits_on",
    "blocked_by",
    "payload",
)


def export_text(rows: Sequence[OutboxRow], as_csv: bool) -> str:
    """The rows as a JSON document, or as CSV (lists joined by spaces, the payload as JSON)."""
    records = [_export_dict(row) for row in rows]
    if not as_csv:
        document = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "ops": records}
        return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        flat = dict(record)
        flat["waits_on"] = " ".join(record["waits_on"])
        flat["blocked_by"] = " ".join(record["blocked_by"])
        flat["payload"] = json.dumps(record["payload"], ensure_ascii=False, sort_keys=True)
        writer.writerow(flat)
    return buffer.getvalue()


def export_outbox(session: Session, target: Path, *, include_done: bool = False) -> int:
    """Write the outbox to ``target`` (CSV when it ends in ``.csv``, JSON otherwise), whole
    or not at all; returns how many ops it holds."""
    rows = outbox_rows(session, include_done=include_done)
    text = export_text(rows, as_csv=target.suffix.lower() == ".csv")
    write_atomically(target, text.encode("utf-8"))
    return len(rows)
