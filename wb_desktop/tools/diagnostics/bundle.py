"""Diagnostics bundles: one zip with everything support needs to see what a tablet did.

Layout (see :mod:`wb_desktop.tools.diagnostics.manifest`)::

    manifest.json                 versions, technician, device, outbox counts, files + SHA-256
    outbox.json                   every outbox op with its state, attempts, errors and payload
    database/cache.sqlite3        a consistent copy of the cache (SQLite online backup)
    settings/settings.json        the profile's settings, secrets removed (defaults if none saved)
    trace/sync-trace*.jsonl       the sync trace, rotated files included
    logs/...                      the profile's log files
    media/photos/..., media/signatures/...   left out when redacted

The database is copied with SQLite's backup API, so the app may keep writing while a bundle
is made and the copy still holds every committed change, WAL content included. The zip is
written under a ``.partial`` name and renamed when complete.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import closing, suppress
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from wb_desktop.app.settings import ProfileSettings
from wb_desktop.core.paths import ProfilePaths
from wb_desktop.core.store.backup import backup_database
from wb_desktop.tools.diagnostics.cache_facts import CacheFacts, outbox_rows, read_facts
from wb_desktop.tools.diagnostics.errors import BundleError, BundleExportError, NoCacheToExportError
from wb_desktop.tools.diagnostics.manifest import (
    DATABASE,
    FORMAT_VERSION,
    LOGS_DIR,
    MANIFEST,
    MEDIA_DIR,
    OUTBOX,
    SETTINGS,
    TRACE_DIR,
    BundleFile,
    Manifest,
)
from wb_desktop.tools.diagnostics.redact import REMOVED, Redactor
from wb_desktop.tools.diagnostics.redact_db import collect_values, redact_database_copy
from wb_desktop.tools.diagnostics.sandbox import SandboxProfile, open_bundle

CHUNK_BYTES = 1024 * 1024
_SECRET_KEY = re.compile(r"(?i)token|password|passwd|secret|credential|api_?key|auth")
TRACE_PATTERN = "sync-trace*.jsonl"

__all__ = ["SandboxProfile", "export_bundle", "open_bundle", "trace_files"]


def trace_files(paths: ProfilePaths) -> list[Path]:
    """The current trace and its rotated predecessors, oldest name order."""
    folder = paths.trace.parent
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(TRACE_PATTERN) if p.is_file())


def _log_files(paths: ProfilePaths) -> list[Path]:
    if not paths.logs.is_dir():
        return []
    return sorted(p for p in paths.logs.rglob("*") if p.is_file())


def _media_files(paths: ProfilePaths) -> list[Path]:
    if not paths.media.is_dir():
        return []
    return sorted(p for p in paths.media.rglob("*") if p.is_file() and not p.name.endswith(".part"))


def settings_for_bundle(paths: ProfilePaths, redactor: Redactor) -> bytes:
    """The profile's settings as the tablet has them (its defaults when it never saved any),
    with anything secret-looking removed and, under redaction, customer data replaced. A file
    that is not JSON goes as scrubbed text: support needs to see what the app choked on."""
    try:
        raw = paths.settings.read_text(encoding="utf-8-sig", errors="replace")
    except FileNotFoundError:
        document: Any = {**ProfileSettings().to_json(), "_note": "defaults: no settings.json"}
    except OSError as error:
        document = {"_note": f"settings.json could not be read: {error.strerror or error}"}
    else:
        try:
            document = json.loads(raw)
        except json.JSONDecodeError:
            return redactor.text(raw).encode("utf-8")
    clean = redactor.json(_without_secrets(document))
    return (json.dumps(clean, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _without_secrets(value: Any) -> Any:
    """Keys naming a token, password, secret or key lose their value, however nested."""
    if isinstance(value, dict):
        return {
            key: REMOVED if _SECRET_KEY.search(str(key)) else _without_secrets(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_without_secrets(item) for item in value]
    return value


def _file_chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            yield chunk


def _lines(path: Path, scrub: Redactor, *, as_json: bool) -> Iterator[bytes]:
    """A text file line by line, scrubbed; a trace is scrubbed as JSON lines."""
    with path.open("rb") as handle:
        for raw in handle:
            line = raw.decode("utf-8", errors="replace")
            yield (scrub.json_line(line) if as_json else scrub.text(line)).encode("utf-8")


class _ZipWriter:
    """Members written with their SHA-256 recorded for the manifest."""

    def __init__(self, archive: zipfile.ZipFile, now: datetime) -> None:
        self.archive = archive
        self.stamp = (max(now.year, 1980), now.month, now.day, now.hour, now.minute, now.second)
        self.files: list[BundleFile] = []

    def add(self, name: str, chunks: Iterable[bytes], *, compress: bool = True) -> None:
        info = zipfile.ZipInfo(name, date_time=self.stamp)
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        digest, size = hashlib.sha256(), 0
        with self.archive.open(info, "w", force_zip64=True) as member:
            for chunk in chunks:
                member.write(chunk)
                digest.update(chunk)
                size += len(chunk)
        self.files.append(BundleFile(name, size, digest.hexdigest()))

    def add_bytes(self, name: str, data: bytes) -> None:
        self.add(name, [data])


def _collect_from_traces(paths: ProfilePaths, redactor: Redactor) -> None:
    """Values only the trace holds (a customer pulled and later removed) are found too."""
    for path in trace_files(paths):
        with path.open("rb") as handle:
            for raw in handle:
                redactor.collect_json(raw.decode("utf-8", errors="replace"))


def export_bundle(
    paths: ProfilePaths, target: Path, *, redact: bool, now: datetime, app_version: str
) -> Path:
    """Write the profile's diagnostics bundle to ``target``; returns ``target``.

    With ``redact``, customer names, phones, emails and addresses are replaced by stable
    placeholders in every file, and photos and signatures are left out.
    """
    if not paths.database.is_file():
        raise NoCacheToExportError(paths.database)
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="wb-bundle-") as work:
            copy = backup_database(paths.database, Path(work), "bundle", now, keep=1)
            redactor = Redactor(enabled=redact)
            facts, outbox, left_out = _prepare_copy(copy, paths, redactor)
            manifest = Manifest(
                format_version=FORMAT_VERSION,
                app_version=app_version,
                schema_revision=facts.revision,
                created_at=now.isoformat(),
                profile=paths.name,
                technician=facts.technician,
                device_id=facts.device_id,
                redacted=redact,
                outbox=facts.outbox_by_state,
                redacted_media=left_out,
            )
            _write_zip(partial, paths, copy, outbox, manifest, redactor, now)
        partial.replace(target)
    except BundleError:
        _discard(partial)
        raise
    except (OSError, sqlite3.Error, zipfile.BadZipFile) as error:
        _discard(partial)
        raise BundleExportError(target, str(error)) from error
    except BaseException:
        _discard(partial)
        raise
    return target


def _discard(partial: Path) -> None:
    """Remove a half-written zip; a folder that cannot hold it cannot hold a leftover."""
    with suppress(OSError):
        partial.unlink(missing_ok=True)


def _prepare_copy(
    copy: Path, paths: ProfilePaths, redactor: Redactor
) -> tuple[CacheFacts, bytes, list[dict[str, str]]]:
    """Redact the copy when asked; read the facts and the outbox from what will ship."""
    with closing(sqlite3.connect(copy, isolation_level=None)) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        left_out: list[dict[str, str]] = []
        if redactor.enabled:
            collect_values(connection, redactor)
            _collect_from_traces(paths, redactor)
            left_out = redact_database_copy(connection, redactor)
        facts = read_facts(connection)
        rows = outbox_rows(connection)
    outbox = json.dumps({"device_id": facts.device_id, "ops": rows}, indent=2, ensure_ascii=False)
    return facts, (outbox + "\n").encode("utf-8"), left_out


def _write_zip(
    partial: Path,
    paths: ProfilePaths,
    copy: Path,
    outbox: bytes,
    manifest: Manifest,
    redactor: Redactor,
    now: datetime,
) -> None:
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        writer = _ZipWriter(archive, now)
        writer.add(DATABASE, _file_chunks(copy))
        writer.add_bytes(OUTBOX, outbox)
        writer.add_bytes(SETTINGS, settings_for_bundle(paths, redactor))
        for trace in trace_files(paths):
            writer.add(f"{TRACE_DIR}/{trace.name}", _lines(trace, redactor, as_json=True))
        for log in _log_files(paths):
            name = f"{LOGS_DIR}/{log.relative_to(paths.logs).as_posix()}"
            writer.add(name, _lines(log, redactor, as_json=False))
        if not manifest.redacted:
            for media in _media_files(paths):
                name = f"{MEDIA_DIR}/{media.relative_to(paths.media).as_posix()}"
                writer.add(name, _file_chunks(media), compress=False)
        complete = replace(manifest, files=writer.files)
        archive.writestr(zipfile.ZipInfo(MANIFEST, date_time=writer.stamp), complete.to_bytes())
