"""Content-addressed files in the profile's media folder.

A file is named by its SHA-256, so the same image imported twice is stored once and can be
verified against its name. Writes go to a temporary name first, then are renamed into place.
A file may be written before its row exists (photos are staged off the GUI thread); one
that never got a row is swept away when the cache closes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from wb_desktop.core.persistence.atomic_files import write_atomically


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

    def restore(self, stored: StoredFile, data: bytes) -> StoredFile:
        """``stored``, written again if it went missing since it was staged (a sweep or a
        failed attach of the same image elsewhere removed it)."""
        target = self.absolute(stored.relative_path)
        if target.exists() and target.stat().st_size == stored.size:
            return stored
        write_atomically(target, data)
        return replace(stored, created=True)

    def sweep(self, registered: Collection[str]) -> int:
        """Remove files no row refers to (``registered``: relative paths) and interrupted
        writes; only call it when nothing is being imported. Returns how many went."""
        removed = 0
        if not self.root.is_dir():
            return removed
        for path in self.root.rglob("*"):
            if not path.is_file():
                continue
            relative = path.relative_to(self.root).as_posix()
            if path.name.endswith(".part") or relative not in registered:
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    def discard(self, stored: StoredFile) -> None:
        """Remove a file this call created when the row that would use it was not saved."""
        if stored.created:
            self.absolute(stored.relative_path).unlink(missing_ok=True)
