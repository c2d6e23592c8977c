"""Opening a technician's cache: check the file, back it up, upgrade it, wire the write path."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from wb_desktop.core.domain.clock import Clock
from wb_desktop.core.paths import ProfilePaths
from wb_desktop.core.store.changes import LocalChanges, WritePath
from wb_desktop.core.store.database import DEFAULT_BUSY_TIMEOUT_MS, Database, translate_open_errors
from wb_desktop.core.store.media_files import MediaFiles
from wb_desktop.core.store.migrate import UpgradeResult, upgrade_database
from wb_desktop.core.store.models import Device, MediaFile, PullCursor, TechnicianProfile
from wb_desktop.core.store.quota import DEFAULT_QUOTA_BYTES, StorageQuota, StorageUsage


@dataclass
class LocalCache:
    paths: ProfilePaths
    database: Database
    quota: StorageQuota
    changes: LocalChanges
    upgrade: UpgradeResult
    device_id: str

    @property
    def media(self) -> MediaFiles:
        return self.changes.write_path.media

    def storage_usage(self) -> StorageUsage:
        with self.database.reader() as session:
            return self.quota.usage(session)

    def sweep_media(self) -> int:
        """Remove media files no row refers to: photos staged but never attached (the app
        closed first, or the attach was refused) and writes a crash cut off. Call it only
        when neither an import nor a sync is running."""
        with self.database.reader() as session:
            registered = set(session.scalars(select(MediaFile.relative_path)))
        return self.media.sweep(registered)

    def close(self) -> None:
        self.database.dispose()


def open_cache(
    paths: ProfilePaths,
    clock: Clock,
    *,
    quota_bytes: int = DEFAULT_QUOTA_BYTES,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
) -> LocalCache:
    """Open (creating it when there is no file) the profile's cache at the newest schema,
    after a verified backup.

    A file that is not a cache, is locked, is from a newer app, or is damaged (empty,
    truncated, failing SQLite's integrity check: a
    :class:`~wb_desktop.core.store.errors.DamagedCacheError` naming the newest good backup and
    ``wb-desktop db restore``) raises a typed
    :class:`~wb_desktop.core.store.errors.CacheOpenError` and is never modified or backed up.
    """
    paths.ensure()
    upgrade = upgrade_database(
        paths.database, backup_to=paths.backups, now=clock.now(), busy_timeout_ms=busy_timeout_ms
    )
    return _connect(paths, clock, upgrade, quota_bytes, busy_timeout_ms)


def attach_cache(
    opened: LocalCache, clock: Clock, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS
) -> LocalCache:
    """A second handle on a cache another part of the app has opened (and so upgraded):
    its own engine and sessions, for a worker thread. No backup, no upgrade."""
    return _connect(opened.paths, clock, opened.upgrade, opened.quota.limit_bytes, busy_timeout_ms)


def _connect(
    paths: ProfilePaths,
    clock: Clock,
    upgrade: UpgradeResult,
    quota_bytes: int,
    busy_timeout_ms: int,
) -> LocalCache:
    database = Database.open(paths.database, busy_timeout_ms=busy_timeout_ms)
    try:
        with translate_open_errors(paths.database):
            device_id, technician_id = _ensure_singletons(database, clock)
    except BaseException:
        database.dispose()
        raise
    quota = StorageQuota(paths, quota_bytes)
    write_path = WritePath(database, clock, quota, MediaFiles(paths.media))
    return LocalCache(
        paths, database, quota, LocalChanges(write_path, technician_id), upgrade, device_id
    )


def _ensure_singletons(database: Database, clock: Clock) -> tuple[str, str | None]:
    """The device identity and the pull cursor exist from the first open on."""
    with database.writer() as session, session.begin():
        device = session.scalars(select(Device)).first()
        if device is None:
            device = Device(id=str(uuid.uuid4()), next_seq=1, created_at=clock.now())
            session.add(device)
        if session.get(PullCursor, 1) is None:
            session.add(PullCursor(id=1, server_seq=0))
        technician_id = session.scalar(select(TechnicianProfile.id))
        return device.id, technician_id
