"""What support tools need to know about any synced record: a readable label, which fields a
waiting op changes, and the sync state a record should show after its outbox or its
conflicts were changed by hand.

The sync engine sets a record's state as answers arrive; the outbox inspector and the
conflict screen change the outbox outside that flow, so they settle the state here from
what is left (open conflicts, dead ops, waiting ops) rather than guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.protocol.kinds import OpKind, RecordType
from wb_desktop.core.store.models import (
    ConflictRecord,
    Customer,
    Document,
    Job,
    JobLineItem,
    Note,
    OutboxOp,
    OutboxState,
    Photo,
    Signature,
    SyncedRecord,
    TimeEntry,
)

RECORD_MODELS: dict[RecordType, type[SyncedRecord]] = {
    RecordType.CUSTOMER: Customer,
    RecordType.JOB: Job,
    RecordType.JOB_LINE_ITEM: JobLineItem,
    RecordType.NOTE: Note,
    RecordType.PHOTO: Photo,
    RecordType.SIGNATURE: Signature,
    RecordType.TIME_ENTRY: TimeEntry,
    RecordType.DOCUMENT: Document,
}
ALL_FIELDS = frozenset({"*"})
WAITING = (OutboxState.QUEUED, OutboxState.IN_FLIGHT)
_CHUNK = 500  # ids per IN (...) list, well under SQLite's limit on bound parameters
_OWN_LABEL = {
    RecordType.CUSTOMER: Customer.name,
    RecordType.JOB: Job.title,
    RecordType.DOCUMENT: Document.reference,
}
_ON_A_JOB = (JobLineItem, Note, Photo, Signature, TimeEntry)


def fields_changed_by(kind: str, payload: Mapping[str, Any] | None) -> frozenset[str]:
    """The record fields an op sets; ``{"*"}`` for creates and whole-record edits.

    (The store's copy of the rule the pull uses to rebase, which lives in the sync layer.)
    """
    if kind == OpKind.JOB_SET_STATUS:
        return frozenset({"status", "status_changed_at"})
    if kind in (OpKind.CUSTOMER_UPDATE, OpKind.TIME_ENTRY_UPDATE):
        fields = (payload or {}).get("fields")
        return frozenset(fields) if isinstance(fields, Mapping) else ALL_FIELDS
    return ALL_FIELDS


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def record_labels(session: Session, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """A short name for each cached record: a customer's name, a job's title, a document's
    reference, and for what hangs on a job (notes, photos, time) the job's title."""
    by_type: dict[str, set[str]] = {}
    for record_type, record_id in keys:
        by_type.setdefault(record_type, set()).add(record_id)
    labels: dict[tuple[str, str], str] = {}
    for record_type, id_set in by_type.items():
        model = RECORD_MODELS.get(record_type)
        if model is None:
            continue
        for ids in _chunks(sorted(id_set)):
            own = _OWN_LABEL.get(record_type)
            if own is not None:
                query = select(model.id, own).where(model.id.in_(ids))
            elif issubclass(model, _ON_A_JOB):
                job_id = model.job_id  # type: ignore[attr-defined]
                query = (
                    select(model.id, Job.title)
                    .outerjoin(Job, Job.id == job_id)
                    .where(model.id.in_(ids))
                )
            else:
                continue
            for record_id, label in session.execute(query):
                labels[(record_type, record_id)] = label or ""
    return labels


def load_record(session: Session, record_type: str, record_id: str) -> SyncedRecord | None:
    model = RECORD_MODELS.get(record_type)
    return None if model is None else session.get(model, record_id)


def settle_sync_state(
    session: Session, record_type: str, record_id: str, *, unsynced_note: str | None = None
) -> SyncState | None:
    """Set the record's sync state from what still stands between it and the server.

    An open conflict wins, then a dead op (its reason kept beside the record), then ops
    still waiting. With nothing left the record is synced, unless ``unsynced_note`` says
    a local change was dropped that the cache could not undo: then it shows as failed with
    that note, so nobody takes the local values for the office's.
    """
    record = load_record(session, record_type, record_id)
    if record is None:
        return None
    ops_on_record = (OutboxOp.record_type == record_type, OutboxOp.record_id == record_id)
    open_conflict = session.scalar(
        select(
            exists().where(
                ConflictRecord.record_type == record_type,
                ConflictRecord.record_id == record_id,
                ConflictRecord.resolved_at.is_(None),
            )
        )
    )
    dead_reason = session.execute(
        select(OutboxOp.last_error)
        .where(*ops_on_record, OutboxOp.state == OutboxState.DEAD)
        .order_by(OutboxOp.seq.desc())
        .limit(1)
    ).first()
    waiting = session.scalar(select(exists().where(*ops_on_record, OutboxOp.state.in_(WAITING))))
    state, error = SyncState.SYNCED, None
    if open_conflict:
        state = SyncState.CONFLICT
    elif dead_reason is not None:
        state, error = SyncState.FAILED, dead_reason[0]
    elif waiting:
        state = SyncState.LOCAL_ONLY if record.version == 0 else SyncState.PENDING
    elif unsynced_note is not None or record.version == 0:
        state, error = SyncState.FAILED, unsynced_note
    record.sync_state = state
    record.sync_error = error
    return state
