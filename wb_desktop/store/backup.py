"""Consistent copies of the cache file through SQLite's online backup API."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

KEEP_BACKUPS = 3


def backup_database(
    source: Path, folder: Path, label: str, now: datetime, keep: int = KEEP_BACKUPS
) -> Path:
    """Copy ``source`` into ``folder`` (WAL content included) and keep the newest ``keep``."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"cache-{stamp}-{label}.sqlite3"
    partial = target.with_suffix(".partial")
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(partial)) as dst:
        src.backup(dst)
    partial.replace(target)
    for old in sorted(folder.glob("cache-*.sqlite3"), reverse=True)[keep:]:
        old.unlink(missing_ok=True)
    return target
