"""Photos and signatures: metadata here, the bytes in the profile's media folder."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from wb_desktop.core.domain.records import UploadState
from wb_desktop.core.persistence.column_types import UTCDateTime
from wb_desktop.core.store.models.base import Base, SyncedRecord, enum_column_type

SHA256_HEX_LENGTH = 64


class MediaFile(Base):
    """Every file in the media folder, once per content hash.

    SQLite triggers (see the migrations) keep ``storage_totals.media_bytes`` equal to the sum
    of ``byte_size`` here, so the quota check inside each write is one row read.
    """

    __tablename__ = "media_files"

    sha256: Mapped[str] = mapped_column(String(SHA256_HEX_LENGTH), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    relative_path: Mapped[str] = mapped_column(String(500))
    byte_size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class StorageTotals(Base):
    """One row: bytes of media on disk, maintained by triggers on ``media_files``."""

    __tablename__ = "storage_totals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    media_bytes: Mapped[int] = mapped_column(Integer, default=0)


class Photo(SyncedRecord, Base):
    """A photo attached to a job; the same image on the same job is stored once."""

    __tablename__ = "photos"
    __table_args__ = (UniqueConstraint("job_id", "sha256"),)

    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id"), index=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("media_files.sha256"), index=True)
    content_type: Mapped[str] = mapped_column(String(100))
    byte_size: Mapped[int] = mapped_column(Integer)
    stored_path: Mapped[str] = mapped_column(String(500))  # relative to the media folder
    original_name: Mapped[str] = mapped_column(String(260), default="")
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    taken_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    upload_state: Mapped[UploadState] = mapped_column(
        enum_column_type(UploadState, "upload_state"), default=UploadState.WAITING
    )
    uploaded_bytes: Mapped[int] = mapped_column(Integer, default=0)


class Signature(SyncedRecord, Base):
    """A customer's signature: vector strokes for fidelity, a PNG for documents."""

    __tablename__ = "signatures"

    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id"), index=True)
    signer_name: Mapped[str] = mapped_column(String(200))
    strokes: Mapped[list[Any]] = mapped_column(JSON)
    png_sha256: Mapped[str] = mapped_column(ForeignKey("media_files.sha256"), index=True)
    png_path: Mapped[str] = mapped_column(String(500))
    byte_size: Mapped[int] = mapped_column(Integer)
    captured_at: Mapped[datetime] = mapped_column(UTCDateTime)
    upload_state: Mapped[UploadState] = mapped_column(
        enum_column_type(UploadState, "upload_state"), default=UploadState.WAITING
    )
    uploaded_bytes: Mapped[int] = mapped_column(Integer, default=0)
