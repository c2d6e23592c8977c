"""Pull: the server's changes since our cursor, page by page, each page in one transaction.

A page's rows and the new cursor commit together, so a crash never skips or repeats a page.
A record with local ops the server has not accepted yet is *rebased*: the server's values
land, except the fields those ops change, which keep their local values until the ops are
answered. Our own writes come back carrying the ids we gave them, so they update in place
and never appear twice. Attachments the cache does not have are downloaded before the page's
transaction; a quota refusal or a full disk stops the pull with the cursor where it was.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import case, delete, select, union, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from wb_desktop.domain.clock import Clock
from wb_desktop.domain.errors import QuotaExceededError
from wb_desktop.domain.sync_state import SyncState
from wb_desktop.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.store.changes.media import register_file
from wb_desktop.store.database import Database
from wb_desktop.store.media_files import MediaFiles, StoredFile
from wb_desktop.store.models import (
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
)
from wb_desktop.store.outbox import UNFINISHED
from wb_desktop.store.quota import StorageQuota
from wb_desktop.sync.api import PulledChange, PullPage, ServerRefusedError, SyncApi
from wb_desktop.sync.errors import StepInterruptedError, SyncProblem
from wb_desktop.sync.records import (
    ALL_FIELDS,
    APPLY_ORDER,
    KINDS,
    MEDIA_KINDS,
    RecordDataError,
    RecordKind,
    fields_touched_by,
    media_columns,
    synced_columns,
)

PAGE_SIZE = 1000
_SUFFIXES = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
    "image/heic": ".heic",
}


# Columns only the tablet knows (where a file is, how far its upload got, when Send was
# pressed); a pulled record never carries them, so the upsert must not overwrite them.
LOCAL_ONLY_COLUMNS = frozenset(
    {"id", "created_at", "stored_path", "png_path", "upload_state", "uploaded_bytes", "queued_at"}
)


class PullStoppedError(SyncProblem):
    """The pull stopped cleanly (quota, disk, unusable data); the cursor did not move."""


@dataclass(frozen=True)
class PullSummary:
    pages: int
    changes: int
    cursor: int
    changed: list[tuple[str, str]]  # (record_type, record_id) written or removed


@dataclass(frozen=True)
class _Download:
    kind: RecordKind
    stored: StoredFile


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
                page = self.api.pull(since, self.page_size)
            except ServerRefusedError as refusal:
                if refusal.error != "cursor_ahead" or restarted:
                    raise
                restarted = True
                self._set_cursor(0)
                continue
            changed.extend(self.apply_page(page, since))
            pages += 1
            count += len(page.changes)
            if on_page is not None:
                on_page(count)
            if not page.has_more:
                return PullSummary(pages, count, page.next_cursor, changed)
            if should_stop():
                raise StepInterruptedError

    def apply_page(self, page: PullPage, since: int) -> list[tuple[str, str]]:
        latest = _latest_per_record(page.changes)
        downloads = self._download_missing(latest)
        try:
            with self.database.writer() as session, session.begin():
                current = session.scalar(select(PullCursor.server_seq).where(PullCursor.id == 1))
                if current != since:
                    return []  # another pull already applied this page
                now = self.clock.now()
                self._register_downloads(session, downloads, now)
                pending = _pending_fields(session, latest)
                for record_type in APPLY_ORDER:
                    kind = KINDS[record_type]
                    live = [c for c in latest if c.record_type == record_type and not c.deleted]
                    self._write(session, kind, live, pending, now)
                for record_type in reversed(APPLY_ORDER):
                    gone = [c for c in latest if c.record_type == record_type and c.deleted]
                    _remove(session, KINDS[record_type], gone, pending)
                session.execute(
                    update(PullCursor)
                    .where(PullCursor.id == 1)
                    .values(server_seq=page.next_cursor, pulled_at=now)
                )
        except QuotaExceededError as refused:
            self._discard(downloads)
            raise PullStoppedError(
                Text(QT_TRANSLATE_NOOP("Domain", "the pull stopped: %1"), refused.message)
            ) from None
        except (RecordDataError, IntegrityError) as error:
            self._discard(downloads)
            raise PullStoppedError(
                Text(
                    QT_TRANSLATE_NOOP("Domain", "the pull stopped at unusable server data: %1"),
                    str(error),
                )
            ) from None
        except BaseException:
            self._discard(downloads)
            raise
        return [(c.record_type, c.record_id) for c in latest if c.record_type in KINDS]

    def _set_cursor(self, value: int) -> None:
        with self.database.writer() as session, session.begin():
            session.execute(update(PullCursor).where(PullCursor.id == 1).values(server_seq=value))

    def _write(
        self,
        session: Session,
        kind: RecordKind,
        changes: list[PulledChange],
        pending: dict[tuple[str, str], frozenset[str]],
        now: datetime,
    ) -> None:
        plain: list[dict[str, Any]] = []
        for change in changes:
            assert change.data is not None
            columns = kind.columns_from(change.data)
            touched = pending.get((kind.record_type, change.record_id))
            if touched is not None:
                _rebase(session, kind, change, columns, touched, now)
                continue
            row = {"id": change.record_id, **columns, **synced_columns(change.data, change.version)}
            row.setdefault("created_at", now)
            row.setdefault("updated_at", now)
            if kind.media_sha_key is not None:
                row.update(self._media_columns(session, kind, change.data))
            plain.append(row)
        if plain:
            session.execute(self._upsert(kind), plain)
        if kind.record_type == "document":
            _replace_lines(
                session, [c for c in changes if (c.record_type, c.record_id) not in pending]
            )

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
        self, session: Session, kind: RecordKind, data: dict[str, Any]
    ) -> dict[str, Any]:
        assert kind.media_sha_key is not None
        sha256 = data[kind.media_sha_key]
        relative = session.scalar(select(MediaFile.relative_path).where(MediaFile.sha256 == sha256))
        if relative is None:
            raise PullStoppedError(
                Text(
                    QT_TRANSLATE_NOOP("Domain", "the file of %1 %2 is missing"),
                    kind.record_type,
                    str(data.get("id")),
                )
            )
        return media_columns(kind, relative, int(data.get("byte_size") or 0))

    def _download_missing(self, changes: list[PulledChange]) -> list[_Download]:
        wanted: dict[str, tuple[RecordKind, dict[str, Any]]] = {}
        for change in changes:
            kind = KINDS.get(change.record_type)
            if kind is None or kind.media_sha_key is None or change.data is None:
                continue
            sha256 = change.data.get(kind.media_sha_key)
            if isinstance(sha256, str):
                wanted[sha256] = (kind, change.data)
        if not wanted:
            return []
        with self.database.reader() as session:
            have = set(
                session.scalars(select(MediaFile.sha256).where(MediaFile.sha256.in_(list(wanted))))
            )
        downloads: list[_Download] = []
        try:
            for sha256, (kind, data) in wanted.items():
                if sha256 in have:
                    continue
                content = self.api.blob_content(sha256)
                if hashlib.sha256(content).hexdigest() != sha256:
                    raise PullStoppedError(
                        Text(
                            QT_TRANSLATE_NOOP("Domain", "the downloaded file %1… is damaged"),
                            sha256[:12],
                        )
                    )
                suffix = _SUFFIXES.get(str(data.get("content_type")), ".png")
                try:
                    stored = self.media.put(MEDIA_KINDS[kind.record_type], content, suffix)
                except OSError as error:
                    raise PullStoppedError(
                        Text(
                            QT_TRANSLATE_NOOP(
                                "Domain", "the pull stopped: cannot save a file (%1)"
                            ),
                            str(error),
                        )
                    ) from None
                downloads.append(_Download(kind, stored))
        except BaseException:
            self._discard(downloads)
            raise
        return downloads

    def _register_downloads(
        self, session: Session, downloads: list[_Download], now: datetime
    ) -> None:
        if not downloads:
            return
        for download in downloads:
            register_file(session, download.stored, MEDIA_KINDS[download.kind.record_type], now)
        session.flush()
        self.quota.check(session, 0)

    def _discard(self, downloads: list[_Download]) -> None:
        for download in downloads:
            self.media.discard(download.stored)


def _latest_per_record(changes: Iterable[PulledChange]) -> list[PulledChange]:
    """A page may hold several changes to one record: only the newest matters."""
    latest: dict[tuple[str, str], PulledChange] = {}
    for change in changes:
        if change.record_type in KINDS:
            latest[(change.record_type, change.record_id)] = change
    return sorted(latest.values(), key=lambda c: c.seq)


def _pending_fields(
    session: Session, changes: list[PulledChange]
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
            touched[key] = touched.get(key, frozenset()) | fields_touched_by(kind, payload)
    return touched


def _rebase(
    session: Session,
    kind: RecordKind,
    change: PulledChange,
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


def _replace_lines(session: Session, changes: list[PulledChange]) -> None:
    for change in changes:
        assert change.data is not None
        session.execute(delete(DocumentLine).where(DocumentLine.document_id == change.record_id))
        rows = []
        for position, line in enumerate(change.data.get("lines") or []):
            if not isinstance(line, dict):
                raise RecordDataError(
                    f"document {change.record_id} has a line that is not an object"
                )
            line_id = str(uuid.uuid5(uuid.UUID(change.record_id), str(position)))
            rows.append(
                {
                    "id": line_id,
                    "document_id": change.record_id,
                    "position": position,
                    "description": str(line.get("description", "")),
                    **{k: Decimal(str(line.get(k, "0"))) for k in _LINE_AMOUNTS},
                }
            )
        if rows:
            session.execute(sqlite_insert(DocumentLine.__table__), rows)


_LINE_AMOUNTS = ("quantity", "unit_price", "vat_rate", "net", "vat", "total")
_JOB_CHILDREN = (JobLineItem, Note, Photo, Signature)


def _remove(
    session: Session,
    kind: RecordKind,
    changes: list[PulledChange],
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
