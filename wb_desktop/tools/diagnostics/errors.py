"""What can go wrong with a diagnostics bundle, each error naming the file and the cause.

Support opens bundles that came by mail from a tablet: they may be cut short, damaged, made by
a newer app or not bundles at all. Each case has its own error so the console and the
command line can say exactly which, and so tests can tell them apart.
"""

from __future__ import annotations

from pathlib import Path

from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text


class BundleError(WorkBossError):
    """A bundle could not be written or opened; nothing of any profile was changed."""

    def __init__(self, path: Path, message: str) -> None:
        self.path = path
        super().__init__(message)


class BundleExportError(BundleError):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            path,
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain", "The diagnostics bundle could not be written to %1: %2"
                ),
                str(path),
                detail,
            ),
        )


class NoCacheToExportError(BundleError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain", "There is no cache database at %1, so there is nothing to export."
                ),
                str(path),
            ),
        )


class BundleUnreadableError(BundleError):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            path, Text(QT_TRANSLATE_NOOP("Domain", "%1 cannot be read: %2"), str(path), detail)
        )


class NotAZipError(BundleError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "%1 is not a diagnostics bundle: it is not a zip file. Ask for the .zip"
                    " that 'Export bundle' wrote.",
                ),
                str(path),
            ),
        )


class DamagedBundleError(BundleError):
    def __init__(self, path: Path, detail: str) -> None:
        self.detail = detail
        super().__init__(
            path,
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "%1 is damaged or incomplete (%2). Ask for the bundle again; a download"
                    " or mail attachment may have been cut short.",
                ),
                str(path),
                detail,
            ),
        )


class BundleTooLargeError(BundleError):
    """The bundle unpacks to more than the opener allows in all; nothing of it was kept."""

    def __init__(self, path: Path, limit: str) -> None:
        super().__init__(
            path,
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "%1 was not opened: it unpacks to more than %2, the most a bundle may"
                    " unpack to. Nothing of it was kept.",
                ),
                str(path),
                limit,
            ),
        )


class MemberTooCompressedError(BundleError):
    """A file in the bundle inflates far more than real bundle files do: a zip bomb."""

    def __init__(self, path: Path, member: str, ratio: int) -> None:
        self.member = member
        super().__init__(
            path,
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "%1 was not opened: %2 in it unpacks to more than %3 times its packed"
                    " size, which no real bundle does; it may be a zip bomb. Nothing of it was"
                    " kept.",
                ),
                str(path),
                member,
                ratio,
            ),
        )


class MissingManifestError(BundleError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "%1 is a zip file but not a diagnostics bundle: it has no manifest.json.",
                ),
                str(path),
            ),
        )


class BundleTooNewError(BundleError):
    def __init__(self, path: Path, found: int, known: int) -> None:
        super().__init__(
            path,
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "%1 was made by a newer WorkBoss Desktop (bundle format %2; this version"
                    " reads up to %3). Update WorkBoss Desktop to open it.",
                ),
                str(path),
                found,
                known,
            ),
        )


class BundleSchemaTooNewError(BundleError):
    def __init__(self, path: Path, revision: str) -> None:
        super().__init__(
            path,
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "%1 holds a cache at schema revision %2, which this version of WorkBoss"
                    " Desktop does not know. Update WorkBoss Desktop to open it.",
                ),
                str(path),
                revision,
            ),
        )


class CorruptBundleDatabaseError(BundleError):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            path,
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "The cache database in %1 is corrupt (%2). The bundle cannot be opened;"
                    " ask for a new one.",
                ),
                str(path),
                detail,
            ),
        )


class ReplayError(WorkBossError):
    """The bundle's outbox cannot be replayed as it is (no technician, no server access)."""
