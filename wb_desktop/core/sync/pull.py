"""Pull: the server's changes since our cursor, page by page, each page in one transaction.

A page's rows and the new cursor commit together, so a crash never skips or repeats a page.
A record with local ops the server has not accepted yet is *rebased*: the server's values
land, except the fields those ops change, which keep their local values until the ops are
answered. Our own writes come back carrying the ids we gave them, so they update in place
and never appear twice. Attachments the cache does not have are downloaded before the page's
transaction; a quota refusal or a full disk stops the pull with the cursor where it was.

Progress on any link: every attachment downloaded is kept, even when the page cannot commit
yet (a later download failed, the link dropped). The files are content-addressed and
checked against their hash, so keeping them is safe; the cursor still commits only with a
page whose files are all present, and a page retried later downloads only what is still
missing. A kept file is registered (``media_files``) only when its page commits, so one
whose page never does is an unreferenced file that the sweep at close removes; a crash
leaves it on disk, and the next pull checks it and uses it.
"""

from __future__ import annotations

import hashlib
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
from wb_desktop.core.store.changes.media import register_file
from wb_desktop.core.store.changes.timeclock import stop_timers_the_office_ended
from wb_desktop.core.store.database import Database
from wb_desktop.core.store.media_files import MediaFiles, StoredFile
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
from wb_desktop.core.sync.errors import StepInterruptedError, SyncProblem
from wb_desktop.core.sync.protocol_client import (
    ChangeOut,
    ChangesPage,
    ProtocolError,
    ServerRefusedError,
    SyncApi,
)
from wb_desktop.core.sync.records import (
    APPLY_ORDER,
    KINDS,
    MEDIA_KINDS,
    RecordDataError,
    RecordKind,
    media_columns,
    synced_columns,
)
from wb_desktop.core.sync.transport import FailureKind, TransportError

PAGE_SIZE = 1000
# Failed downloads in a row that end a step's downloads (the link is down, not one file):
# each file is tried once per step (resent at once if its connection is reset, backoff.py),
# and one that fails does not end the others, so a lossy link still adds files every step.
MAX_MISSES_IN_A_ROW = 3
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


