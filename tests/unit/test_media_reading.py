"""Reading picked photo files (read-only, with clear refusals) and the tiny EXIF reader."""

from __future__ import annotations

import os
import struct
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from wb_desktop.core.domain.errors import ValidationError
from wb_desktop.core.domain.images import (
    MAX_PHOTO_PIXELS,
    TooManyPixelsError,
    check_photo_bytes,
    image_size,
)
from wb_desktop.core.media.exif import exif_orientation, exif_taken_at, read_exif
from wb_desktop.core.media.reading import PhotoFileError, PhotoProblem, read_photo_file
from wb_server.demo_data import make_png

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# A minimal baseline-looking JPEG body: SOI, APP0, a stand-in scan, EOI. Structure is all the
# reader checks; decoding is the UI's job.
JFIF = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
SCAN = b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00" + bytes(range(1, 200))
JPEG = b"\xff\xd8" + JFIF + SCAN + b"\xff\xd9"


def ifd(order: str, entries: list[tuple[int, int, int, bytes]], data_start: int) -> bytes:
    """An IFD whose out-of-line values follow it; ``data_start`` is its offset in the TIFF."""
    table = struct.pack(order + "H", len(entries))
    extra = b""
    values_at = data_start + 2 + 12 * len(entries) + 4
    for tag, kind, count, value in entries:
        if len(value) <= 4:
            table += struct.pack(order + "HHI", tag, kind, count) + value.ljust(4, b"\x00")
        else:
            table += struct.pack(order + "HHII", tag, kind, count, values_at + len(extra))
            extra += value
    return table + struct.pack(order + "I", 0) + extra


def exif_segment(
    orientation: int | None = None,
    taken: str | None = None,
    offset: str | None = None,
    order: str = ">",
) -> bytes:
    """An APP1 Exif segment with IFD0 (orientation, Exif pointer) and an Exif sub-IFD."""
    mark = b"MM" if order == ">" else b"II"
    header = mark + struct.pack(order + "HI", 42, 8)
    ifd0_entries: list[tuple[int, int, int, bytes]] = []
    if orientation is not None:
        ifd0_entries.append((0x0112, 3, 1, struct.pack(order + "H", orientation)))
    sub_entries: list[tuple[int, int, int, bytes]] = []
    if taken is not None:
        sub_entries.append((0x9003, 2, len(taken) + 1, taken.encode() + b"\x00"))
    if offset is not None:
        sub_entries.append((0x9011, 2, len(offset) + 1, offset.encode() + b"\x00"))
    if sub_entries:
        ifd0_entries.append((0x8769, 4, 1, b"\x00\x00\x00\x00"))  # patched below
    ifd0 = ifd(order, ifd0_entries, 8)
    tiff = header + ifd0
    if sub_entries:
        sub_at = len(tiff)
        pointer = struct.pack(order + "I", sub_at)
        index = len(ifd0_entries) - 1
        at = 8 + 2 + 12 * index + 8
        tiff = tiff[:at] + pointer + tiff[at + 4 :] + ifd(order, sub_entries, sub_at)
    body = b"Exif\x00\x00" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def with_exif(jpeg: bytes, segment: bytes) -> bytes:
    return jpeg[:2] + segment + jpeg[2:]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- reading ---------------------------------------------------------------------------


def test_a_complete_jpeg_and_png_are_read(tmp_path: Path) -> None:
    jpeg = read_photo_file(write(tmp_path, "IMG_0001.jpg", JPEG))
    png = read_photo_file(write(tmp_path, "meter.png", make_png((0, 0, 0), (255, 255, 255))))
    assert jpeg.image_format.content_type == "image/jpeg"
    assert jpeg.data == JPEG
    assert png.image_format.content_type == "image/png"


