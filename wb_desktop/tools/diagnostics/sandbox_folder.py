"""Opening a sandbox made earlier, from its folder, without the bundle it came from.

``wb-desktop diagnostics open`` and the console leave each bundle unpacked in a sandbox
(``sandboxes/<profile>-<when>/``); support comes back to it the next day, after a replay,
or when the zip is long gone. A sandbox is recognised by its layout: ``bundle/manifest.json``
beside ``profiles/<profile>/`` holding the cache. Anything else gets an error saying what it
is instead (a file, a folder of sandboxes, a folder without a manifest), never a traceback.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from wb_desktop.core.domain.errors import ValidationError
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.paths import DataPaths, ProfilePaths
from wb_desktop.tools.diagnostics.errors import BundleError, BundleTooNewError
from wb_desktop.tools.diagnostics.manifest import (
    FORMAT_VERSION,
    MANIFEST,
    ManifestFormatError,
    parse_manifest,
)
from wb_desktop.tools.diagnostics.sandbox import (
    BUNDLE_FOLDER,
    OPENED_FROM,
    SandboxProfile,
    check_database,
    open_bundle,
)

MAX_SANDBOX_MANIFEST_BYTES = 32 * 1024 * 1024  # as a bundle's
SANDBOXES = "sandboxes"


class NotASandboxError(BundleError):
    """A folder was given as a sandbox, but it is not one; the reason says what it is."""

    def __init__(self, path: Path, reason: str) -> None:
        self.reason = reason
        super().__init__(
            path,
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "%1 is not a sandbox: %2. Choose a folder that opening a bundle made, under"
                    " sandboxes in the data folder, or the bundle's .zip.",
                ),
                str(path),
                reason,
            ),
        )


def default_sandbox_root(data: DataPaths) -> Path:
    """Sandboxes live beside the profiles, in the same data root, never inside a profile."""
    return data.root / SANDBOXES


def sandbox_root_beside(profile: ProfilePaths) -> Path:
    """The sandboxes folder of the data root ``profile`` belongs to (``root/profiles/name``)."""
    return default_sandbox_root(DataPaths(profile.folder.parent.parent))


def manifest_file(folder: Path) -> Path:
    return folder / BUNDLE_FOLDER / MANIFEST


def is_sandbox(folder: Path) -> bool:
    """True when ``folder`` has a sandbox's layout (it is not checked further)."""
    return manifest_file(folder).is_file()


def open_sandbox(folder: Path) -> SandboxProfile:
    """The sandbox in ``folder``, checked as a bundle is (manifest, versions, the cache's
    integrity and schema), so a damaged or too-new sandbox is said before panels read it."""
    if not folder.exists():
        raise NotASandboxError(folder, Text(QT_TRANSLATE_NOOP("Domain", "it does not exist")))
    if not folder.is_dir():
        raise NotASandboxError(folder, Text(QT_TRANSLATE_NOOP("Domain", "it is not a folder")))
    if not is_sandbox(folder):
        raise NotASandboxError(folder, _what_it_is(folder))
    try:
        raw = manifest_file(folder).read_bytes()[:MAX_SANDBOX_MANIFEST_BYTES]
        manifest = parse_manifest(raw)
    except ManifestFormatError as error:
        raise NotASandboxError(folder, error.args[0]) from None
    except OSError as error:
        raise NotASandboxError(folder, error.strerror or str(error)) from None
    if manifest.format_version > FORMAT_VERSION:
        raise BundleTooNewError(folder, manifest.format_version, FORMAT_VERSION)
    data = DataPaths(folder)
    try:
        paths = data.profile(manifest.profile)
    except ValidationError as error:  # a name no bundle is ever unpacked under
        raise NotASandboxError(folder, error.message) from None
    if not paths.database.is_file():
        raise NotASandboxError(
            folder,
            Text(
                QT_TRANSLATE_NOOP("Domain", "its manifest names the profile %1, but %2 is missing"),
                manifest.profile,
                str(paths.database.relative_to(folder)),
            ),
        )
    check_database(folder, paths.database, manifest)
    return SandboxProfile(folder, data, paths, manifest, _opened_from(folder), reopened=True)


def open_bundle_or_sandbox(path: Path, sandbox_root: Path, *, now: datetime) -> SandboxProfile:
    """A folder is opened as the sandbox it is; a file is unpacked into a new sandbox."""
    if path.is_dir():
        return open_sandbox(path)
    return open_bundle(path, sandbox_root, now=now)


def _opened_from(folder: Path) -> Path:
    """The bundle the sandbox was unpacked from, when it noted it; else the folder itself."""
    try:
        noted = (folder / BUNDLE_FOLDER / OPENED_FROM).read_text("utf-8").strip()
    except OSError:
        return folder
    return Path(noted) if noted else folder


def _what_it_is(folder: Path) -> Text:
    """Why ``folder`` is not a sandbox, in words that lead to the right one."""
    try:
        inside = sorted(child for child in folder.iterdir() if child.is_dir())
    except OSError as error:
        return Text(error.strerror or str(error))
    sandboxes = [child for child in inside if is_sandbox(child)]
    if sandboxes:
        return Text(
            QT_TRANSLATE_NOOP("Domain", "it holds sandboxes; open one of them, such as %1"),
            sandboxes[-1].name,
        )
    for parent in folder.parents:
        if is_sandbox(parent):
            return Text(
                QT_TRANSLATE_NOOP("Domain", "it is inside the sandbox %1; open that folder"),
                str(parent),
            )
    return Text(
        QT_TRANSLATE_NOOP("Domain", "it has no %1, which every sandbox has"),
        f"{BUNDLE_FOLDER}/{MANIFEST}",
    )
