"""The per-technician storage quota: database plus media, checked inside each write."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from wb_desktop.core.domain.errors import QuotaExceededError, format_bytes
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.paths import ProfilePaths
from wb_desktop.core.store.models import StorageTotals

DEFAULT_QUOTA_BYTES = 100 * 1024 * 1024
WARNING_RATIO = 0.8
_MEDIA_BYTES = select(StorageTotals.__table__.c.media_bytes).where(
    StorageTotals.__table__.c.id == 1
)


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
        return Text(
            QT_TRANSLATE_NOOP(
                "Domain", "Storage %1% full (%2 of %3). Sync soon; new photos are refused at 100 %."
            ),
            round(self.ratio * 100),
            format_bytes(self.used_bytes),
            format_bytes(self.limit_bytes),
        )


class StorageQuota:
    def __init__(self, paths: ProfilePaths, limit_bytes: int = DEFAULT_QUOTA_BYTES) -> None:
        if limit_bytes <= 0:
            raise ValueError("the storage quota must be a positive number of bytes")
        self._paths = paths
        self.limit_bytes = limit_bytes

    def usage(self, session: Session) -> StorageUsage:
        """Database files on disk plus media files as registered in ``media_files``.

        Inside a write, a new media file's row is already registered (the triggers ran), so
        it is counted here and not again in ``needed_bytes``.
        """
        database = sum(p.stat().st_size for p in self._paths.database_files()[:2] if p.exists())
        media = session.connection().execute(_MEDIA_BYTES).scalar_one_or_none() or 0
        return StorageUsage(database, int(media), self.limit_bytes)

    def check(self, session: Session, needed_bytes: int) -> StorageUsage:
        """Raise :class:`QuotaExceededError` if ``needed_bytes`` more would pass the quota."""
        usage = self.usage(session)
        if usage.used_bytes + needed_bytes > self.limit_bytes:
            raise QuotaExceededError(usage.used_bytes, needed_bytes, self.limit_bytes)
        return StorageUsage(
            usage.database_bytes + needed_bytes, usage.media_bytes, usage.limit_bytes
        )
