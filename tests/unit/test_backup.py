"""Backups on start: consistent copies, unique names, no half-written leftovers."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from wb_desktop.store.backup import backup_database

NOW = datetime(2026, 11, 23, 7, 30, tzinfo=UTC)


def _database(path: Path, rows: int) -> Path:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE notes (text TEXT)")
        connection.executemany("INSERT INTO notes VALUES (?)", [(f"n{i}",) for i in range(rows)])
        connection.commit()
    return path


def _count(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT count(*) FROM notes").fetchone()[0]


def test_two_backups_in_the_same_instant_do_not_overwrite_each_other(tmp_path: Path) -> None:
    source = _database(tmp_path / "cache.sqlite3", 3)
    first = backup_database(source, tmp_path / "backups", "rev0001", NOW)
    second = backup_database(source, tmp_path / "backups", "rev0001", NOW)
    assert first != second
    assert first.exists() and second.exists()
    assert _count(first) == _count(second) == 3


def test_only_the_newest_backups_are_kept(tmp_path: Path) -> None:
    source = _database(tmp_path / "cache.sqlite3", 1)
    made = [backup_database(source, tmp_path / "b", "r", NOW, keep=2) for _ in range(4)]
    assert sorted((tmp_path / "b").glob("*.sqlite3")) == sorted(made[-2:])


def test_a_partial_backup_left_by_a_crash_is_removed(tmp_path: Path) -> None:
    source = _database(tmp_path / "cache.sqlite3", 1)
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "cache-20261101T000000000000Z-rev0001.partial").write_bytes(b"half a copy")
    backup_database(source, folder, "rev0001", NOW)
    assert list(folder.glob("*.partial")) == []
