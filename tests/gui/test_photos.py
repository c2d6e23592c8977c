"""Photos on a job: importing, refusing bad files, the strip, the viewer and the camera inbox."""

from __future__ import annotations

import hashlib
import random
import warnings
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage, QPainter
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.conftest import Schedule
from tests.gui.waiting import settle
from tests.unit.test_media_reading import exif_segment, with_exif
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.paths import DataPaths, ProfilePaths
from wb_desktop.core.store.cache import LocalCache, open_cache
from wb_desktop.core.store.models import Photo
from wb_desktop.core.store.models.sync import OutboxOp
from wb_desktop.core.store.seed import add_server_customer, add_server_job
from wb_desktop.ui.photos.importer import PhotoImporter
from wb_desktop.ui.photos.inbox_bridge import InboxBridge
from wb_desktop.ui.photos.strip import PhotoStrip
from wb_desktop.ui.theme import TOUCH_TARGET_PX, apply_theme
from wb_desktop.ui.workday import Workday
from wb_server.demo_data import make_noise_png, make_png

STOCKHOLM = ZoneInfo("Europe/Stockholm")
WAIT_MS = 10_000


def jpeg_bytes(width: int, height: int, colour: str = "#2a6fb0") -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    painter = QPainter(image)
    painter.fillRect(0, 0, width // 3, height // 3, QColor("#f0c020"))  # a corner to orient by
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 90)
    return bytes(buffer.data().data())


def damaged_jpeg() -> bytes:
    """Starts and ends like a JPEG (so it is not 'truncated'), but its inside is noise."""
    return b"\xff\xd8\xff\xdb" + random.Random(7).randbytes(4000) + b"\xff\xd9"


class Recorder:
    """What an importer reported, in order."""

    def __init__(self, importer: PhotoImporter) -> None:
        self.imported: list[str] = []
        self.refused: list[str] = []
        importer.imported.connect(lambda _job, photo: self.imported.append(photo))
        importer.refused.connect(self.refused.append)


def run_import(qtbot: QtBot, importer: PhotoImporter, job_id: str, paths: list[Path]) -> None:
    with qtbot.waitSignal(importer.finished, timeout=WAIT_MS) as finished:
        importer.import_files(job_id, paths)
    assert finished.args == [job_id]


def photos_on(cache: LocalCache, job_id: str) -> list[Photo]:
    with cache.database.reader() as session:
        rows = session.scalars(select(Photo).where(Photo.job_id == job_id)).all()
        return sorted(rows, key=lambda p: p.original_name)


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.fixture
def workday(qtbot: QtBot, cache: LocalCache, clock: FixedClock, schedule: Schedule) -> Workday:
    return Workday(cache, clock, STOCKHOLM, technician_id=None)


@pytest.fixture
def importer(workday: Workday) -> Iterator[PhotoImporter]:
    made = PhotoImporter(workday)
    yield made
    made.wait_for_done()


@pytest.fixture
def picked(tmp_path: Path) -> Path:
    return tmp_path / "camera"


def test_good_photos_are_imported_with_their_size(
    qtbot: QtBot, importer: PhotoImporter, cache: LocalCache, schedule: Schedule, picked: Path
) -> None:
    job_id = schedule.job_ids[0]
    recorder = Recorder(importer)
    jpeg = write(picked, "IMG_0001.jpg", jpeg_bytes(64, 48))
    png = write(picked, "meter.png", make_png((10, 20, 30), (200, 210, 220)))
    run_import(qtbot, importer, job_id, [jpeg, png])

    assert recorder.refused == []
    assert len(recorder.imported) == 2
    first, second = photos_on(cache, job_id)
    assert (first.original_name, first.width, first.height) == ("IMG_0001.jpg", 64, 48)
    assert first.content_type == "image/jpeg"
    assert first.taken_at is None
    assert (second.original_name, second.content_type) == ("meter.png", "image/png")
    assert (second.width, second.height) == (64, 48)
    assert cache.media.absolute(first.stored_path).read_bytes() == jpeg.read_bytes()


def test_an_exif_rotated_jpeg_is_stored_upright_with_its_local_time(
    qtbot: QtBot, importer: PhotoImporter, cache: LocalCache, schedule: Schedule, picked: Path
) -> None:
    job_id = schedule.job_ids[0]
    data = with_exif(jpeg_bytes(80, 40), exif_segment(6, "2026:11:22 15:45:00"))
    source = write(picked, "IMG_0002.jpg", data)
    mtime = source.stat().st_mtime_ns
    run_import(qtbot, importer, job_id, [source])

    (photo,) = photos_on(cache, job_id)
    assert (photo.width, photo.height) == (40, 80)
    assert photo.taken_at == datetime(2026, 11, 22, 14, 45, tzinfo=UTC)
    assert source.read_bytes() == data
    assert source.stat().st_mtime_ns == mtime


