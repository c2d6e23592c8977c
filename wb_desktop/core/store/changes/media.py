"""Attaching photos and signatures to jobs.

The file is written content-addressed before the transaction and registered in
``media_files`` inside it; if the transaction fails, a file no row refers to is removed, so
the disk is as it was. A photo can be staged (checked and written) on any thread and
attached later on the write path's thread, so a 10 MB write and its fsync never hold up
the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from wb_desktop.core.domain.images import ImageFormat, check_photo_bytes, check_signature_png
from wb_desktop.core.domain.records import (
    UploadState,
    clean_aware_time,
    clean_signature,
    clean_text,
)
from wb_desktop.core.store.changes.core import Change, ChangeReceipt, WritePath, load, new_record
from wb_desktop.core.store.disk_full import refused_when_disk_full
from wb_desktop.core.store.media_files import StoredFile
from wb_desktop.core.store.models import Job, MediaFile, Photo, Signature
from wb_desktop.core.store.outbox import OpSpec

_REGISTER = sqlite_insert(MediaFile.__table__).on_conflict_do_nothing(index_elements=["sha256"])


def register_file(session: Session, stored: StoredFile, kind: str, now: datetime) -> None:
    """Record the file once per hash; the triggers add its size to the storage total."""
    session.connection().execute(
        _REGISTER,
        {
            "sha256": stored.sha256,
            "kind": kind,
            "relative_path": stored.relative_path,
            "byte_size": stored.size,
            "created_at": now,
        },
    )


MAX_FILE_NAME = 260


@dataclass(frozen=True)
class StagedPhoto:
    """A checked photo whose file is already in the media folder, not yet on any job."""

    data: bytes
    stored: StoredFile
    image: ImageFormat
    original_name: str


class MediaChanges:
    def __init__(self, write_path: WritePath) -> None:
        self._write = write_path

    def add_photo(
        self,
        job_id: str,
        data: bytes,
        original_name: str = "",
        *,
        width: int | None = None,
        height: int | None = None,
        taken_at: datetime | None = None,
    ) -> ChangeReceipt:
        """Attach an image; the same image on the same job is stored once (no second op)."""
        staged = self.stage_photo(data, original_name)
        return self.attach_photo(job_id, staged, width=width, height=height, taken_at=taken_at)

    def stage_photo(self, data: bytes, original_name: str = "") -> StagedPhoto:
        """Check the bytes and write the content-addressed file; safe on any thread.

        Touches no database row, so a photo staged and never attached leaves only an
        unreferenced file, which :meth:`MediaFiles.sweep` removes."""
        name = clean_text(original_name, "original_name", MAX_FILE_NAME)
        image = check_photo_bytes(data, name or "photo")
        with refused_when_disk_full():
            stored = self._write.media.put("photos", data, image.suffix)
        return StagedPhoto(data, stored, image, name)

    def attach_photo(
        self,
        job_id: str,
        staged: StagedPhoto,
        *,
        width: int | None = None,
        height: int | None = None,
        taken_at: datetime | None = None,
    ) -> ChangeReceipt:
        """Put a staged photo on ``job_id``; a second time on the same job adds nothing."""
        taken = clean_aware_time(taken_at, "taken_at")
        with refused_when_disk_full():
            stored = self._write.media.restore(staged.stored, staged.data)
        image = staged.image

        def mutate(session: Session, now: datetime) -> Change:
            job = load(session, Job, job_id, "job")
            existing = session.scalar(
                select(Photo.id).where(Photo.job_id == job.id, Photo.sha256 == stored.sha256)
            )
            if existing is not None:
                return Change("photo", existing, None, job.id)
            register_file(session, stored, "photos", now)
            photo = new_record(
                Photo,
                now,
                job_id=job.id,
                sha256=stored.sha256,
                content_type=image.content_type,
                byte_size=stored.size,
                stored_path=stored.relative_path,
                original_name=staged.original_name,
                width=width,
                height=height,
                taken_at=taken,
                upload_state=UploadState.WAITING,
                uploaded_bytes=0,
            )
            session.add(photo)
            payload = {
                "job_id": job.id,
                "sha256": stored.sha256,
                "content_type": image.content_type,
                "byte_size": stored.size,
                "original_name": photo.original_name,
                "width": width,
                "height": height,
                "taken_at": taken,
            }
            spec = OpSpec("photo.create", "photo", photo.id, payload, parents=(("job", job.id),))
            return Change("photo", photo.id, spec, job.id)

        return self._write_with_file(stored, mutate)

    def add_signature(
        self, job_id: str, signer_name: str, strokes: list[Any], png: bytes
    ) -> ChangeReceipt:
        name, clean_strokes = clean_signature(signer_name, strokes)
        check_signature_png(png)
        stored = self._write.media.put("signatures", png, ".png")

        def mutate(session: Session, now: datetime) -> Change:
            job = load(session, Job, job_id, "job")
            register_file(session, stored, "signatures", now)
            signature = new_record(
                Signature,
                now,
                job_id=job.id,
                signer_name=name,
                strokes=clean_strokes,
                png_sha256=stored.sha256,
                png_path=stored.relative_path,
                byte_size=stored.size,
                captured_at=now,
                upload_state=UploadState.WAITING,
                uploaded_bytes=0,
            )
            session.add(signature)
            payload = {
                "job_id": job.id,
                "signer_name": name,
                "strokes": clean_strokes,
                "png_sha256": stored.sha256,
                "byte_size": stored.size,
                "captured_at": now,
            }
            spec = OpSpec(
                "signature.create", "signature", signature.id, payload, parents=(("job", job.id),)
            )
            return Change("signature", signature.id, spec, job.id)

        return self._write_with_file(stored, mutate)

    def _write_with_file(
        self, stored: StoredFile, mutate: Callable[[Session, datetime], Change]
    ) -> ChangeReceipt:
        try:
            return self._write.write(mutate)
        except BaseException:
            with self._write.database.reader() as session:
                registered = session.scalar(
                    select(MediaFile.sha256).where(MediaFile.sha256 == stored.sha256)
                )
            if registered is None:
                self._write.media.discard(stored)
            raise
