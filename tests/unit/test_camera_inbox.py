"""The camera inbox on a real folder watcher: complete files only, once, and a clean stop."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from wb_desktop.core.media.inbox import CameraInbox, is_inbox_image
from wb_desktop.core.media.reading import PhotoProblem

SETTLE_S = 0.2
GROWING_SETTLE_S = 0.5  # generous, so a slow machine never sees a pause mid-copy
PART = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 16
WAIT_S = 10.0


class Reports:
    """Collects reports from the watcher's threads; each report sets an event."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.paths: list[Path] = []
        self.sizes: list[int] = []
        self.events = [threading.Event() for _ in range(10)]

    def __call__(self, path: Path) -> None:
        with self.lock:
            self.paths.append(path)
            self.sizes.append(path.stat().st_size)
            self.events[len(self.paths) - 1].set()

    def wait_for(self, count: int, timeout: float = WAIT_S) -> bool:
        return self.events[count - 1].wait(timeout)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "camera-inbox"


@pytest.fixture
def reports() -> Reports:
    return Reports()


@pytest.fixture
def inbox(folder: Path, reports: Reports) -> Iterator[CameraInbox]:
    watched = CameraInbox(folder, reports, settle_seconds=SETTLE_S)
    watched.start()
    yield watched
    watched.stop()


def test_a_file_written_in_parts_is_reported_once_when_complete(
    folder: Path, reports: Reports
) -> None:
    watched = CameraInbox(folder, reports, settle_seconds=GROWING_SETTLE_S)
    watched.start()
    target = folder / "IMG_0001.JPG"
    try:
        with target.open("wb") as handle:
            for _ in range(6):
                handle.write(PART)
                handle.flush()
                # Well inside the settle interval: still growing, so not reported yet.
                assert not reports.wait_for(1, timeout=GROWING_SETTLE_S / 10)
        assert reports.wait_for(1)
        assert reports.paths == [target]
        assert reports.sizes == [len(PART) * 6]

        with target.open("ab") as handle:  # touched again after the report: still only once
            handle.write(b"\x00")
        assert not reports.wait_for(2, timeout=GROWING_SETTLE_S * 2)
    finally:
        watched.stop()
    assert reports.paths == [target]


def test_temporary_hidden_and_other_files_are_ignored_until_renamed(
    inbox: CameraInbox, folder: Path, reports: Reports
) -> None:
    for name in ("IMG_0002.jpg.tmp", "~IMG_0003.jpg", ".IMG_0004.jpg", "notes.txt", "x.part"):
        (folder / name).write_bytes(PART)
    (folder / "DCIM").mkdir()
    (folder / "DCIM" / "IMG_0005.jpg").write_bytes(PART)  # not in the inbox itself
    (folder / "IMG_0002.jpg.tmp").rename(folder / "IMG_0002.jpg")
    assert reports.wait_for(1)
    (folder / "sentinel.png").write_bytes(PART)
    assert reports.wait_for(2)
    assert not reports.wait_for(3, timeout=SETTLE_S * 2)
    assert reports.paths == [folder / "IMG_0002.jpg", folder / "sentinel.png"]


def test_an_empty_file_is_not_reported(inbox: CameraInbox, folder: Path, reports: Reports) -> None:
    (folder / "IMG_0006.jpg").touch()
    assert not reports.wait_for(1, timeout=SETTLE_S * 3)
    (folder / "IMG_0006.jpg").write_bytes(PART)
    assert reports.wait_for(1)


def test_stop_joins_the_watcher_and_nothing_is_reported_after_it(
    folder: Path, reports: Reports
) -> None:
    before = set(threading.enumerate())
    watched = CameraInbox(folder, reports, settle_seconds=SETTLE_S)
    watched.start()
    assert watched.running
    assert len(set(threading.enumerate()) - before) >= 1
    (folder / "IMG_0007.jpg").write_bytes(PART)  # still settling when stopped
    watched.stop()
    assert not watched.running
    assert set(threading.enumerate()) - before == set()
    (folder / "IMG_0008.jpg").write_bytes(PART)
    assert not reports.wait_for(1, timeout=SETTLE_S * 3)
    assert reports.paths == []