def test_the_same_photo_twice_is_stored_once(
    qtbot: QtBot, importer: PhotoImporter, cache: LocalCache, schedule: Schedule, picked: Path
) -> None:
    job_id = schedule.job_ids[0]
    recorder = Recorder(importer)
    data = jpeg_bytes(32, 32)
    original = write(picked, "IMG_0003.jpg", data)
    copy = write(picked / "again", "IMG_0003 (1).jpg", data)
    run_import(qtbot, importer, job_id, [original])
    run_import(qtbot, importer, job_id, [copy])

    assert len(photos_on(cache, job_id)) == 1
    assert len(recorder.imported) == 1
    assert recorder.refused == ["'IMG_0003 (1).jpg' is already attached to this job"]

    run_import(qtbot, importer, schedule.job_ids[1], [copy])  # another job may have it too
    assert len(photos_on(cache, schedule.job_ids[1])) == 1


def test_bad_files_are_refused_one_by_one_and_the_good_ones_still_import(
    qtbot: QtBot, importer: PhotoImporter, cache: LocalCache, schedule: Schedule, picked: Path
) -> None:
    job_id = schedule.job_ids[0]
    recorder = Recorder(importer)
    good = jpeg_bytes(48, 48)
    files = {
        "good.jpg": good,
        "notes.jpg": b"Gate code 1234, dog in the garden\n",
        "IMG_0042.jpg": jpeg_bytes(64, 64)[:-300],
        "damaged.jpg": damaged_jpeg(),
        "also-good.png": make_png((1, 1, 1), (9, 9, 9)),
    }
    paths = [write(picked, name, data) for name, data in files.items()]
    run_import(qtbot, importer, job_id, [*paths, picked / "gone.jpg"])

    stored = sorted(p.original_name for p in photos_on(cache, job_id))
    assert stored == ["also-good.png", "good.jpg"]
    assert sorted(recorder.refused) == [
        "'IMG_0042.jpg' is cut off (truncated); copy it from the camera again",
        "'damaged.jpg' is damaged and cannot be shown; copy it from the camera again",
        "'gone.jpg' is no longer there; it may have been moved or deleted",
        "'notes.jpg' is not a photo (JPEG, PNG, WebP or HEIC expected)",
    ]
    for name, data in files.items():
        assert (picked / name).read_bytes() == data


def test_a_full_quota_refuses_the_photo_and_changes_nothing(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, picked: Path
) -> None:
    profile: ProfilePaths = DataPaths(tmp_path / "small").profile("anna")
    probe = open_cache(profile, clock)
    with probe.database.writer() as session, session.begin():
        customer = add_server_customer(session, clock.now(), "Karin Lund")
        job_id = add_server_job(session, clock.now(), customer, "Boiler", clock.now()).id
    used = probe.storage_usage().used_bytes
    probe.close()
    small = open_cache(profile, clock, quota_bytes=used + 40_000)
    try:
        workday = Workday(small, clock, STOCKHOLM, technician_id=None)
        importer = PhotoImporter(workday)
        recorder = Recorder(importer)
        big = write(picked, "IMG_0100.png", make_noise_png(5, 120_000))
        with small.database.reader() as session:
            ops_before = session.scalar(select(func.count()).select_from(OutboxOp))
        run_import(qtbot, importer, job_id, [big])

        assert recorder.imported == []
        assert len(recorder.refused) == 1
        assert recorder.refused[0].startswith("Storage full:")
        assert "Nothing was saved" in recorder.refused[0]
        assert photos_on(small, job_id) == []
        with small.database.reader() as session:
            assert session.scalar(select(func.count()).select_from(OutboxOp)) == ops_before
        assert [p for p in profile.media.rglob("*") if p.is_file()] == []
        assert small.storage_usage().media_bytes == 0
    finally:
        small.close()


def make_strip(qtbot: QtBot, workday: Workday) -> PhotoStrip:
    strip = PhotoStrip(workday)
    qtbot.addWidget(strip)
    strip.resize(900, 300)
    strip.show()
    qtbot.waitExposed(strip)
    return strip


