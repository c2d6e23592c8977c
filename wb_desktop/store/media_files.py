"""Content-addressed files in the profile's media folder.

A file is named by its SHA-256, so the same image imported twice is stored once and can be
verified against its name. Writes go to a temporary name first, then are renamed into place.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from wb_desktop.files import write_atomically


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    relative_path: str  # POSIX-style, relative to the media folder, stored in the database
    size: int
    created: bool  # False when an identical file was already there


class MediaFiles:
    def __init__(self, root: Path) -> None:
        self.root = root

    def relative_path(self, kind: str, sha256: str, suffix: str) -> str:
        return str(PurePosixPath(kind, sha256[:2], f"{sha256}{suffix}"))

    def absolute(self, relative_path: str) -> Path:
        return self.root.joinpath(*PurePosixPath(relative_path).parts)

    def put(self, kind: str, data: bytes, suffix: str) -> StoredFile:
        sha256 = hashlib.sha256(data).hexdigest()
        relative = self.relative_path(kind, sha256, suffix)
        target = self.absolute(relative)
        if target.exists() and target.stat().st_size == len(data):
            return StoredFile(sha256, relative, len(data), created=False)
        write_atomically(target, data)
        return StoredFile(sha256, relative, len(data), created=True)

    def discard(self, stored: StoredFile) -> None:
        """Remove a file this call created when the row that would use it was not saved."""
        if stored.created:
            self.absolute(stored.relative_path).unlink(missing_ok=True)
