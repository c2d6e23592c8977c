"""Discarding outbox ops for good, when support decides a change must never reach the office.

What goes: the chosen ops, and every op that could never go without them. That is the ops
of a record whose *create* is discarded (the server will never know the record) and the
creates that name such a record as their parent (an estimate for a customer made offline),
and so on down. An op that merely came after a discarded edit of the same record stays, and
inherits its place in the order, so nothing else the technician saved is lost.

The cache is put back where it can be: an edit that carried the value it replaced is undone
field by field (unless a later op still waiting changed that field again), a queued send
goes back to draft. A record whose change cannot be undone shows as failed with the reason,
so nobody mistakes its local values for the office's.

Each discarded op is logged in ``sync_log`` (event ``op.discarded``) with its whole payload
and the reason, in the same transaction as the delete: the log and the outbox can never
disagree, and the log travels inside the database into a diagnostics bundle. A new table
would need a migration for what this existing table already is (what sync did and why, for
support); a JSON-lines file could not be written atomically with the delete.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, aliased

from wb_desktop.core.domain.records import DeliveryState
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.protocol.kinds import OpKind
from wb_desktop.core.store.database import Database
from wb_desktop.core.store.models import OutboxDependency, OutboxOp, OutboxState, SyncLogEntry
from wb_desktop.core.store.outbox import CREATE_SUFFIX, UNFINISHED, to_json_value
from wb_desktop.core.store.record_info import (
    ALL_FIELDS,
    fields_changed_by,
    load_record,
    record_labels,
    settle_sync_state,
)

DISCARDED_EVENT = "op.discarded"
DISCARDABLE = (OutboxState.QUEUED, OutboxState.DEAD)  # an op in flight may already be applied
_NOTE = QT_TRANSLATE_NOOP("Domain", "A change was discarded by support and never sent: %1")


@dataclass(frozen=True)
class DiscardPlan:
    """What a discard would remove: the ops chosen, the ops that must go with them, and the
    chosen ops left alone (in flight, or already accepted)."""

    chosen: tuple[str, ...]
    dependents: tuple[str, ...]
    refused: tuple[str, ...]

    @property
    def all(self) -> tuple[str, ...]:
        return self.chosen + self.dependents


@dataclass(frozen=True)
class DiscardedOp:
    """One line of the discard log."""

    at: datetime
    op_id: str
    kind: str
    record_type: str
    record_id: str
    reason: str
    because_of: str | None  # the chosen op that took this one along; None if chosen itself
    details: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Op:
    op_id: str
    seq: int
    kind: str
    record_type: str
    record_id: str
    state: OutboxState
    payload: dict[str, Any]


def _unfinished(session: Session) -> dict[str, _Op]:
    rows = session.execute(
        select(
            OutboxOp.op_id,
            OutboxOp.seq,
            OutboxOp.kind,
            OutboxOp.record_type,
            OutboxOp.record_id,
            OutboxOp.state,
            OutboxOp.payload,
        ).where(OutboxOp.state.in_(UNFINISHED))
    )
    return {row.op_id: _Op(*row) for row in rows}


def _edges(session: Session) -> list[tuple[str, str]]:
    """(op, the op it waits for) where both are still unfinished."""
    child, parent = aliased(OutboxOp), aliased(OutboxOp)
    rows = session.execute(
        select(OutboxDependency.op_id, OutboxDependency.depends_on)
        .join(child, child.op_id == OutboxDependency.op_id)
        .join(parent, parent.op_id == OutboxDependency.depends_on)
        .where(child.state.in_(UNFINISHED), parent.state.in_(UNFINISHED))
    )
    return [(op_id, depends_on) for op_id, depends_on in rows]


def _plan(session: Session, op_ids: Iterable[str]) -> tuple[DiscardPlan, dict[str, str | None]]:
    """The plan, and for each op in it the chosen op that brought it in (None: chosen)."""
    ops = _unfinished(session)
    wanted = list(dict.fromkeys(op_ids))
    chosen = [i for i in wanted if i in ops and ops[i].state in DISCARDABLE]
    refused = [i for i in wanted if i not in chosen]
    because: dict[str, str | None] = dict.fromkeys(chosen)
    children: dict[str, list[str]] = {}
    for child, parent in _edges(session):
        children.setdefault(parent, []).append(child)
    by_record: dict[tuple[str, str], list[str]] = {}
    for op in sorted(ops.values(), key=lambda o: o.seq):
        by_record.setdefault((op.record_type, op.record_id), []).append(op.op_id)
    pending = [i for i in chosen if ops[i].kind.endswith(CREATE_SUFFIX)]
    while pending:
        create = ops[pending.pop()]
        origin = because[create.op_id] or create.op_id
        stranded = by_record[(create.record_type, create.record_id)] + children.get(
            create.op_id, []
        )
        for op_id in stranded:
            if op_id in because or ops[op_id].state not in DISCARDABLE:
                continue
            because[op_id] = origin
            if ops[op_id].kind.endswith(CREATE_SUFFIX):
                pending.append(op_id)
    dependents = sorted((i for i in because if because[i] is not None), key=lambda i: ops[i].seq)
    return DiscardPlan(tuple(chosen), tuple(dependents), tuple(refused)), because


def plan_discard(session: Session, op_ids: Iterable[str]) -> DiscardPlan:
    """What :func:`discard` would remove, for the confirmation question."""
    return _plan(session, op_ids)[0]


def discard(database: Database, op_ids: Iterable[str], now: datetime, reason: str) -> DiscardPlan:
    """Remove the ops and their stranded dependents for good, undo what the cache can,
    and log each one with ``reason``; returns what was removed."""
    with database.writer() as session, session.begin():
        plan, because = _plan(session, op_ids)
        if not plan.all:
            return plan
        ops = {op.op_id: op for op in session.scalars(select(OutboxOp).where(_in(plan.all)))}
        _relink(session, set(plan.all))
        _log(session, ops, because, now, reason)
        gone = sorted(ops.values(), key=lambda o: o.seq, reverse=True)
        records = {(op.record_type, op.record_id) for op in gone}
        snapshot = [
            (op.seq, op.kind, op.record_type, op.record_id, dict(op.payload or {})) for op in gone
        ]
        session.flush()
        session.execute(
            delete(OutboxOp).where(_in(plan.all)), execution_options={"synchronize_session": False}
        )
        session.expire_all()
        for record_type, record_id in sorted(records):
            mine = [s for s in snapshot if (s[2], s[3]) == (record_type, record_id)]
            undone = _undo(session, record_type, record_id, mine)
            note = None if undone else Text(_NOTE, reason)
            settle_sync_state(session, record_type, record_id, unsynced_note=note)
        return plan


def _in(op_ids: tuple[str, ...]) -> Any:
    return OutboxOp.op_id.in_(list(op_ids))


def _relink(session: Session, going: set[str]) -> None:
    """An op that stays but waited for one that goes now waits for what that one waited
    for, so the order of the changes that remain is kept."""
    edges = [(c, p) for c, p in _edges(session) if c in going or p in going]
    parents: dict[str, list[str]] = {}
    for child, parent in edges:
        parents.setdefault(child, []).append(parent)

    def kept_parents(op_id: str) -> set[str]:
        found: set[str] = set()
        for parent in parents.get(op_id, []):
            found |= kept_parents(parent) if parent in going else {parent}
        return found

    new_edges: set[tuple[str, str]] = set()
    for child, parent in edges:
        if child not in going and parent in going:
            new_edges |= {(child, p) for p in kept_parents(parent)}
    existing = set(edges)
    session.execute(
        delete(OutboxDependency).where(
            OutboxDependency.op_id.in_(list(going)) | OutboxDependency.depends_on.in_(list(going))
        )
    )
    rows = [{"op_id": c, "depends_on": p} for c, p in sorted(new_edges - existing)]
    if rows:
        session.execute(insert(OutboxDependency), rows)


def _log(
    session: Session,
    ops: dict[str, OutboxOp],
    because: dict[str, str | None],
    now: datetime,
    reason: str,
) -> None:
    labels = record_labels(session, ((op.record_type, op.record_id) for op in ops.values()))
    for op in sorted(ops.values(), key=lambda o: o.seq):
        session.add(
            SyncLogEntry(
                at=now,
                level="warning",
                event=DISCARDED_EVENT,
                message=f"{op.kind} on {op.record_type} {op.record_id} discarded: {reason}",
                op_id=op.op_id,
                details={
                    "reason": str(reason),
                    "because_of": because.get(op.op_id),
                    "seq": op.seq,
                    "kind": op.kind,
                    "record_type": op.record_type,
                    "record_id": op.record_id,
                    "record_label": labels.get((op.record_type, op.record_id), ""),
                    "state": op.state.value,
                    "attempts": op.attempts,
                    "last_error": op.last_error,
                    "base_version": op.base_version,
                    "created_at": to_json_value(op.created_at),
                    "payload": to_json_value(op.payload or {}),
                },
            )
        )


def _undo(
    session: Session,
    record_type: str,
    record_id: str,
    gone: list[tuple[int, str, str, str, dict[str, Any]]],
) -> bool:
    """Put back what the discarded ops (newest first) changed in the cached record, where a
    later op that stays did not change the same field again. False if some of it cannot
    be put back (a create, or an edit that did not carry the old values)."""
    record = load_record(session, record_type, record_id)
    if record is None:
        return True
    later = session.execute(
        select(OutboxOp.seq, OutboxOp.kind, OutboxOp.payload).where(
            OutboxOp.record_type == record_type,
            OutboxOp.record_id == record_id,
            OutboxOp.state.in_(UNFINISHED),
        )
    ).all()
    complete = True
    for seq, kind, _type, _id, payload in gone:
        retouched: frozenset[str] = frozenset().union(
            *(fields_changed_by(k, p) for s, k, p in later if s > seq)
        )
        if retouched >= ALL_FIELDS:
            continue
        previous = _previous_values(kind, payload)
        if previous is None:
            complete = False
            continue
        for name, value in previous.items():
            if name not in retouched:
                setattr(record, name, value)
    return complete


def _previous_values(kind: str, payload: dict[str, Any]) -> dict[str, Any] | None:
    """The values an op replaced, as column values; None if the op does not say."""
    if kind == OpKind.CUSTOMER_UPDATE and isinstance(payload.get("previous"), dict):
        return dict(payload["previous"])
    if kind == OpKind.JOB_SET_STATUS and isinstance(payload.get("previous"), str):
        return {"status": JobStatus(payload["previous"])}
    if kind == OpKind.DOCUMENT_SEND:
        return {"delivery_state": DeliveryState.DRAFT, "queued_at": None}
    return None


def discard_log(session: Session, limit: int | None = None) -> list[DiscardedOp]:
    """The discards on record, newest first."""
    query = (
        select(SyncLogEntry)
        .where(SyncLogEntry.event == DISCARDED_EVENT)
        .order_by(SyncLogEntry.at.desc(), SyncLogEntry.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    entries = []
    for entry in session.scalars(query):
        details = dict(entry.details or {})
        entries.append(
            DiscardedOp(
                at=entry.at,
                op_id=entry.op_id or "",
                kind=str(details.get("kind", "")),
                record_type=str(details.get("record_type", "")),
                record_id=str(details.get("record_id", "")),
                reason=str(details.get("reason", "")),
                because_of=details.get("because_of"),
                details=details,
            )
        )
    return entries
