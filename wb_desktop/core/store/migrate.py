"""Alembic, run from code: find the shipped migrations, back up, upgrade, check.

The migrations live in the repository's top-level ``migrations/`` folder and are installed
as ``wb_desktop.migrations``, so a wheel install can create and upgrade a cache by itself.
"""

from __future__ import annotations

import importlib.util
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

import wb_desktop
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.store.backup import (
    BackupState,
    backup_database,
    check_backup,
    closed_file_uri,
    copy_backup,
    damaged_cache_error,
    has_wal_content,
    install,
    integrity_detail,
    list_backups,
    set_aside,
    side_files,
)
from wb_desktop.core.store.database import (
    DEFAULT_BUSY_TIMEOUT_MS,
    check_database_file,
    create_cache_engine,
    is_damaged_error,
    translate_open_errors,
)
from wb_desktop.core.store.errors import (
    CacheOpenError,
    DamagedCacheError,
    InstallationError,
    MigrationError,
    NotADatabaseError,
    RestoreError,
    SchemaTooNewError,
)
from wb_desktop.core.store.models import Base

VERSION_TABLE = "alembic_version"
CREATING_SUFFIX = ".creating"  # a new cache is built under this name, then renamed
# How thoroughly a read-only look checks the pages: "quick" is PRAGMA quick_check (every
# page and b-tree, not the indexes against their tables), "full" is PRAGMA integrity_check.
Check = Literal["none", "quick", "full"]
_PRAGMAS = {"quick": "quick_check", "full": "integrity_check"}


def migrations_dir() -> Path:
    """The installed ``wb_desktop.migrations`` package, or ``migrations/`` in a source tree."""
    spec = importlib.util.find_spec("wb_desktop.migrations")
    if spec is not None and spec.origin:
        return Path(spec.origin).parent
    source_tree = Path(wb_desktop.__file__).resolve().parent.parent / "migrations"
    if (source_tree / "env.py").is_file():
        return source_tree
    raise InstallationError(
        Text(
            QT_TRANSLATE_NOOP(
                "Domain",
                "The cache migrations are missing from this installation of WorkBoss Desktop."
                " Reinstall it (pip install --force-reinstall wb-desktop); no data was touched.",
            )
        )
    )


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None, "the migrations have no head"
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in script_directory().walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


@dataclass(frozen=True)
class SchemaCheck:
    """What ``wb-desktop db check`` reports."""

    path: Path
    exists: bool
    current: str | None
    head: str
    differences: list[str] = field(default_factory=list)
    integrity: str = "not checked"

    @property
    def is_current(self) -> bool:
        return self.current == self.head

    @property
    def ok(self) -> bool:
        return self.exists and self.is_current and not self.differences and self.integrity == "ok"


def _guard_revision(path: Path, connection: Connection) -> str | None:
    """The file's revision, refusing foreign databases and newer schemas."""
    revision = current_revision(connection)
    if revision is None:
        # An empty version table is what a downgrade to base leaves: still our file.
        tables = set(inspect(connection).get_table_names()) - {VERSION_TABLE}
        if tables:
            raise NotADatabaseError(
                path,
                Text(
                    QT_TRANSLATE_NOOP("Domain", "it holds other tables (%1) but no cache schema"),
                    ", ".join(sorted(tables)[:5]),
                ),
            )
    elif revision not in known_revisions():
        raise SchemaTooNewError(path, revision)
    return revision


def _read_only_engine(path: Path, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> Engine:
    return create_cache_engine(path, busy_timeout_ms=busy_timeout_ms, read_only=True)


def _check_pages(path: Path, connection: Connection, check: Check) -> None:
    """Raise :class:`DamagedCacheError` when SQLite's page check finds anything wrong."""
    if check == "none":
        return
    try:
        rows = connection.exec_driver_sql(f"PRAGMA {_PRAGMAS[check]}(3)").fetchall()
    except DBAPIError as error:
        if not is_damaged_error(error):
            raise
        rows = [(str(error.orig),)]
    problems = [str(row[0]) for row in rows if str(row[0]) != "ok"]
    if problems:
        raise damaged_cache_error(path, integrity_detail(problems))


def check_schema(path: Path) -> SchemaCheck:
    """Compare the file with the models and the migrations without changing it.

    A damaged file (empty, truncated, failing ``PRAGMA integrity_check``) raises
    :class:`DamagedCacheError` instead of being reported on."""
    head = head_revision()
    check_database_file(path)
    if not path.exists():
        return SchemaCheck(path, exists=False, current=None, head=head)
    engine = _read_only_engine(path)
    try:
        with translate_open_errors(path), engine.connect() as connection:
            _check_pages(path, connection, "full")
            current = _guard_revision(path, connection)
            diffs = compare_metadata(
                MigrationContext.configure(connection, opts={"compare_type": True}),
                Base.metadata,
            )
    finally:
        engine.dispose()
    return SchemaCheck(
        path,
        exists=True,
        current=current,
        head=head,
        differences=[_describe_diff(diff) for diff in diffs],
        integrity="ok",
    )


def read_current(
    path: Path, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS, check: Check = "quick"
) -> str | None:
    """The file's schema revision, read without changing it; ``None`` for no file or no
    schema. Refuses foreign, newer and damaged files (``check`` says how hard to look)."""
    check_database_file(path)
    if not path.exists():
        return None
    engine = _read_only_engine(path, busy_timeout_ms)
    try:
        with translate_open_errors(path), engine.connect() as connection:
            _check_pages(path, connection, check)
            return _guard_revision(path, connection)
    finally:
        engine.dispose()


def _describe_diff(diff: object) -> str:
    if isinstance(diff, tuple) and diff:
        return " ".join(str(part) for part in diff[:3])
    if isinstance(diff, list):
        return "; ".join(_describe_diff(item) for item in diff)
    return str(diff)


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
                before = _guard_revision(path, connection)
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


def integrity_check(engine: Engine) -> str:
    with engine.connect() as connection:
        return str(connection.execute(text("PRAGMA integrity_check")).scalar())


# --- restoring a backup ------------------------------------------------------------------


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


def cache_problem(path: Path, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> str | None:
    """What makes the cache at ``path`` unusable (damaged, or not a cache), or ``None`` when
    it is missing or whole (a full integrity check). Locked and newer files raise."""
    try:
        read_current(path, busy_timeout_ms=busy_timeout_ms, check="full")
    except DamagedCacheError as error:
        return str(error.detail)
    except NotADatabaseError:
        return "it is not a WorkBoss cache database"
    return None


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
