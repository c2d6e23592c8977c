"""Opening a bundle in a sandbox: a new data root of its own, never the real profile.

Everything is checked before the sandbox counts as opened: the zip itself, the manifest and
its versions, every member's SHA-256, the database's integrity and schema revision. The
files are unpacked into a hidden ``.opening-…`` folder that becomes the sandbox only at the
end; on any failure it is removed, so a bad bundle leaves nothing behind.

A bundle is mail from outside, so what it may unpack to is limited twice: by what its zip
directory declares, before anything is written, and by the bytes that really come out,
counted while they are written (a zip header can lie). No file may hold more than its header
declares, inflate more than ``MAX_RATIO`` times its packed size, or take the bundle past
``MAX_UNPACKED_BYTES`` in all (docs/support.md, "Opening").
"""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
import sqlite3
import uuid
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from wb_desktop.core.domain.errors import ValidationError, format_bytes
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.paths import DataPaths, ProfilePaths, check_profile_name
from wb_desktop.core.store.alembic_scripts import known_revisions
from wb_desktop.core.store.database import SQLITE_HEADER
from wb_desktop.tools.diagnostics.cache_facts import CacheFacts, read_facts
from wb_desktop.tools.diagnostics.contents import BundleContents, bundle_contents
from wb_desktop.tools.diagnostics.errors import (
    BundleSchemaTooNewError,
    BundleTooLargeError,
    BundleTooNewError,
    BundleUnreadableError,
    CorruptBundleDatabaseError,
    DamagedBundleError,
    MemberTooCompressedError,
    MissingManifestError,
    NotAZipError,
)
from wb_desktop.tools.diagnostics.manifest import (
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
# A bundle is a cache and its photos (within the profile's quota, 100 MB by default), logs
# (4 MB at most) and the trace (15 MB at most): 4 GB is 40 default quotas.
MAX_UNPACKED_BYTES = 4 * 1024**3
# Real bundles' files inflate at most about 60:1 (an empty cache's database 57:1, a database
# 98 % emptied by deletes 61:1, a log of one retry repeated 41:1); deflate can reach 1030:1.
MAX_RATIO = 200
RATIO_FREE_BYTES = 64 * 1024  # a file this small is not judged by its ratio
MAX_MANIFEST_BYTES = 32 * 1024 * 1024  # ~200,000 files listed
PACKINGS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)  # what bundle.py writes
_ENCRYPTED = 0x1
BUNDLE_FOLDER = "bundle"  # the manifest and outbox.json, kept beside the profile
OPENED_FROM = "opened-from.txt"  # in BUNDLE_FOLDER: the bundle's path, for reopening later
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class SandboxProfile:
    """A bundle unpacked as a profile of its own data root, for looking and replaying."""

    root: Path
    data: DataPaths
    paths: ProfilePaths
    manifest: Manifest
    source: Path  # the bundle it was unpacked from (the folder when that is not known)
    reopened: bool = False  # opened again from its folder, not unpacked just now

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

    def contents(self) -> BundleContents:
        """What the bundle carried besides the cache: logs, settings, trace."""
        return bundle_contents(self.paths)


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


def _check_declared_sizes(bundle: Path, archive: zipfile.ZipFile) -> None:
    """What the zip directory declares, before anything is unpacked: only the packings the
    app writes, members that do not overlap, and sizes within the limits."""
    infos = archive.infolist()
    for info in infos:
        if info.compress_type not in PACKINGS or info.flag_bits & _ENCRYPTED:
            raise DamagedBundleError(
                bundle,
                Text(
                    QT_TRANSLATE_NOOP(
                        "Domain",
                        "%1 in it is encrypted or packed in a way WorkBoss Desktop never writes",
                    ),
                    info.filename,
                ),
            )
    packed = sum(info.compress_size for info in infos)
    size = bundle.stat().st_size
    if packed > size:
        raise DamagedBundleError(
            bundle,
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain", "its files claim %1 of packed data, but the zip holds only %2"
                ),
                format_bytes(packed),
                format_bytes(size),
            ),
        )
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        raise BundleTooLargeError(bundle, format_bytes(MAX_UNPACKED_BYTES))
    for info in infos:
        if info.file_size > _ratio_limit(info):
            raise MemberTooCompressedError(bundle, info.filename, MAX_RATIO)


def _ratio_limit(info: zipfile.ZipInfo) -> int:
    return max(RATIO_FREE_BYTES, MAX_RATIO * info.compress_size)


