"""Pull: the server's changes since our cursor, page by page, each page in one transaction.

A page's rows and the new cursor commit together, so a crash never skips or repeats a page.
A record with local ops the server has not accepted yet is *rebased*: the server's values
land, except the fields those ops change, which keep their local values until the ops are
answered. Our own writes come back carrying the ids we gave them, so they update in place
and never appear twice. Attachments the cache does not have are downloaded before the page's
transaction; a quota refusal or a full disk stops the pull with the cursor where it was.

Progress on any link: every attachment downloaded is kept even when its page cannot commit
yet (:mod:`.pull_files`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy import case, delete, select, union, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from wb_desktop.core.domain.clock import Clock
from wb_desktop.core.domain.errors import QuotaExceededError
from wb_desktop.core.domain.status import is_open
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.protocol.records import DocumentRecord, RecordBody
from wb_desktop.core.store.changes.timeclock import stop_timers_the_office_ended
from wb_desktop.core.store.database import Database
from wb_desktop.core.store.media_files import MediaFiles
from wb_desktop.core.store.models import (
    Document,
    DocumentLine,
    Job,
    JobLineItem,
    MediaFile,
    Note,
    OutboxOp,
    Photo,
    PullCursor,
    Signature,
    TimeEntry,
)
from wb_desktop.core.store.outbox import UNFINISHED, Outbox
from wb_desktop.core.store.quota import StorageQuota
from wb_desktop.core.store.record_info import ALL_FIELDS, fields_changed_by
from wb_desktop.core.sync.backoff import resend_if_reset
from wb_desktop.core.sync.errors import StepInterruptedError
from wb_desktop.core.sync.protocol_client import (
    ChangeOut,
    ChangesPage,
    ServerRefusedError,
    SyncApi,
)
from wb_desktop.core.sync.pull_files import PageFiles, PullStoppedError
from wb_desktop.core.sync.records import (
    APPLY_ORDER,
    KINDS,
    RecordDataError,
    RecordKind,
    media_columns,
    synced_columns,
)

PAGE_SIZE = 1000


# Columns only the tablet knows (where a file is, how far its upload got, when Send was
# pressed); a pulled record never carries them, so the upsert must not overwrite them.
LOCAL_ONLY_COLUMNS = frozenset(
    {"id", "created_at", "stored_path", "png_path", "upload_state", "uploaded_bytes", "queued_at"}
)


@dataclass(frozen=True)
class PullSummary:
    pages: int
    changes: int
    cursor: int
    changed: list[tuple[str, str]]  # (record_type, record_id) written or removed


class Puller:
    def __init__(
        self,
        api: SyncApi,
        database: Database,
        media: MediaFiles,
        quota: StorageQuota,
        clock: Clock,
        page_size: int = PAGE_SIZE,
    ) -> None:
        self.api = api
        self.database = database
        self.media = media
        self.quota = quota
        self.clock = clock
        self.page_size = page_size
        self._statements: dict[str, Any] = {}
        self.files = PageFiles(api, database, media, quota)
        self.committed = 0  # pages committed so far

    def progress(self) -> int:
        """Grows with every file kept and every page committed: the engine's sign that a
        step that failed still got somewhere."""
        return self.files.downloaded + self.committed

    def cursor(self) -> int:
        with self.database.reader() as session:
            return session.scalar(select(PullCursor.server_seq).where(PullCursor.id == 1)) or 0

    def pull_all(
        self,
        on_page: Callable[[int], None] | None = None,
        should_stop: Callable[[], bool] = lambda: False,
    ) -> PullSummary:
        """Pull until the server has nothing newer. A cursor ahead of the server (it was
        reset) starts over from 0 once; a second time in the same pull is an error."""
        pages = count = 0
        changed: list[tuple[str, str]] = []
        restarted = False
        while True:
            since = self.cursor()
            try:
                page = resend_if_reset(partial(self.api.pull, since, self.page_size))
            except ServerRefusedError as refusal:
                if refusal.error != "cursor_ahead" or restarted:
                    raise
                restarted = True
                self._set_cursor(0)
                continue
            changed.extend(self.apply_page(page, since, should_stop))
            pages += 1
            count += len(page.changes)
            if on_page is not None:
                on_page(count)
            if not page.has_more:
                self.files.clear()
                return PullSummary(pages, count, page.next_cursor, changed)
            if should_stop():
                raise StepInterruptedError

    def apply_page(
        self, page: ChangesPage, since: int, should_stop: Callable[[], bool] = lambda: False
    ) -> list[tuple[str, str]]:
        """Download the page's missing files, then write its records and the new cursor in
        one transaction. The files stay kept for a retry whatever fails, except a quota
        refusal (they are what does not fit)."""
        latest = _latest_per_record(page.changes)
        downloads = self.files.download_missing(latest, should_stop)
        try:
            with self.database.writer() as session, session.begin():
                current = session.scalar(select(PullCursor.server_seq).where(PullCursor.id == 1))
                if current != since:
                    self.files.forget(downloads)  # the pull that applied it registered them
                    return []  # another pull already applied this page
                now = self.clock.now()
                self.files.register(session, downloads, now)
                pending = _pending_fields(session, latest)
                for record_type in APPLY_ORDER:
                    kind = KINDS[record_type]
                    live = [c for c in latest if c.record_type == record_type and not c.deleted]
                    self._write(session, kind, live, pending, now)
                for record_type in reversed(APPLY_ORDER):
                    gone = [c for c in latest if c.record_type == record_type and c.deleted]
                    _remove(session, KINDS[record_type], gone, pending)
                stopped = stop_timers_the_office_ended(
                    session, Outbox(), _jobs_ended(session, latest), now
                )
                session.execute(
                    update(PullCursor)
                    .where(PullCursor.id == 1)
                    .values(server_seq=page.next_cursor, pulled_at=now)
                )
        except QuotaExceededError as refused:
            self.files.discard(downloads)
            raise PullStoppedError(
                Text(QT_TRANSLATE_NOOP("Domain", "the pull stopped: %1"), refused.message)
            ) from None
        except (RecordDataError, IntegrityError) as error:
            raise PullStoppedError(
                Text(
                    QT_TRANSLATE_NOOP("Domain", "the pull stopped at unusable server data: %1"),
                    str(error),
                )
            ) from None
        self.files.forget(downloads)  # registered now; after any other failure they stay kept
        self.committed += 1
        applied = [(c.record_type, c.record_id) for c in latest if c.record_type in KINDS]
        return applied + [("time_entry", entry_id) for entry_id in stopped]

    def _set_cursor(self, value: int) -> None:
        with self.database.writer() as session, session.begin():
            session.execute(update(PullCursor).where(PullCursor.id == 1).values(server_seq=value))

    def _write(
        self,
        session: Session,
        kind: RecordKind,
        changes: list[ChangeOut],
        pending: dict[tuple[str, str], frozenset[str]],
        now: datetime,
    ) -> None:
        plain: list[dict[str, Any]] = []
        documents: list[tuple[str, DocumentRecord]] = []
        for change in changes:
            body = kind.parse(change.data)
            columns = kind.columns_from(body)
            touched = pending.get((kind.record_type, change.record_id))
            if touched is not None:
                _rebase(session, kind, change, columns, touched, now)
                continue
            row = {"id": change.record_id, **columns, **synced_columns(body, change.version)}
            if kind.media_sha_key is not None:
                row.update(self._media_columns(session, kind, body))
            plain.append(row)
            if isinstance(body, DocumentRecord):
                documents.append((change.record_id, body))
        if plain:
            session.execute(self._upsert(kind), plain)
        _replace_lines(session, documents)

    def _upsert(self, kind: RecordKind) -> Any:
        statement = self._statements.get(kind.record_type)
        if statement is None:
            insert = sqlite_insert(kind.table)
            kept = LOCAL_ONLY_COLUMNS
            columns = [c.name for c in kind.table.columns if c.name not in kept]
            updates: dict[str, Any] = {name: insert.excluded[name] for name in columns}
            state = kind.table.c.sync_state
            updates["sync_state"] = case(  # a conflict stays until someone resolves it
                (state == SyncState.CONFLICT.value, state), else_=insert.excluded.sync_state
            )
            statement = insert.on_conflict_do_update(index_elements=["id"], set_=updates)
            self._statements[kind.record_type] = statement
        return statement

    def _media_columns(
        self, session: Session, kind: RecordKind, body: RecordBody
    ) -> dict[str, Any]:
        sha256 = kind.media_sha256(body)
        relative = session.scalar(select(MediaFile.relative_path).where(MediaFile.sha256 == sha256))
        if relative is None:
            raise PullStoppedError(
                Text(
                    QT_TRANSLATE_NOOP("Domain", "the file of %1 %2 is missing"),
                    kind.record_type,
                    body.id,
                )
            )
        return media_columns(kind, relative, int(getattr(body, "byte_size", 0) or 0))


def _jobs_ended(session: Session, changes: list[ChangeOut]) -> set[str]:
    """The page's jobs no longer open to this technician: taken away (a tombstone: the
    office reassigned them) or, as the cache now holds them, closed (cancelled by the
    office). Their running timers stop (``stop_timers_the_office_ended``). Only jobs with a
    running entry are looked at: most pages (a first sync's history) have none."""
    timed = set(
        session.scalars(
            select(TimeEntry.job_id).where(
                TimeEntry.clock_out.is_(None), TimeEntry.job_id.is_not(None)
            )
        )
    )
    ended: set[str] = set()
    for change in changes:
        if change.record_type != "job" or change.record_id not in timed:
            continue
        status = session.scalar(select(Job.status).where(Job.id == change.record_id))
        if change.deleted or status is None or not is_open(status):
            ended.add(change.record_id)
    return ended


def _latest_per_record(changes: Iterable[ChangeOut]) -> list[ChangeOut]:
    """A page may hold several changes to one record: only the newest matters."""
    latest: dict[tuple[str, str], ChangeOut] = {}
    for change in changes:
        if change.record_type in KINDS:
            latest[(change.record_type, change.record_id)] = change
    return sorted(latest.values(), key=lambda c: c.seq)


def _pending_fields(
    session: Session, changes: list[ChangeOut]
) -> dict[tuple[str, str], frozenset[str]]:
    """For each record in the page with unfinished local ops, the fields those ops change."""
    ids = list({c.record_id for c in changes})
    touched: dict[tuple[str, str], frozenset[str]] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(OutboxOp.record_type, OutboxOp.record_id, OutboxOp.kind, OutboxOp.payload).where(
                OutboxOp.record_id.in_(ids[start : start + 500]), OutboxOp.state.in_(UNFINISHED)
            )
        )
        for record_type, record_id, kind, payload in rows:
            key = (record_type, record_id)
            touched[key] = touched.get(key, frozenset()) | fields_changed_by(kind, payload)
    return touched


