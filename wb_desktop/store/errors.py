"""Errors opening the cache: each names the file and says what to do."""

from __future__ import annotations

from pathlib import Path

from wb_desktop.domain.errors import WorkBossError


class InstallationError(WorkBossError):
    """Part of the installed app is missing; reinstalling fixes it."""


class CacheOpenError(WorkBossError):
    """The cache database cannot be used; the file was left exactly as it was."""

    def __init__(self, path: Path, message: str) -> None:
        self.path = path
        super().__init__(message)


class NotADatabaseError(CacheOpenError):
    def __init__(self, path: Path, detail: str = "") -> None:
        extra = f" ({detail})" if detail else ""
        super().__init__(
            path,
            f"{path} is not a WorkBoss cache database{extra}. It was left untouched. Move it "
            "aside (or restore a copy from the backups folder next to it) and start again.",
        )


class DatabaseLockedError(CacheOpenError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            f"{path} is in use by another program (is WorkBoss Desktop already open with this "
            "profile?). Close the other window or program and try again; nothing was changed.",
        )


class SchemaTooNewError(CacheOpenError):
    def __init__(self, path: Path, revision: str) -> None:
        self.revision = revision
        super().__init__(
            path,
            f"{path} was written by a newer WorkBoss Desktop (schema revision {revision}), "
            "which this version does not know. Update WorkBoss Desktop; the file was left "
            "untouched.",
        )


class MigrationError(CacheOpenError):
    def __init__(self, path: Path, detail: str, backup: Path | None) -> None:
        where = f" A backup taken just before is at {backup}." if backup else ""
        super().__init__(
            path, f"Upgrading {path} failed: {detail}. The database was rolled back.{where}"
        )