def test_reading_leaves_the_source_untouched(tmp_path: Path) -> None:
    path = write(tmp_path, "IMG_0002.jpg", JPEG)
    past = 1_700_000_000_000_000_000
    os.utime(path, ns=(past, past))
    before = path.stat()
    read_photo_file(path)
    after = path.stat()
    assert path.read_bytes() == JPEG
    assert after.st_mtime_ns == before.st_mtime_ns == past
    assert after.st_size == before.st_size
    assert sorted(p.name for p in tmp_path.iterdir()) == ["IMG_0002.jpg"]


def test_trailing_zero_padding_after_the_end_marker_is_fine(tmp_path: Path) -> None:
    read_photo_file(write(tmp_path, "padded.jpg", JPEG + b"\x00" * 64))


@pytest.mark.parametrize(
    ("name", "data", "problem", "words"),
    [
        ("IMG_0042.jpg", JPEG[:-40], PhotoProblem.TRUNCATED, "'IMG_0042.jpg' is cut off"),
        ("IMG_0043.jpg", JPEG[:-1] + b"\x00\x00", PhotoProblem.TRUNCATED, "truncated"),
        ("chart.png", make_png((1, 2, 3), (4, 5, 6))[:-12], PhotoProblem.TRUNCATED, "cut off"),
        ("half.png", make_png((1, 2, 3), (4, 5, 6))[:60], PhotoProblem.TRUNCATED, "cut off"),
        ("notes.jpg", b"these are my notes\n", PhotoProblem.NOT_AN_IMAGE, "is not a photo"),
        ("blank.jpg", b"", PhotoProblem.EMPTY, "'blank.jpg' is empty"),
    ],
    ids=["jpeg-cut", "jpeg-no-end", "png-no-iend", "png-half-chunk", "text", "empty"],
)
def test_bad_files_are_refused_with_their_name(
    tmp_path: Path, name: str, data: bytes, problem: PhotoProblem, words: str
) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(PhotoFileError) as refused:
        read_photo_file(path)
    assert refused.value.problem is problem
    assert isinstance(refused.value, ValidationError)
    assert words in refused.value.message
    assert name in refused.value.message
    assert path.read_bytes() == data


def test_the_message_for_a_truncated_photo_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(PhotoFileError) as refused:
        read_photo_file(write(tmp_path, "IMG_0042.jpg", JPEG[:-2]))
    assert refused.value.message == (
        "'IMG_0042.jpg' is cut off (truncated); copy it from the camera again"
    )


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PhotoFileError) as refused:
        read_photo_file(tmp_path / "gone.jpg")
    assert refused.value.problem is PhotoProblem.MISSING
    assert "'gone.jpg'" in refused.value.message


def test_a_folder_is_refused_as_unreadable(tmp_path: Path) -> None:
    folder = tmp_path / "DCIM.jpg"
    folder.mkdir()
    with pytest.raises(PhotoFileError) as refused:
        read_photo_file(folder)
    assert refused.value.problem is PhotoProblem.UNREADABLE


# --- pixel bombs: too many pixels, read from the header ----------------------------------


def zero_png(width: int, height: int) -> bytes:
    """A complete, valid RGB PNG of black pixels, made in a blink however large: its rows
    are all zero bytes, and after a full flush deflate packs every MiB of zeros the same."""
    raw = height * (1 + 3 * width)  # a filter byte, then the row
    mib = 1024 * 1024
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(mib)) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = zlib.compressobj(9, zlib.DEFLATED, -15)
    rest = tail.compress(bytes(raw % mib)) + tail.flush()
    adler = ((raw % 65521) << 16) | 1  # of zeros: a stays 1, b adds 1 a byte
    idat = b"\x78\xda" + block * (raw // mib) + rest + struct.pack(">I", adler)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", idat)
        + png_chunk(b"IEND", b"")
    )


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def jpeg_declaring(width: int, height: int) -> bytes:
    """A JPEG whose frame header (after an EXIF segment) declares ``width`` × ``height``."""
    frame = b"\xff\xc0\x00\x11\x08" + struct.pack(">HH", height, width) + b"\x03" + bytes(9)
    return b"\xff\xd8" + exif_segment(1) + JFIF + frame + SCAN + b"\xff\xd9"