def drop_files(strip: PhotoStrip, paths: list[Path]) -> tuple[bool, bool]:
    """Drag ``paths`` over the strip and drop them; whether enter and drop were accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    with warnings.catch_warnings():
        # PySide6 offers only the QPoint constructor, which Qt marks deprecated.
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(
            QPoint(20, 20),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    QApplication.sendEvent(strip, enter)
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(strip, drop)
    return enter.isAccepted(), drop.isAccepted()


def all_thumbnails_shown(strip: PhotoStrip) -> bool:
    return all(not tile.button.icon().isNull() for tile in strip.tiles)


def test_dropping_files_on_the_strip_imports_them_and_shows_thumbnails(
    qtbot: QtBot, workday: Workday, cache: LocalCache, schedule: Schedule, picked: Path
) -> None:
    strip = make_strip(qtbot, workday)
    job_id = schedule.job_ids[0]
    strip.show_job(job_id)
    settle(qtbot, workday)
    assert strip.tiles == []
    assert strip.add_button.height() >= TOUCH_TARGET_PX

    paths = [
        write(picked, "IMG_0201.jpg", jpeg_bytes(120, 90, "#3c8d40")),
        write(picked, "IMG_0202.jpg", with_exif(jpeg_bytes(90, 60), exif_segment(6))),
        write(picked, "notes.jpg", b"not a photo"),
    ]
    with qtbot.waitSignal(strip.importer.finished, timeout=WAIT_MS):
        accepted = drop_files(strip, paths)
    settle(qtbot, workday)
    assert accepted == (True, True)

    assert len(strip.tiles) == 2
    qtbot.waitUntil(lambda: all_thumbnails_shown(strip), timeout=WAIT_MS)
    assert strip.title_label.text() == "Photos (2)"
    assert all(tile.badge.text() == "↻ Waiting to upload" for tile in strip.tiles)
    assert all(tile.button.height() >= TOUCH_TARGET_PX for tile in strip.tiles)
    assert strip.message_label.isVisible()
    assert "'notes.jpg' is not a photo" in strip.message_label.text()
    assert strip.message_label.property("role") == "error"
    assert len(photos_on(cache, job_id)) == 2


def test_a_second_import_keeps_the_tiles_already_shown(
    qtbot: QtBot, workday: Workday, schedule: Schedule, picked: Path
) -> None:
    strip = make_strip(qtbot, workday)
    strip.show_job(schedule.job_ids[0])
    settle(qtbot, workday)
    first = write(picked, "IMG_0401.jpg", jpeg_bytes(40, 30, "#aa3322"))
    with qtbot.waitSignal(strip.importer.finished, timeout=WAIT_MS):
        strip.add_files([first])
    settle(qtbot, workday)
    shown = strip.tiles

    later = [write(picked, f"IMG_04{n}.jpg", jpeg_bytes(40, 30, f"#11{n}{n}44")) for n in (2, 3)]
    with qtbot.waitSignal(strip.importer.finished, timeout=WAIT_MS):
        strip.add_files(later)
    settle(qtbot, workday)

    assert len(strip.tiles) == 3
    assert strip.tiles[0] is shown[0]
    assert [tile.row.original_name for tile in strip.tiles] == [
        "IMG_0401.jpg",
        "IMG_042.jpg",
        "IMG_043.jpg",
    ]
    qtbot.mouseClick(strip.tiles[2].button, Qt.MouseButton.LeftButton)
    assert strip.viewer is not None and strip.viewer.index == 2
    strip.viewer.close()


def test_without_a_job_nothing_can_be_added(qtbot: QtBot, workday: Workday, picked: Path) -> None:
    strip = make_strip(qtbot, workday)
    assert not strip.add_button.isEnabled()
    assert drop_files(strip, [write(picked, "IMG_0300.jpg", jpeg_bytes(8, 8))]) == (False, False)
    assert strip.add_files([picked / "IMG_0300.jpg"]) is False
    assert strip.message_label.text() == "Open a job before adding photos."


def test_add_photos_uses_the_file_dialog(
    qtbot: QtBot,
    workday: Workday,
    cache: LocalCache,
    schedule: Schedule,
    picked: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    strip = make_strip(qtbot, workday)
    job_id = schedule.job_ids[1]
    strip.show_job(job_id)
    settle(qtbot, workday)
    chosen = [str(write(picked, f"IMG_04{n}.jpg", jpeg_bytes(20 + n, 20))) for n in range(2)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: (chosen, ""))
    with qtbot.waitSignal(strip.importer.finished, timeout=WAIT_MS):
        qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, workday)
    assert len(photos_on(cache, job_id)) == 2
    assert len(strip.tiles) == 2


def test_stored_photos_load_their_thumbnails_and_badges_follow_sync(
    qtbot: QtBot, workday: Workday, cache: LocalCache, schedule: Schedule
) -> None:
    job_id = schedule.job_ids[0]
    for n, colour in enumerate(("#b03030", "#3060b0", "#30a060", "#c0a020")):
        data = jpeg_bytes(160, 120, colour)
        receipt = cache.changes.media.add_photo(job_id, data, f"site-{n}.jpg", width=160)
        if n == 1:
            with cache.database.writer() as session, session.begin():
                photo = session.get(Photo, receipt.record_id)
                photo.upload_state = "uploading"
                photo.uploaded_bytes = photo.byte_size // 4
                uploading = f"↑ Uploading {photo.uploaded_bytes * 100 // photo.byte_size} %"
        if n == 2:
            with cache.database.writer() as session, session.begin():
                photo = session.get(Photo, receipt.record_id)
                photo.upload_state, photo.sync_state = "uploaded", "synced"
        if n == 3:
            with cache.database.writer() as session, session.begin():
                session.get(Photo, receipt.record_id).sync_state = "failed"
    apply_theme(QApplication.instance(), high_contrast=False)
    strip = make_strip(qtbot, workday)
    strip.show_job(job_id)
    settle(qtbot, workday)
    qtbot.waitUntil(lambda: all_thumbnails_shown(strip), timeout=WAIT_MS)
    assert [tile.badge.text() for tile in strip.tiles] == [
        "↻ Waiting to upload",
        uploading,
        "✓ Uploaded",
        "! Upload refused",
    ]
    assert [tile.badge.property("role") for tile in strip.tiles] == [
        "warning",
        "warning",
        "ok",
        "error",
    ]
    strip.grab().save("/tmp/photos.png")

    with cache.database.writer() as session, session.begin():
        for photo in session.scalars(select(Photo)):
            photo.upload_state, photo.sync_state = "uploaded", "synced"
    workday.announce(job_id)
    settle(qtbot, workday)
    assert [tile.badge.text() for tile in strip.tiles] == ["✓ Uploaded"] * 4


def test_tapping_a_thumbnail_opens_the_viewer_with_the_full_photo(
    qtbot: QtBot, workday: Workday, cache: LocalCache, schedule: Schedule
) -> None:
    job_id = schedule.job_ids[0]
    cache.changes.media.add_photo(job_id, jpeg_bytes(640, 480), "a-wide.jpg")
    rotated = with_exif(jpeg_bytes(300, 200), exif_segment(6))
    cache.changes.media.add_photo(job_id, rotated, "b-portrait.jpg")
    strip = make_strip(qtbot, workday)
    strip.show_job(job_id)
    settle(qtbot, workday)

    qtbot.mouseClick(strip.tiles[0].button, Qt.MouseButton.LeftButton)
    viewer = strip.viewer
    assert viewer is not None
    qtbot.waitUntil(lambda: viewer.isVisible() and not viewer.image.isNull(), timeout=WAIT_MS)
    assert (viewer.image.width(), viewer.image.height()) == (640, 480)
    assert viewer.title_label.text() == "1 of 2 — a-wide.jpg"
    assert not viewer.image_label.pixmap().isNull()
    assert not viewer.previous_button.isEnabled()
    for button in (viewer.previous_button, viewer.next_button, viewer.close_button):
        assert button.height() >= TOUCH_TARGET_PX

    qtbot.mouseClick(viewer.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not viewer.image.isNull(), timeout=WAIT_MS)
    assert viewer.index == 1
    assert (viewer.image.width(), viewer.image.height()) == (200, 300)
    assert not viewer.next_button.isEnabled()
    viewer.grab().save("/tmp/photos-viewer.png")
    qtbot.mouseClick(viewer.close_button, Qt.MouseButton.LeftButton)
    assert not viewer.isVisible()


def test_the_camera_inbox_attaches_new_photos_to_the_open_job(
    qtbot: QtBot,
    importer: PhotoImporter,
    cache: LocalCache,
    schedule: Schedule,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "camera-inbox"
    open_job: list[str | None] = [schedule.job_ids[0]]
    bridge = InboxBridge(folder, importer, lambda: open_job[0], settle_seconds=0.1)
    bridge.start()
    try:
        data = jpeg_bytes(50, 40)
        with qtbot.waitSignal(importer.finished, timeout=WAIT_MS) as finished:
            write(folder, "IMG_0500.jpg", data)
        assert finished.args == [schedule.job_ids[0]]
        (photo,) = photos_on(cache, schedule.job_ids[0])
        assert photo.original_name == "IMG_0500.jpg"
        assert photo.sha256 == hashlib.sha256(data).hexdigest()
        assert (folder / "IMG_0500.jpg").read_bytes() == data  # left where it was

        open_job[0] = None
        with qtbot.waitSignal(bridge.message, timeout=WAIT_MS) as told:
            write(folder, "IMG_0501.jpg", jpeg_bytes(30, 30))
        assert told.args == ["Open a job to attach photo IMG_0501.jpg from the camera inbox"]
        assert (folder / "IMG_0501.jpg").exists()
        assert bridge.waiting == [folder / "IMG_0501.jpg"]

        with qtbot.waitSignal(importer.finished, timeout=WAIT_MS):
            assert bridge.attach_waiting(schedule.job_ids[1]) == 1
        assert [p.original_name for p in photos_on(cache, schedule.job_ids[1])] == ["IMG_0501.jpg"]
    finally:
        bridge.stop()
