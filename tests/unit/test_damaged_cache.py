"""Damaged caches (issue 18, item 2): refused before SQLite writes to them, never backed up,
and the good backups kept, on real cache files made by Alembic.

The technician's cache of the issue: 13 notes and 28 changes waiting to sync. A 0-byte,
truncated or corrupt file used to be opened (the empty one even got a fresh schema), and
every start backed the broken file up until the good backups were rotated away.
"""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.paths import DataPaths, ProfilePaths
from wb_desktop.core.store.backup import KEEP_BACKUPS, list_backups, restore_command, side_files
from wb_desktop.core.store.cache import open_cache
from wb_desktop.core.store.errors import DamagedCacheError
from wb_desktop.core.store.migrate import CREATING_SUFFIX, head_revision
from wb_desktop.core.store.models import Note, OutboxOp
from wb_desktop.core.store.seed import add_server_customer, add_server_job

NOTES = 13
UNSYNCED = 28  # the 13 notes and 15 new customers


@dataclass(frozen=True)
class FileState:
    """The bytes and modification time of a file: what "left untouched" means."""

    sha256: str
    mtime_ns: int
    size: int

    @classmethod
    def of(cls, path: Path) -> FileState:
        data = path.read_bytes()
        return cls(hashlib.sha256(data).hexdigest(), path.stat().st_mtime_ns, len(data))


def the_technicians_cache(profile: ProfilePaths, clock: FixedClock) -> Path:
    """A real, closed cache at head with 13 notes and 28 unsynced changes."""
    cache = open_cache(profile, clock, busy_timeout_ms=200)
    try:
        now = clock.now()
        with cache.database.writer() as session, session.begin():
            karin = add_server_customer(session, now, "Karin Lund", address="Storgatan 1")
            job_id = add_server_job(session, now, karin, "Boiler service", now).id
        for number in range(NOTES):
            cache.changes.jobs.add_note(job_id, f"Note {number}: " + "pressure checked. " * 20)
        for number in range(UNSYNCED - NOTES):
            cache.changes.customers.create({"name": f"New customer {number}", "notes": "x" * 300})
    finally:
        cache.close()
    return profile.database


def counts(profile: ProfilePaths, clock: FixedClock) -> tuple[int, int]:
    """Notes and outbox entries, read through a normal start."""
    cache = open_cache(profile, clock, busy_timeout_ms=200)
    try:
        with cache.database.reader() as session:
            notes = session.scalar(select(func.count()).select_from(Note)) or 0
            outbox = session.scalar(select(func.count()).select_from(OutboxOp)) or 0
        return notes, outbox
    finally:
        cache.close()


def start(profile: ProfilePaths, clock: FixedClock) -> Path | None:
    """One start of the app's cache path: open (backed up, upgraded) and close."""
    clock.advance(timedelta(minutes=10))
    cache = open_cache(profile, clock, busy_timeout_ms=200)
    cache.close()
    return cache.upgrade.backup


