"""One window per profile: two apps writing one cache and one outbox would each think the
other's changes were its own."""

from __future__ import annotations

from PySide6.QtCore import QLockFile

from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.paths import ProfilePaths

LOCK_WAIT_MS = 200


class ProfileInUseError(WorkBossError):
    def __init__(self, profile: str) -> None:
        super().__init__(
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "WorkBoss Desktop is already open with profile '%1'. Switch to that window,"
                    " or start with another profile (--profile NAME).",
                ),
                profile,
            )
        )


def lock_profile(paths: ProfilePaths) -> QLockFile:
    """The profile's lock, held until the app closes; a lock left by a crashed app is taken
    over (its process is gone). Raises :class:`ProfileInUseError` while another app has it."""
    lock = QLockFile(str(paths.folder / "app.lock"))
    lock.setStaleLockTime(0)
    if not lock.tryLock(LOCK_WAIT_MS):
        raise ProfileInUseError(paths.name)
    return lock
