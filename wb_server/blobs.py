"""Attachment bytes on disk, content-addressed, and who may read them.

Bytes: a verified blob lives at ``<root>/<sha[:2]>/<sha>``, written once. An upload in
progress is a partial file of its own per technician (``<sha>.<technician id>.part``), so one
technician's upload never shows, resumes or overwrites another's.

Access (issue 17): knowing a hash is never enough, since hashes travel in records, logs and
screenshots. A technician may read, and learn the existence of, a blob only when

- they proved possession: an upload of theirs completed and its bytes matched the hash
  (a complete :class:`~wb_server.models.BlobAccess` row), or
- it is attached to a photo or signature on a job assigned to them, and that attachment was
  vouched for: made by the office or the demo seed (``attached_by`` empty), or by a
  technician who has proven possession of the bytes (so a job reassigned from Erik to Anna
  shows Anna Erik's photos, but a photo Anna attaches naming Erik's hash shows her nothing
  until she uploads the bytes herself).
"""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, exists, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from wb_desktop.core.persistence.atomic_files import write_atomically
from wb_server.models import Blob, BlobAccess, Job, Photo, ServerBase, Signature


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def partial_path(self, sha256: str, owner: str) -> Path:
        """``owner``'s upload in progress (technician ids are UUIDs: safe in a file name)."""
        return self.root / sha256[:2] / f"{sha256}.{owner}.part"

    def put(self, data: bytes) -> str:
        """Store complete bytes (demo data, tests) and return their SHA-256."""
        sha256 = hashlib.sha256(data).hexdigest()
        target = self.path(sha256)
        if not target.exists():
            write_atomically(target, data)
        return sha256

    def append(self, sha256: str, owner: str, offset: int, chunk: bytes) -> int:
        """Write ``chunk`` at ``offset`` of ``owner``'s partial file; returns its new length.

        The file is cut back to ``offset`` first: bytes written after the last committed
        offset (a crash between the write and the database commit) are not trusted.
        """
        partial = self.partial_path(sha256, owner)
        partial.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("r+b" if partial.exists() else "w+b") as handle:
            handle.truncate(offset)
            handle.seek(offset)
            handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        return offset + len(chunk)

    def matches(self, sha256: str, owner: str) -> bool:
        """Whether ``owner``'s partial file hashes to ``sha256``."""
        digest = hashlib.sha256()
        with self.partial_path(sha256, owner).open("rb") as handle:
            for block in iter(lambda: handle.read(1024 * 1024), b""):
                digest.update(block)
        return digest.hexdigest() == sha256

    def partial_head(self, sha256: str, owner: str, size: int = 16) -> bytes:
        with self.partial_path(sha256, owner).open("rb") as handle:
            return handle.read(size)

    def discard(self, sha256: str, owner: str) -> None:
        self.partial_path(sha256, owner).unlink(missing_ok=True)

    def keep(self, sha256: str, owner: str) -> None:
        """Make ``owner``'s verified partial file the blob; bytes already there stay as they
        are (the same hash: the same bytes), and the partial file goes."""
        partial = self.partial_path(sha256, owner)
        if self.path(sha256).exists():
            partial.unlink(missing_ok=True)
        else:
            partial.replace(self.path(sha256))

    def head(self, sha256: str, size: int = 16) -> bytes:
        with self.path(sha256).open("rb") as handle:
            return handle.read(size)


def _vouched(attached_by: Any, sha256: str) -> ColumnElement[bool]:
    """An attachment made by the office, or by someone who has proven they hold the bytes."""
    proven = (
        select(BlobAccess.sha256)
        .where(
            BlobAccess.sha256 == sha256,
            BlobAccess.technician_id == attached_by,
            BlobAccess.complete.is_(True),
        )
        .exists()
    )
    return or_(attached_by.is_(None), proven)


def may_read(session: Session, sha256: str, technician_id: str) -> bool:
    """Whether the technician may read (and learn of) the blob; see the module docstring."""
    own = select(BlobAccess.sha256).where(
        BlobAccess.sha256 == sha256,
        BlobAccess.technician_id == technician_id,
        BlobAccess.complete.is_(True),
    )
    photo = (
        select(Photo.id)
        .join(Job, Job.id == Photo.job_id)
        .where(
            Photo.sha256 == sha256,
            Job.technician_id == technician_id,
            _vouched(Photo.attached_by, sha256),
        )
    )
    signature = (
        select(Signature.id)
        .join(Job, Job.id == Signature.job_id)
        .where(
            Signature.png_sha256 == sha256,
            Job.technician_id == technician_id,
            _vouched(Signature.attached_by, sha256),
        )
    )
    return bool(session.scalar(select(or_(exists(own), exists(photo), exists(signature)))))


def readable_blob(session: Session, sha256: str, technician_id: str) -> Blob | None:
    """The verified blob if the technician may read it; None looks the same as no blob."""
    blob = session.get(Blob, sha256)
    if blob is None or not blob.complete or not may_read(session, sha256, technician_id):
        return None
    return blob


def insert_if_absent(session: Session, model: type[ServerBase], values: dict[str, Any]) -> None:
    """INSERT that leaves an existing row (same primary key) alone, also when a concurrent
    transaction inserts it first (PostgreSQL and SQLite: ON CONFLICT DO NOTHING)."""
    keys = [column.name for column in model.__table__.primary_key.columns]
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        statement: Any = postgresql.insert(model).on_conflict_do_nothing(index_elements=keys)
    elif dialect == "sqlite":
        statement = sqlite.insert(model).on_conflict_do_nothing(index_elements=keys)
    else:  # pragma: no cover - the server runs on SQLite or PostgreSQL
        if session.get(model, tuple(values[k] for k in keys)) is not None:
            return
        statement = model.__table__.insert()
    session.execute(statement.values(**values))


def grant_possession(session: Session, sha256: str, technician_id: str, now: datetime) -> None:
    """Record that the technician holds the blob's bytes (it must be complete)."""
    blob = session.get(Blob, sha256)
    assert blob is not None and blob.complete
    insert_if_absent(
        session,
        BlobAccess,
        {
            "sha256": sha256,
            "technician_id": technician_id,
            "content_type": blob.content_type,
            "size": blob.size,
            "received": blob.size,
            "complete": True,
            "created_at": now,
            "updated_at": now,
        },
    )
    access = session.get(
        BlobAccess, (sha256, technician_id), with_for_update=True, populate_existing=True
    )
    assert access is not None
    if not access.complete:
        access.content_type, access.size = blob.content_type, blob.size
        access.received, access.complete, access.updated_at = blob.size, True, now


def vouch_on_attach(session: Session, sha256: str, technician_id: str, now: datetime) -> None:
    """A technician attaching a blob they may already read (a photo of a job reassigned to
    them, say) holds its bytes: the attachment is vouched for from the start, and stays so
    if the job they read it through goes to someone else. Attaching a hash they may not read
    grants nothing: they prove possession by uploading the bytes."""
    with session.no_autoflush:
        if readable_blob(session, sha256, technician_id) is None:
            return
        owned = session.get(BlobAccess, (sha256, technician_id))
        if owned is not None and owned.complete:
            return
        grant_possession(session, sha256, technician_id, now)