def corrupt_a_page(database: Path) -> int:
    """Overwrite a page in use (a table's or an index's root) near the middle of the file,
    as a bad sector or a torn write would; returns the page number."""
    with closing(sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        roots = [row[0] for row in connection.execute("SELECT rootpage FROM sqlite_master")]
    pages = database.stat().st_size // page_size
    in_use = sorted(root for root in roots if root > 1)
    page = min(in_use, key=lambda root: abs(root - pages // 2))
    with database.open("r+b") as handle:
        handle.seek((page - 1) * page_size)
        handle.write(b"\xde\xad\xbe\xef" * (page_size // 4))
    return page


def backups_state(profile: ProfilePaths) -> dict[str, FileState]:
    return {path.name: FileState.of(path) for path in sorted(profile.backups.iterdir())}


# --- a 0-byte file is not a new cache ----------------------------------------------------


def test_an_empty_file_is_refused_not_given_a_new_schema(
    profile: ProfilePaths, clock: FixedClock
) -> None:
    profile.ensure()
    profile.database.touch()
    before = FileState.of(profile.database)

    with pytest.raises(DamagedCacheError) as caught:
        open_cache(profile, clock, busy_timeout_ms=200)

    message = str(caught.value)
    assert message.startswith(f"{profile.database} is damaged (it is empty: 0 bytes)")
    assert "left untouched" in message
    assert caught.value.path == profile.database
    assert FileState.of(profile.database) == before
    assert sorted(p.name for p in profile.folder.iterdir() if p.is_file()) == ["cache.sqlite3"]
    assert list(profile.backups.iterdir()) == []


def test_a_missing_file_is_a_new_cache_made_whole_under_another_name(
    profile: ProfilePaths, clock: FixedClock
) -> None:
    profile.ensure()
    creating = profile.database.with_name(profile.database.name + CREATING_SUFFIX)
    creating.write_bytes(b"")  # what a crash while creating would leave behind

    cache = open_cache(profile, clock, busy_timeout_ms=200)
    cache.close()

    assert cache.upgrade.from_revision is None
    assert cache.upgrade.to_revision == head_revision()
    assert not creating.exists()
    assert not any(side.exists() for side in side_files(creating))
    with closing(sqlite3.connect(profile.database)) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            head_revision(),
        )
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_lost_database_whose_write_ahead_log_remains_is_refused(
    profile: ProfilePaths, clock: FixedClock
) -> None:
    database = the_technicians_cache(profile, clock)
    wal = side_files(database)[0]
    wal.write_bytes(b"WAL frames of a database that is gone" * 100)
    database.unlink()

    with pytest.raises(DamagedCacheError) as caught:
        open_cache(profile, clock, busy_timeout_ms=200)

    assert "the file is missing but its write-ahead log" in str(caught.value)
    assert not database.exists()
    assert wal.stat().st_size == 3700


# --- the refusal names the newest good backup and the command ----------------------------


def test_the_refusal_names_the_newest_good_backup_and_the_restore_command(
    data_paths: DataPaths, profile: ProfilePaths, clock: FixedClock
) -> None:
    database = the_technicians_cache(profile, clock)
    start(profile, clock)
    newest = start(profile, clock)
    database.write_bytes(database.read_bytes()[:8192])

    with pytest.raises(DamagedCacheError) as caught:
        open_cache(profile, clock, busy_timeout_ms=200)

    error = caught.value
    assert error.backup == newest
    assert str(error) == (
        f"{database} is damaged (it is truncated: only 8192 of its"
        f" {error.detail.values[1]} bytes are there), so it was not opened; it was left"
        f" untouched. The newest good backup is {newest}. To put it back (the damaged file is"
        " kept beside it), close WorkBoss Desktop and run: wb-desktop db restore --data-dir"
        f" {data_paths.root} --profile anna"
    )


def test_without_a_good_backup_the_refusal_says_so(
    profile: ProfilePaths, clock: FixedClock
) -> None:
    database = the_technicians_cache(profile, clock)
    corrupt_a_page(database)

    with pytest.raises(DamagedCacheError) as caught:
        open_cache(profile, clock, busy_timeout_ms=200)

    assert caught.value.backup is None
    assert f"There is no good backup of it in {profile.backups}." in str(caught.value)


# --- a corrupt page ----------------------------------------------------------------------


def test_a_corrupt_page_is_refused_and_the_file_is_not_backed_up_or_changed(
    profile: ProfilePaths, clock: FixedClock
) -> None:
    database = the_technicians_cache(profile, clock)
    good = start(profile, clock)
    assert good is not None
    corrupt_a_page(database)
    before = FileState.of(database)

    with pytest.raises(DamagedCacheError) as caught:
        start(profile, clock)

    assert "SQLite's integrity check found: " in str(caught.value)
    assert caught.value.backup == good
    assert FileState.of(database) == before
    assert list_backups(profile.backups) == [good]
    assert list(profile.backups.glob("*.partial")) == []


def test_several_starts_on_a_damaged_cache_never_rotate_the_good_backups_away(
    profile: ProfilePaths, clock: FixedClock
) -> None:
    """The issue: each start backed the broken file up and kept the newest three."""
    database = the_technicians_cache(profile, clock)
    for _ in range(KEEP_BACKUPS):
        start(profile, clock)
    good = backups_state(profile)
    assert len(good) == KEEP_BACKUPS
    corrupt_a_page(database)

    for _ in range(KEEP_BACKUPS + 2):
        with pytest.raises(DamagedCacheError):
            start(profile, clock)

    assert backups_state(profile) == good
    for name in good:
        with closing(
            sqlite3.connect(f"{(profile.backups / name).as_uri()}?immutable=1", uri=True)
        ) as copy:
            assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert copy.execute("SELECT count(*) FROM notes").fetchone() == (NOTES,)
            assert copy.execute("SELECT count(*) FROM outbox").fetchone() == (UNSYNCED,)


def test_a_whole_cache_still_opens_and_is_backed_up_every_start(
    profile: ProfilePaths, clock: FixedClock
) -> None:
    the_technicians_cache(profile, clock)

    made = [start(profile, clock) for _ in range(KEEP_BACKUPS + 1)]

    assert all(backup is not None and backup.name.endswith("-verified.sqlite3") for backup in made)
    assert list_backups(profile.backups) == list(reversed(made[1:]))
    assert counts(profile, clock) == (NOTES, UNSYNCED)


@pytest.mark.parametrize(
    ("root", "expected"),
    [
        (None, "wb-desktop db restore --profile anna"),
        (
            Path("/srv/work boss"),
            'wb-desktop db restore --data-dir "/srv/work boss" --profile anna',
        ),
    ],
)
def test_the_restore_command_names_the_data_folder_unless_it_is_the_default(
    root: Path | None, expected: str
) -> None:
    data = DataPaths(root) if root is not None else DataPaths.default()

    assert restore_command(data.profile("anna").database) == expected
