"""Just enough EXIF: a JPEG's orientation and when it was taken.

Cameras write the time of the shot as a local wall-clock time without a zone. The write path
refuses naive times, so the time is placed in the zone the technician works in (or in the
offset the camera recorded, when it did). Camera files are often odd; nothing here raises on
bad EXIF, a value that cannot be read is simply ``None``.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo

_SOI = b"\xff\xd8"
_APP1 = 0xE1
_START_OF_SCAN = 0xDA
_END_OF_IMAGE = 0xD9
_EXIF_HEADER = b"Exif\x00\x00"
_TAG_ORIENTATION = 0x0112
_TAG_EXIF_IFD = 0x8769
_TAG_DATE_TIME_ORIGINAL = 0x9003
_TAG_OFFSET_TIME_ORIGINAL = 0x9011
_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8}
_MAX_ENTRIES = 512
_EXIF_TIME = "%Y:%m:%d %H:%M:%S"
_OFFSET = re.compile(r"^([+-])(\d{2}):(\d{2})$")


@dataclass(frozen=True)
class ExifFacts:
    """What the photo says about itself; ``taken_local`` is the camera's wall-clock time."""

    orientation: int | None
    taken_local: datetime | None
    taken_offset: timedelta | None

    def taken_at(self, zone: tzinfo) -> datetime | None:
        """The shot's time as an aware datetime: the camera's own offset if it wrote one."""
        if self.taken_local is None:
            return None
        if self.taken_offset is not None:
            return self.taken_local.replace(tzinfo=timezone(self.taken_offset))
        return self.taken_local.replace(tzinfo=zone)


def read_exif(data: bytes) -> ExifFacts | None:
    """The EXIF facts of a JPEG, or None when it has no readable EXIF block."""
    try:
        block = _find_exif_block(data)
        return None if block is None else _parse_tiff(block)
    except (struct.error, ValueError, IndexError, OverflowError):
        return None


def exif_orientation(data: bytes) -> int | None:
    facts = read_exif(data)
    return None if facts is None else facts.orientation


def exif_taken_at(data: bytes, zone: tzinfo) -> datetime | None:
    facts = read_exif(data)
    return None if facts is None else facts.taken_at(zone)


def _find_exif_block(data: bytes) -> bytes | None:
    """Walk the JPEG's marker segments up to the image data, looking for APP1 "Exif"."""
    if not data.startswith(_SOI):
        return None
    offset = 2
    while offset + 4 <= len(data):
        if data[offset] != 0xFF:
            return None
        marker = data[offset + 1]
        if marker == 0xFF:  # fill byte before a marker
            offset += 1
            continue
        if marker in (_START_OF_SCAN, _END_OF_IMAGE):
            return None
        length = struct.unpack_from(">H", data, offset + 2)[0]
        if length < 2:
            return None
        segment = data[offset + 4 : offset + 2 + length]
        if marker == _APP1 and segment.startswith(_EXIF_HEADER):
            return segment[len(_EXIF_HEADER) :]
        offset += 2 + length
    return None


def _parse_tiff(block: bytes) -> ExifFacts:
    order = {b"II": "<", b"MM": ">"}.get(block[:2])
    if order is None or struct.unpack_from(order + "H", block, 2)[0] != 42:
        raise ValueError("not a TIFF header")
    first_ifd = struct.unpack_from(order + "I", block, 4)[0]
    main = _read_ifd(block, order, first_ifd)
    orientation = _first_number(main.get(_TAG_ORIENTATION))
    if orientation is not None and not 1 <= orientation <= 8:
        orientation = None
    exif_pointer = _first_number(main.get(_TAG_EXIF_IFD))
    sub = _read_ifd_or_nothing(block, order, exif_pointer) if exif_pointer else {}
    return ExifFacts(
        orientation,
        _parse_time(sub.get(_TAG_DATE_TIME_ORIGINAL)),
        _parse_offset(sub.get(_TAG_OFFSET_TIME_ORIGINAL)),
    )


def _read_ifd(block: bytes, order: str, offset: int) -> dict[int, bytes | tuple[int, ...]]:
    """One image file directory: tag -> numbers (SHORT/LONG) or raw bytes (ASCII)."""
    count = struct.unpack_from(order + "H", block, offset)[0]
    if count > _MAX_ENTRIES:
        raise ValueError("implausible IFD")
    values: dict[int, bytes | tuple[int, ...]] = {}
    for index in range(count):
        entry = offset + 2 + index * 12
        tag, kind, number = struct.unpack_from(order + "HHI", block, entry)
        size = _TYPE_SIZES.get(kind, 0) * number
        if size == 0:
            continue
        start = entry + 8 if size <= 4 else struct.unpack_from(order + "I", block, entry + 8)[0]
        raw = block[start : start + size]
        if len(raw) != size:
            continue
        if kind == 3:
            values[tag] = struct.unpack(order + "H" * number, raw)
        elif kind == 4:
            values[tag] = struct.unpack(order + "I" * number, raw)
        elif kind == 2:
            values[tag] = raw
    return values


def _read_ifd_or_nothing(
    block: bytes, order: str, offset: int
) -> dict[int, bytes | tuple[int, ...]]:
    """A broken Exif sub-directory must not cost the orientation already read."""
    try:
        return _read_ifd(block, order, offset)
    except (struct.error, ValueError):
        return {}


def _first_number(value: bytes | tuple[int, ...] | None) -> int | None:
    return value[0] if isinstance(value, tuple) and value else None


def _text(value: bytes | tuple[int, ...] | None) -> str | None:
    if not isinstance(value, bytes):
        return None
    return value.split(b"\x00", 1)[0].decode("ascii", errors="replace").strip()


def _parse_time(value: bytes | tuple[int, ...] | None) -> datetime | None:
    text = _text(value)
    if not text:
        return None
    try:
        return datetime.strptime(text, _EXIF_TIME)
    except ValueError:
        return None  # blank ("    :  :  ") or made-up times from unset camera clocks


def _parse_offset(value: bytes | tuple[int, ...] | None) -> timedelta | None:
    match = _OFFSET.match(_text(value) or "")
    if match is None:
        return None
    sign = -1 if match.group(1) == "-" else 1
    hours, minutes = int(match.group(2)), int(match.group(3))
    if hours > 14 or minutes > 59:
        return None
    return sign * timedelta(hours=hours, minutes=minutes)
