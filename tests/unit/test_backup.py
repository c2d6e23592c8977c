"""Backups on start: consistent, verified copies, unique names, no half-written leftovers,
never a copy of a damaged file, and rotation that always keeps the newest verified one."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from wb_desktop.core.store.backup import backup_database, check_backup, list_backups, rotate_backups
from wb_desktop.core.store.errors import DamagedCacheError

NOW = datetime(2026, 11, 23, 7, 30, tzinfo=UTC)


def _database(path: Path, rows: int) -> Path:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE notes (text TEXT)")
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        connection.execute("INSERT INTO alembic_version VALUES ('0001')")
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


def _corrupt_the_table(path: Path) -> None:
    """Overwrite the root page of ``notes`` (page 2) with garbage."""
    with closing(sqlite3.connect(path)) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute("SELECT rootpage FROM sqlite_master").fetchone()[0]
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xde\xad\xbe\xef" * (page_size // 4))


def test_a_backup_is_verified_before_it_gets_its_verified_name(tmp_path: Path) -> None:
    source = _database(tmp_path / "cache.sqlite3", 500)

    made = backup_database(source, tmp_path / "backups", "rev0001", NOW)

    assert made.name == "cache-20261123T073000000000Z-rev0001-verified.sqlite3"
    state = check_backup(made)
    assert (state.good, state.problem, state.revision) == (True, None, "0001")
    assert sorted(p.name for p in made.parent.iterdir()) == [made.name]


def test_a_damaged_file_is_never_backed_up_and_rotates_nothing_away(tmp_path: Path) -> None:
    source = _database(tmp_path / "cache.sqlite3", 500)
    folder = tmp_path / "backups"
    good = [backup_database(source, folder, "r", NOW, keep=2) for _ in range(2)]
    _corrupt_the_table(source)
    before = source.read_bytes()

    for _ in range(3):
        with pytest.raises(DamagedCacheError) as caught:
            backup_database(source, folder, "r", NOW, keep=2)

    assert caught.value.path == source
    assert caught.value.backup == good[-1]
    assert "SQLite's integrity check found: " in str(caught.value)
    assert source.read_bytes() == before
    assert list_backups(folder) == list(reversed(good))
    assert list(folder.glob("*.partial")) == []


def test_rotation_always_keeps_the_newest_verified_backup(tmp_path: Path) -> None:
    """Unchecked backups (from older releases) newer than the last verified one: the newest
    ``keep`` stay, and so does the verified one."""
    source = _database(tmp_path / "cache.sqlite3", 1)
    folder = tmp_path / "backups"
    verified = backup_database(source, folder, "rev0001", NOW)
    legacy = []
    for number in range(5):
        path = folder / f"cache-2026112{number}T080000000000Z-rev0001.sqlite3"
        path.write_bytes(verified.read_bytes())
        stamp = verified.stat().st_mtime_ns + (number + 1) * 1_000_000_000
        os.utime(path, ns=(stamp, stamp))
        legacy.append(path)

    deleted = rotate_backups(folder, keep=3)

    assert sorted(deleted) == sorted(legacy[:2])
    assert list_backups(folder) == [*reversed(legacy[2:]), verified]
