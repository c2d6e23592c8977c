"""Per-profile settings, kept as a small JSON file in the profile's folder.

The file is meant to be readable and editable by support staff, so a mistake in it is
reported with the file and the field and the file is never rewritten behind their back.
Qt-free: the CLI and headless runs read the same settings as the GUI.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wb_desktop.core.domain.errors import ValidationError, WorkBossError
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.paths import ProfilePaths
from wb_desktop.core.persistence.atomic_files import write_atomically

DEFAULT_STORAGE_QUOTA_MB = 100
MIN_STORAGE_QUOTA_MB = 1
MAX_STORAGE_QUOTA_MB = 100_000


class SettingsError(WorkBossError):
    """The settings file cannot be used as it is; it was left exactly as it was."""

    def __init__(self, path: Path, field: str | None, problem: str) -> None:
        self.path = path
        self.field = field
        where = (
            Text(QT_TRANSLATE_NOOP("Domain", "'%1' in %2"), field, str(path))
            if field
            else str(path)
        )
        super().__init__(
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "Settings error: %1: %2. Fix or remove the file (defaults are used when it is"
                    " missing); it was not changed.",
                ),
                where,
                problem,
            )
        )


def check_storage_quota_mb(value: object) -> int:
    """The one rule for the quota, shared by the settings file and ``--quota-mb``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(
            Text(
                QT_TRANSLATE_NOOP("Domain", "must be a whole number of MB, not %1"),
                json.dumps(value),
            )
        )
    if not MIN_STORAGE_QUOTA_MB <= value <= MAX_STORAGE_QUOTA_MB:
        raise ValueError(
            Text(
                QT_TRANSLATE_NOOP("Domain", "must be between %1 and %2 MB, not %3"),
                MIN_STORAGE_QUOTA_MB,
                MAX_STORAGE_QUOTA_MB,
                value,
            )
        )
    return value


@dataclass(frozen=True)
class ProfileSettings:
    """One profile's settings.

    ``extra`` keeps keys this version does not know, so that a file written by a newer
    WorkBoss Desktop survives a save by this one.
    """

    storage_quota_mb: int = DEFAULT_STORAGE_QUOTA_MB
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        try:
            check_storage_quota_mb(self.storage_quota_mb)
        except ValueError as error:
            raise ValidationError.single("storage_quota_mb", error.args[0]) from error

    def to_json(self) -> dict[str, Any]:
        return {**self.extra, "storage_quota_mb": self.storage_quota_mb}


def load_settings(paths: ProfilePaths) -> ProfileSettings:
    """The profile's settings; defaults when the file does not exist yet.

    Raises :class:`SettingsError` naming the file (and the field) for anything malformed.
    """
    path = paths.settings
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return ProfileSettings()
    except OSError as error:
        raise SettingsError(
            path,
            None,
            Text(QT_TRANSLATE_NOOP("Domain", "cannot be read (%1)"), error.strerror or str(error)),
        ) from error
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise SettingsError(
            path, None, Text(QT_TRANSLATE_NOOP("Domain", "is not UTF-8 text"))
        ) from error
    except json.JSONDecodeError as error:
        raise SettingsError(
            path,
            None,
            Text(
                QT_TRANSLATE_NOOP("Domain", "is not valid JSON (%1 at line %2)"),
                error.msg,
                error.lineno,
            ),
        ) from error
    if not isinstance(document, dict):
        raise SettingsError(
            path, None, Text(QT_TRANSLATE_NOOP("Domain", "must hold a JSON object ({...})"))
        )
    values = dict(document)
    quota = values.pop("storage_quota_mb", DEFAULT_STORAGE_QUOTA_MB)
    try:
        check_storage_quota_mb(quota)
    except ValueError as error:
        raise SettingsError(path, "storage_quota_mb", error.args[0]) from error
    return ProfileSettings(storage_quota_mb=quota, extra=values)


def save_settings(paths: ProfilePaths, settings: ProfileSettings) -> None:
    """Write the settings so that a crash leaves either the old file or the new one, whole."""
    path = paths.settings
    text = json.dumps(settings.to_json(), indent=2, sort_keys=True) + "\n"
    write_atomically(path, text.encode("utf-8"))
