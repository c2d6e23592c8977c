"""Alembic, run from code: find the shipped migrations, back up, upgrade, check.

The migrations live in the repository's top-level ``migrations/`` folder and are installed
as ``wb_desktop.migrations``, so a wheel install can create and upgrade a cache by itself.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

import wb_desktop
from wb_desktop.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.store.backup import backup_database
from wb_desktop.store.database import (
    DEFAULT_BUSY_TIMEOUT_MS,
    check_database_file,
    create_cache_engine,
    translate_open_errors,
)
from wb_desktop.store.errors import (
    InstallationError,
    MigrationError,
    NotADatabaseError,
    SchemaTooNewError,
)
from wb_desktop.store.models import Base

VERSION_TABLE = "alembic_version"


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


def check_schema(path: Path) -> SchemaCheck:
    """Compare the file with the models and the migrations without changing it."""
    head = head_revision()
    check_database_file(path)
    if not path.exists():
        return SchemaCheck(path, exists=False, current=None, head=head)
    engine = _read_only_engine(path)
    try:
        with translate_open_errors(path), engine.connect() as connection:
            current = _guard_revision(path, connection)
            diffs = compare_metadata(
                MigrationContext.configure(connection, opts={"compare_type": True}),
                Base.metadata,
            )
            integrity = connection.exec_driver_sql("PRAGMA quick_check").scalar()
    finally:
        engine.dispose()
    return SchemaCheck(
        path,
        exists=True,
        current=current,
        head=head,
        differences=[_describe_diff(diff) for diff in diffs],
        integrity=str(integrity),
    )


def read_current(path: Path, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> str | None:
    check_database_file(path)
    if not path.exists():
        return None
    engine = _read_only_engine(path, busy_timeout_ms)
    try:
        with translate_open_errors(path), engine.connect() as connection:
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
    """Back the file up (when it has data) and upgrade it to head in one transaction.

    Foreign keys are off while migrating, as batch mode recreates tables; they are checked
    before the commit, so a migration that breaks a reference rolls back whole.
    """
    # Refuse a foreign or newer file through a read-only connection first: a writable
    # connection switches the journal to WAL as it opens, which already changes the file.
    read_current(path, busy_timeout_ms=busy_timeout_ms)
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_cache_engine(path, busy_timeout_ms=busy_timeout_ms, foreign_keys=False)
    try:
        with translate_open_errors(path):
            with engine.connect() as connection:
                before = _guard_revision(path, connection)
                connection.rollback()
            backup = None
            if before is not None and backup_to is not None:
                backup = backup_database(path, backup_to, f"rev{before}", now)
            head = head_revision()
            if before != head:
                _run_upgrade(path, engine, backup)
            return UpgradeResult(path, before, head, backup)
    finally:
        engine.dispose()


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
