"""The cache's tables as plain rows, for a read-only browser: every column, as stored.

Support reads the rows as the cache holds them (its own column names, its sync state), so
what they see is what the tablet has, not what a screen makes of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from wb_desktop.core.store.models import (
    Base,
    Customer,
    Document,
    Job,
    Note,
    OutboxOp,
    Payment,
    Photo,
    Signature,
    TimeEntry,
)

DEFAULT_LIMIT = 5000
_FIRST = ("id", "op_id", "seq", "sync_state", "state")


@dataclass(frozen=True)
class CacheTable:
    """A table the browser offers; ``key`` is the office view's key for the same records
    (None: the office has no such thing, like the outbox)."""

    name: str
    model: type[Base]
    order_by: str
    key: str | None
    identity: str = "id"

    @property
    def table(self) -> Table:
        return self.model.__table__  # type: ignore[attr-defined, no-any-return]


CACHE_TABLES: tuple[CacheTable, ...] = (
    CacheTable("jobs", Job, "scheduled_start", "jobs"),
    CacheTable("customers", Customer, "name", "customers"),
    CacheTable("notes", Note, "created_at", "notes"),
    CacheTable("photos", Photo, "created_at", "photos"),
    CacheTable("signatures", Signature, "captured_at", "signatures"),
    CacheTable("time_entries", TimeEntry, "clock_in", "time_entries"),
    CacheTable("documents", Document, "created_at", "documents"),
    CacheTable("payments", Payment, "created_at", "payments", identity="idempotency_key"),
    CacheTable("outbox", OutboxOp, "seq", None, identity="op_id"),
)
TABLES_BY_NAME: Mapping[str, CacheTable] = {table.name: table for table in CACHE_TABLES}


@dataclass(frozen=True)
class TableRows:
    columns: tuple[str, ...]
    rows: tuple[Mapping[str, Any], ...]
    total: int  # rows in the table; more than ``len(rows)`` when the limit cut it

    @property
    def truncated(self) -> bool:
        return self.total > len(self.rows)


def read_table(session: Session, name: str, limit: int = DEFAULT_LIMIT) -> TableRows:
    """Up to ``limit`` rows of one of :data:`CACHE_TABLES`, in a stable order."""
    spec = TABLES_BY_NAME[name]
    table = spec.table
    columns = ordered_columns([column.name for column in table.columns])
    query = select(table).order_by(table.c[spec.order_by], table.c[spec.identity]).limit(limit)
    rows = tuple(dict(row) for row in session.execute(query).mappings())
    total = session.scalar(select(func.count()).select_from(table)) or 0
    return TableRows(columns, rows, total)


def ordered_columns(names: list[str]) -> tuple[str, ...]:
    """Identity and state first, bookkeeping (versions, stamps) last, the rest as declared."""
    last = ("version", "created_at", "updated_at", "sync_error")
    first = [name for name in _FIRST if name in names]
    middle = [name for name in names if name not in first and name not in last]
    return (*first, *middle, *(name for name in last if name in names))


def office_columns(rows: list[Mapping[str, Any]]) -> tuple[str, ...]:
    """The columns of the office's records: every key any of them has."""
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    return ordered_columns(list(seen))
