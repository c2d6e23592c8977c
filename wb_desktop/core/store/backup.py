"""Consistent, verified copies of the cache file through SQLite's online backup API.

Each backup is checked (:data:`BACKUP_CHECK`) before it gets its final name, and that name
ends in ``-verified.sqlite3``: the record of which backups were good when made (older
releases wrote unchecked ``cache-*.sqlite3`` files). The copy holds the same pages as the
cache, so a copy that fails the check means the cache itself is damaged: the copy is
discarded and :class:`DamagedCacheError` raised, so a damaged cache is never backed up and can
never push a good backup out of the rotation. Rotation keeps the newest ``keep`` backups and,
always, the newest verified one. A backup about to be restored gets the full
``PRAGMA integrity_check`` (:func:`check_backup`).

Every start makes a backup, so :data:`BACKUP_CHECK` is the start's corruption check.
``quick_check`` reads every page and b-tree (a damaged page, a broken free list or overflow
chain) but does not compare the indexes with their tables. Measured (``open_cache`` and
close, fastest of 21): a 10,000-job cache (9 MB) opened in 40 ms unchecked, 55 ms with
``quick_check`` on the copy, 80 ms with ``integrity_check``; 40,000 jobs (35 MB) in 93, 145
and 367 ms: ``integrity_check`` grows faster than the file, ``quick_check`` with it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.paths import default_data_root
from wb_desktop.core.store.errors import DamagedCacheError

KEEP_BACKUPS = 3
BACKUP_GLOB = "cache-*.sqlite3"
VERIFIED_ENDING = "-verified.sqlite3"
SQLITE_HEADER = b"SQLite format 3\x00"
MAX_PROBLEMS = 3  # integrity_check lines quoted in a message
BACKUP_CHECK = "quick_check"  # on each new backup, so on every start (see above)
FULL_CHECK = "integrity_check"  # before a backup is restored, and in ``db check``


def _free_name(folder: Path, stem: str, ending: str = ".sqlite3") -> Path:
    """``stem`` + ``ending``, or ``stem-2`` + ``ending`` and so on when the name is taken."""
    target = folder / f"{stem}{ending}"
    counter = 2
    while target.exists():
        target = folder / f"{stem}-{counter}{ending}"
        counter += 1
    return target


def side_files(database: Path) -> list[Path]:
    """The WAL and shared-memory companions SQLite keeps next to ``database``."""
    return [database.with_name(database.name + suffix) for suffix in ("-wal", "-shm")]


def has_wal_content(database: Path) -> bool:
    wal = side_files(database)[0]
    try:
        return wal.stat().st_size > 0
    except FileNotFoundError:
        return False


def read_only_uri(path: Path) -> str:
    """A URI that reads ``path`` without ever writing it (its WAL, if any, included)."""
    return f"{path.resolve().as_uri()}?mode=ro"


def closed_file_uri(path: Path) -> str:
    """A URI for a file nobody writes (a backup, a fresh copy): read as it is on disk,
    without locks and without creating -wal or -shm files beside it."""
    if has_wal_content(path):
        return read_only_uri(path)
    return f"{path.resolve().as_uri()}?immutable=1"


def integrity_problems(
    uri: str, *, pragma: str = FULL_CHECK, limit: int = MAX_PROBLEMS
) -> list[str]:
    """What SQLite's ``integrity_check`` (or ``quick_check``) finds wrong; [] when it says ok.

    A file SQLite cannot read at all is a problem too, not an exception.
    """
    try:
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            rows = connection.execute(f"PRAGMA {pragma}({int(limit)})").fetchall()
    except sqlite3.DatabaseError as error:
        if "locked" in str(error).lower():
            raise
        return [str(error)]
    return [str(row[0]) for row in rows if str(row[0]) != "ok"]


def integrity_detail(problems: list[str]) -> Text:
    """The problems on one line, without SQLite's "*** in database main ***" banner."""
    lines = [
        " ".join(line.split())
        for problem in problems
        for line in problem.splitlines()
        if line.strip() and not line.startswith("*** in database")
    ]
    return Text(
        QT_TRANSLATE_NOOP("Domain", "SQLite's integrity check found: %1"),
        "; ".join(lines[:MAX_PROBLEMS]),
    )


@dataclass(frozen=True)
class BackupState:
    """One backup, checked now: its schema revision, or what is wrong with it."""

    path: Path
    revision: str | None
    problem: str | None

    @property
    def good(self) -> bool:
        return self.problem is None


def check_backup(path: Path) -> BackupState:
    """Is ``path`` a whole, readable cache? Runs the full integrity check; changes nothing."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        return BackupState(path, None, error.strerror or str(error))
    if header != SQLITE_HEADER:
        return BackupState(path, None, "it is not an SQLite database")
    uri = closed_file_uri(path)
    problems = integrity_problems(uri)
    if problems:
        return BackupState(path, None, str(integrity_detail(problems)))
    try:
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return BackupState(path, None, "it holds no WorkBoss cache schema")
    if row is None:
        return BackupState(path, None, "it holds no WorkBoss cache schema")
    return BackupState(path, str(row[0]), None)


def is_verified(backup: Path) -> bool:
    return backup.name.endswith(VERIFIED_ENDING)


def list_backups(folder: Path) -> list[Path]:
    """The backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = [path for path in folder.glob(BACKUP_GLOB) if path.is_file()]
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def good_backups(folder: Path) -> Iterator[BackupState]:
    """The backups that pass the integrity check now, newest first (checked lazily)."""
    for backup in list_backups(folder):
        state = check_backup(backup)
        if state.good:
            yield state


