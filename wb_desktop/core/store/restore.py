"""Restoring a backup in place of a damaged cache (``wb-desktop db restore``): the damaged
file and the photos the backup does not know are set aside, never deleted.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from wb_desktop.core.store.alembic_scripts import known_revisions
from wb_desktop.core.store.backup import (
    BackupState,
    check_backup,
    closed_file_uri,
    copy_backup,
    install,
    list_backups,
    set_aside,
    side_files,
)
from wb_desktop.core.store.cache_checks import cache_problem
from wb_desktop.core.store.errors import RestoreError, SchemaTooNewError


@dataclass(frozen=True)
class RestoreResult:
    """What ``wb-desktop db restore`` did."""

    database: Path
    backup: BackupState
    previous: Literal["damaged", "missing", "replaced"]  # "replaced": it was whole (--force)
    problem: str | None  # what was wrong with the damaged cache
    set_aside: list[Path]  # the previous cache and its -wal and -shm, under their new names
    media_folder: Path | None  # photos the backup does not refer to, moved here
    media_moved: int


def restore_database(
    database: Path,
    backups: Path,
    media: Path,
    *,
    now: datetime,
    backup: Path | None = None,
    force: bool = False,
) -> RestoreResult:
    """Put a good backup in place of a damaged cache; the damaged file is kept beside it.

    ``backup`` (checked) or else the newest backup that passes ``PRAGMA integrity_check`` now
    is copied in. A cache that is whole is replaced only with ``force``. The previous file
    and its -wal and -shm are set aside under ``cache-damaged-<time>.sqlite3`` (or
    ``cache-replaced-``), never deleted; photo files the backup does not refer to are moved
    to a folder of that name, as the app would otherwise tidy them away as unused.
    """
    if database.is_dir():
        raise RestoreError(f"{database} is a folder; nothing was changed.")
    database_existed = database.exists()
    existed = database_existed or any(side.exists() for side in side_files(database))
    try:
        problem = cache_problem(database)
    except SchemaTooNewError as error:
        if not force:
            raise RestoreError(
                f"{error.message} To replace it with a backup anyway (it is kept beside it),"
                " add --force."
            ) from error
        problem = None
    if problem is None and database.exists() and not force:
        raise RestoreError(
            f"{database} opens and passes SQLite's integrity check, so there is nothing to"
            " restore; nothing was changed. To replace it with a backup anyway (it is kept"
            " beside it), add --force."
        )
    chosen = _choose_backup(backups, backup)
    restoring = database.with_name(database.name + ".restoring")
    try:
        copy_backup(chosen.path, restoring)
        copied = check_backup(restoring)
        if not copied.good:
            raise RestoreError(
                f"The copy of {chosen.path} did not pass the integrity check"
                f" ({copied.problem}); nothing was changed."
            )
        referenced = _media_in(restoring)
    except BaseException:
        for leftover in (restoring, *side_files(restoring)):
            leftover.unlink(missing_ok=True)
        raise
    label = "damaged" if problem is not None else "replaced"
    moved = set_aside(database, label, now) if existed else []
    install(restoring, database)
    media_folder, media_moved = _set_media_aside(media, referenced, moved, database, label, now)
    if problem is not None:
        previous: Literal["damaged", "missing", "replaced"] = "damaged"
    else:
        previous = "replaced" if database_existed else "missing"
    return RestoreResult(database, chosen, previous, problem, moved, media_folder, media_moved)


def _choose_backup(backups: Path, chosen: Path | None) -> BackupState:
    if chosen is not None:
        if not chosen.is_file():
            raise RestoreError(f"{chosen} is not a file; nothing was changed.")
        state = check_backup(chosen)
        problem = state.problem or _revision_problem(state)
        if problem:
            raise RestoreError(f"{chosen} cannot be restored: {problem}. Nothing was changed.")
        return state
    checked = 0
    for candidate in list_backups(backups):
        checked += 1
        state = check_backup(candidate)
        if state.good and _revision_problem(state) is None:
            return state
    raise RestoreError(
        f"No good backup was found in {backups} ({checked} checked); nothing was changed."
        " Keep the damaged file for support."
    )


def _revision_problem(state: BackupState) -> str | None:
    if state.revision is not None and state.revision not in known_revisions():
        return f"it was written by a newer WorkBoss Desktop (schema revision {state.revision})"
    return None


def _media_in(database: Path) -> set[str]:
    with closing(sqlite3.connect(closed_file_uri(database), uri=True)) as connection:
        try:
            rows = connection.execute("SELECT relative_path FROM media_files").fetchall()
        except sqlite3.OperationalError:  # a revision from before photos: it refers to none
            return set()
    return {str(row[0]) for row in rows}


def _set_media_aside(
    media: Path,
    referenced: set[str],
    moved: list[Path],
    database: Path,
    label: str,
    now: datetime,
) -> tuple[Path | None, int]:
    """Move photo files the restored cache does not know into ``<set-aside name>-media``."""
    if not media.is_dir():
        return None, 0
    strays = [
        path
        for path in sorted(media.rglob("*"))
        if path.is_file() and path.relative_to(media).as_posix() not in referenced
    ]
    if not strays:
        return None, 0
    base = moved[0] if moved else database.with_name(f"cache-{label}-{now:%Y%m%dT%H%M%SZ}")
    folder = base.with_name(base.name.removesuffix(".sqlite3") + "-media")
    for path in strays:
        target = folder / path.relative_to(media)
        target.parent.mkdir(parents=True, exist_ok=True)
        path.replace(target)
    return folder, len(strays)