def _member_chunks(
    bundle: Path, archive: zipfile.ZipFile, name: str, unpacked_before: int
) -> Iterator[bytes]:
    """The member's bytes as they inflate, refused as soon as they go past what its header
    declares, ``MAX_RATIO`` or, with ``unpacked_before``, ``MAX_UNPACKED_BYTES``; a chunk
    that would is never handed on."""
    info = archive.getinfo(name)
    unbounded = copy.copy(info)
    # zipfile stops at the declared size (and then fails the CRC); read on far enough to
    # tell a header that understates the size from a damaged file.
    unbounded.file_size = info.file_size + 2 * _CHUNK
    size, ratio_limit = 0, _ratio_limit(info)
    with archive.open(unbounded) as source:
        while chunk := source.read(_CHUNK):
            size += len(chunk)
            if size > info.file_size:
                raise DamagedBundleError(
                    bundle,
                    Text(
                        QT_TRANSLATE_NOOP(
                            "Domain", "%1 holds more than the %2 its zip header declares"
                        ),
                        name,
                        format_bytes(info.file_size),
                    ),
                )
            if size > ratio_limit:
                raise MemberTooCompressedError(bundle, name, MAX_RATIO)
            if unpacked_before + size > MAX_UNPACKED_BYTES:
                raise BundleTooLargeError(bundle, format_bytes(MAX_UNPACKED_BYTES))
            yield chunk


def _read_manifest(bundle: Path, archive: zipfile.ZipFile) -> tuple[Manifest, bytes]:
    """The manifest, checked against the zip's members, and its bytes as they were."""
    names = set(archive.namelist())
    if MANIFEST not in names:
        raise MissingManifestError(bundle)
    _check_declared_sizes(bundle, archive)
    if archive.getinfo(MANIFEST).file_size > MAX_MANIFEST_BYTES:
        raise DamagedBundleError(
            bundle,
            Text(
                QT_TRANSLATE_NOOP("Domain", "%1 in it is larger than %2"),
                MANIFEST,
                format_bytes(MAX_MANIFEST_BYTES),
            ),
        )
    raw = b"".join(_member_chunks(bundle, archive, MANIFEST, 0))
    try:
        manifest = parse_manifest(raw)
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
    try:
        check_profile_name(manifest.profile)
    except ValidationError as error:
        raise DamagedBundleError(bundle, error.message) from None
    return manifest, raw


def _unpack(
    bundle: Path,
    archive: zipfile.ZipFile,
    manifest: Manifest,
    manifest_bytes: bytes,
    root: Path,
    profile: ProfilePaths,
) -> None:
    """Every listed member into place, checked against its size and SHA-256, the bytes
    counted as they are written."""
    manifest_copy = _target_for(MANIFEST, profile, root)
    manifest_copy.parent.mkdir(parents=True, exist_ok=True)
    manifest_copy.write_bytes(manifest_bytes)
    unpacked = len(manifest_bytes)
    for entry in manifest.files:
        target = _target_for(entry.path, profile, root)
        target.parent.mkdir(parents=True, exist_ok=True)
        digest, size = hashlib.sha256(), 0
        with target.open("wb") as sink:
            for chunk in _member_chunks(bundle, archive, entry.path, unpacked):
                digest.update(chunk)
                size += len(chunk)
                sink.write(chunk)
        unpacked += size
        if size != entry.size or digest.hexdigest() != entry.sha256:
            raise DamagedBundleError(
                bundle,
                Text(QT_TRANSLATE_NOOP("Domain", "%1 does not match its checksum"), entry.path),
            )


def check_database(bundle: Path, path: Path, manifest: Manifest) -> None:
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

    Raises a :class:`~wb_desktop.tools.diagnostics.errors.BundleError` subclass saying exactly
    what is wrong; then nothing is left under ``sandbox_root``.
    """
    _check_kind(bundle)
    archive = _open_zip(bundle)
    created_root = not sandbox_root.exists()
    opening = sandbox_root / f".opening-{uuid.uuid4().hex}"
    try:
        with archive:
            manifest, manifest_bytes = _read_manifest(bundle, archive)
            data = DataPaths(opening)
            profile = data.profile(manifest.profile)
            opening.mkdir(parents=True)
            _unpack(bundle, archive, manifest, manifest_bytes, opening, profile)
            (opening / BUNDLE_FOLDER / OPENED_FROM).write_text(str(bundle.absolute()), "utf-8")
        check_database(bundle, profile.database, manifest)
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