def find_good_backup(folder: Path) -> Path | None:
    return next((state.path for state in good_backups(folder)), None)


def backups_folder(database: Path) -> Path:
    """Where the profile that holds ``database`` keeps its backups (see ``ProfilePaths``)."""
    return database.parent / "backups"


def restore_command(database: Path) -> str:
    """The ``wb-desktop db restore`` line for the profile that holds ``database``."""
    profile = database.parent
    words = ["wb-desktop", "db", "restore"]
    if profile.parent.name == "profiles":
        root = profile.parent.parent
        if root != default_data_root():
            words += ["--data-dir", _quoted(str(root))]
        words += ["--profile", _quoted(profile.name)]
    else:
        words += ["--data-dir", "DIR", "--profile", "NAME"]
    return " ".join(words)


def _quoted(word: str) -> str:
    return f'"{word}"' if any(c.isspace() for c in word) else word


def damaged_cache_error(database: Path, detail: str) -> DamagedCacheError:
    """The refusal for a damaged cache, naming the newest backup that is good now."""
    folder = backups_folder(database)
    try:
        backup = find_good_backup(folder)
    except (OSError, sqlite3.Error):
        backup = None
    return DamagedCacheError(
        database,
        detail,
        backup=backup,
        backups_folder=folder,
        restore_command=restore_command(database),
    )


def backup_database(
    source: Path, folder: Path, label: str, now: datetime, keep: int = KEEP_BACKUPS
) -> Path:
    """Copy ``source`` into ``folder`` (WAL content included), verify the copy, and rotate.

    The source is read through a read-only connection. The copy is written under a
    ``.partial`` name, checked with :data:`BACKUP_CHECK` and only then renamed to its
    ``-verified.sqlite3`` name, so a crash never leaves something that looks like a good
    backup; leftovers of such crashes are removed. A copy that fails the check raises
    :class:`DamagedCacheError` for ``source`` and is discarded; nothing is rotated away.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for leftover in folder.glob("cache-*.partial"):
        leftover.unlink(missing_ok=True)
    stem = f"cache-{now.strftime('%Y%m%dT%H%M%S%fZ')}-{label}"
    target = _free_name(folder, stem, VERIFIED_ENDING)
    partial = target.with_name(target.name.removesuffix(".sqlite3") + ".partial")
    try:
        with (
            closing(sqlite3.connect(read_only_uri(source), uri=True)) as src,
            closing(sqlite3.connect(partial)) as dst,
        ):
            src.backup(dst)
        problems = integrity_problems(
            f"{partial.resolve().as_uri()}?immutable=1", pragma=BACKUP_CHECK
        )
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if problems:
        partial.unlink(missing_ok=True)
        raise damaged_cache_error(source, integrity_detail(problems))
    partial.replace(target)
    rotate_backups(folder, keep)
    return target


def rotate_backups(folder: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Delete all but the newest ``keep`` backups, never the newest verified one.

    Returns what was deleted."""
    backups = list_backups(folder)
    kept = backups[:keep]
    newest_verified = next((backup for backup in backups if is_verified(backup)), None)
    if newest_verified is not None and newest_verified not in kept:
        kept.append(newest_verified)
    deleted = [backup for backup in backups if backup not in kept]
    for old in deleted:
        old.unlink(missing_ok=True)
    return deleted


def copy_backup(backup: Path, target: Path) -> None:
    """Write a consistent copy of ``backup`` to ``target`` (replacing a leftover there)."""
    for leftover in (target, *side_files(target)):
        leftover.unlink(missing_ok=True)
    try:
        with (
            closing(sqlite3.connect(closed_file_uri(backup), uri=True)) as src,
            closing(sqlite3.connect(target)) as dst,
        ):
            src.backup(dst)
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def set_aside(database: Path, label: str, now: datetime) -> list[Path]:
    """Keep ``database`` and its -wal and -shm under a timestamped name beside it.

    The database is hard-linked (or copied) to its new name first and stays in place until
    :func:`install` replaces it, so the cache path never goes missing in between. Returns
    the new names of what existed."""
    stem = database.name.removesuffix(".sqlite3")
    aside = _free_name(database.parent, f"{stem}-{label}-{now.strftime('%Y%m%dT%H%M%SZ')}")
    moved: list[Path] = []
    if database.exists():
        try:
            os.link(database, aside)
        except OSError:
            shutil.copy2(database, aside)
        moved.append(aside)
    for side, new_side in zip(side_files(database), side_files(aside), strict=True):
        if side.exists():
            side.replace(new_side)
            moved.append(new_side)
    return moved


def install(copy: Path, database: Path) -> None:
    """Put ``copy`` in place of ``database`` in one rename (its side files are gone by now)."""
    for side in side_files(copy):
        side.unlink(missing_ok=True)
    copy.replace(database)
