"""Recognising image files by their bytes, not their names, and their size by their header.

A photo's width and height are read from its header (PNG IHDR, JPEG SOF, WebP VP8/VP8L/VP8X,
HEIC ispe) without decoding it, so a "pixel bomb" (a small file that declares
30000 × 30000 pixels and would decode to gigabytes) is refused as too large before any
decoder allocates for it.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass

from wb_desktop.core.domain.errors import Problem, ValidationError
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text

MAX_PHOTO_BYTES = 30 * 1024 * 1024
# Tablet cameras take 8 to 50 megapixels (and phones 12 to 50 unless set to a 108 or 200 MP
# mode): 100 is twice the largest. A 30000 × 30000 bomb declares 900.
MAX_PHOTO_MEGAPIXELS = 100
MAX_PHOTO_PIXELS = MAX_PHOTO_MEGAPIXELS * 1_000_000


@dataclass(frozen=True)
class ImageFormat:
    content_type: str
    suffix: str


_PNG = ImageFormat("image/png", ".png")
_JPEG = ImageFormat("image/jpeg", ".jpg")
_WEBP = ImageFormat("image/webp", ".webp")
_HEIC = ImageFormat("image/heic", ".heic")


def sniff_image(data: bytes) -> ImageFormat | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return _PNG
    if data.startswith(b"\xff\xd8\xff"):
        return _JPEG
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _WEBP
    if len(data) >= 12 and data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"mif1"):
        return _HEIC
    return None


class TooManyPixelsError(ValidationError):
    """A photo whose header declares more than ``MAX_PHOTO_PIXELS``: refused before decoding."""

    def __init__(self, file_name: str, width: int, height: int) -> None:
        self.file_name = file_name
        self.width = width
        self.height = height
        text = Text(
            QT_TRANSLATE_NOOP(
                "Domain", "'%1' is %2 × %3 pixels; photos up to %4 megapixels are accepted"
            ),
            file_name,
            width,
            height,
            MAX_PHOTO_MEGAPIXELS,
        )
        super().__init__(Problem("photo", text))


def image_size(data: bytes, image_format: ImageFormat) -> tuple[int, int] | None:
    """Width and height as the file's header declares them, without decoding; None when the
    header does not say (cut short, or a layout this does not know)."""
    try:
        if image_format is _PNG:
            return _png_size(data)
        if image_format is _JPEG:
            return _jpeg_size(data)
        if image_format is _WEBP:
            return _webp_size(data)
        return _heic_size(data)
    except struct.error:
        return None


def _png_size(data: bytes) -> tuple[int, int] | None:
    if data[12:16] != b"IHDR" or len(data) < 24:
        return None
    width, height = struct.unpack_from(">II", data, 16)
    return width, height


_JPEG_FRAMES = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}  # SOF0..SOF15


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """The first frame header's size; segments before it (EXIF and its thumbnail) skipped."""
    offset = 2
    while offset + 4 <= len(data):
        if data[offset] != 0xFF:
            return None
        marker = data[offset + 1]
        if marker == 0xFF:  # fill byte
            offset += 1
            continue
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:  # no length
            offset += 2
            continue
        if marker in (0xD9, 0xDA):  # the end, or image data, before any frame header
            return None
        if marker in _JPEG_FRAMES:
            height, width = struct.unpack_from(">HH", data, offset + 5)
            return width, height
        offset += 2 + struct.unpack_from(">H", data, offset + 2)[0]
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8X":
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return (width, height) if len(data) >= 30 else None
    if chunk == b"VP8 " and data[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack_from("<HH", data, 26)
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and data[20:21] == b"\x2f":
        bits = struct.unpack_from("<I", data, 21)[0]
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return None


def _heic_size(data: bytes) -> tuple[int, int] | None:
    """The largest image spatial extent (``ispe``) in meta/iprp/ipco: a photo stored as a
    grid of tiles lists each tile's size and the whole image's."""
    sizes: list[tuple[int, int]] = []
    for meta_start, meta_end in _boxes(data, 0, len(data), b"meta"):
        for iprp in _boxes(data, meta_start + 4, meta_end, b"iprp"):  # meta has a version
            for ipco in _boxes(data, *iprp, b"ipco"):
                for start, end in _boxes(data, *ipco, b"ispe"):
                    if end - start >= 12:
                        width, height = struct.unpack_from(">II", data, start + 4)
                        sizes.append((width, height))
    return max(sizes, key=lambda size: size[0] * size[1], default=None)


def _boxes(data: bytes, start: int, end: int, kind: bytes) -> Iterator[tuple[int, int]]:
    """The (content start, end) of each ``kind`` box between ``start`` and ``end``."""
    offset = start
    while offset + 8 <= end:
        size, found = struct.unpack_from(">I4s", data, offset)
        header = 8
        if size == 1:
            size, header = struct.unpack_from(">Q", data, offset + 8)[0], 16
        elif size == 0:
            size = end - offset
        if size < header or offset + size > end:
            return
        if found == kind:
            yield offset + header, offset + size
        offset += size


def check_photo_bytes(data: bytes, name: str) -> ImageFormat:
    """The photo's format; refuses empty, oversized and non-image files, and images whose
    header declares more than ``MAX_PHOTO_PIXELS``, with a clear reason."""
    if not data:
        raise ValidationError.single(
            "photo", Text(QT_TRANSLATE_NOOP("Domain", "'%1' is empty"), name)
        )
    if len(data) > MAX_PHOTO_BYTES:
        raise ValidationError.single(
            "photo",
            Text(
                QT_TRANSLATE_NOOP("Domain", "'%1' is larger than %2 MB"),
                name,
                MAX_PHOTO_BYTES // (1024 * 1024),
            ),
        )
    found = sniff_image(data)
    if found is None:
        raise ValidationError.single(
            "photo",
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain", "'%1' is not a photo (JPEG, PNG, WebP or HEIC expected)"
                ),
                name,
            ),
        )
    size = image_size(data, found)
    if size is not None and size[0] * size[1] > MAX_PHOTO_PIXELS:
        raise TooManyPixelsError(name, *size)
    return found


def check_signature_png(data: bytes) -> None:
    if sniff_image(data) is not _PNG:
        raise ValidationError.single(
            "png", Text(QT_TRANSLATE_NOOP("Domain", "the rendered signature must be a PNG image"))
        )
