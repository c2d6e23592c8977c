"""Photos staged off the GUI thread: the file first, the row later, and no file left behind
that no row refers to."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.conftest import PNG_1X1, Schedule
from tests.unit.test_quota import big_photo, media_listing
from wb_desktop.core.domain.errors import NotFoundError, ValidationError
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.models import MediaFile, OutboxOp, Photo


def count(cache: LocalCache, model: type) -> int:
    with cache.database.reader() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_staging_writes_the_file_and_nothing_else(cache: LocalCache) -> None:
    staged = cache.changes.media.stage_photo(PNG_1X1, "tap.png")

    assert media_listing(cache) == [staged.stored.relative_path]
    assert (count(cache, Photo), count(cache, MediaFile), count(cache, OutboxOp)) == (0, 0, 0)


def test_an_attached_staged_photo_is_a_photo_with_its_op(
    cache: LocalCache, schedule: Schedule
) -> None:
    staged = cache.changes.media.stage_photo(PNG_1X1, "tap.png")

    receipt = cache.changes.media.attach_photo(schedule.job_ids[0], staged, width=1, height=1)

    assert receipt.changed
    assert (count(cache, Photo), count(cache, MediaFile), count(cache, OutboxOp)) == (1, 1, 1)
    assert cache.sweep_media() == 0
    assert media_listing(cache) == [staged.stored.relative_path]


def test_a_staged_photo_never_attached_is_swept(cache: LocalCache, schedule: Schedule) -> None:
    kept = cache.changes.media.add_photo(schedule.job_ids[0], big_photo(b"kept", 2048), "a.png")
    cache.changes.media.stage_photo(big_photo(b"orphan", 2048), "b.png")
    interrupted = cache.paths.media / "photos" / "ab" / ".abc.png.1234.part"
    interrupted.parent.mkdir(parents=True, exist_ok=True)
    interrupted.write_bytes(b"half a photo")

    assert cache.sweep_media() == 2

    with cache.database.reader() as session:
        registered = session.scalars(select(MediaFile.relative_path)).all()
    assert media_listing(cache) == list(registered)
    assert kept.changed


def test_a_refused_attach_removes_the_file_it_staged(cache: LocalCache) -> None:
    staged = cache.changes.media.stage_photo(PNG_1X1, "tap.png")

    with pytest.raises(NotFoundError):
        cache.changes.media.attach_photo("no-such-job", staged)

    assert media_listing(cache) == []


def test_a_refused_attach_keeps_a_file_another_photo_uses(
    cache: LocalCache, schedule: Schedule
) -> None:
    cache.changes.media.add_photo(schedule.job_ids[0], PNG_1X1, "tap.png")
    staged = cache.changes.media.stage_photo(PNG_1X1, "tap again.png")

    with pytest.raises(NotFoundError):
        cache.changes.media.attach_photo("no-such-job", staged)

    assert media_listing(cache) == [staged.stored.relative_path]


def test_a_file_swept_after_staging_is_written_again_on_attach(
    cache: LocalCache, schedule: Schedule
) -> None:
    staged = cache.changes.media.stage_photo(PNG_1X1, "tap.png")
    cache.sweep_media()
    assert media_listing(cache) == []

    cache.changes.media.attach_photo(schedule.job_ids[0], staged)

    assert media_listing(cache) == [staged.stored.relative_path]
    path = cache.media.absolute(staged.stored.relative_path)
    assert path.read_bytes() == PNG_1X1


def test_staging_refuses_what_is_not_a_photo_and_writes_nothing(cache: LocalCache) -> None:
    with pytest.raises(ValidationError, match="is not a photo"):
        cache.changes.media.stage_photo(b"%PDF-1.7 not a photo", "invoice.pdf")

    assert media_listing(cache) == []
