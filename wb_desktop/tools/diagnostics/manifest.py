"""The bundle's layout and its ``manifest.json``: what is inside, from which app and schema.

The manifest is read before anything is unpacked, so a bundle from a newer app is refused
with a clear message instead of failing half-way; the per-file SHA-256 lets the opener tell
a damaged file from a good one even where the zip's CRC would not.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any

from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text

FORMAT_NAME = "wb-desktop-diagnostics"
FORMAT_VERSION = 1

MANIFEST = "manifest.json"
OUTBOX = "outbox.json"
DATABASE = "database/cache.sqlite3"
SETTINGS = "settings/settings.json"
TRACE_DIR = "trace"
LOGS_DIR = "logs"
MEDIA_DIR = "media"
# Folders a bundle may hold files under; anything else is refused when opening.
MEMBER_FOLDERS = ("database", "settings", TRACE_DIR, LOGS_DIR, MEDIA_DIR)


@dataclass(frozen=True)
class BundleFile:
    path: str  # POSIX path inside the zip
    size: int
    sha256: str

    def as_json(self) -> dict[str, Any]:
        return {"path": self.path, "size": self.size, "sha256": self.sha256}


@dataclass(frozen=True)
class Technician:
    id: str
    display_name: str
    email: str


@dataclass(frozen=True)
class Manifest:
    format_version: int
    app_version: str
    schema_revision: str | None
    created_at: str
    profile: str
    technician: Technician | None
    device_id: str | None
    redacted: bool
    outbox: dict[str, int] = field(default_factory=dict)
    redacted_media: list[dict[str, str]] = field(default_factory=list)
    files: list[BundleFile] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        technician = self.technician
        return {
            "format": FORMAT_NAME,
            "format_version": self.format_version,
            "app_version": self.app_version,
            "schema_revision": self.schema_revision,
            "created_at": self.created_at,
            "profile": self.profile,
            "technician": None
            if technician is None
            else {
                "id": technician.id,
                "display_name": technician.display_name,
                "email": technician.email,
            },
            "device_id": self.device_id,
            "redacted": self.redacted,
            "outbox": self.outbox,
            "redacted_media": self.redacted_media,
            "files": [entry.as_json() for entry in self.files],
        }

    def to_bytes(self) -> bytes:
        return (json.dumps(self.as_json(), indent=2, ensure_ascii=False) + "\n").encode("utf-8")

    @property
    def created(self) -> datetime | None:
        try:
            return datetime.fromisoformat(self.created_at)
        except ValueError:
            return None


class ManifestFormatError(ValueError):
    """The manifest is not what this app writes; the message says which part."""


def parse_manifest(data: bytes) -> Manifest:
    """The manifest, checked for shape only: versions are the caller's to judge."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError) as error:  # bad UTF-8 or JSON, too deep, huge numbers
        raise ManifestFormatError(
            Text(QT_TRANSLATE_NOOP("Domain", "manifest.json is not valid JSON (%1)"), str(error))
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ManifestFormatError(
            Text(
                QT_TRANSLATE_NOOP("Domain", "manifest.json does not describe a %1 bundle"),
                FORMAT_NAME,
            )
        )
    version = document.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ManifestFormatError(
            Text(QT_TRANSLATE_NOOP("Domain", "manifest.json has no whole-number format_version"))
        )
    try:
        technician = document.get("technician")
        return Manifest(
            format_version=version,
            app_version=str(document.get("app_version", "")),
            schema_revision=_optional_text(document.get("schema_revision")),
            created_at=str(document.get("created_at", "")),
            profile=str(document["profile"]),
            technician=None
            if technician is None
            else Technician(
                str(technician["id"]),
                str(technician.get("display_name", "")),
                str(technician.get("email", "")),
            ),
            device_id=_optional_text(document.get("device_id")),
            redacted=bool(document.get("redacted", False)),
            outbox={str(k): int(v) for k, v in dict(document.get("outbox") or {}).items()},
            redacted_media=list(document.get("redacted_media") or []),
            files=[
                BundleFile(str(entry["path"]), int(entry["size"]), str(entry["sha256"]))
                for entry in document.get("files") or []
            ],
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ManifestFormatError(
            Text(QT_TRANSLATE_NOOP("Domain", "manifest.json is malformed (%1)"), repr(error))
        ) from None


def _optional_text(value: Any) -> str | None:
    return None if value is None else str(value)


def safe_member(name: str) -> bool:
    """A member path that stays inside the sandbox: relative, no '..', a known folder."""
    path = PurePosixPath(name)
    if name in (MANIFEST, OUTBOX):
        return True
    if path.is_absolute() or ".." in path.parts or "\\" in name or ":" in name:
        return False
    return len(path.parts) >= 2 and path.parts[0] in MEMBER_FOLDERS
