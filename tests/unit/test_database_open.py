"""Opening real cache files: pragmas, refusals that leave the file alone, and backups."""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import Schedule
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.paths import ProfilePaths
from wb_desktop.core.store.backup import KEEP_BACKUPS
from wb_desktop.core.store.cache import LocalCache, open_cache
from wb_desktop.core.store.database import DEFAULT_BUSY_TIMEOUT_MS
from wb_desktop.core.store.errors import (
    CacheOpenError,
    DamagedCacheError,
    DatabaseLockedError,
    NotADatabaseError,
    SchemaTooNewError,
)
from wb_desktop.core.store.migrate import head_revision


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_cache(profile: ProfilePaths, clock: FixedClock) -> Path:
    """A real, closed cache at head, as a previous run of the app leaves it."""
    open_cache(profile, clock, busy_timeout_ms=200).close()
    return profile.database


def sqlite_execute(path: Path, *statements: str) -> None:
    with closing(sqlite3.connect(path)) as connection:
        for statement in statements:
            connection.execute(statement)
        connection.commit()


# --- pragmas -----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["reader", "writer"])
def test_pragmas_are_in_force_on_the_cache_connections(cache: LocalCache, kind: str) -> None:
    session = cache.database.reader() if kind == "reader" else cache.database.writer()
    with session:
        connection = session.connection()
        pragmas = {
            name: connection.execute(text(f"PRAGMA {name}")).scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }

    assert pragmas == {
        "journal_mode": "wal",
        "synchronous": 2,  # FULL
        "foreign_keys": 1,
        "busy_timeout": DEFAULT_BUSY_TIMEOUT_MS,  # the conftest fixture opens as the app does
    }


def test_the_journal_mode_is_stored_in_the_file(cache: LocalCache) -> None:
    with closing(sqlite3.connect(cache.paths.database)) as plain:
        assert plain.execute("PRAGMA journal_mode").fetchone() == ("wal",)


# --- files that must be refused and left exactly as they were ----------------------------


def write_text_file(profile: ProfilePaths, _clock: FixedClock) -> None:
    profile.database.write_text("job,customer\n1,Karin Lund\n", encoding="utf-8")


def empty_file(profile: ProfilePaths, _clock: FixedClock) -> None:
    profile.database.touch()


def truncate_to_header(profile: ProfilePaths, clock: FixedClock) -> None:
    database = make_cache(profile, clock)
    database.write_bytes(database.read_bytes()[:100])