def _rebase(
    session: Session,
    kind: RecordKind,
    change: ChangeOut,
    columns: dict[str, Any],
    touched: frozenset[str],
    now: datetime,
) -> None:
    record = session.get(kind.model, change.record_id)
    if record is None:
        return  # a record whose local ops are all it has; the ops will create it
    if touched != ALL_FIELDS:
        for column, value in columns.items():
            if column not in touched:
                setattr(record, column, value)
    record.version = max(record.version, change.version)
    if record.sync_state is SyncState.LOCAL_ONLY:
        record.sync_state = SyncState.PENDING
    record.updated_at = now


def _replace_lines(session: Session, documents: list[tuple[str, DocumentRecord]]) -> None:
    rows = []
    for document_id, body in documents:
        session.execute(delete(DocumentLine).where(DocumentLine.document_id == document_id))
        for position, line in enumerate(body.lines):
            rows.append(
                {
                    "id": str(uuid.uuid5(uuid.UUID(document_id), str(position))),
                    "document_id": document_id,
                    "position": position,
                    **line.model_dump(include=_LINE_COLUMNS),
                }
            )
    if rows:
        session.execute(sqlite_insert(DocumentLine.__table__), rows)


_LINE_COLUMNS = {"description", "quantity", "unit_price", "vat_rate", "net", "vat", "total"}
_JOB_CHILDREN = (JobLineItem, Note, Photo, Signature)


