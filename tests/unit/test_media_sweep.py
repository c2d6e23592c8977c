"""The media sweep at close waits for photo decoding: a file still being decoded is about
to be attached and must stay; once decoding is done, unattached files go."""

from __future__ import annotations

from tests.conftest import PNG_1X1
from tests.unit.test_quota import media_listing
from wb_desktop.app.media_sweep import MediaSweep
from wb_desktop.core.store.cache import LocalCache


class Decoding:
    def __init__(self, done: bool) -> None:
        self.done = done
        self.waited: list[int] = []

    def wait_for_done(self, msecs: int = -1) -> bool:
        self.waited.append(msecs)
        return self.done


def test_unattached_files_are_swept_once_decoding_is_done(cache: LocalCache) -> None:
    cache.changes.media.stage_photo(PNG_1X1, "tap.png")
    decoding = Decoding(done=True)

    MediaSweep(cache, decoding, wait_ms=250).run()

    assert decoding.waited == [250]
    assert media_listing(cache) == []


def test_files_stay_while_decoding_still_runs(cache: LocalCache) -> None:
    staged = cache.changes.media.stage_photo(PNG_1X1, "tap.png")

    MediaSweep(cache, Decoding(done=False)).run()

    assert media_listing(cache) == [staged.stored.relative_path]
