"""The storage quota: database plus media, a warning at 80 %, a clear refusal beyond 100 %.

A second cache is opened on the fixture's profile with a quota computed from the current
usage, so the limits sit just where each test needs them. SQLite's WAL grows by a few dozen
KB per write, so the margins below are a few hundred KB against photos of 1 MiB.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import select

from tests.conftest import PNG_1X1
from wb_desktop.core.domain.errors import QuotaExceededError, format_bytes
from wb_desktop.core.store.cache import LocalCache, open_cache
from wb_desktop.core.store.models import Base, Customer, Note, OutboxOp, Photo
from wb_desktop.core.store.quota import DEFAULT_QUOTA_BYTES, StorageQuota, StorageUsage

MIB = 1024 * 1024
KIB = 1024
MARGIN = 300 * KIB  # room for several small writes, far less than a photo
WARNING = re.compile(
    r"^Storage (\d+)% full \((.+) of (.+)\)\. Sync soon; new photos are refused at 100 %\.$"
)


def big_photo(tag: bytes, size: int = MIB) -> bytes:
    """A valid PNG of ``size`` bytes (sniffing looks at the signature only)."""
    body = PNG_1X1 + tag
    return body + b"\x00" * (size - len(body))


def dump(cache: LocalCache) -> dict[str, list[tuple[Any, ...]]]:
    with cache.database.reader() as session:
        return {
            table.name: sorted((tuple(row) for row in session.execute(select(table))), key=repr)
            for table in Base.metadata.sorted_tables
        }


def media_listing(cache: LocalCache) -> list[str]:
    root = cache.paths.media
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def rows(cache: LocalCache, model: type) -> list[Any]:
    with cache.database.reader() as session:
        return list(session.scalars(select(model)))


@pytest.fixture
def reopen(cache, profile, clock) -> Iterator[Callable[[int], LocalCache]]:
    """Open the fixture's profile again with another quota (the same files, so same usage)."""
    opened: list[LocalCache] = []

    def _open(quota_bytes: int) -> LocalCache:
        other = open_cache(profile, clock, quota_bytes=quota_bytes, busy_timeout_ms=500)
        opened.append(other)
        return other

    yield _open
    for other in opened:
        other.close()


# --- usage ----------------------------------------------------------------------------------


def database_file_bytes(cache: LocalCache) -> int:
    db, wal, _shm = cache.paths.database_files()
    return sum(p.stat().st_size for p in (db, wal) if p.exists())


def test_usage_counts_database_files_and_media(cache, schedule):
    job = schedule.job_ids[0]
    usage = cache.storage_usage()
    assert usage.database_bytes == database_file_bytes(cache) > 0
    assert usage.media_bytes == 0
    assert usage.limit_bytes == DEFAULT_QUOTA_BYTES == 100 * MIB
    assert usage.used_bytes == usage.database_bytes

    photo = big_photo(b"a", 200 * KIB)
    cache.changes.media.add_photo(job, photo, "a.png")
    usage = cache.storage_usage()
    assert usage.media_bytes == len(photo)
    assert usage.database_bytes == database_file_bytes(cache)
    assert usage.used_bytes == usage.database_bytes + len(photo)

    # The same image on another job is one file on disk, so it is counted once.
    cache.changes.media.add_photo(schedule.job_ids[1], photo, "a.png")
    assert cache.storage_usage().media_bytes == len(photo)

    strokes = [[[0, 0, 0.5, 0], [40, 5, 0.5, 10]]]
    cache.changes.media.add_signature(job, "Karin", strokes, PNG_1X1)
    assert cache.storage_usage().media_bytes == len(photo) + len(PNG_1X1)
    media_on_disk = sum((cache.paths.media / p).stat().st_size for p in media_listing(cache))
    assert cache.storage_usage().media_bytes == media_on_disk


def test_quota_must_be_positive(profile):
    for limit in (0, -1):
        with pytest.raises(ValueError, match="positive"):
            StorageQuota(profile, limit)


