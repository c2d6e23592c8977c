"""``wb-desktop db restore`` on real caches: the newest good backup goes back in place, the
damaged file (and its -wal and -shm) is kept beside it under a timestamped name, and the
restored cache opens with the technician's notes and unsynced changes."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.unit.test_damaged_cache import (
    NOTES,
    UNSYNCED,
    FileState,
    corrupt_a_page,
    counts,
    start,
    the_technicians_cache,
)
from wb_desktop.cli import main
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.paths import DataPaths, ProfilePaths
from wb_desktop.core.store.backup import list_backups, side_files
from wb_desktop.core.store.cache import open_cache
from wb_desktop.core.store.errors import DamagedCacheError
from wb_desktop.core.store.migrate import head_revision
from wb_desktop.core.store.models import Job

JPEG = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40


def restore(
    capsys: pytest.CaptureFixture[str], data_paths: DataPaths, *extra: str | Path
) -> tuple[int, str, str]:
    args = ["db", "restore", "--data-dir", str(data_paths.root), "--profile", "anna"]
    code = main([*args, *(str(arg) for arg in extra)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def holds_data(path: Path) -> bool:
    """Not SQLite's shared-memory index (any reader rewrites it) nor an empty WAL (a
    read-only look creates one): neither holds data."""
    empty_wal = path.name.endswith("-wal") and path.stat().st_size == 0
    return path.is_file() and not path.name.endswith("-shm") and not empty_wal


def folder_state(profile: ProfilePaths) -> dict[str, FileState]:
    """Every file of the profile that holds data (backups and media included), for
    "nothing changed"."""
    return {
        path.relative_to(profile.folder).as_posix(): FileState.of(path)
        for path in sorted(profile.folder.rglob("*"))
        if holds_data(path)
    }


def damaged_with_good_backups(profile: ProfilePaths, clock: FixedClock) -> list[Path]:
    """The issue's cache after two good starts, then a corrupt page; an older release has
    also backed the broken file up (the newest backup is damaged). Returns the good ones,
    newest first."""
    database = the_technicians_cache(profile, clock)
    start(profile, clock)
    start(profile, clock)
    good = list_backups(profile.backups)
    corrupt_a_page(database)
    with pytest.raises(DamagedCacheError):  # a start: it refuses, and leaves -wal and -shm
        start(profile, clock)
    legacy = profile.backups / f"cache-20261124T080000000000Z-rev{head_revision()}.sqlite3"
    shutil.copyfile(database, legacy)
    assert list_backups(profile.backups)[0] == legacy
    return good


def test_restore_puts_back_the_newest_good_backup_and_keeps_the_damaged_file(
    capsys: pytest.CaptureFixture[str],
    data_paths: DataPaths,
    profile: ProfilePaths,
    clock: FixedClock,
) -> None:
    good = damaged_with_good_backups(profile, clock)
    database = profile.database
    damaged = {  # SQLite rewrites the -shm as it reads: its bytes are compared, not its time
        path.name: (FileState.of(path).sha256, FileState.of(path).size)
        for path in (database, *side_files(database))
        if path.exists()
    }
    assert set(damaged) == {"cache.sqlite3", "cache.sqlite3-wal", "cache.sqlite3-shm"}
    damaged_mtime = database.stat().st_mtime_ns
    backups_before = {path.name: FileState.of(path) for path in profile.backups.iterdir()}

    code, out, err = restore(capsys, data_paths)

    assert (code, err) == (0, "")
    [aside] = profile.folder.glob("cache-damaged-*.sqlite3")
    assert {
        path.name: (FileState.of(path).sha256, FileState.of(path).size)
        for path in profile.folder.glob("cache-damaged-*")
    } == {aside.name + name.removeprefix("cache.sqlite3"): kept for name, kept in damaged.items()}
    assert aside.stat().st_mtime_ns == damaged_mtime
    lines = out.splitlines()
    assert lines[0].startswith(f"Damaged:   {database} (SQLite's integrity check found: ")
    assert lines[1:4] == [f"Set aside: {aside}{suffix}" for suffix in ("", "-wal", "-shm")]
    assert lines[4:] == [
        f"Restored:  {database} from {good[0]}",
        f"           schema revision {head_revision()}, SQLite's integrity check: ok",
        "Work saved after that backup was taken is not in the restored cache; the set-aside"
        " file keeps it for support.",
    ]
    assert not any(side.exists() for side in side_files(database))
    assert {path.name: FileState.of(path) for path in profile.backups.iterdir()} == backups_before
    assert counts(profile, clock) == (NOTES, UNSYNCED)


def test_restore_of_an_empty_file_and_then_the_app_path_opens_it(
    capsys: pytest.CaptureFixture[str],
    data_paths: DataPaths,
    profile: ProfilePaths,
    clock: FixedClock,
) -> None:
    database = the_technicians_cache(profile, clock)
    good = start(profile, clock)
    database.write_bytes(b"")

    code, out, _ = restore(capsys, data_paths)

    assert code == 0
    assert out.startswith(f"Damaged:   {database} (it is empty: 0 bytes)\n")
    assert f"Restored:  {database} from {good}\n" in out
    [aside] = profile.folder.glob("cache-damaged-*.sqlite3")
    assert aside.stat().st_size == 0
    assert counts(profile, clock) == (NOTES, UNSYNCED)


def test_a_chosen_backup_is_restored(
    capsys: pytest.CaptureFixture[str],
    data_paths: DataPaths,
    profile: ProfilePaths,
    clock: FixedClock,
) -> None:
    good = damaged_with_good_backups(profile, clock)

    code, out, _ = restore(capsys, data_paths, "--backup", good[1])

    assert code == 0
    assert f"Restored:  {profile.database} from {good[1]}\n" in out
    assert counts(profile, clock) == (NOTES, UNSYNCED)


def test_a_chosen_backup_that_is_damaged_is_refused_and_nothing_changes(
    capsys: pytest.CaptureFixture[str],
    data_paths: DataPaths,
    profile: ProfilePaths,
    clock: FixedClock,
) -> None:
    damaged_with_good_backups(profile, clock)
    legacy = list_backups(profile.backups)[0]
    before = folder_state(profile)

    code, out, err = restore(capsys, data_paths, "--backup", legacy)

    assert (code, out) == (2, "")
    assert err.startswith(f"wb-desktop: {legacy} cannot be restored: SQLite's integrity check")
    assert err.endswith("Nothing was changed.\n")
    assert folder_state(profile) == before


def test_without_a_good_backup_nothing_changes(
    capsys: pytest.CaptureFixture[str],
    data_paths: DataPaths,
    profile: ProfilePaths,
    clock: FixedClock,
) -> None:
    database = the_technicians_cache(profile, clock)
    corrupt_a_page(database)
    shutil.copyfile(database, profile.backups / "cache-20261124T080000000000Z-rev0001.sqlite3")
    before = folder_state(profile)

    code, out, err = restore(capsys, data_paths)

    assert (code, out) == (2, "")
    assert err == (
        f"wb-desktop: No good backup was found in {profile.backups} (1 checked); nothing was"
        " changed. Keep the damaged file for support.\n"
    )
    assert folder_state(profile) == before


def test_a_whole_cache_is_replaced_only_with_force(
    capsys: pytest.CaptureFixture[str],
    data_paths: DataPaths,
    profile: ProfilePaths,
    clock: FixedClock,
) -> None:
    database = the_technicians_cache(profile, clock)
    cache = open_cache(profile, clock, busy_timeout_ms=200)  # backs up the 13 notes and 28 ops
    cache.changes.customers.create({"name": "Saved after the backup"})
    cache.close()
    good = cache.upgrade.backup
    before = folder_state(profile)

    code, out, err = restore(capsys, data_paths)

    assert (code, out) == (2, "")
    assert err == (
        f"wb-desktop: {database} opens and passes SQLite's integrity check, so there is"
        " nothing to restore; nothing was changed. To replace it with a backup anyway (it is"
        " kept beside it), add --force.\n"
    )
    assert folder_state(profile) == before

    code, out, _ = restore(capsys, data_paths, "--force")

    assert code == 0
    [aside] = profile.folder.glob("cache-replaced-*.sqlite3")
    assert out.splitlines()[:2] == [
        f"Replaced:  {database} (it was whole; --force)",
        f"Set aside: {aside}",
    ]
    assert f"Restored:  {database} from {good}\n" in out
    assert FileState.of(aside) == before["cache.sqlite3"]
    assert counts(profile, clock) == (NOTES, UNSYNCED)


def test_photos_the_backup_does_not_know_are_moved_aside_not_tidied_away(
    capsys: pytest.CaptureFixture[str],
    data_paths: DataPaths,
    profile: ProfilePaths,
    clock: FixedClock,
) -> None:
    """The app removes media files no row refers to when it closes: a photo taken after
    the backup would be lost with the restore unless it is moved out of media/."""
    the_technicians_cache(profile, clock)
    start(profile, clock)
    clock.advance(timedelta(minutes=5))
    cache = open_cache(profile, clock, busy_timeout_ms=200)
    with cache.database.reader() as session:
        job_id = session.scalars(select(Job.id)).one()
    receipt = cache.changes.media.add_photo(job_id, JPEG, "meter.jpg")
    assert receipt is not None
    cache.close()
    photos = {
        path.relative_to(profile.media).as_posix(): FileState.of(path)
        for path in profile.media.rglob("*")
        if path.is_file()
    }
    assert photos
    profile.database.write_bytes(b"")

    code, out, _ = restore(capsys, data_paths)

    assert code == 0
    [folder] = profile.folder.glob("cache-damaged-*-media")
    assert f"Photos:    {len(photos)} file(s) the backup does not refer to moved to {folder}\n" in (
        out
    )
    assert {
        path.relative_to(folder).as_posix(): FileState.of(path)
        for path in folder.rglob("*")
        if path.is_file()
    } == photos
    reopened = open_cache(profile, clock, busy_timeout_ms=200)
    assert reopened.sweep_media() == 0
    reopened.close()


def test_restore_refuses_while_the_app_has_the_profile_open(
    capsys: pytest.CaptureFixture[str],
    data_paths: DataPaths,
    profile: ProfilePaths,
    clock: FixedClock,
) -> None:
    from PySide6.QtCore import QLockFile

    database = the_technicians_cache(profile, clock)
    start(profile, clock)
    database.write_bytes(b"")
    lock = QLockFile(str(profile.folder / "app.lock"))  # as the app takes it
    assert lock.tryLock(200)
    try:
        before = folder_state(profile)
        code, out, err = restore(capsys, data_paths)
        assert (code, out) == (2, "")
        assert err == (
            "wb-desktop: WorkBoss Desktop is open with profile 'anna'. Close it, then run this"
            " again; nothing was changed.\n"
        )
        assert folder_state(profile) == before
    finally:
        lock.unlock()

    assert restore(capsys, data_paths)[0] == 0


def test_a_backup_from_a_newer_release_is_not_restored(
    capsys: pytest.CaptureFixture[str],
    data_paths: DataPaths,
    profile: ProfilePaths,
    clock: FixedClock,
) -> None:
    database = the_technicians_cache(profile, clock)
    newer = profile.folder.parent / "newer.sqlite3"
    shutil.copyfile(database, newer)
    with closing(sqlite3.connect(newer)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
        connection.commit()
    database.write_bytes(b"")

    code, _, err = restore(capsys, data_paths, "--backup", newer)

    assert code == 2
    assert err == (
        f"wb-desktop: {newer} cannot be restored: it was written by a newer WorkBoss Desktop"
        " (schema revision 9999_future). Nothing was changed.\n"
    )
    assert database.stat().st_size == 0