def test_existing_files_can_be_reported_on_start(folder: Path, reports: Reports) -> None:
    folder.mkdir(parents=True)
    (folder / "IMG_0009.jpg").write_bytes(PART)
    (folder / "IMG_0009.jpg.tmp").write_bytes(PART)
    watched = CameraInbox(folder, reports, settle_seconds=SETTLE_S, report_existing=True)
    watched.start()
    try:
        assert reports.wait_for(1)
        assert not reports.wait_for(2, timeout=SETTLE_S * 2)
    finally:
        watched.stop()
    assert reports.paths == [folder / "IMG_0009.jpg"]


def test_a_failing_callback_does_not_stop_the_inbox(folder: Path, reports: Reports) -> None:
    calls: list[Path] = []

    def flaky(path: Path) -> None:
        calls.append(path)
        if len(calls) == 1:
            raise RuntimeError("the window was busy")
        reports(path)

    watched = CameraInbox(folder, flaky, settle_seconds=SETTLE_S)
    watched.start()
    try:
        (folder / "IMG_0010.jpg").write_bytes(PART)
        (folder / "IMG_0011.jpg").write_bytes(PART)
        assert reports.wait_for(1)
    finally:
        watched.stop()
    assert len(calls) == 2


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("IMG_0001.jpg", True),
        ("IMG_0001.JPEG", True),
        ("photo.heic", True),
        ("scan.png", True),
        ("IMG_0001.jpg.tmp", False),
        ("IMG_0001.tmp.jpg", False),
        ("IMG_0001.jpg.crdownload", False),
        ("~$IMG.jpg", False),
        (".IMG_0001.jpg", False),
        ("report.pdf", False),
        ("notes", False),
    ],
)
def test_which_names_count_as_inbox_images(name: str, expected: bool) -> None:
    assert is_inbox_image(Path(name)) is expected


def test_a_file_that_stays_empty_is_reported_as_a_problem_once_and_again_when_filled(
    folder: Path, reports: Reports
) -> None:
    problems: list[tuple[Path, PhotoProblem]] = []
    told = threading.Event()

    def on_problem(path: Path, problem: PhotoProblem) -> None:
        problems.append((path, problem))
        told.set()

    watched = CameraInbox(folder, reports, settle_seconds=SETTLE_S, on_problem=on_problem)
    watched.start()
    try:
        empty = folder / "IMG_0700.jpg"
        empty.write_bytes(b"")
        assert told.wait(WAIT_S)
        assert problems == [(empty, PhotoProblem.EMPTY)]
        assert reports.paths == []  # never handed on as a photo

        empty.write_bytes(PART)  # the copy came after all: now it is a photo
        assert reports.wait_for(1)
        assert reports.paths == [empty] and problems == [(empty, PhotoProblem.EMPTY)]
    finally:
        watched.stop()


def test_a_file_that_never_opens_is_reported_unreadable_once(
    folder: Path, reports: Reports, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy tool's lock that outlasts the whole settling time (Windows): said, not lost."""
    monkeypatch.setattr("wb_desktop.core.media.inbox._can_open", lambda _path: False)
    problems: list[tuple[Path, PhotoProblem]] = []
    told = threading.Event()

    def on_problem(path: Path, problem: PhotoProblem) -> None:
        problems.append((path, problem))
        told.set()

    watched = CameraInbox(folder, reports, settle_seconds=0.005, on_problem=on_problem)
    watched.start()
    try:
        locked = folder / "IMG_0701.jpg"
        locked.write_bytes(PART)
        assert told.wait(WAIT_S)
        assert problems == [(locked, PhotoProblem.UNREADABLE)] and reports.paths == []
    finally:
        watched.stop()
