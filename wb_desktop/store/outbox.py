"""The outbox: every local change becomes an op, written in the same transaction as the row.

Ordering rules are recorded as explicit dependencies when the op is made, so the push side
never has to guess: an op waits for the previous unfinished op on the same record, and for the
unfinished *create* of any new record it refers to (an invoice on a customer made offline).
A dead op therefore holds back only what really depends on it.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import func, select, tuple_, update
from sqlalchemy.orm import Session

from wb_desktop.store.models import Device, OutboxDependency, OutboxOp, OutboxState

CREATE_SUFFIX = ".create"
UNFINISHED = (OutboxState.QUEUED, OutboxState.IN_FLIGHT, OutboxState.DEAD)


def to_json_value(value: Any) -> Any:
    """Payload values as JSON: Decimals as exact text, times as ISO 8601 UTC."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
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


class Outbox:
    def enqueue(self, session: Session, spec: OpSpec, now: datetime) -> OutboxOp:
        """Add the op with the next device sequence number and its dependencies."""
        depends_on = self._dependencies(session, spec)  # before the new op is in the session
        seq = self._next_seq(session)
        op = OutboxOp(
            op_id=str(uuid.uuid4()),
            seq=seq,
            kind=spec.kind,
            record_type=spec.record_type,
            record_id=spec.record_id,
            base_version=spec.base_version,
            payload=to_json_value(spec.payload),
            state=OutboxState.QUEUED,
            attempts=0,
            created_at=now,
        )
        session.add(op)
        session.add_all(OutboxDependency(op_id=op.op_id, depends_on=d) for d in depends_on)
        return op

    @staticmethod
    def _next_seq(session: Session) -> int:
        seq = session.execute(
            update(Device).values(next_seq=Device.next_seq + 1).returning(Device.next_seq)
        ).scalar_one_or_none()
        if seq is None:
            raise RuntimeError("the cache has no device row; open it with open_cache()")
        return seq - 1

    @staticmethod
    def _dependencies(session: Session, spec: OpSpec) -> list[str]:
        same_record = session.execute(
            select(OutboxOp.op_id)
            .where(
                OutboxOp.record_type == spec.record_type,
                OutboxOp.record_id == spec.record_id,
                OutboxOp.state.in_(UNFINISHED),
            )
            .order_by(OutboxOp.seq.desc())
            .limit(1)
        ).scalar_one_or_none()
        found = [same_record] if same_record else []
        if spec.parents:
            found.extend(
                session.scalars(
                    select(OutboxOp.op_id).where(
                        tuple_(OutboxOp.record_type, OutboxOp.record_id).in_(spec.parents),
                        OutboxOp.kind.endswith(CREATE_SUFFIX),
                        OutboxOp.state.in_(UNFINISHED),
                    )
                )
            )
        return found


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
