"""Writing a file so that a crash leaves either the old one or the new one, whole."""

from __future__ import annotations

import os
import uuid
from pathlib import Path


def write_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary name beside ``target``, fsync, then rename into place.

    On any failure the temporary file is removed and ``target`` is as it was.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
    try:
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