# --- the warning ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("used", "limit", "expected"),
    [
        (79, 100, None),
        (7999, 10_000, None),
        (80, 100, "Storage 80% full (80 bytes of 100 bytes)."),
        (95, 100, "Storage 95% full (95 bytes of 100 bytes)."),
        (100, 100, "Storage 100% full (100 bytes of 100 bytes)."),
        (80 * MIB, 100 * MIB, "Storage 80% full (80.0 MB of 100.0 MB)."),
    ],
)
def test_warning_from_80_percent(used, limit, expected):
    usage = StorageUsage(database_bytes=used - used // 4, media_bytes=used // 4, limit_bytes=limit)
    if expected is None:
        assert usage.warning is None
    else:
        assert usage.warning == f"{expected} Sync soon; new photos are refused at 100 %."


def test_no_warning_with_room_to_spare(cache, schedule):
    receipt = cache.changes.jobs.add_note(schedule.job_ids[0], "plenty of room")
    assert receipt.storage_warning is None
    assert cache.storage_usage().warning is None


def test_warning_is_reported_on_writes_above_80_percent(cache, schedule, reopen):
    used = cache.storage_usage().used_bytes
    quota = int(used / 0.82)  # 82 % full now, with room for a note
    tight = reopen(quota)
    assert tight.storage_usage().ratio == pytest.approx(used / quota)

    receipt = tight.changes.jobs.add_note(schedule.job_ids[0], "still fits")
    assert receipt.changed
    match = WARNING.match(receipt.storage_warning or "")
    assert match is not None, receipt.storage_warning
    assert 82 <= int(match.group(1)) <= 100
    assert match.group(3) == format_bytes(quota)
    usage = tight.storage_usage()
    assert usage.limit_bytes == quota
    assert usage.warning is not None
    assert WARNING.match(usage.warning)


def test_below_80_percent_there_is_no_warning(cache, schedule, reopen):
    quota = int(cache.storage_usage().used_bytes / 0.6)
    receipt = reopen(quota).changes.jobs.add_note(schedule.job_ids[0], "fine")
    assert receipt.changed
    assert receipt.storage_warning is None


# --- the refusal ----------------------------------------------------------------------------


def test_photo_beyond_the_quota_is_refused_and_nothing_is_lost(cache, schedule, reopen):
    job = schedule.job_ids[0]
    # Saved before: a customer, a note and a small photo.
    customer = cache.changes.customers.create({"name": "Ada"})
    note = cache.changes.jobs.add_note(job, "before the quota bit")
    small = cache.changes.media.add_photo(job, big_photo(b"small", 50 * KIB), "small.png")
    files_before = media_listing(cache)
    assert len(files_before) == 1

    before_usage = cache.storage_usage()
    quota = before_usage.used_bytes + MARGIN
    tight = reopen(quota)
    before = dump(tight)

    with pytest.raises(QuotaExceededError) as caught:
        tight.changes.media.add_photo(job, big_photo(b"big"), "big.png")
    error = caught.value
    assert error.limit_bytes == quota
    assert error.used_bytes + error.needed_bytes > quota
    assert error.used_bytes + error.needed_bytes >= before_usage.used_bytes + MIB
    assert str(error).startswith("Storage full: ")
    assert f"of {format_bytes(quota)} used" in str(error)
    assert "Nothing was saved." in str(error)

    # Nothing written, no file left behind, and everything saved before is still there.
    assert dump(tight) == before
    assert media_listing(tight) == files_before
    assert customer.record_id in {c.id for c in rows(tight, Customer)}
    assert [n.id for n in rows(tight, Note)] == [note.record_id]
    assert [p.id for p in rows(tight, Photo)] == [small.record_id]
    assert (tight.paths.media / files_before[0]).stat().st_size == 50 * KIB
    assert [op.seq for op in rows(tight, OutboxOp)] == [1, 2, 3]

    # A note that fits still works after the refused photo, and takes the next seq.
    after = tight.changes.jobs.add_note(job, "small things still fit")
    assert after.changed
    assert after.seq == 4
    assert {n.text for n in rows(tight, Note)} == {
        "before the quota bit",
        "small things still fit",
    }


def test_a_photo_that_fits_is_counted_once(cache, schedule, reopen):
    """A photo is its file size plus a little: with room for one photo, one photo fits."""
    job = schedule.job_ids[0]
    quota = cache.storage_usage().used_bytes + MIB + MARGIN
    tight = reopen(quota)

    first = tight.changes.media.add_photo(job, big_photo(b"one"), "one.png")
    assert first.changed
    assert tight.storage_usage().media_bytes == MIB
    assert first.storage_warning is not None  # over 80 % now

    files = media_listing(tight)
    with pytest.raises(QuotaExceededError):
        tight.changes.media.add_photo(job, big_photo(b"two"), "two.png")
    assert media_listing(tight) == files
    assert [p.id for p in rows(tight, Photo)] == [first.record_id]


def test_adding_an_image_already_stored_needs_no_new_space(cache, schedule, reopen):
    photo = big_photo(b"shared")
    cache.changes.media.add_photo(schedule.job_ids[0], photo, "a.png")
    tight = reopen(cache.storage_usage().used_bytes + MARGIN)
    receipt = tight.changes.media.add_photo(schedule.job_ids[1], photo, "a.png")
    assert receipt.changed
    assert tight.storage_usage().media_bytes == MIB
    assert len(media_listing(tight)) == 1


def test_when_storage_is_full_every_write_is_refused_and_nothing_is_written(
    cache, schedule, reopen
):
    used = cache.storage_usage().used_bytes
    full = reopen(used)  # exactly full
    assert full.storage_usage().ratio == pytest.approx(1.0)
    before = dump(full)
    job = schedule.job_ids[0]
    strokes = [[[0, 0, 0.5, 0], [40, 5, 0.5, 10]]]
    writes = [
        lambda: full.changes.jobs.add_note(job, "n"),
        lambda: full.changes.customers.create({"name": "Ada"}),
        lambda: full.changes.jobs.set_status(job, "en_route"),
        lambda: full.changes.media.add_signature(job, "Karin", strokes, PNG_1X1),
        lambda: full.changes.time.clock_in(job),
    ]
    for write in writes:
        with pytest.raises(QuotaExceededError) as caught:
            write()
        assert caught.value.limit_bytes == used
        assert caught.value.needed_bytes > 0
    assert dump(full) == before
    assert media_listing(full) == []


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 bytes"),
        (1023, "1023 bytes"),
        (1024, "1.0 KB"),
        (1536, "1.5 KB"),
        (100 * MIB, "100.0 MB"),
        (5 * 1024 * MIB, "5.0 GB"),
        (2048 * 1024 * MIB, "2048.0 GB"),
    ],
)
def test_format_bytes(size, text):
    assert format_bytes(size) == text


def test_quota_error_message():
    error = QuotaExceededError(used_bytes=95 * MIB, needed_bytes=8 * MIB, limit_bytes=100 * MIB)
    assert str(error) == (
        "Storage full: 95.0 MB of 100.0 MB used and this needs 8.0 MB more. Nothing was saved. "
        "Sync and free space (synced photos can be removed from the device) or ask support to "
        "raise the quota."
    )
    assert (error.used_bytes, error.needed_bytes, error.limit_bytes) == (
        95 * MIB,
        8 * MIB,
        100 * MIB,
    )
