"""Every path the app writes to, in one place that tests and ``--data-dir`` override.

The root is the per-user data dir from platformdirs (``%LOCALAPPDATA%\\WorkBoss\\WorkBoss
Desktop`` on Windows); each technician profile gets its own folder with its own database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from wb_desktop.core.domain.errors import ValidationError
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text

APP_NAME = "WorkBoss Desktop"
APP_AUTHOR = "WorkBoss"
DEFAULT_PROFILE = "demo"
_PROFILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{p}{n}" for p in ("com", "lpt") for n in range(1, 10)
}


def default_data_root() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


def check_profile_name(name: str) -> str:
    """Profile names become folder names, so they must be safe on Windows too."""
    if not _PROFILE_NAME.match(name) or name.lower().split(".")[0] in _WINDOWS_RESERVED:
        raise ValidationError.single(
            "profile",
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "'%1' cannot be a profile name: use 1-64 letters, digits, '.', '_' or '-',"
                    " starting with a letter or digit",
                ),
                name,
            ),
        )
    return name


@dataclass(frozen=True)
class DataPaths:
    """The data root; profile folders live under ``profiles/``."""

    root: Path

    @classmethod
    def default(cls) -> DataPaths:
        return cls(default_data_root())

    def profile(self, name: str = DEFAULT_PROFILE) -> ProfilePaths:
        return ProfilePaths(self.root / "profiles" / check_profile_name(name), name)

    @property
    def logs(self) -> Path:
        return self.root / "logs"


@dataclass(frozen=True)
class ProfilePaths:
    """One technician's folder: the cache database, media files and backups."""

    folder: Path
    name: str

    @property
    def database(self) -> Path:
        return self.folder / "cache.sqlite3"

    @property
    def media(self) -> Path:
        return self.folder / "media"

    @property
    def backups(self) -> Path:
        return self.folder / "backups"

    @property
    def settings(self) -> Path:
        return self.folder / "settings.json"

    @property
    def camera_inbox(self) -> Path:
        """A folder the camera or phone sync drops photos into, watched while a job is open."""
        return self.folder / "camera-inbox"

    @property
    def trace(self) -> Path:
        """The sync trace: one JSON object per request and reply (``sync.trace``)."""
        return self.folder / "trace" / "sync-trace.jsonl"

    @property
    def logs(self) -> Path:
        """The app's log files for this profile (what a diagnostics bundle takes along)."""
        return self.folder / "logs"

    def database_files(self) -> list[Path]:
        """The database and its WAL and shared-memory companions."""
        db = self.database
        return [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]

    def ensure(self) -> ProfilePaths:
        for folder in (self.folder, self.media, self.backups):
            folder.mkdir(parents=True, exist_ok=True)
        return self