def _remove(
    session: Session,
    kind: RecordKind,
    changes: list[ChangeOut],
    pending: dict[tuple[str, str], frozenset[str]],
) -> None:
    """Tombstones: drop what is no longer ours, but never a record with unanswered local ops
    or one that our own records still refer to (a reassigned job stays, out of the schedule)."""
    for change in changes:
        if (kind.record_type, change.record_id) in pending:
            continue
        if kind.model is Job:
            _remove_job(session, change.record_id)
            continue
        try:
            with session.begin_nested():
                if kind.model is Document:
                    session.execute(
                        delete(DocumentLine).where(DocumentLine.document_id == change.record_id)
                    )
                session.execute(delete(kind.table).where(kind.table.c.id == change.record_id))
        except IntegrityError:
            pass  # still referred to by a local record: keep it


def _remove_job(session: Session, job_id: str) -> None:
    children = union(*(select(child.id).where(child.job_id == job_id) for child in _JOB_CHILDREN))
    unanswered = session.scalar(
        select(OutboxOp.op_id)
        .where(OutboxOp.state.in_(UNFINISHED))
        .where(OutboxOp.record_id.in_(select(children.subquery().c.id)))
        .limit(1)
    )
    if unanswered is None:
        try:
            with session.begin_nested():
                for child in _JOB_CHILDREN:
                    session.execute(delete(child).where(child.job_id == job_id))
                session.execute(delete(Job).where(Job.id == job_id))
            return
        except IntegrityError:
            pass  # time entries or documents of ours still refer to it
    session.execute(update(Job).where(Job.id == job_id).values(assigned_technician_id=None))