def webp(chunk: bytes, body: bytes) -> bytes:
    payload = b"WEBP" + chunk + struct.pack("<I", len(body)) + body
    return b"RIFF" + struct.pack("<I", len(payload)) + payload


def box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def heic_declaring(*sizes: tuple[int, int]) -> bytes:
    ispes = b"".join(box(b"ispe", bytes(4) + struct.pack(">II", *size)) for size in sizes)
    meta = box(b"meta", bytes(4) + box(b"hdlr", bytes(24)) + box(b"iprp", box(b"ipco", ispes)))
    return box(b"ftyp", b"heic" + bytes(4) + b"mif1heic") + meta + box(b"mdat", bytes(64))


def test_the_zero_png_is_a_real_png() -> None:
    data = zero_png(300, 200)
    idat_length = struct.unpack_from(">I", data, 33)[0]
    pixels = zlib.decompress(data[41 : 41 + idat_length])

    assert pixels == bytes(200 * (1 + 3 * 300))
    assert image_size(data, check_photo_bytes(data, "x.png")) == (300, 200)


def test_a_30000_by_30000_png_is_refused_as_too_large_not_damaged(tmp_path: Path) -> None:
    data = zero_png(30_000, 30_000)  # 2.6 MB that would decode to 2.7 GB
    path = write(tmp_path, "IMG_BOMB.png", data)

    with pytest.raises(TooManyPixelsError) as refused:
        read_photo_file(path)

    assert len(data) < 3 * 1024 * 1024
    assert not isinstance(refused.value, PhotoFileError)
    assert str(refused.value.problems[0].message) == (
        "'IMG_BOMB.png' is 30000 × 30000 pixels; photos up to 100 megapixels are accepted"
    )
    assert (refused.value.width, refused.value.height) == (30_000, 30_000)


@pytest.mark.parametrize(
    ("data", "size"),
    [
        (jpeg_declaring(30_000, 30_000), (30_000, 30_000)),
        (webp(b"VP8X", bytes(4) + (29_999).to_bytes(3, "little") * 2), (30_000, 30_000)),
        (webp(b"VP8 ", bytes(3) + b"\x9d\x01\x2a" + struct.pack("<HH", 16_383, 16_383)), None),
        (webp(b"VP8L", b"\x2f" + struct.pack("<I", 16_382 | 16_382 << 14)), None),
        (heic_declaring((512, 512), (20_000, 15_000)), (20_000, 15_000)),
    ],
    ids=["jpeg-sof", "webp-vp8x", "webp-vp8", "webp-vp8l", "heic-ispe"],
)
def test_every_format_declaring_too_many_pixels_is_refused(
    data: bytes, size: tuple[int, int] | None
) -> None:
    with pytest.raises(TooManyPixelsError) as refused:
        check_photo_bytes(data, "big")
    assert (refused.value.width, refused.value.height) == (size or (16_383, 16_383))


@pytest.mark.parametrize(
    ("data", "size"),
    [
        (JPEG, None),  # no frame header before the scan: nothing declared, nothing refused
        (jpeg_declaring(8000, 6000), (8000, 6000)),
        (make_png((1, 2, 3), (4, 5, 6)), (64, 48)),
        (webp(b"VP8X", bytes(4) + (3999).to_bytes(3, "little") * 2), (4000, 4000)),
        (heic_declaring((512, 512), (4032, 3024)), (4032, 3024)),
        (heic_declaring(), None),
    ],
    ids=["jpeg-no-frame", "jpeg-48mp", "png", "webp", "heic-12mp", "heic-no-ispe"],
)
def test_camera_sized_photos_pass_the_pixel_check(data: bytes, size: tuple[int, int]) -> None:
    image_format = check_photo_bytes(data, "photo")
    assert image_size(data, image_format) == size


