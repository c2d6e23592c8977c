"""The SQLite engine of the local cache: pragmas, transactions, and the checks before opening.

Transactions are explicit: reads start with ``BEGIN`` and writes with ``BEGIN IMMEDIATE``,
so a write takes the lock up front and waits on the busy timeout instead of failing half-way
when the sync worker writes at the same moment.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.store.backup import (
    SQLITE_HEADER,
    damaged_cache_error,
    has_wal_content,
    side_files,
)
from wb_desktop.core.store.errors import CacheOpenError, DatabaseLockedError, NotADatabaseError

HEADER_BYTES = 100
MIN_DATABASE_BYTES = 512  # the smallest page size: a shorter SQLite file is cut off
DEFAULT_BUSY_TIMEOUT_MS = 5_000
WAL_SIZE_LIMIT_BYTES = 4 * 1024 * 1024
_WRITE_OPTION = "wb_write"


def check_database_file(path: Path) -> None:
    """Refuse a file that exists but is not SQLite, or is a damaged cache, before SQLite gets
    a chance to touch it. A missing file passes (it is a new cache) unless its write-ahead
    log is still there: then the database itself was lost."""
    if not path.exists():
        if has_wal_content(path):
            raise damaged_cache_error(
                path,
                Text(
                    QT_TRANSLATE_NOOP(
                        "Domain", "the file is missing but its write-ahead log %1 is still there"
                    ),
                    str(side_files(path)[0]),
                ),
            )
        return
    if path.is_dir():
        raise NotADatabaseError(path, "it is a folder")
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(HEADER_BYTES)
    except OSError as error:
        raise CacheOpenError(path, f"{path} cannot be read: {error.strerror or error}") from error
    if size == 0:
        # SQLite would take an empty file for a new database and write a schema over it.
        raise damaged_cache_error(path, Text(QT_TRANSLATE_NOOP("Domain", "it is empty: 0 bytes")))
    if not header.startswith(SQLITE_HEADER):
        raise NotADatabaseError(path, "it does not start with the SQLite header")
    expected = _size_in_header(header)
    if size < MIN_DATABASE_BYTES or (
        expected is not None and size < expected and not has_wal_content(path)
    ):
        # With WAL content the header may be ahead of the file (a checkpoint cut short),
        # and SQLite completes it; the integrity check judges such a file instead.
        detail = (
            Text(QT_TRANSLATE_NOOP("Domain", "it is truncated: only %1 bytes are there"), size)
            if expected is None
            else Text(
                QT_TRANSLATE_NOOP("Domain", "it is truncated: only %1 of its %2 bytes are there"),
                size,
                expected,
            )
        )
        raise damaged_cache_error(path, detail)


def _size_in_header(header: bytes) -> int | None:
    """The database size the SQLite header gives, when the header vouches for it."""
    if len(header) < HEADER_BYTES:
        return None
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    change_counter = header[24:28]
    valid_for = header[92:96]
    if pages == 0 or change_counter != valid_for or page_size < 512:
        return None
    return page_size * pages


def _configure_connection(
    dbapi_connection: sqlite3.Connection, busy_timeout_ms: int, foreign_keys: bool, read_only: bool
) -> None:
    dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see module docstring)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() != "wal" and not read_only:
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        # A checkpoint truncates the WAL back to this, so a long reader cannot leave it huge
        # in the quota; 4 MB is above the usual autocheckpoint size, so no cost per commit.
        cursor.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT_BYTES}")
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    finally:
        cursor.close()


def create_cache_engine(
    path: Path,
    *,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    foreign_keys: bool = True,
    read_only: bool = False,
) -> Engine:
    """An engine for one cache file; each thread gets its own connection from the pool.

    ``read_only`` opens the file with SQLite's ``mode=ro``, for checks that must not change it.
    """
    if read_only:
        url = URL.create(
            "sqlite+pysqlite",
            database=f"{path.resolve().as_uri()}?mode=ro",
            query={"uri": "true"},
        )
    else:
        url = URL.create("sqlite+pysqlite", database=str(path))
    engine = create_engine(
        url, connect_args={"timeout": busy_timeout_ms / 1000, "check_same_thread": False}
    )

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        _configure_connection(dbapi_connection, busy_timeout_ms, foreign_keys, read_only)

    @event.listens_for(engine, "begin")
    def on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(_WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def is_locked_error(error: BaseException) -> bool:
    original = error.orig if isinstance(error, DBAPIError) else error
    return isinstance(original, sqlite3.OperationalError) and "locked" in str(original).lower()


def is_not_a_database_error(error: BaseException) -> bool:
    original = error.orig if isinstance(error, DBAPIError) else error
    text = str(original).lower()
    return isinstance(original, sqlite3.DatabaseError) and (
        "not a database" in text or "file is encrypted" in text
    )


def is_damaged_error(error: BaseException) -> bool:
    """SQLite found a damaged page (``SQLITE_CORRUPT``) while reading."""
    original = error.orig if isinstance(error, DBAPIError) else error
    text = str(original).lower()
    return isinstance(original, sqlite3.DatabaseError) and (
        "malformed" in text or "corrupt" in text
    )


@contextmanager
def translate_open_errors(path: Path) -> Iterator[None]:
    """Turn SQLite's low-level errors while opening into the typed errors people can act on."""
    try:
        yield
    except (DBAPIError, sqlite3.Error) as error:
        if is_locked_error(error):
            raise DatabaseLockedError(path) from error
        detail = str(getattr(error, "orig", error))
        if is_damaged_error(error) or (is_not_a_database_error(error) and _is_sqlite(path)):
            # SQLite's own header, yet SQLite cannot read it: damaged, not someone else's.
            raise damaged_cache_error(
                path, Text(QT_TRANSLATE_NOOP("Domain", "SQLite cannot read it: %1"), detail)
            ) from error
        if is_not_a_database_error(error):
            raise NotADatabaseError(path, detail) from error
        raise CacheOpenError(path, f"{path} could not be opened: {detail}") from error


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


@dataclass
class Database:
    """An open cache: reader and writer session factories over one engine."""

    path: Path
    engine: Engine
    _reader: sessionmaker[Session] = field(init=False)
    _writer: sessionmaker[Session] = field(init=False)

    def __post_init__(self) -> None:
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(
            self.engine.execution_options(**{_WRITE_OPTION: True}), expire_on_commit=False
        )

    @classmethod
    def open(cls, path: Path, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> Database:
        check_database_file(path)
        return cls(path, create_cache_engine(path, busy_timeout_ms=busy_timeout_ms))

    def reader(self) -> Session:
        """A session for reads; it never takes the write lock."""
        return self._reader()

    def writer(self) -> Session:
        """A session whose transaction starts with ``BEGIN IMMEDIATE``."""
        return self._writer()

    def dispose(self) -> None:
        self.engine.dispose()
