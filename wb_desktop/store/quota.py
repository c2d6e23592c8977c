"""The per-technician storage quota: database plus media, checked inside each write."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wb_desktop.domain.errors import QuotaExceededError, format_bytes
from wb_desktop.paths import ProfilePaths
from wb_desktop.store.models import Photo, Signature

DEFAULT_QUOTA_BYTES = 100 * 1024 * 1024
WARNING_RATIO = 0.8


@dataclass(frozen=True)
class StorageUsage:
    database_bytes: int
    media_bytes: int
    limit_bytes: int

    @property
    def used_bytes(self) -> int:
        return self.database_bytes + self.media_bytes

    @property
    def ratio(self) -> float:
        return self.used_bytes / self.limit_bytes

    @property
    def warning(self) -> str | None:
        """A message once usage passes 80 %, so the technician can sync before it is full."""
        if self.ratio < WARNING_RATIO:
            return None
        return (
            f"Storage {self.ratio:.0%} full ({format_bytes(self.used_bytes)} of "
            f"{format_bytes(self.limit_bytes)}). Sync soon; new photos are refused at 100 %."
        )


class StorageQuota:
    def __init__(self, paths: ProfilePaths, limit_bytes: int = DEFAULT_QUOTA_BYTES) -> None:
        if limit_bytes <= 0:
            raise ValueError("the storage quota must be a positive number of bytes")
        self._paths = paths
        self.limit_bytes = limit_bytes

    def usage(self, session: Session) -> StorageUsage:
        database = sum(p.stat().st_size for p in self._paths.database_files()[:2] if p.exists())
        return StorageUsage(database, self._media_bytes(session), self.limit_bytes)

    def check(self, session: Session, needed_bytes: int) -> StorageUsage:
        """Raise :class:`QuotaExceededError` if ``needed_bytes`` more would pass the quota."""
        usage = self.usage(session)
        if usage.used_bytes + needed_bytes > self.limit_bytes:
            raise QuotaExceededError(usage.used_bytes, needed_bytes, self.limit_bytes)
        return StorageUsage(
            usage.database_bytes + needed_bytes, usage.media_bytes, usage.limit_bytes
        )

    @staticmethod
    def _media_bytes(session: Session) -> int:
        """Files are content-addressed, so each distinct hash is one file on disk."""
        photos = select(Photo.sha256, Photo.byte_size).distinct().subquery()
        signatures = select(Signature.png_sha256, Signature.byte_size).distinct().subquery()
        total = session.scalar(select(func.coalesce(func.sum(photos.c.byte_size), 0)))
        total += session.scalar(select(func.coalesce(func.sum(signatures.c.byte_size), 0)))
        return int(total or 0)
