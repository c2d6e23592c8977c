"""Attaching photos and signatures to jobs.

The file is written content-addressed before the transaction and registered in
``media_files`` inside it; if the transaction fails, a file this call created is removed, so
the disk is as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from wb_desktop.domain.images import check_photo_bytes, check_signature_png
from wb_desktop.domain.records import (
    UploadState,
    clean_aware_time,
    clean_signature,
    clean_text,
)
from wb_desktop.store.changes.core import Change, ChangeReceipt, WritePath, load, new_record
from wb_desktop.store.media_files import StoredFile
from wb_desktop.store.models import Job, MediaFile, Photo, Signature
from wb_desktop.store.outbox import OpSpec

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
        name = clean_text(original_name, "original_name", MAX_FILE_NAME)
        taken = clean_aware_time(taken_at, "taken_at")
        image = check_photo_bytes(data, name or "photo")
        stored = self._write.media.put("photos", data, image.suffix)

        def mutate(session: Session, now: datetime) -> Change:
            job = load(session, Job, job_id, "job")
            existing = session.scalar(
                select(Photo.id).where(Photo.job_id == job.id, Photo.sha256 == stored.sha256)
            )
            if existing is not None:
                return Change("photo", existing, None)
            register_file(session, stored, "photos", now)
            photo = new_record(
                Photo,
                now,
                job_id=job.id,
                sha256=stored.sha256,
                content_type=image.content_type,
                byte_size=stored.size,
                stored_path=stored.relative_path,
                original_name=name,
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
            return Change("photo", photo.id, spec)

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
            return Change("signature", signature.id, spec)

        return self._write_with_file(stored, mutate)

    def _write_with_file(
        self, stored: StoredFile, mutate: Callable[[Session, datetime], Change]
    ) -> ChangeReceipt:
        try:
            return self._write.write(mutate)
        except BaseException:
            self._write.media.discard(stored)
            raise