def test_the_pixel_limit_is_inclusive() -> None:
    at_limit = zero_png(10_000, 10_000)[:33]  # the signature and the IHDR
    check_photo_bytes(at_limit, "a.png")
    over = zero_png(10_000, 10_001)[:33]
    with pytest.raises(TooManyPixelsError):
        check_photo_bytes(over, "b.png")
    assert MAX_PHOTO_PIXELS == 10_000 * 10_000


def test_a_header_cut_short_declares_nothing() -> None:
    for cut in (10, 20, 30):
        data = jpeg_declaring(30_000, 30_000)[:cut]
        assert image_size(data, check_photo_bytes(data, "x.jpg")) is None


# --- EXIF ------------------------------------------------------------------------------


@pytest.mark.parametrize("order", [">", "<"])
def test_orientation_and_time_are_read_in_both_byte_orders(order: str) -> None:
    jpeg = with_exif(JPEG, exif_segment(6, "2026:11:20 14:05:09", order=order))
    assert exif_orientation(jpeg) == 6
    taken = exif_taken_at(jpeg, STOCKHOLM)
    assert taken == datetime(2026, 11, 20, 14, 5, 9, tzinfo=STOCKHOLM)
    assert taken is not None and taken.utcoffset() == timedelta(hours=1)
    assert taken.astimezone(UTC) == datetime(2026, 11, 20, 13, 5, 9, tzinfo=UTC)


def test_a_summer_time_is_placed_in_summer_time() -> None:
    jpeg = with_exif(JPEG, exif_segment(1, "2026:07:01 12:00:00"))
    taken = exif_taken_at(jpeg, STOCKHOLM)
    assert taken is not None and taken.astimezone(UTC).hour == 10


def test_the_cameras_own_offset_wins_over_the_zone() -> None:
    jpeg = with_exif(JPEG, exif_segment(None, "2026:11:20 14:05:09", "-05:00"))
    taken = exif_taken_at(jpeg, STOCKHOLM)
    assert taken is not None
    assert taken.astimezone(UTC) == datetime(2026, 11, 20, 19, 5, 9, tzinfo=UTC)


def test_orientation_without_a_time() -> None:
    facts = read_exif(with_exif(JPEG, exif_segment(8)))
    assert facts is not None
    assert facts.orientation == 8
    assert facts.taken_at(STOCKHOLM) is None


@pytest.mark.parametrize(
    "data",
    [
        JPEG,
        b"",
        b"\xff\xd8",
        make_png((0, 0, 0), (1, 1, 1)),
        with_exif(JPEG, b"\xff\xe1\x00\x10Exif\x00\x00MM\x00\x2a\xff\xff\xff\xff"),
        with_exif(JPEG, b"\xff\xe1\x00\x01"),
        with_exif(JPEG, b"\xff\xe1\x00\x0eExif\x00\x00XX\x00\x2a"),
        with_exif(JPEG, exif_segment(99)),
        with_exif(JPEG, exif_segment(1, "0000:00:00 00:00:00")),
        with_exif(JPEG, exif_segment(1, "    :  :     :  :  ")),
        with_exif(JPEG, exif_segment(3, "2026:11:20 14:05:09"))[:60],
    ],
    ids=[
        "no-exif",
        "empty",
        "soi-only",
        "png",
        "bad-ifd-offset",
        "bad-length",
        "not-tiff",
        "bad-orientation",
        "zero-time",
        "blank-time",
        "cut-off",
    ],
)
def test_garbage_exif_never_raises(data: bytes) -> None:
    facts = read_exif(data)
    assert facts is None or facts.orientation in (None, 1, 3)
    assert exif_taken_at(data, STOCKHOLM) is None


def test_a_broken_exif_sub_directory_keeps_the_orientation() -> None:
    segment = bytearray(exif_segment(6, "2026:11:20 14:05:09"))
    start = segment.index(b"MM")
    pointer_at = start + 8 + 2 + 12 + 8
    segment[pointer_at : pointer_at + 4] = struct.pack(">I", 0xFFFF)
    assert exif_orientation(with_exif(JPEG, bytes(segment))) == 6
