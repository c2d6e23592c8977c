"""The outbox: every local change becomes an op, written in the same transaction as the row.

Ordering rules are recorded as explicit dependencies when the op is made, so the push side
never has to guess: an op waits for the previous unfinished op on the same record, and for the
unfinished *create* of any new record it refers to (an invoice on a customer made offline).
A dead op therefore holds back only what really depends on it.

The statements are built once and run on the session's connection: the write path runs
them on every keystroke-sized change, and ORM bookkeeping would cost more than the commit.
"""

from __future__ import annotations

import functools
import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import (
    CompoundSelect,
    Select,
    bindparam,
    func,
    insert,
    select,
    text,
    union_all,
    update,
)
from sqlalchemy.orm import Session

from wb_desktop.core.store.models import Device, OutboxDependency, OutboxOp, OutboxState

CREATE_SUFFIX = ".create"
UNFINISHED = (OutboxState.QUEUED, OutboxState.IN_FLIGHT, OutboxState.DEAD)

_OPS = OutboxOp.__table__
_DEPS = OutboxDependency.__table__
_DEVICE = Device.__table__
_NEXT_SEQ = update(_DEVICE).values(next_seq=_DEVICE.c.next_seq + 1).returning(_DEVICE.c.next_seq)


@functools.cache
def _dependency_lookup(parents: int) -> CompoundSelect[tuple[str]] | Select[tuple[str]]:
    """One statement for all of an op's dependencies, built once per number of parents.

    The latest unfinished op on the same record, plus the unfinished create op of each
    parent record.
    """
    same_record = (
        select(_OPS.c.op_id)
        .where(
            _OPS.c.record_type == bindparam("record_type"),
            _OPS.c.record_id == bindparam("record_id"),
            _OPS.c.state.in_(UNFINISHED),
        )
        .order_by(_OPS.c.seq.desc())
        .limit(1)
    )
    if parents == 0:
        return same_record
    parent_creates = [
        select(_OPS.c.op_id).where(
            _OPS.c.record_type == bindparam(f"parent_type_{n}"),
            _OPS.c.record_id == bindparam(f"parent_id_{n}"),
            _OPS.c.kind == bindparam(f"parent_kind_{n}"),
            _OPS.c.state.in_(UNFINISHED),
        )
        for n in range(parents)
    ]
    return union_all(select(same_record.subquery().c.op_id), *parent_creates)


_INSERT_OP = insert(_OPS)
_INSERT_DEPENDENCY = insert(_DEPS)


def to_json_value(value: Any) -> Any:
    """Payload values as JSON: Decimals as exact text, times as ISO 8601 UTC."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r} in an op payload; times must be aware")
        return value.astimezone(UTC).isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): to_json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json_value(v) for v in value]
    return value


@dataclass(frozen=True)
class OpSpec:
    """What a change asks the server to do; ``parents`` are records it refers to."""

    kind: str
    record_type: str
    record_id: str
    payload: Mapping[str, Any]
    base_version: int = 0
    parents: tuple[tuple[str, str], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class QueuedOp:
    op_id: str
    seq: int
    depends_on: tuple[str, ...]


class Outbox:
    def enqueue(self, session: Session, spec: OpSpec, now: datetime) -> QueuedOp:
        """Add the op with the next device sequence number and its dependencies."""
        connection = session.connection()
        params = {"record_type": spec.record_type, "record_id": spec.record_id}
        for n, (parent_type, parent_id) in enumerate(spec.parents):
            params[f"parent_type_{n}"] = parent_type
            params[f"parent_id_{n}"] = parent_id
            params[f"parent_kind_{n}"] = parent_type + CREATE_SUFFIX
        lookup = _dependency_lookup(len(spec.parents))
        depends_on = list(dict.fromkeys(connection.execute(lookup, params).scalars()))
        seq = connection.execute(_NEXT_SEQ).scalar_one_or_none()
        if seq is None:
            raise RuntimeError("the cache has no device row; open it with open_cache()")
        op_id = str(uuid.uuid4())
        connection.execute(
            _INSERT_OP,
            {
                "op_id": op_id,
                "seq": seq - 1,
                "kind": spec.kind,
                "record_type": spec.record_type,
                "record_id": spec.record_id,
                "base_version": spec.base_version,
                "payload": to_json_value(spec.payload),
                "state": OutboxState.QUEUED,
                "attempts": 0,
                "created_at": now,
            },
        )
        if depends_on:
            connection.execute(
                _INSERT_DEPENDENCY, [{"op_id": op_id, "depends_on": d} for d in depends_on]
            )
        return QueuedOp(op_id, seq - 1, tuple(depends_on))


def pending_count(session: Session) -> int:
    """Ops the server has not yet accepted, dead ones included: what the indicator shows."""
    return (
        session.scalar(
            select(func.count()).select_from(OutboxOp).where(OutboxOp.state.in_(UNFINISHED))
        )
        or 0
    )


def payload_text(payload: Mapping[str, Any]) -> str:
    return json.dumps(to_json_value(payload), separators=(",", ":"), sort_keys=True)


def dependencies_of(session: Session, op_ids: Iterable[str]) -> dict[str, list[str]]:
    rows = session.execute(
        select(OutboxDependency.op_id, OutboxDependency.depends_on).where(
            OutboxDependency.op_id.in_(list(op_ids))
        )
    )
    result: dict[str, list[str]] = {}
    for op_id, depends_on in rows:
        result.setdefault(op_id, []).append(depends_on)
    return result


_BLOCKED = text(
    """
    WITH RECURSIVE blocked(op_id) AS (
        SELECT d.op_id FROM outbox_dependencies AS d
        JOIN outbox AS p ON p.op_id = d.depends_on WHERE p.state = 'dead'
        UNION
        SELECT d.op_id FROM outbox_dependencies AS d JOIN blocked AS b ON d.depends_on = b.op_id
    )
    SELECT count(*) FROM blocked JOIN outbox AS o ON o.op_id = blocked.op_id
    WHERE o.state = 'queued'
    """
)


def blocked_count(session: Session) -> int:
    """Queued ops that wait, directly or through others, behind a dead op."""
    return int(session.execute(_BLOCKED).scalar_one())
