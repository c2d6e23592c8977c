"""The per-technician change feed that pulls read, appended in commit order.

Each accepted change appends one ``changes`` row per technician allowed to see the record,
carrying the record as it now is. Losing sight of a record (a job reassigned away) appends
a tombstone for that technician, so their cache drops it.

A pull returns ``seq > cursor`` and moves the cursor to the last seq it saw, so a seq that
becomes visible *after* a higher one would be passed over for good. On PostgreSQL a
sequence value is taken at insert and the transaction commits later, so transactions can
commit out of seq order. Hence feed rows are never inserted while a transaction works:
writers *stage* them (:func:`stage`), and the ``before_commit`` hook
(:func:`write_staged_feed`) takes a transaction-scoped advisory lock per technician in the
audience (sorted, so two writers never wait on each other in a cycle), inserts the rows and
commits at once. Whoever takes a technician's lock next draws its seqs only after the
previous holder's rows are committed and visible, so each technician's feed becomes visible
in seq order and a cursor never passes a seq that can still appear. Nothing else is waited
for while the locks are held: the cost is one round trip per technician in the audience and
commits of one technician's feed entries going one at a time. On SQLite a writer holds the
database's write lock from ``BEGIN IMMEDIATE`` to commit, which already orders everything.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from wb_desktop.core.protocol.kinds import RecordType
from wb_desktop.core.protocol.records import RECORD_MODELS, wire_value
from wb_server.models import (
    Change,
    Customer,
    Document,
    Job,
    JobLineItem,
    Note,
    Photo,
    ServerBase,
    Signature,
    TimeEntry,
)

RECORD_TYPES: dict[RecordType, type[ServerBase]] = {
    RecordType.CUSTOMER: Customer,
    RecordType.JOB: Job,
    RecordType.JOB_LINE_ITEM: JobLineItem,
    RecordType.NOTE: Note,
    RecordType.PHOTO: Photo,
    RecordType.SIGNATURE: Signature,
    RecordType.TIME_ENTRY: TimeEntry,
    RecordType.DOCUMENT: Document,
}
_STAGED = "wb_staged_feed"
_TYPE_OF = {model: record_type for record_type, model in RECORD_TYPES.items()}
# The advisory-lock key space of the feed: (FEED_LOCK_CLASS, a 32-bit hash of the technician).
FEED_LOCK_CLASS = 0x57_42_46  # "WBF"


def snapshot(record: ServerBase) -> dict[str, Any]:
    """The record as the contract sends it: exactly its type's fields, as JSON values."""
    return row_as(RECORD_MODELS[_TYPE_OF[type(record)]], record)


def row_as(model: type[BaseModel], row: object) -> dict[str, Any]:
    """A stored row as the contract's ``model`` sends it: its fields, as JSON values."""
    return {name: wire_value(getattr(row, name)) for name in model.model_fields}


def publish(
    session: Session,
    record_type: str,
    record: ServerBase,
    audience: Iterable[str | None],
    now: datetime,
    *,
    origin_device: str | None = None,
    deleted: bool = False,
) -> None:
    """Stages one feed entry per technician who sees the record (written at commit)."""
    data = None if deleted else snapshot(record)
    version = int(getattr(record, "version", 0))
    record_id = str(getattr(record, "id"))  # noqa: B009 - every published record has an id
    stage(
        session,
        [
            {
                "technician_id": technician_id,
                "record_type": record_type,
                "record_id": record_id,
                "version": version,
                "deleted": deleted,
                "data": data,
                "origin_device_id": origin_device,
                "at": now,
            }
            for technician_id in dict.fromkeys(t for t in audience if t)
        ],
    )


def stage(session: Session, rows: list[dict[str, Any]]) -> None:
    """Feed rows (``changes`` columns) to insert, in this order, when the session commits."""
    if rows:
        session.info.setdefault(_STAGED, []).extend(rows)


def write_staged_feed(session: Session) -> None:
    """``before_commit``: lock the audience's feeds, then insert the staged rows."""
    rows: list[dict[str, Any]] | None = session.info.pop(_STAGED, None)
    if not rows:
        return
    if session.get_bind().dialect.name == "postgresql":
        for key in sorted({feed_lock_key(row["technician_id"]) for row in rows}):
            session.execute(
                text("SELECT pg_advisory_xact_lock(:lock_class, :key)"),
                {"lock_class": FEED_LOCK_CLASS, "key": key},
            )
    session.execute(insert(Change), rows)


def drop_staged_feed(session: Session, *_: object) -> None:
    """``after_rollback``: a rolled-back transaction publishes nothing."""
    session.info.pop(_STAGED, None)


def feed_lock_key(technician_id: str) -> int:
    """A stable signed 32-bit key; two technicians sharing one only wait for each other."""
    unsigned = zlib.crc32(technician_id.encode())
    return unsigned - (1 << 32) if unsigned >= 1 << 31 else unsigned


def customer_audience(session: Session, customer_id: str) -> list[str]:
    """Technicians who see a customer: those with a job for them, and its creator."""
    assigned = session.scalars(
        select(Job.technician_id)
        .where(Job.customer_id == customer_id, Job.technician_id.is_not(None))
        .distinct()
    )
    customer = session.get(Customer, customer_id)
    creator = [customer.created_by] if customer is not None and customer.created_by else []
    return [t for t in assigned if t] + creator


def publish_job_with_context(
    session: Session, job: Job, now: datetime, *, origin_device: str | None = None
) -> None:
    """A job newly visible to its technician arrives with its customer, line items, and
    what was done on it so far (notes, photos, signatures: a reassigned job's history)."""
    audience = [job.technician_id]
    customer = session.get(Customer, job.customer_id)
    if customer is not None:
        publish(session, RecordType.CUSTOMER, customer, audience, now)
    publish(session, RecordType.JOB, job, audience, now, origin_device=origin_device)
    for item in session.scalars(select(JobLineItem).where(JobLineItem.job_id == job.id)):
        publish(session, RecordType.JOB_LINE_ITEM, item, audience, now)
    for record_type, record in job_history(session, job.id):
        publish(session, record_type, record, audience, now)


def job_history(session: Session, job_id: str) -> list[tuple[str, ServerBase]]:
    """The notes, photos and signatures of a job, in the order they were made."""
    history: list[tuple[str, ServerBase]] = []
    on_a_job = (
        (RecordType.NOTE, Note),
        (RecordType.PHOTO, Photo),
        (RecordType.SIGNATURE, Signature),
    )
    for record_type, model in on_a_job:
        rows = session.scalars(
            select(model).where(model.job_id == job_id).order_by(model.created_at, model.id)
        )
        history += [(record_type, row) for row in rows]
    return history
