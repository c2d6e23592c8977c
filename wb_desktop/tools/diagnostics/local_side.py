"""The tablet's side of the convergence check: the cache's records in the office's shape.

Only what the office view would list for the technician is taken: jobs assigned to them
(a reassigned job that stays because the technician's own records refer to it is the
office's business no more), and the notes, photos and signatures of those jobs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from wb_desktop.core.store.models import (
    Customer,
    Document,
    DocumentLine,
    Job,
    Note,
    OutboxOp,
    OutboxState,
    Payment,
    Photo,
    Signature,
    SyncedRecord,
    TimeEntry,
)
from wb_desktop.core.sync.records import KINDS as SYNCED_KINDS
from wb_desktop.core.sync.records import fields_touched_by
from wb_desktop.tools.diagnostics.convergence import (
    KINDS_BY_KEY,
    LINE_FIELDS,
    LocalSnapshot,
    RecordKey,
)

_WAITING = (OutboxState.QUEUED, OutboxState.IN_FLIGHT)


def local_snapshot(session: Session, technician_id: str | None) -> LocalSnapshot:
    """The cache as the office would list it for ``technician_id`` (None: every assigned
    job, for a cache that has not learnt who signed in yet)."""
    jobs_query = select(Job).order_by(Job.scheduled_start, Job.id)
    if technician_id is None:
        jobs_query = jobs_query.where(Job.assigned_technician_id.is_not(None))
    else:
        jobs_query = jobs_query.where(Job.assigned_technician_id == technician_id)
    jobs = list(session.scalars(jobs_query))
    job_ids = [job.id for job in jobs]

    def of_jobs(model: type[Note] | type[Photo] | type[Signature]) -> list[Any]:
        found: list[Any] = []
        for start in range(0, len(job_ids), 500):
            chunk = job_ids[start : start + 500]
            found.extend(session.scalars(select(model).where(model.job_id.in_(chunk))))
        return found

    records = {
        "customers": _rows("customer", session.scalars(select(Customer))),
        "jobs": _rows("job", jobs),
        "notes": _rows("note", of_jobs(Note)),
        "photos": _rows("photo", of_jobs(Photo)),
        "signatures": _rows("signature", of_jobs(Signature)),
        "time_entries": _rows("time_entry", session.scalars(select(TimeEntry))),
        "documents": _documents(session),
        "payments": [_payment(p) for p in session.scalars(select(Payment))],
    }
    waiting, refused = _outbox(session)
    return LocalSnapshot(records, waiting, refused)


def local_customer_ids(session: Session) -> list[str]:
    """The customers the tablet holds: the office's customers worth showing beside them."""
    return list(session.scalars(select(Customer.id)))


def _rows(record_type: str, rows: Iterable[SyncedRecord]) -> list[dict[str, Any]]:
    spec = SYNCED_KINDS[record_type]
    result = []
    for row in rows:
        record: dict[str, Any] = {"id": row.id, "version": row.version}
        for key in spec.fields:
            record[key] = getattr(row, key)
        for key, column in spec.renamed.items():
            record[key] = getattr(row, column)
        record["sync_state"] = row.sync_state.value
        result.append(record)
    return result


def _documents(session: Session) -> list[dict[str, Any]]:
    documents = list(session.scalars(select(Document)))
    records = _rows("document", documents)
    lines: dict[str, list[dict[str, Any]]] = {}
    for line in session.scalars(select(DocumentLine).order_by(DocumentLine.position)):
        lines.setdefault(line.document_id, []).append(
            {name: getattr(line, name) for name in LINE_FIELDS}
        )
    for record in records:
        record["lines"] = lines.get(record["id"], [])
    return records


def _payment(payment: Payment) -> dict[str, Any]:
    record: dict[str, Any] = {"id": payment.id, "idempotency_key": payment.idempotency_key}
    for name in KINDS_BY_KEY["payments"].fields:
        record[name] = getattr(payment, name)
    record["sync_state"] = payment.sync_state.value
    return record


def _outbox(session: Session) -> tuple[dict[RecordKey, frozenset[str]], frozenset[RecordKey]]:
    """Fields that queued or in-flight ops change, per record; records with a dead op."""
    waiting: dict[RecordKey, frozenset[str]] = {}
    refused: set[RecordKey] = set()
    unfinished = select(
        OutboxOp.record_type, OutboxOp.record_id, OutboxOp.kind, OutboxOp.payload, OutboxOp.state
    ).where(OutboxOp.state.in_((*_WAITING, OutboxState.DEAD)))
    for record_type, record_id, kind, payload, state in session.execute(unfinished):
        key = (record_type, record_id)
        if state == OutboxState.DEAD:
            refused.add(key)
        else:
            waiting[key] = waiting.get(key, frozenset()) | fields_touched_by(kind, payload or {})
    return waiting, frozenset(refused)
