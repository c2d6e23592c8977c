"""The photos of a job, as plain rows the photo strip shows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from wb_desktop.core.domain.records import UploadState
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.models import Photo


@dataclass(frozen=True)
class PhotoRow:
    """What the strip shows of one photo, copied out of the read session."""

    id: str
    sha256: str
    path: Path
    original_name: str
    upload_state: UploadState
    sync_state: SyncState
    uploaded_bytes: int
    byte_size: int


def photos_of_job(session: Session, job_id: str, media_root: Path) -> list[PhotoRow]:
    """``job_id``'s photos in the order they were added; ``path`` is the file on this tablet."""
    photos = session.scalars(
        select(Photo)
        .where(Photo.job_id == job_id)
        .order_by(Photo.created_at, Photo.original_name, Photo.id)
    )
    return [
        PhotoRow(
            p.id,
            p.sha256,
            media_root.joinpath(*p.stored_path.split("/")),
            p.original_name,
            p.upload_state,
            p.sync_state,
            p.uploaded_bytes,
            p.byte_size,
        )
        for p in photos
    ]
