"""Consistent copies of the cache file through SQLite's online backup API."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

KEEP_BACKUPS = 3


def _free_name(folder: Path, stem: str) -> Path:
    """``stem.sqlite3``, or ``stem-2.sqlite3`` and so on when two backups share a timestamp."""
    target = folder / f"{stem}.sqlite3"
    counter = 2
    while target.exists():
        target = folder / f"{stem}-{counter}.sqlite3"
        counter += 1
    return target


def backup_database(
    source: Path, folder: Path, label: str, now: datetime, keep: int = KEEP_BACKUPS
) -> Path:
    """Copy ``source`` into ``folder`` (WAL content included) and keep the newest ``keep``.

    The copy is written under a ``.partial`` name and renamed when complete, so a crash never
    leaves something that looks like a good backup; leftovers of such crashes are removed.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for leftover in folder.glob("cache-*.partial"):
        leftover.unlink(missing_ok=True)
    target = _free_name(folder, f"cache-{now.strftime('%Y%m%dT%H%M%S%fZ')}-{label}")
    partial = target.with_suffix(".partial")
    try:
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(partial)) as dst:
            src.backup(dst)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)
    backups = sorted(
        folder.glob("cache-*.sqlite3"), key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True
    )
    for old in backups[keep:]:
        old.unlink(missing_ok=True)
    return target
