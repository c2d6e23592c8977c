"""Attachment uploads: signatures before photos, at most two at a time, resumable.

The server's offset is the truth: each upload first asks how much the server already has and
sends the rest, so after a crash or a dropped connection at most the chunk in flight is sent
again. Threads do only the network; the cache is written on the calling thread.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session

from wb_desktop.core.domain.records import UploadState
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.protocol.blobs import UPLOAD_OFFSET
from wb_desktop.core.store.database import Database
from wb_desktop.core.store.media_files import MediaFiles
from wb_desktop.core.store.models import Photo, Signature
from wb_desktop.core.sync.errors import StepInterruptedError, SyncProblem
from wb_desktop.core.sync.protocol_client import ServerRefusedError, SyncApi

CHUNK_BYTES = 1024 * 1024
PARALLEL_UPLOADS = 2


@dataclass(frozen=True)
class UploadItem:
    record_type: str  # "signature" or "photo"
    record_id: str
    sha256: str
    content_type: str
    size: int
    path: Path


@dataclass
class UploadSummary:
    uploaded: int = 0
    bytes_sent: int = 0
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # type, id, reason


class UploadRefusedError(SyncProblem):
    """This file can never be uploaded as it is (too large, not an image, damaged locally)."""


class Uploader:
    def __init__(
        self,
        api: SyncApi,
        database: Database,
        media: MediaFiles,
        chunk_bytes: int = CHUNK_BYTES,
        parallel: int = PARALLEL_UPLOADS,
    ) -> None:
        self.api = api
        self.database = database
        self.media = media
        self.chunk_bytes = chunk_bytes
        self.parallel = parallel
        self._should_stop: Callable[[], bool] = lambda: False

    def waiting(self) -> list[UploadItem]:
        """Attachments the server does not have yet: every signature, then every photo."""
        with self.database.reader() as session:
            return _waiting(session, self.media)

    def upload_all(
        self,
        on_done: Callable[[UploadItem], None] | None = None,
        should_stop: Callable[[], bool] = lambda: False,
    ) -> UploadSummary:
        """Upload what is waiting; a network failure stops the round and propagates."""
        self._should_stop = should_stop
        items = self.waiting()
        summary = UploadSummary()
        if not items:
            return summary
        with ThreadPoolExecutor(self.parallel, thread_name_prefix="wb-upload") as pool:
            futures = [(item, pool.submit(self.upload_one, item)) for item in items]
            first_error: BaseException | None = None
            for item, future in futures:
                try:
                    summary.bytes_sent += future.result()
                except UploadRefusedError as refused:
                    summary.failed.append((item.record_type, item.record_id, refused.reason))
                    self._mark_failed(item, refused.reason)
                    continue
                except BaseException as error:
                    first_error = first_error or error
                    continue
                self._mark_uploaded(item)
                summary.uploaded += 1
                if on_done is not None:
                    on_done(item)
        if first_error is not None:
            raise first_error
        return summary

    def upload_one(self, item: UploadItem) -> int:
        """Send what the server is missing of one file; returns the bytes sent."""
        if self._should_stop():
            raise StepInterruptedError
        try:
            data = item.path.read_bytes()
        except OSError as error:
            raise UploadRefusedError(
                Text(QT_TRANSLATE_NOOP("Domain", "the file cannot be read: %1"), str(error))
            ) from None
        if hashlib.sha256(data).hexdigest() != item.sha256:
            raise UploadRefusedError(
                Text(
                    QT_TRANSLATE_NOOP(
                        "Domain", "the file on this device is damaged (its hash changed)"
                    )
                )
            )
        try:
            status = self.api.start_blob(item.sha256, item.content_type, len(data))
        except ServerRefusedError as refusal:
            raise _permanent_or(refusal) from None
        offset, sent, restarts = status.received, 0, 0
        complete = status.complete
        while not complete:
            chunk = data[offset : offset + self.chunk_bytes]
            try:
                status = self.api.send_chunk(item.sha256, offset, chunk)
            except ServerRefusedError as refusal:
                if refusal.error == "offset_mismatch":
                    offset = int(refusal.headers.get(UPLOAD_OFFSET.lower(), "0"))
                    continue
                if refusal.error == "hash_mismatch" and restarts == 0:
                    offset, restarts = 0, 1
                    continue
                raise _permanent_or(refusal) from None
            sent += len(chunk)
            offset, complete = status.received, status.complete
        return sent

    def _mark_uploaded(self, item: UploadItem) -> None:
        model = Photo if item.record_type == "photo" else Signature
        with self.database.writer() as session, session.begin():
            record = session.get(model, item.record_id)
            if record is not None:
                record.upload_state = UploadState.UPLOADED
                record.uploaded_bytes = item.size

    def _mark_failed(self, item: UploadItem, reason: str) -> None:
        model = Photo if item.record_type == "photo" else Signature
        with self.database.writer() as session, session.begin():
            record = session.get(model, item.record_id)
            if record is not None:
                record.sync_state = SyncState.FAILED
                record.sync_error = Text(QT_TRANSLATE_NOOP("Domain", "upload refused: %1"), reason)


def _permanent_or(refusal: ServerRefusedError) -> Exception:
    """Any other 4xx means this file will never be accepted as it is."""
    if refusal.transient or refusal.status in (401, 403):
        return refusal
    return UploadRefusedError(refusal.reason)


def uploads_waiting(session: Session) -> int:
    """How many attachments the server does not have yet (what :func:`_waiting` lists)."""
    count = 0
    for model in (Signature, Photo):
        count += (
            session.scalar(
                select(func.count())
                .select_from(model)
                .where(model.upload_state != UploadState.UPLOADED)
                .where(model.sync_state != SyncState.FAILED)
            )
            or 0
        )
    return count


def _waiting(session: Session, media: MediaFiles) -> list[UploadItem]:
    """Signatures first, then photos, each oldest first; records made on the same clock tick
    go in the order they were saved (rowid), so the same seed gives the same uploads."""
    items: list[UploadItem] = []
    signatures = session.execute(
        select(Signature.id, Signature.png_sha256, Signature.byte_size, Signature.png_path)
        .where(Signature.upload_state != UploadState.UPLOADED)
        .where(Signature.sync_state != SyncState.FAILED)
        .order_by(Signature.created_at, literal_column("signatures.rowid"))
    )
    for record_id, sha256, size, relative in signatures:
        items.append(
            UploadItem("signature", record_id, sha256, "image/png", size, media.absolute(relative))
        )
    photos = session.execute(
        select(Photo.id, Photo.sha256, Photo.content_type, Photo.byte_size, Photo.stored_path)
        .where(Photo.upload_state != UploadState.UPLOADED)
        .where(Photo.sync_state != SyncState.FAILED)
        .order_by(Photo.created_at, literal_column("photos.rowid"))
    )
    for record_id, sha256, content_type, size, relative in photos:
        items.append(
            UploadItem("photo", record_id, sha256, content_type, size, media.absolute(relative))
        )
    return items
