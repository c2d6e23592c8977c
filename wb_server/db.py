"""The server's database: engine for SQLite or PostgreSQL, and migrations on start."""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from wb_server.feed import drop_staged_feed, write_staged_feed

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
WRITE_OPTION = "wb_write"
# deadlock_detected, serialization_failure
RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})
T = TypeVar("T")
MIGRATION_LOCK = 0x57_42_4D  # "WBM", an advisory-lock key of its own


def create_server_engine(url: str) -> Engine:
    """SQLite gets WAL, full fsync and a busy timeout; PostgreSQL runs as configured."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        # Writers take the lock up front rather than fail on a lock upgrade mid-transaction.
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def alembic_config(connection: Any | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate(engine: Engine) -> None:
    """Upgrade to head in one transaction; a server schema is never created with create_all.

    Several processes may start at once on one PostgreSQL database (``wb-server --workers``):
    the first to take the migration lock upgrades, the others wait and then find the schema
    at head. On SQLite ``BEGIN IMMEDIATE`` does the same.
    """
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        command.upgrade(alembic_config(connection), "head")


def session_factories(engine: Engine) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
    """Readers and writers; on SQLite a writer's transaction starts with BEGIN IMMEDIATE.

    Both write the feed rows their transaction staged just before it commits, in commit
    order (see :mod:`wb_server.feed`).
    """
    reader = sessionmaker(engine, expire_on_commit=False)
    writer = sessionmaker(engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False)
    for factory in (reader, writer):
        event.listen(factory, "before_commit", write_staged_feed)
        event.listen(factory, "after_rollback", drop_staged_feed)
    return reader, writer


def retry_on_lock_conflict(work: Callable[[], T], attempts: int = 5) -> T:
    """Run a whole transaction again when PostgreSQL aborted it to break a deadlock.

    Batches lock their records in one order, so this is rare (an op naming a record the
    prefetch did not see); the transaction left nothing behind, so running it again is safe.
    """
    for attempt in range(attempts):
        try:
            return work()
        except DBAPIError as error:
            code = getattr(error.orig, "sqlstate", None)
            if code not in RETRYABLE_SQLSTATES or attempt == attempts - 1:
                raise
            time.sleep(random.uniform(0, 0.005 * 2**attempt))
    raise AssertionError("unreachable")


def insert_or_ignore(session: Session, model: type[Any]) -> Any:
    """The dialect's INSERT that can say ``ON CONFLICT DO NOTHING`` (SQLite and PostgreSQL)."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(model)
    return sqlite.insert(model)
