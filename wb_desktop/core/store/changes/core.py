"""The one write path: validate, check the quota, write the row and its op, commit once.

Every local change in the app goes through :meth:`WritePath.write`. The row and its outbox
op share one ``BEGIN IMMEDIATE`` transaction, so a crash or an error at any point leaves
either both or neither.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from wb_desktop.core.domain.clock import Clock
from wb_desktop.core.domain.errors import NotFoundError, ValidationError
from wb_desktop.core.domain.sync_state import state_after_local_change
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.protocol.kinds import RecordType
from wb_desktop.core.store.changes.notice import Changes
from wb_desktop.core.store.database import Database
from wb_desktop.core.store.disk_full import refused_when_disk_full
from wb_desktop.core.store.media_files import MediaFiles
from wb_desktop.core.store.models import SyncedRecord
from wb_desktop.core.store.outbox import OpSpec, Outbox, payload_text
from wb_desktop.core.store.quota import StorageQuota

ROW_OVERHEAD_BYTES = 512  # an allowance for indexes and page slack per written row
_NOT_AN_ID = QT_TRANSLATE_NOOP("Domain", "expected a %1 id, got %2")
R = TypeVar("R", bound=SyncedRecord)


@dataclass(frozen=True)
class ChangeReceipt:
    """What a write did; ``op_id`` is None when nothing needed changing (e.g. a second Send).

    ``job_id`` is the job the record belongs to (None for a customer or a day's time entry).
    ``preceded_by`` are the receipts of the changes a domain rule made first, in the same
    transaction (completing a job closes its running time entry).
    """

    record_type: str
    record_id: str
    op_id: str | None
    seq: int | None
    storage_warning: str | None = None
    job_id: str | None = None
    preceded_by: tuple[ChangeReceipt, ...] = ()

    @property
    def changed(self) -> bool:
        return self.op_id is not None

    def changes(self, initiator: object | None = None) -> Changes:
        """The notice the views hear (naming every record a rule changed on the way, so the
        time clock hears that completing a job stopped its timer); empty when nothing
        needed changing."""
        own = Changes(initiator=initiator, storage_warning=self.storage_warning)
        if self.changed:
            own = Changes(
                frozenset({RecordType(self.record_type)}),
                frozenset({self.record_id}),
                frozenset({self.job_id}) if self.job_id else frozenset(),
                initiator,
                self.storage_warning,
            )
        earlier = (receipt.changes(initiator) for receipt in self.preceded_by)
        return Changes.merged((*earlier, own), initiator)


@dataclass(frozen=True)
class Change:
    """What a mutation hands back: the record it touched and the op to queue (None: no-op)."""

    record_type: str
    record_id: str
    spec: OpSpec | None
    job_id: str | None = None  # the job the record belongs to, for the views' notice
    # Changes a domain rule made before this one in the same transaction; their ops are
    # queued first (a job's timer is closed before the job is marked complete).
    preceded_by: tuple[Change, ...] = ()


def new_id() -> str:
    return str(uuid.uuid4())


class WritePath:
    def __init__(
        self,
        database: Database,
        clock: Clock,
        quota: StorageQuota,
        media: MediaFiles,
        outbox: Outbox | None = None,
    ) -> None:
        self.database = database
        self.clock = clock
        self.quota = quota
        self.media = media
        self.outbox = outbox or Outbox()

    def now(self) -> datetime:
        return self.clock.now()

    def write(self, mutate: Callable[[Session, datetime], Change]) -> ChangeReceipt:
        """Run ``mutate`` and queue its op in one transaction.

        The quota is checked after the mutation is flushed (a new media file is then already
        registered and counted) and before the op is queued; a refusal rolls everything back.
        A full disk is a :class:`DeviceStorageFullError`, with everything rolled back too.
        """
        now = self.clock.now()
        with refused_when_disk_full(), self.database.writer() as session, session.begin():
            change = mutate(session, now)
            return self._queue(session, change, now)

    def _queue(self, session: Session, change: Change, now: datetime) -> ChangeReceipt:
        """Queue the ops of the changes made first, then this change's op."""
        earlier = tuple(self._queue(session, first, now) for first in change.preceded_by)
        if change.spec is None:
            return ChangeReceipt(
                change.record_type,
                change.record_id,
                None,
                None,
                job_id=change.job_id,
                preceded_by=earlier,
            )
        session.flush()
        size = len(payload_text(change.spec.payload)) * 2 + ROW_OVERHEAD_BYTES
        usage = self.quota.check(session, size)
        op = self.outbox.enqueue(session, change.spec, now)
        return ChangeReceipt(
            change.spec.record_type,
            change.spec.record_id,
            op.op_id,
            op.seq,
            usage.warning,
            change.job_id,
            earlier,
        )


def _not_an_id(label: str, record_id: object) -> ValidationError:
    """The record's name is one errors.py marks in the Domain context ("job", "customer"…),
    so as a Text it is looked up and said in the technician's language too."""
    return ValidationError.single(f"{label}_id", Text(_NOT_AN_ID, Text(label), repr(record_id)))


def load(session: Session, model: type[R], record_id: Any, label: str) -> R:
    if not isinstance(record_id, str) or not record_id:
        raise _not_an_id(label, record_id)
    record = session.get(model, record_id)
    if record is None:
        raise NotFoundError(label, record_id)
    return record


@functools.cache
def _id_lookup(model: type[SyncedRecord]) -> Select[tuple[str]]:
    table = model.__table__  # type: ignore[attr-defined]
    return select(table.c.id).where(table.c.id == bindparam("record_id"))


def require(session: Session, model: type[SyncedRecord], record_id: Any, label: str) -> str:
    """Check that a parent record exists without loading it (cheaper than :func:`load`)."""
    if not isinstance(record_id, str) or not record_id:
        raise _not_an_id(label, record_id)
    found = (
        session.connection()
        .execute(_id_lookup(model), {"record_id": record_id})
        .scalar_one_or_none()
    )
    if found is None:
        raise NotFoundError(label, record_id)
    return record_id


def touch(record: SyncedRecord, now: datetime) -> None:
    """Mark a record changed locally: new sync state, new ``updated_at``."""
    record.sync_state = state_after_local_change(record.sync_state, record.version)
    record.updated_at = now


def new_record(model: type[R], now: datetime, **fields: Any) -> R:
    record = model(
        id=new_id(),
        version=0,
        sync_state=state_after_local_change(None, 0),
        created_at=now,
        updated_at=now,
        **fields,
    )
    return record
