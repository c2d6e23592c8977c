"""Reading a photo the technician picked, without ever changing the original.

The source may be on a camera card or in a synced folder the technician still needs, so it
is only opened for reading. Each way a file can be unusable gets its own reason, so the UI
can say exactly what is wrong with which file (and translate it).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from wb_desktop.core.domain.errors import Problem, ValidationError
from wb_desktop.core.domain.images import (
    MAX_PHOTO_BYTES,
    ImageFormat,
    check_photo_bytes,
    sniff_image,
)

_JPEG_END = b"\xff\xd9"
_PNG_SIGNATURE_BYTES = 8
_PNG_CHUNK_OVERHEAD = 12  # length, type, CRC
_ISO_BOX_HEADER = 8


class PhotoProblem(StrEnum):
    MISSING = "missing"
    UNREADABLE = "unreadable"
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    NOT_AN_IMAGE = "not_an_image"
    TRUNCATED = "truncated"


_MESSAGES = {
    PhotoProblem.MISSING: "'{name}' is no longer there; it may have been moved or deleted",
    PhotoProblem.UNREADABLE: "'{name}' cannot be read; check that it is not open in another app",
    PhotoProblem.EMPTY: "'{name}' is empty; copy it from the camera again",
    PhotoProblem.TOO_LARGE: "'{name}' is larger than {limit} MB",
    PhotoProblem.NOT_AN_IMAGE: "'{name}' is not a photo (JPEG, PNG, WebP or HEIC expected)",
    PhotoProblem.TRUNCATED: "'{name}' is cut off (truncated); copy it from the camera again",
}


class PhotoFileError(ValidationError):
    """A picked file that cannot become a photo; ``problem`` lets the UI translate the reason."""

    def __init__(self, problem: PhotoProblem, file_name: str) -> None:
        self.problem = problem
        self.file_name = file_name
        text = _MESSAGES[problem].format(name=file_name, limit=MAX_PHOTO_BYTES // (1024 * 1024))
        super().__init__(Problem("photo", text))
        self.message = text


@dataclass(frozen=True)
class SourcePhoto:
    """The bytes of one picked file and what kind of image they are."""

    path: Path
    data: bytes
    image_format: ImageFormat

    @property
    def name(self) -> str:
        return self.path.name


def read_photo_file(path: Path) -> SourcePhoto:
    """Read ``path`` (read-only) and check it is a whole image, else :class:`PhotoFileError`."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_PHOTO_BYTES:
            raise PhotoFileError(PhotoProblem.TOO_LARGE, name)
        with path.open("rb") as handle:
            data = handle.read(MAX_PHOTO_BYTES + 1)
    except FileNotFoundError:
        raise PhotoFileError(PhotoProblem.MISSING, name) from None
    except OSError:
        raise PhotoFileError(PhotoProblem.UNREADABLE, name) from None
    return SourcePhoto(path, data, check_photo_data(data, name))


def check_photo_data(data: bytes, name: str) -> ImageFormat:
    """The image format of ``data``; refuses empty, oversized, non-image and cut-off files,
    and (with :class:`~wb_desktop.core.domain.images.TooManyPixelsError`, read from the header
    before anything decodes it) images of more than ``MAX_PHOTO_PIXELS``."""
    if not data:
        raise PhotoFileError(PhotoProblem.EMPTY, name)
    if len(data) > MAX_PHOTO_BYTES:
        raise PhotoFileError(PhotoProblem.TOO_LARGE, name)
    if sniff_image(data) is None:
        raise PhotoFileError(PhotoProblem.NOT_AN_IMAGE, name)
    image_format = check_photo_bytes(data, name)
    if is_truncated(data, image_format):
        raise PhotoFileError(PhotoProblem.TRUNCATED, name)
    return image_format


def is_truncated(data: bytes, image_format: ImageFormat) -> bool:
    """Whether the file's own structure says bytes are missing at its end.

    A copy interrupted mid-way (card pulled, sync stopped) keeps a valid header, so the
    header alone cannot tell; each format's end marker or declared sizes can.
    """
    if image_format.suffix == ".jpg":
        return not data.rstrip(b"\x00").endswith(_JPEG_END)
    if image_format.suffix == ".png":
        return not _png_has_end(data)
    if image_format.suffix == ".webp":
        declared = struct.unpack_from("<I", data, 4)[0] + 8
        return declared > len(data)
    return not _iso_boxes_complete(data)


def _png_has_end(data: bytes) -> bool:
    """Walk the chunks: a complete PNG reaches an IEND chunk that fits inside the file."""
    offset = _PNG_SIGNATURE_BYTES
    while offset + 8 <= len(data):
        length, kind = struct.unpack_from(">I4s", data, offset)
        end = offset + length + _PNG_CHUNK_OVERHEAD
        if end > len(data):
            return False
        if kind == b"IEND":
            return True
        offset = end
    return False


def _iso_boxes_complete(data: bytes) -> bool:
    """HEIC is a sequence of sized boxes; the last one must not run past the end."""
    offset = 0
    while offset < len(data):
        if offset + _ISO_BOX_HEADER > len(data):
            return False
        size = struct.unpack_from(">I", data, offset)[0]
        if size == 0:
            return True  # the last box runs to the end of the file
        if size == 1:
            if offset + 16 > len(data):
                return False
            size = struct.unpack_from(">Q", data, offset + 8)[0]
        if size < _ISO_BOX_HEADER:
            return False
        offset += size
    return offset == len(data)
