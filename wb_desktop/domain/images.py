"""Recognising image files by their bytes, not their names."""

from __future__ import annotations

from dataclasses import dataclass

from wb_desktop.domain.errors import ValidationError
from wb_desktop.domain.text import QT_TRANSLATE_NOOP, Text

MAX_PHOTO_BYTES = 30 * 1024 * 1024


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


def check_photo_bytes(data: bytes, name: str) -> ImageFormat:
    """The photo's format; refuses empty, oversized and non-image files with a clear reason."""
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
    return found


def check_signature_png(data: bytes) -> None:
    if sniff_image(data) is not _PNG:
        raise ValidationError.single(
            "png", Text(QT_TRANSLATE_NOOP("Domain", "the rendered signature must be a PNG image"))
        )
