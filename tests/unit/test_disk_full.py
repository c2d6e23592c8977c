"""A full disk is one typed refusal at every write entry point; nothing saved is lost."""

from __future__ import annotations

import errno
import sqlite3
from typing import Any

import pytest
from sqlalchemy import event, func, select

from tests.conftest import PNG_1X1, Schedule
from wb_desktop.core.domain.errors import DeviceStorageFullError
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.media_files import MediaFiles
from wb_desktop.core.store.models import Note, OutboxOp


def fill_the_disk(cache: LocalCache) -> None:
    """SQLite's own SQLITE_FULL, as on a full disk: the file may not grow by one page."""
    engine = cache.database.engine
    engine.dispose()

    @event.listens_for(engine, "connect")
    def no_more_pages(connection: sqlite3.Connection, _record: Any) -> None:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")


def counts(cache: LocalCache) -> tuple[int, int]:
    with cache.database.reader() as session:
        notes = session.scalar(select(func.count()).select_from(Note))
        ops = session.scalar(select(func.count()).select_from(OutboxOp))
        return notes, ops


def test_a_full_disk_refuses_the_write_and_keeps_what_was_saved(
    cache: LocalCache, schedule: Schedule
) -> None:
    job_id = schedule.job_ids[0]
    cache.changes.jobs.add_note(job_id, "saved before the disk filled up")
    before = counts(cache)
    fill_the_disk(cache)

    with pytest.raises(DeviceStorageFullError) as refused:
        for _ in range(50):  # each note grows the file until a page more is refused
            cache.changes.jobs.add_note(job_id, "x" * 9000)

    assert "storage is full" in str(refused.value)
    assert "nothing already saved is lost" in str(refused.value)
    notes, ops = counts(cache)
    assert notes >= before[0] and notes - before[0] == ops - before[1]  # row and op together
    with cache.database.reader() as session:
        saved = session.scalars(select(Note.text)).all()
    assert "saved before the disk filled up" in saved


def test_a_photo_file_that_does_not_fit_is_the_same_refusal(
    cache: LocalCache, schedule: Schedule, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(MediaFiles, "put", no_space)

    with pytest.raises(DeviceStorageFullError):
        cache.changes.media.stage_photo(PNG_1X1, "IMG_0001.png")
    with pytest.raises(DeviceStorageFullError):
        cache.changes.media.add_photo(schedule.job_ids[0], PNG_1X1, "IMG_0002.png")
    assert counts(cache) == (0, 0)


def test_other_database_errors_are_not_called_a_full_disk(cache: LocalCache) -> None:
    from wb_desktop.core.store.disk_full import is_disk_full

    assert not is_disk_full(sqlite3.OperationalError("database is locked"))
    assert not is_disk_full(OSError(errno.EACCES, "Permission denied"))
    assert is_disk_full(OSError(errno.ENOSPC, "No space left on device"))