class _DamagedDownloadError(SyncProblem):
    """The bytes that arrived do not match their hash (a reply cut short, a bad proxy)."""


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
        # Downloaded and checked, but their page has not committed: kept for its retry.
        self._kept: dict[str, StoredFile] = {}
        self.downloaded = 0  # files fetched over the network so far
        self.committed = 0  # pages committed so far

    def progress(self) -> int:
        """Grows with every file kept and every page committed: the engine's sign that a
        step that failed still got somewhere."""
        return self.downloaded + self.committed

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
                self._kept.clear()  # what no page took is swept at close (media_files.py)
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
        downloads = self._download_missing(latest, should_stop)
        try:
            with self.database.writer() as session, session.begin():
                current = session.scalar(select(PullCursor.server_seq).where(PullCursor.id == 1))
                if current != since:
                    self._forget(downloads)  # the pull that applied it registered them
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
                stopped = stop_timers_the_office_ended(
                    session, Outbox(), _jobs_ended(session, latest), now
                )
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
            raise PullStoppedError(
                Text(
                    QT_TRANSLATE_NOOP("Domain", "the pull stopped at unusable server data: %1"),
                    str(error),
                )
            ) from None
        self._forget(downloads)  # registered now; after any other failure they stay kept
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

    def _download_missing(
        self, changes: list[ChangeOut], should_stop: Callable[[], bool]
    ) -> list[_Download]:
        """The page's files: those kept from an earlier try, and the rest downloaded now.

        Each missing file is tried once (a reset is resent at once, ``resend_if_reset``); a
        failed download does not end the others (a lossy link still adds files), but
        ``MAX_MISSES_IN_A_ROW`` failures in a row, a link that is down or a refused sign-in
        do. When any file is missing at the end, the last failure is raised, with every
        file that did arrive kept for the retry."""
        wanted: dict[str, tuple[RecordKind, RecordBody]] = {}
        for change in changes:
            kind = KINDS.get(change.record_type)
            if kind is None or kind.media_sha_key is None or change.deleted:
                continue
            try:
                body = kind.parse(change.data)
            except RecordDataError:
                continue  # writing the page stops at it, naming the field
            wanted[kind.media_sha256(body)] = (kind, body)
        if not wanted:
            return []
        with self.database.reader() as session:
            have = set(
                session.scalars(select(MediaFile.sha256).where(MediaFile.sha256.in_(list(wanted))))
            )
        downloads: list[_Download] = []
        failure: Exception | None = None
        misses = 0
        for sha256, (kind, body) in wanted.items():
            if sha256 in have:
                continue
            stored = self._already_here(kind, sha256, body)
            if stored is None:
                if should_stop():
                    raise StepInterruptedError
                try:
                    stored = self._fetch(kind, sha256, body)
                except (
                    TransportError,
                    ProtocolError,
                    ServerRefusedError,
                    _DamagedDownloadError,
                ) as error:
                    failure, misses = error, misses + 1
                    if misses >= MAX_MISSES_IN_A_ROW or _link_is_down(error):
                        break
                    continue
                misses = 0
            downloads.append(_Download(kind, stored))
        if failure is not None:
            if isinstance(failure, _DamagedDownloadError):
                raise PullStoppedError(failure.reason)
            raise failure
        return downloads

    def _already_here(self, kind: RecordKind, sha256: str, body: RecordBody) -> StoredFile | None:
        """A file of this page kept from an earlier try, or left by a session that crashed
        before its page committed (checked against its hash)."""
        kept = self._kept.get(sha256)
        if kept is not None:
            path = self.media.absolute(kept.relative_path)
            if path.is_file() and path.stat().st_size == kept.size:
                return kept
            del self._kept[sha256]  # swept or removed since: download it again
        relative = self.media.relative_path(MEDIA_KINDS[kind.record_type], sha256, _suffix(body))
        try:
            content = self.media.absolute(relative).read_bytes()
        except OSError:
            return None
        if hashlib.sha256(content).hexdigest() != sha256:
            return None
        stored = StoredFile(sha256, relative, len(content), created=True)
        self._kept[sha256] = stored
        return stored

    def _fetch(self, kind: RecordKind, sha256: str, body: RecordBody) -> StoredFile:
        content = resend_if_reset(partial(self.api.blob_content, sha256))
        if hashlib.sha256(content).hexdigest() != sha256:
            raise _DamagedDownloadError(
                Text(
                    QT_TRANSLATE_NOOP("Domain", "the downloaded file %1… is damaged"),
                    sha256[:12],
                )
            )
        try:
            stored = self.media.put(MEDIA_KINDS[kind.record_type], content, _suffix(body))
        except OSError as error:
            raise PullStoppedError(
                Text(
                    QT_TRANSLATE_NOOP("Domain", "the pull stopped: cannot save a file (%1)"),
                    str(error),
                )
            ) from None
        self._kept[sha256] = stored
        self.downloaded += 1
        return stored

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
        """Remove the page's unregistered files: they cannot be stored (over the quota)."""
        self._forget(downloads)
        for download in downloads:
            self.media.discard(download.stored)

    def _forget(self, downloads: list[_Download]) -> None:
        for download in downloads:
            self._kept.pop(download.stored.sha256, None)


def _suffix(body: RecordBody) -> str:
    """A photo's file suffix from its content type; a signature is a PNG."""
    return _SUFFIXES.get(str(getattr(body, "content_type", "")), ".png")


def _link_is_down(error: Exception) -> bool:
    """No point trying the next file: no link, nobody listening, or not signed in."""
    if isinstance(error, TransportError):
        return error.kind in (FailureKind.OFFLINE, FailureKind.REFUSED)
    if isinstance(error, ServerRefusedError):
        return error.status in (401, 403)
    return False


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
