"""Errors opening the cache: each names the file and says what to do."""

from __future__ import annotations

from pathlib import Path

from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text


class InstallationError(WorkBossError):
    """Part of the installed app is missing; reinstalling fixes it."""


class CacheOpenError(WorkBossError):
    """The cache database cannot be used; the file was left exactly as it was."""

    def __init__(self, path: Path, message: str) -> None:
        self.path = path
        super().__init__(message)


class NotADatabaseError(CacheOpenError):
    def __init__(self, path: Path, detail: str = "") -> None:
        template = (
            QT_TRANSLATE_NOOP(
                "Domain",
                "%1 is not a WorkBoss cache database (%2). It was left untouched. Move it aside"
                " (or restore a copy from the backups folder next to it) and start again.",
            )
            if detail
            else QT_TRANSLATE_NOOP(
                "Domain",
                "%1 is not a WorkBoss cache database. It was left untouched. Move it aside"
                " (or restore a copy from the backups folder next to it) and start again.",
            )
        )
        super().__init__(
            path, Text(template, str(path), detail) if detail else Text(template, str(path))
        )


class DatabaseLockedError(CacheOpenError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "%1 is in use by another program (is WorkBoss Desktop already open with this"
                    " profile?). Close the other window or program and try again; nothing was"
                    " changed.",
                ),
                str(path),
            ),
        )


class SchemaTooNewError(CacheOpenError):
    def __init__(self, path: Path, revision: str) -> None:
        self.revision = revision
        super().__init__(
            path,
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "%1 was written by a newer WorkBoss Desktop (schema revision %2), which this"
                    " version does not know. Update WorkBoss Desktop; the file was left untouched.",
                ),
                str(path),
                revision,
            ),
        )


class MigrationError(CacheOpenError):
    def __init__(self, path: Path, detail: str, backup: Path | None) -> None:
        message = (
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "Upgrading %1 failed: %2. The database was rolled back. A backup taken just"
                    " before is at %3.",
                ),
                str(path),
                detail,
                str(backup),
            )
            if backup
            else Text(
                QT_TRANSLATE_NOOP(
                    "Domain", "Upgrading %1 failed: %2. The database was rolled back."
                ),
                str(path),
                detail,
            )
        )
        super().__init__(path, message)


class DamagedCacheError(CacheOpenError):
    """The cache is empty, truncated or fails SQLite's integrity check. It is never opened
    for writing, backed up or overwritten; ``wb-desktop db restore`` puts a good backup back.
    """

    def __init__(
        self,
        path: Path,
        detail: str,
        *,
        backup: Path | None,
        backups_folder: Path,
        restore_command: str,
    ) -> None:
        self.detail = detail
        self.backup = backup
        if backup is not None:
            message = Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "%1 is damaged (%2), so it was not opened; it was left untouched. The newest"
                    " good backup is %3. To put it back (the damaged file is kept beside it),"
                    " close WorkBoss Desktop and run: %4",
                ),
                str(path),
                detail,
                str(backup),
                restore_command,
            )
        else:
            message = Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "%1 is damaged (%2), so it was not opened; it was left untouched. There is no"
                    " good backup of it in %3. Keep the file for support; to start again with an"
                    " empty cache, move it aside (changes not yet synced stay only in that file).",
                ),
                str(path),
                detail,
                str(backups_folder),
            )
        super().__init__(path, message)


class RestoreError(WorkBossError):
    """``wb-desktop db restore`` refused; nothing was changed."""
