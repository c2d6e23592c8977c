"""One push batch as a unit of work: read what it needs up front, write everything at the end.

Per-op queries and flushes cost more than the ops themselves, so a batch prefetches the
answers already given to its op ids, the sequences its device already used and every record
its ops name (a handful of ``IN`` queries in all; the records locked ``FOR UPDATE``), keeps
records created by earlier ops of the batch, and stages the op answers for a bulk insert
when it finishes (the feed entries for the commit: see :mod:`wb_server.feed`).
Handlers validate everything before they change anything, so a rejected op leaves nothing
behind even though there is no savepoint per op.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, TypeVar

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from wb_server.feed import RECORD_TYPES, snapshot, stage
from wb_server.models import (
    AppliedOp,
    Customer,
    Job,
    ServerBase,
)

Record = TypeVar("Record", bound=ServerBase)
_PAYLOAD_REFERENCES: dict[str, type[ServerBase]] = {"job_id": Job, "customer_id": Customer}


class BatchOp(Protocol):
    @property
    def op_id(self) -> str: ...
    @property
    def seq(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def record_id(self) -> str: ...
    @property
    def payload(self) -> dict[str, Any]: ...


@dataclass(frozen=True, slots=True)
class Answer:
    """An op's answer as stored, so a replay in this batch or a later one gets it back."""

    device_id: str
    result: str
    detail: dict[str, Any]


class PushBatch:
    def __init__(
        self, session: Session, device_id: str, ops: Sequence[BatchOp], now: datetime
    ) -> None:
        self.session = session
        self.device_id = device_id
        self.now = now
        self._answers = self._prefetch_answers([op.op_id for op in ops])
        self._seqs = self._prefetch_seqs([op.seq for op in ops])
        self._records: dict[tuple[type[ServerBase], str], ServerBase] = {}
        self._absent: set[tuple[type[ServerBase], str]] = set()
        self._prefetch_records(ops)
        self._applied: list[dict[str, Any]] = []
        # Ops whose handler failed unexpectedly in an earlier run of this batch: answered as
        # refused (op id -> reason) instead of applied (see routes/push.py).
        self.crashed: dict[str, str] = {}

    def answer(self, op_id: str) -> Answer | None:
        return self._answers.get(op_id)

    def op_with_seq(self, seq: int) -> str | None:
        return self._seqs.get(seq)

    def find(self, model: type[Record], record_id: object) -> Record | None:
        """The record as this batch sees it, including ones created by its earlier ops."""
        if not isinstance(record_id, str):
            return None
        key = (model, record_id)
        known = self._records.get(key)
        if known is not None:
            return known  # type: ignore[return-value]
        if key in self._absent:
            return None
        found = self.session.get(model, record_id, with_for_update=True, populate_existing=True)
        if found is None:
            self._absent.add(key)
        else:
            self._records[key] = found
        return found

    def add(self, record: ServerBase) -> None:
        key = (type(record), str(getattr(record, "id")))  # noqa: B009 - every record has an id
        self.session.add(record)
        self._records[key] = record
        self._absent.discard(key)

    def publish(
        self, record_type: str, record: ServerBase, audience: Iterable[str | None]
    ) -> dict[str, Any]:
        """Stages one feed entry per technician who sees the record; returns its snapshot."""
        data = snapshot(record)
        rows = []
        for technician_id in dict.fromkeys(t for t in audience if t):
            rows.append(
                {
                    "technician_id": technician_id,
                    "record_type": record_type,
                    "record_id": data["id"],
                    "version": data.get("version", 0),
                    "deleted": False,
                    "data": data,
                    "origin_device_id": self.device_id,
                    "at": self.now,
                }
            )
        stage(self.session, rows)
        return data

    def record_answer(self, op: BatchOp, result: str, detail: dict[str, Any]) -> None:
        self._answers[op.op_id] = Answer(self.device_id, result, detail)
        self._seqs[op.seq] = op.op_id
        self._applied.append(
            {
                "op_id": op.op_id,
                "device_id": self.device_id,
                "seq": op.seq,
                "kind": op.kind,
                "result": result,
                "detail": detail,
                "applied_at": self.now,
            }
        )

    def finish(self) -> None:
        """Writes the records and the answers; the feed, staged in op order, goes at commit."""
        self.session.flush()
        if self._applied:
            self.session.execute(insert(AppliedOp), self._applied)

    def _prefetch_answers(self, op_ids: list[str]) -> dict[str, Answer]:
        rows = self.session.execute(
            select(AppliedOp.op_id, AppliedOp.device_id, AppliedOp.result, AppliedOp.detail).where(
                AppliedOp.op_id.in_(set(op_ids))
            )
        )
        return {op_id: Answer(device, result, detail) for op_id, device, result, detail in rows}

    def _prefetch_seqs(self, seqs: list[int]) -> dict[int, str]:
        rows = self.session.execute(
            select(AppliedOp.seq, AppliedOp.op_id).where(
                AppliedOp.device_id == self.device_id, AppliedOp.seq.in_(set(seqs))
            )
        )
        return {seq: op_id for seq, op_id in rows}

    def _prefetch_records(self, ops: Sequence[BatchOp]) -> None:
        wanted: dict[type[ServerBase], set[str]] = {}
        for op in ops:
            model = RECORD_TYPES.get(op.kind.partition(".")[0])  # type: ignore[call-overload]
            if model is not None:
                wanted.setdefault(model, set()).add(op.record_id)
            for key, referenced in _PAYLOAD_REFERENCES.items():
                value = op.payload.get(key)
                if isinstance(value, str):
                    wanted.setdefault(referenced, set()).add(value)
        # Locked (PostgreSQL; SQLite's writer already holds the database) in one order, table
        # by table and by id, so two batches wait for each other instead of deadlocking, and a
        # version read here is the one the batch's UPDATE replaces: no lost update.
        for model in sorted(wanted, key=lambda m: m.__tablename__):
            ids = wanted[model]
            primary_key = model.__mapper__.primary_key[0]
            locked = (
                select(model)
                .where(primary_key.in_(ids))
                .order_by(primary_key)
                .with_for_update()
                .execution_options(populate_existing=True)
            )
            for record in self.session.scalars(locked):
                self._records[(model, str(getattr(record, "id")))] = record  # noqa: B009
            self._absent.update((model, i) for i in ids if (model, i) not in self._records)
