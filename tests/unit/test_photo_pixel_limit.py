"""A pixel bomb picked as a photo: the importer says "too large", never "damaged", and
refuses it from the header, before Qt decodes anything; a camera photo still imports."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from tests.conftest import Schedule
from tests.unit.test_media_reading import zero_png
from wb_desktop.core.domain.images import ImageFormat, TooManyPixelsError
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.models import Photo
from wb_desktop.ui.messages import translated
from wb_desktop.ui.photos import decode as decode_module
from wb_desktop.ui.photos.decode import DecodedPhoto
from wb_desktop.ui.photos.importer import AttachedPhoto, import_photo
from wb_server.demo_data import make_png

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _photos(cache: LocalCache, job_id: str) -> list[str]:
    with cache.database.reader() as session:
        return list(session.scalars(select(Photo.original_name).where(Photo.job_id == job_id)))


def test_a_pixel_bomb_is_refused_as_too_large_before_it_is_decoded(
    cache: LocalCache, schedule: Schedule, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    job_id = schedule.job_ids[0]
    path = tmp_path / "IMG_9999.png"
    path.write_bytes(zero_png(30_000, 30_000))
    decoded: list[str] = []
    real_decode = decode_module.decode_photo

    def decode_photo(data: bytes, name: str, image_format: ImageFormat) -> DecodedPhoto:
        decoded.append(name)
        return real_decode(data, name, image_format)

    monkeypatch.setattr("wb_desktop.ui.photos.importer.decode_photo", decode_photo)

    outcome = import_photo(path, job_id, STOCKHOLM, cache.changes)

    assert isinstance(outcome, TooManyPixelsError)
    assert decoded == []
    assert [translated(problem.message) for problem in outcome.problems] == [
        "'IMG_9999.png' is 30000 × 30000 pixels; photos up to 100 megapixels are accepted"
    ]
    assert _photos(cache, job_id) == []


def test_a_normal_photo_still_imports(
    cache: LocalCache, schedule: Schedule, tmp_path: Path
) -> None:
    job_id = schedule.job_ids[0]
    path = tmp_path / "meter.png"
    path.write_bytes(make_png((10, 20, 30), (200, 210, 220)))

    outcome = import_photo(path, job_id, STOCKHOLM, cache.changes)

    assert isinstance(outcome, AttachedPhoto)
    assert (outcome.photo.width, outcome.photo.height) == (64, 48)
    assert _photos(cache, job_id) == ["meter.png"]


def test_the_store_refuses_a_pixel_bomb_too(cache: LocalCache, schedule: Schedule) -> None:
    """Whatever adds a photo (a scenario's import_photo, a future importer) gets the check."""
    with pytest.raises(TooManyPixelsError):
        cache.changes.media.add_photo(schedule.job_ids[0], zero_png(12_000, 9_000), "x.png")
    assert _photos(cache, schedule.job_ids[0]) == []
