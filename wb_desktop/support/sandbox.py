"""Opening a bundle in a sandbox: a new data root of its own, never the real profile.

Everything is checked before the sandbox counts as opened: the zip itself, the manifest and
its versions, every member's SHA-256, the database's integrity and schema revision. The
files are unpacked into a hidden ``.opening-…`` folder that becomes the sandbox only at the
end; on any failure it is removed, so a bad bundle leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import uuid
import zipfile
import zlib
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from wb_desktop.domain.errors import ValidationError
from wb_desktop.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.paths import DataPaths, ProfilePaths, check_profile_name
from wb_desktop.store.database import SQLITE_HEADER
from wb_desktop.store.migrate import known_revisions
from wb_desktop.support.cache_facts import CacheFacts, read_facts
from wb_desktop.support.errors import (
    BundleSchemaTooNewError,
    BundleTooNewError,
    BundleUnreadableError,
    CorruptBundleDatabaseError,
    DamagedBundleError,
    MissingManifestError,
    NotAZipError,
)
from wb_desktop.support.manifest import (
    DATABASE,
    FORMAT_VERSION,
    LOGS_DIR,
    MANIFEST,
    MEDIA_DIR,
    OUTBOX,
    SETTINGS,
    TRACE_DIR,
    Manifest,
    ManifestFormatError,
    parse_manifest,
    safe_member,
)

ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
MAX_UNPACKED_BYTES = 4 * 1024**3  # a bundle is a cache plus logs: refuse zip bombs
BUNDLE_FOLDER = "bundle"  # the manifest and outbox.json, kept beside the profile
SANDBOXES = "sandboxes"
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class SandboxProfile:
    """A bundle unpacked as a profile of its own data root, for looking and replaying."""

    root: Path
    data: DataPaths
    paths: ProfilePaths
    manifest: Manifest
    source: Path

    @property
    def outbox_file(self) -> Path:
        return self.root / BUNDLE_FOLDER / OUTBOX

    def outbox(self) -> list[dict[str, Any]]:
        """The ops as the bundle listed them (before any replay)."""
        document = json.loads(self.outbox_file.read_text(encoding="utf-8"))
        ops: list[dict[str, Any]] = document.get("ops", [])
        return ops

    def facts(self) -> CacheFacts:
        """The sandbox's cache as it is now (after a replay, its new state)."""
        uri = self.paths.database.resolve().as_uri() + "?mode=ro"
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            return read_facts(connection)

    def media_in_bundle(self, relative_path: str) -> bool:
        return self.paths.media.joinpath(*PurePosixPath(relative_path).parts).is_file()


def default_sandbox_root(data: DataPaths) -> Path:
    """Sandboxes live beside the profiles, in the same data root, never inside a profile."""
    return data.root / SANDBOXES


def sandbox_root_beside(profile: ProfilePaths) -> Path:
    """The sandboxes folder of the data root ``profile`` belongs to (``root/profiles/name``)."""
    return default_sandbox_root(DataPaths(profile.folder.parent.parent))


def _target_for(member: str, profile: ProfilePaths, root: Path) -> Path:
    """Where a member goes: the profile's own layout, so the sandbox opens like a profile."""
    parts = PurePosixPath(member).parts
    if member in (MANIFEST, OUTBOX):
        return root / BUNDLE_FOLDER / member
    if member == DATABASE:
        return profile.database
    if member == SETTINGS:
        return profile.settings
    base = {
        TRACE_DIR: profile.trace.parent,
        LOGS_DIR: profile.logs,
        MEDIA_DIR: profile.media,
    }.get(parts[0])
    if base is None:
        raise ValueError(member)
    return base.joinpath(*parts[1:])


def _free_folder(sandbox_root: Path, name: str) -> Path:
    target = sandbox_root / name
    counter = 2
    while target.exists():
        target = sandbox_root / f"{name}-{counter}"
        counter += 1
    return target


def _check_kind(bundle: Path) -> None:
    try:
        with bundle.open("rb") as handle:
            head = handle.read(4)
    except OSError as error:
        raise BundleUnreadableError(bundle, error.strerror or str(error)) from None
    if head not in ZIP_SIGNATURES:
        raise NotAZipError(bundle)


def _read_manifest(bundle: Path, archive: zipfile.ZipFile) -> Manifest:
    names = set(archive.namelist())
    if MANIFEST not in names:
        raise MissingManifestError(bundle)
    try:
        manifest = parse_manifest(archive.read(MANIFEST))
    except ManifestFormatError as error:
        raise DamagedBundleError(bundle, error.args[0]) from None
    if manifest.format_version > FORMAT_VERSION:
        raise BundleTooNewError(bundle, manifest.format_version, FORMAT_VERSION)
    if manifest.schema_revision is not None and manifest.schema_revision not in known_revisions():
        raise BundleSchemaTooNewError(bundle, manifest.schema_revision)
    listed = {entry.path for entry in manifest.files}
    for name in names - {MANIFEST}:
        if not safe_member(name) or name not in listed:
            raise DamagedBundleError(
                bundle, Text(QT_TRANSLATE_NOOP("Domain", "it holds an unexpected file, %1"), name)
            )
    missing = sorted(listed - names)
    if missing:
        raise DamagedBundleError(
            bundle, Text(QT_TRANSLATE_NOOP("Domain", "%1 is missing from it"), missing[0])
        )
    if DATABASE not in listed:
        raise DamagedBundleError(
            bundle, Text(QT_TRANSLATE_NOOP("Domain", "%1 is missing from it"), DATABASE)
        )
    if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
        raise DamagedBundleError(
            bundle, Text(QT_TRANSLATE_NOOP("Domain", "it unpacks to more than 4 GB"))
        )
    try:
        check_profile_name(manifest.profile)
    except ValidationError as error:
        raise DamagedBundleError(bundle, error.message) from None
    return manifest


