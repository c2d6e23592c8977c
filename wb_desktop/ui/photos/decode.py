"""Decoding photos with Qt, off the GUI thread: size, thumbnail and a check that it decodes.

Everything here is reentrant (QImageReader and QImage, never QPixmap), so it runs in a
QThreadPool worker. ``setAutoTransform(True)`` applies the EXIF orientation, so a portrait
photo from a camera held upright is stored and shown upright, with width and height swapped.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader

from wb_desktop.core.domain.errors import Problem, ValidationError
from wb_desktop.core.domain.images import ImageFormat

THUMBNAIL_PX = 256
_QT_FORMAT_NAMES = {".jpg": "jpeg", ".png": "png", ".webp": "webp", ".heic": "heic"}
_ROTATES = QImageIOHandler.Transformation.TransformationRotate90


class UndecodableImageError(ValidationError):
    """The bytes look like an image and are complete, yet cannot be decoded: damaged inside."""

    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        text = f"'{file_name}' is damaged and cannot be shown; copy it from the camera again"
        super().__init__(Problem("photo", text))
        self.message = text


@dataclass(frozen=True)
class DecodedPhoto:
    """Upright size and a thumbnail; all None/null when this Qt has no decoder for the format."""

    width: int | None
    height: int | None
    thumbnail: QImage


def can_decode(image_format: ImageFormat) -> bool:
    """Whether this Qt build reads the format (HEIC, and WebP without the Qt add-ons, do not)."""
    name = _QT_FORMAT_NAMES.get(image_format.suffix, "")
    return name.encode() in {bytes(f.data()) for f in QImageReader.supportedImageFormats()}


def decode_photo(data: bytes, name: str, image_format: ImageFormat) -> DecodedPhoto:
    """Decode ``data`` fully once (scaled down to a thumbnail) and report its upright size.

    Raises :class:`UndecodableImageError` when Qt has a decoder for the format but the data
    does not decode; a format Qt cannot read at all is accepted without size or thumbnail.
    """
    if not can_decode(image_format):
        return DecodedPhoto(None, None, QImage())
    with _reader_for(data) as reader:
        raw = reader.size()
        if not raw.isValid() or raw.isEmpty():
            raise UndecodableImageError(name)
        upright = raw.transposed() if reader.transformation() & _ROTATES else raw
        reader.setScaledSize(_fitted(raw, THUMBNAIL_PX))
        thumbnail = reader.read()
    if thumbnail.isNull():
        raise UndecodableImageError(name)
    return DecodedPhoto(upright.width(), upright.height(), thumbnail)


def load_image(path: Path, max_side: int | None = None) -> QImage:
    """A stored photo, upright, at most ``max_side`` pixels on its longer side; null on failure."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    if max_side is not None:
        raw = reader.size()
        if raw.isValid() and not raw.isEmpty():
            reader.setScaledSize(_fitted(raw, max_side))
    return reader.read()


def _fitted(raw: QSize, max_side: int) -> QSize:
    """``raw`` scaled down (never up) to fit a ``max_side`` square, keeping its aspect."""
    if max(raw.width(), raw.height()) <= max_side:
        return QSize(raw)
    return raw.scaled(max_side, max_side, Qt.AspectRatioMode.KeepAspectRatio).expandedTo(
        QSize(1, 1)
    )


@contextmanager
def _reader_for(data: bytes) -> Iterator[QImageReader]:
    """A reader over an in-memory copy; the buffer must outlive the reader's use of it."""
    buffer = QBuffer()
    buffer.setData(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    try:
        yield reader
    finally:
        buffer.close()
