"""Attachment bytes on disk, content-addressed, written under a temporary name first."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from wb_desktop.files import write_atomically


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def partial_path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.part"

    def put(self, data: bytes) -> str:
        """Store complete bytes (demo data, tests) and return their SHA-256."""
        sha256 = hashlib.sha256(data).hexdigest()
        target = self.path(sha256)
        if not target.exists():
            write_atomically(target, data)
        return sha256

    def append(self, sha256: str, offset: int, chunk: bytes) -> int:
        """Write ``chunk`` at ``offset`` of the partial file and return its new length.

        The file is cut back to ``offset`` first: bytes written after the last committed
        offset (a crash between the write and the database commit) are not trusted.
        """
        partial = self.partial_path(sha256)
        partial.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("r+b" if partial.exists() else "w+b") as handle:
            handle.truncate(offset)
            handle.seek(offset)
            handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        return offset + len(chunk)

    def finish(self, sha256: str) -> bool:
        """Move a complete partial file into place if its bytes hash to ``sha256``."""
        partial = self.partial_path(sha256)
        digest = hashlib.sha256()
        with partial.open("rb") as handle:
            for block in iter(lambda: handle.read(1024 * 1024), b""):
                digest.update(block)
        if digest.hexdigest() != sha256:
            partial.unlink(missing_ok=True)
            return False
        partial.replace(self.path(sha256))
        return True

    def head(self, sha256: str, size: int = 16) -> bytes:
        with self.path(sha256).open("rb") as handle:
            return handle.read(size)