def _unpack(
    bundle: Path, archive: zipfile.ZipFile, manifest: Manifest, root: Path, profile: ProfilePaths
) -> None:
    """Every listed member into place, checked against its size and SHA-256."""
    manifest_copy = _target_for(MANIFEST, profile, root)
    manifest_copy.parent.mkdir(parents=True, exist_ok=True)
    manifest_copy.write_bytes(archive.read(MANIFEST))
    for entry in manifest.files:
        target = _target_for(entry.path, profile, root)
        target.parent.mkdir(parents=True, exist_ok=True)
        digest, size = hashlib.sha256(), 0
        with archive.open(entry.path) as source, target.open("wb") as sink:
            while chunk := source.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                sink.write(chunk)
        if size != entry.size or digest.hexdigest() != entry.sha256:
            raise DamagedBundleError(
                bundle,
                Text(QT_TRANSLATE_NOOP("Domain", "%1 does not match its checksum"), entry.path),
            )


def _check_database(bundle: Path, path: Path, manifest: Manifest) -> None:
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise CorruptBundleDatabaseError(
            bundle, Text(QT_TRANSLATE_NOOP("Domain", "it is not an SQLite database"))
        )
    try:
        with closing(sqlite3.connect(path)) as connection:
            result = connection.execute("PRAGMA integrity_check").fetchall()
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise CorruptBundleDatabaseError(bundle, str(error)) from None
    problems = [str(row[0]) for row in result if row[0] != "ok"]
    if problems:
        raise CorruptBundleDatabaseError(bundle, "; ".join(problems[:3]))
    found = None if revision is None else str(revision[0])
    if found is not None and found not in known_revisions():
        raise BundleSchemaTooNewError(bundle, found)
    if found != manifest.schema_revision:
        raise DamagedBundleError(
            bundle,
            Text(
                QT_TRANSLATE_NOOP("Domain", "its database is at revision %1, its manifest says %2"),
                str(found),
                str(manifest.schema_revision),
            ),
        )


def open_bundle(bundle: Path, sandbox_root: Path, *, now: datetime) -> SandboxProfile:
    """Check ``bundle`` and unpack it into a new folder under ``sandbox_root``.

    Raises a :class:`~wb_desktop.support.errors.BundleError` subclass saying exactly what is
    wrong; then nothing is left under ``sandbox_root``.
    """
    _check_kind(bundle)
    archive = _open_zip(bundle)
    created_root = not sandbox_root.exists()
    opening = sandbox_root / f".opening-{uuid.uuid4().hex}"
    try:
        with archive:
            manifest = _read_manifest(bundle, archive)
            data = DataPaths(opening)
            profile = data.profile(manifest.profile)
            opening.mkdir(parents=True)
            _unpack(bundle, archive, manifest, opening, profile)
        _check_database(bundle, profile.database, manifest)
        stamp = now.strftime("%Y%m%dT%H%M%S")
        final = _free_folder(sandbox_root, f"{manifest.profile}-{stamp}")
        opening.replace(final)
    except zipfile.BadZipFile as error:
        _discard(opening, sandbox_root, created_root)
        raise DamagedBundleError(bundle, str(error)) from None
    except (zlib.error, EOFError) as error:
        _discard(opening, sandbox_root, created_root)
        raise DamagedBundleError(
            bundle, str(error) or Text(QT_TRANSLATE_NOOP("Domain", "a file in it is cut short"))
        ) from None
    except OSError as error:
        _discard(opening, sandbox_root, created_root)
        raise BundleUnreadableError(bundle, error.strerror or str(error)) from None
    except BaseException:
        _discard(opening, sandbox_root, created_root)
        raise
    data = DataPaths(final)
    return SandboxProfile(final, data, data.profile(manifest.profile), manifest, bundle)


def _open_zip(bundle: Path) -> zipfile.ZipFile:
    """The zip, or why not: a file that starts like a zip but has no directory at its end
    was cut short (a download or an attachment that did not finish)."""
    try:
        return zipfile.ZipFile(bundle)
    except zipfile.BadZipFile:
        raise DamagedBundleError(
            bundle,
            Text(
                QT_TRANSLATE_NOOP("Domain", "the file is cut short: its zip directory is missing")
            ),
        ) from None
    except OSError as error:
        raise BundleUnreadableError(bundle, error.strerror or str(error)) from None


def _discard(opening: Path, sandbox_root: Path, created_root: bool) -> None:
    shutil.rmtree(opening, ignore_errors=True)
    if created_root:
        with suppress(OSError):
            sandbox_root.rmdir()
