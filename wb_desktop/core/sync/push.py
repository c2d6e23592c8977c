"""Push: send the ops that are ready, and record each answer against its op and its record.

An op is ready when every op it depends on is done: a dead op holds back only its own
dependents, never the rest of the queue. Ops are marked in flight (committed) before they
are sent, so after a crash they are sent again and the server answers ``duplicate``. The
answers and their effects on the records commit in one transaction.

Ops travel as the shared :class:`~wb_desktop.core.protocol.push.OpIn`; before a batch goes,
each op is checked against the contract (its envelope, and its payload against its kind's
model), and one the server would refuse is dead-lettered here with the same reason.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from pydantic import ValidationError
from sqlalchemy import exists, select, update
from sqlalchemy.orm import Session, aliased

from wb_desktop.core.domain.clock import Clock
from wb_desktop.core.protocol.ops import payload_problem, readable
from wb_desktop.core.protocol.push import OpIn, OpResultOut
from wb_desktop.core.store.database import Database
from wb_desktop.core.store.models import (
    OutboxDependency,
    OutboxOp,
    OutboxState,
)
from wb_desktop.core.store.outbox_sequence import continue_above
from wb_desktop.core.sync.protocol_client import SyncApi
from wb_desktop.core.sync.push_answers import AnswerBatch, PushSummary, record_answer

BATCH_SIZE = 500


def _ready_ops(
    session: Session, now: datetime, limit: int, exclude: Collection[str] = ()
) -> list[OpIn]:
    dependency = aliased(OutboxOp)
    blocked = exists().where(
        OutboxDependency.op_id == OutboxOp.op_id,
        dependency.op_id == OutboxDependency.depends_on,
        dependency.state != OutboxState.DONE,
    )
    query = (
        select(*_WIRE_COLUMNS)
        .where(OutboxOp.state.in_((OutboxState.QUEUED, OutboxState.IN_FLIGHT)))
        .where((OutboxOp.next_attempt_at.is_(None)) | (OutboxOp.next_attempt_at <= now))
        .where(~blocked)
    )
    if exclude:
        query = query.where(OutboxOp.op_id.not_in(list(exclude)))
    rows = session.execute(query.order_by(OutboxOp.seq).limit(limit))
    # not validated here: unsendable() checks each op before it goes
    return [OpIn.model_construct(**row._mapping) for row in rows]


def unsendable(op: OpIn) -> str | None:
    """Why the server would refuse ``op`` (its envelope, or its payload for its kind), in
    the server's words; ``None`` when it may go."""
    try:
        OpIn.model_validate(op.model_dump())
    except ValidationError as error:
        return readable(error)
    return payload_problem(op.kind, op.payload)


_WIRE_COLUMNS = (
    OutboxOp.op_id,
    OutboxOp.seq,
    OutboxOp.kind,
    OutboxOp.record_type,
    OutboxOp.record_id,
    OutboxOp.base_version,
    OutboxOp.payload,
)


class Pusher:
    def __init__(self, api: SyncApi, database: Database, clock: Clock, device_id: str) -> None:
        self.api = api
        self.database = database
        self.clock = clock
        self.device_id = device_id

    def claim_batch(self, limit: int = BATCH_SIZE, exclude: Collection[str] = ()) -> list[OpIn]:
        """The next ready ops (but not ``exclude``), marked in flight and counted as an
        attempt (committed). No op in a batch depends on another in it (an op is ready only
        once every op it depends on is done), so any part of a batch may go on its own."""
        now = self.clock.now()
        with self.database.writer() as session, session.begin():
            ops = _ready_ops(session, now, limit, exclude)
            if ops:
                session.execute(
                    update(OutboxOp)
                    .where(OutboxOp.op_id.in_([op.op_id for op in ops]))
                    .values(state=OutboxState.IN_FLIGHT, attempts=OutboxOp.attempts + 1)
                )
            return ops

    def release(self, ops: list[OpIn], reason: str, retry_at: datetime) -> None:
        """A failed attempt: the ops go back to the queue with the reason and the retry time."""
        with self.database.writer() as session, session.begin():
            session.execute(
                update(OutboxOp)
                .where(OutboxOp.op_id.in_([op.op_id for op in ops]))
                .where(OutboxOp.state == OutboxState.IN_FLIGHT)
                .values(state=OutboxState.QUEUED, last_error=reason, next_attempt_at=retry_at)
            )

    def retry_now(self, exclude: Collection[str] = ()) -> bool:
        """Ops waiting for a retry time may go at once, except ``exclude``; returns whether
        any op is ready to send now."""
        with self.database.writer() as session, session.begin():
            waiting = (
                update(OutboxOp)
                .where(OutboxOp.state == OutboxState.QUEUED)
                .where(OutboxOp.next_attempt_at.is_not(None))
            )
            if exclude:
                waiting = waiting.where(OutboxOp.op_id.not_in(list(exclude)))
            session.execute(waiting.values(next_attempt_at=None))
            return bool(_ready_ops(session, self.clock.now(), 1, exclude))

    def retry_times(self, op_ids: Collection[str]) -> dict[str, datetime | None]:
        """When each of these ops, if still queued, may go next (None: at once)."""
        if not op_ids:
            return {}
        with self.database.reader() as session:
            rows = session.execute(
                select(OutboxOp.op_id, OutboxOp.next_attempt_at)
                .where(OutboxOp.op_id.in_(list(op_ids)))
                .where(OutboxOp.state == OutboxState.QUEUED)
            )
            return {op_id: when for op_id, when in rows}

    def push_batch(self, ops: list[OpIn]) -> PushSummary:
        """Send claimed ops and record the answers; network errors propagate to the caller.
        An op the contract says the server would refuse is dead-lettered without going."""
        summary = PushSummary()
        sendable = []
        for op in ops:
            problem = unsendable(op)
            if problem is None:
                sendable.append(op)
            else:
                summary.add(self.reject(op, problem))
        if sendable:
            reply = self.api.push(self.device_id, sendable)
            answered = self.record_answers(reply.results, reply.last_seq)
            answered.add(summary)
            return answered
        return summary

    def reject(self, op: OpIn, reason: str) -> PushSummary:
        """Dead-letter one op the server refused as a request (not as an op)."""
        answer = OpResultOut(op_id=op.op_id, seq=op.seq, result="rejected", reason=reason)
        return self.record_answers([answer])

    def record_answers(
        self, answers: list[OpResultOut], server_last_seq: int | None = None
    ) -> PushSummary:
        """Record a batch's answers in one transaction: the batch's ops, its records and the
        ops still waiting on those records are each read with one query, and written back
        with one bulk update per table. ``server_last_seq``: the highest seq the server has
        applied from this device, as the reply said."""
        summary = PushSummary(sent=len(answers))
        now = self.clock.now()
        with self.database.writer() as session, session.begin():
            batch = AnswerBatch(session, answers, server_last_seq)
            for answer in answers:
                record_answer(batch, answer, now, summary)
            batch.write(session)
            if batch.behind_server is not None:
                summary.renumbered = continue_above(session, batch.behind_server, now)
        return summary
