"""Alembic, run from code: create the cache, or back it up and upgrade it to head.

Where the migrations are and their head is ``alembic_scripts``; the read-only looks at a file
(its revision, ``db check``) are ``cache_checks``; restoring a backup is ``restore``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.store.alembic_scripts import alembic_config, head_revision
from wb_desktop.core.store.backup import (
    backup_database,
    has_wal_content,
    install,
    side_files,
)
from wb_desktop.core.store.cache_checks import guard_revision, read_current
from wb_desktop.core.store.database import (
    DEFAULT_BUSY_TIMEOUT_MS,
    check_database_file,
    create_cache_engine,
    translate_open_errors,
)
from wb_desktop.core.store.errors import CacheOpenError, MigrationError

__all__ = ["CREATING_SUFFIX", "UpgradeResult", "head_revision", "upgrade_database"]

CREATING_SUFFIX = ".creating"  # a new cache is built under this name, then renamed


@dataclass(frozen=True)
class UpgradeResult:
    path: Path
    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


def upgrade_database(
    path: Path,
    *,
    backup_to: Path | None,
    now: datetime,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
) -> UpgradeResult:
    """Create the cache, or back it up (when it has data) and upgrade it to head in one
    transaction.

    Only a *missing* file is a new cache; it is built under a temporary name and renamed into
    place once at head, so a crash never leaves an empty or half-made file at ``path``. An
    existing file is refused before any writable connection (a writable connection switches
    the journal to WAL as it opens, and checkpoints as it closes) when it is foreign, newer,
    empty, truncated or damaged. The backup is the page check: the copy, page for page the
    file, must pass ``PRAGMA quick_check`` (see ``store/backup.py`` for why not
    ``integrity_check`` on every start); without a backup the file itself is quick-checked.

    Foreign keys are off while migrating, as batch mode recreates tables; they are checked
    before the commit, so a migration that breaks a reference rolls back whole.
    """
    check_database_file(path)
    if not path.exists():
        return _create_database(path, now, busy_timeout_ms)
    before = read_current(path, busy_timeout_ms=busy_timeout_ms, check="none")
    backup = None
    if before is not None and backup_to is not None:
        with translate_open_errors(path):  # the copy's check is the file's
            backup = backup_database(path, backup_to, f"rev{before}", now)
    else:
        read_current(path, busy_timeout_ms=busy_timeout_ms, check="quick")
    engine = create_cache_engine(path, busy_timeout_ms=busy_timeout_ms, foreign_keys=False)
    try:
        with translate_open_errors(path):
            with engine.connect() as connection:
                before = guard_revision(path, connection)
                connection.rollback()
            head = head_revision()
            if before != head:
                _run_upgrade(path, engine, backup)
            return UpgradeResult(path, before, head, backup)
    finally:
        engine.dispose()


def _create_database(path: Path, now: datetime, busy_timeout_ms: int) -> UpgradeResult:
    """A new cache at head, made under a temporary name and renamed to ``path`` when whole.

    SQLite creates an empty file as it connects: made in place, a crash before the schema
    was committed would leave a 0-byte ``path``, which is refused as damaged from then on.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    creating = path.with_name(path.name + CREATING_SUFFIX)
    for leftover in (creating, *side_files(creating)):  # a crash while creating: never data
        leftover.unlink(missing_ok=True)
    engine = create_cache_engine(creating, busy_timeout_ms=busy_timeout_ms, foreign_keys=False)
    try:
        with translate_open_errors(path):
            _run_upgrade(path, engine, None)
        engine.dispose()  # the last connection closing moves the WAL into the file
        if has_wal_content(creating):
            raise CacheOpenError(path, f"{path} could not be created: its WAL was not emptied")
    except BaseException:
        engine.dispose()
        for partial in (creating, *side_files(creating)):
            partial.unlink(missing_ok=True)
        raise
    check_database_file(path)  # another process may have created it meanwhile
    if path.exists():
        for partial in (creating, *side_files(creating)):
            partial.unlink(missing_ok=True)
        return upgrade_database(path, backup_to=None, now=now, busy_timeout_ms=busy_timeout_ms)
    install(creating, path)
    return UpgradeResult(path, None, head_revision(), None)


def _run_upgrade(path: Path, engine: Engine, backup: Path | None) -> None:
    try:
        with engine.execution_options(wb_write=True).begin() as connection:
            command.upgrade(alembic_config(connection), "head")
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise MigrationError(
                    path,
                    Text(QT_TRANSLATE_NOOP("Domain", "broken references found: %1"), len(broken)),
                    backup,
                )
    except (DBAPIError, MigrationError):
        raise
    except Exception as error:  # a migration script's own failure
        raise MigrationError(path, str(error), backup) from error