def truncate_to_half(profile: ProfilePaths, clock: FixedClock) -> None:
    database = make_cache(profile, clock)
    data = database.read_bytes()
    database.write_bytes(data[: len(data) // 2])


def overwrite_a_page_in_use(profile: ProfilePaths, clock: FixedClock) -> None:
    database = make_cache(profile, clock)
    with closing(sqlite3.connect(database)) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        roots = [row[0] for row in connection.execute("SELECT rootpage FROM sqlite_master")]
    in_use = sorted(root for root in roots if root > 1)  # tables and indexes, not page 1
    page = in_use[len(in_use) // 2]
    with database.open("r+b") as handle:
        handle.seek((page - 1) * page_size)
        handle.write(b"\xde\xad\xbe\xef" * (page_size // 4))


def tear_the_first_page(profile: ProfilePaths, clock: FixedClock) -> None:
    """SQLite's header stays, but the page size in it is no longer a power of two."""
    database = make_cache(profile, clock)
    data = bytearray(database.read_bytes())
    data[16:18] = (3).to_bytes(2, "big")
    database.write_bytes(bytes(data))


def another_apps_database(profile: ProfilePaths, _clock: FixedClock) -> None:
    sqlite_execute(
        profile.database,
        "CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)",
        "INSERT INTO recipes (name) VALUES ('pancakes')",
    )


def stamped_with_a_newer_revision(profile: ProfilePaths, clock: FixedClock) -> None:
    database = make_cache(profile, clock)
    sqlite_execute(database, "UPDATE alembic_version SET version_num = '9999_future'")


REFUSED_FILES: list[tuple[Callable[[ProfilePaths, FixedClock], None], type[Exception], str]] = [
    (write_text_file, NotADatabaseError, "does not start with the SQLite header"),
    (empty_file, DamagedCacheError, "it is empty: 0 bytes"),
    (truncate_to_header, DamagedCacheError, "it is truncated: only 100 of its"),
    (truncate_to_half, DamagedCacheError, "it is truncated"),
    (overwrite_a_page_in_use, DamagedCacheError, "SQLite's integrity check found: "),
    (tear_the_first_page, DamagedCacheError, "SQLite cannot read it: file is not a database"),
    (another_apps_database, NotADatabaseError, "recipes"),
    (stamped_with_a_newer_revision, SchemaTooNewError, "9999_future"),
]


@pytest.mark.parametrize(
    ("prepare", "error_type", "detail"),
    REFUSED_FILES,
    ids=[prepare.__name__ for prepare, _, _ in REFUSED_FILES],
)
def test_an_unusable_file_is_refused_with_a_typed_error_and_left_untouched(
    profile: ProfilePaths,
    clock: FixedClock,
    prepare: Callable[[ProfilePaths, FixedClock], None],
    error_type: type[Exception],
    detail: str,
) -> None:
    profile.ensure()
    prepare(profile, clock)
    before = sha256(profile.database)
    mtime_before = profile.database.stat().st_mtime_ns
    backups_before = sorted(profile.backups.iterdir())
    clock.advance(timedelta(minutes=5))

    with pytest.raises(error_type) as caught:
        open_cache(profile, clock, busy_timeout_ms=200)

    message = str(caught.value)
    assert str(profile.database) in message
    assert detail in message
    assert isinstance(caught.value, CacheOpenError)
    assert caught.value.path == profile.database
    assert profile.database.is_file()
    assert sha256(profile.database) == before
    assert profile.database.stat().st_mtime_ns == mtime_before
    assert sorted(profile.backups.iterdir()) == backups_before


def test_a_newer_schema_error_carries_the_revision(
    profile: ProfilePaths, clock: FixedClock
) -> None:
    profile.ensure()
    stamped_with_a_newer_revision(profile, clock)

    with pytest.raises(SchemaTooNewError) as caught:
        open_cache(profile, clock, busy_timeout_ms=200)

    assert caught.value.revision == "9999_future"
    assert "Update WorkBoss Desktop" in str(caught.value)


def test_a_cache_locked_by_another_program_is_refused_and_left_untouched(
    profile: ProfilePaths, clock: FixedClock, schedule: Schedule, cache: LocalCache
) -> None:
    cache.close()
    before = sha256(profile.database)
    with closing(sqlite3.connect(profile.database, isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")
        started = time.monotonic()
        with pytest.raises(DatabaseLockedError) as caught:
            open_cache(profile, clock, busy_timeout_ms=200)
        waited = time.monotonic() - started
        other.execute("ROLLBACK")

    assert str(profile.database) in str(caught.value)
    assert "in use by another program" in str(caught.value)
    assert waited < 4, "the busy timeout given to open_cache was not used"
    assert sha256(profile.database) == before
    reopened = open_cache(profile, clock, busy_timeout_ms=200)
    try:
        with reopened.database.reader() as session:
            ids = session.execute(text("SELECT id FROM customers ORDER BY id")).scalars().all()
        assert ids == sorted(schedule.customer_ids)
    finally:
        reopened.close()


# --- backups -----------------------------------------------------------------------------


def test_a_new_cache_has_nothing_to_back_up(cache: LocalCache) -> None:
    assert cache.upgrade.backup is None
    assert list(cache.paths.backups.iterdir()) == []


def test_opening_an_existing_cache_backs_it_up_including_unsaved_wal_content(
    profile: ProfilePaths, clock: FixedClock, schedule: Schedule, cache: LocalCache
) -> None:
    wal = profile.database_files()[1]
    assert wal.stat().st_size > 0, "the schedule should still sit in the WAL"
    clock.advance(timedelta(minutes=1))

    second = open_cache(profile, clock, busy_timeout_ms=200)
    second.close()

    backup = second.upgrade.backup
    assert backup is not None
    assert backup.parent == profile.backups
    assert backup.name.endswith("-verified.sqlite3")
    assert list(profile.backups.iterdir()) == [backup]
    assert backup.read_bytes().startswith(b"SQLite format 3\x00")
    with closing(sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (head_revision(),)
        ]
        ids = [row[0] for row in copy.execute("SELECT id FROM customers ORDER BY id")]
    assert ids == sorted(schedule.customer_ids)


def test_only_the_newest_backups_are_kept(profile: ProfilePaths, clock: FixedClock) -> None:
    make_cache(profile, clock)
    made = []
    for _ in range(KEEP_BACKUPS + 2):
        clock.advance(timedelta(minutes=1))
        opened = open_cache(profile, clock, busy_timeout_ms=200)
        opened.close()
        assert opened.upgrade.backup is not None
        made.append(opened.upgrade.backup)

    assert KEEP_BACKUPS == 3
    assert sorted(profile.backups.iterdir()) == made[-KEEP_BACKUPS:]
