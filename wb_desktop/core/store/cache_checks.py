"""Read-only looks at a cache file: its schema revision, its pages, its schema against the
models. None changes the file; each refuses foreign, newer and damaged files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.store.alembic_scripts import (
    VERSION_TABLE,
    current_revision,
    head_revision,
    known_revisions,
)
from wb_desktop.core.store.backup import damaged_cache_error, integrity_detail
from wb_desktop.core.store.database import (
    DEFAULT_BUSY_TIMEOUT_MS,
    check_database_file,
    create_cache_engine,
    is_damaged_error,
    translate_open_errors,
)
from wb_desktop.core.store.errors import (
    DamagedCacheError,
    NotADatabaseError,
    SchemaTooNewError,
)
from wb_desktop.core.store.models import Base

# How thoroughly a read-only look checks the pages: "quick" is PRAGMA quick_check (every
# page and b-tree, not the indexes against their tables), "full" is PRAGMA integrity_check.
Check = Literal["none", "quick", "full"]
_PRAGMAS = {"quick": "quick_check", "full": "integrity_check"}


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


def guard_revision(path: Path, connection: Connection) -> str | None:
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
            current = guard_revision(path, connection)
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
            return guard_revision(path, connection)
    finally:
        engine.dispose()


def _describe_diff(diff: object) -> str:
    if isinstance(diff, tuple) and diff:
        return " ".join(str(part) for part in diff[:3])
    if isinstance(diff, list):
        return "; ".join(_describe_diff(item) for item in diff)
    return str(diff)


def integrity_check(engine: Engine) -> str:
    with engine.connect() as connection:
        return str(connection.execute(text("PRAGMA integrity_check")).scalar())


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
