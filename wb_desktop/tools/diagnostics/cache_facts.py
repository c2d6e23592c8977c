"""What support asks of a cache file first: whose, which schema, what waits in the outbox,
which attachments never reached the server.

Read with plain ``sqlite3`` from a copy (the bundle's, or a sandbox's), so it works on a cache
at an older schema revision and never upgrades or otherwise changes the file.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from wb_desktop.tools.diagnostics.manifest import Technician

OUTBOX_COLUMNS = (
    "op_id",
    "seq",
    "kind",
    "record_type",
    "record_id",
    "base_version",
    "state",
    "result",
    "attempts",
    "last_error",
    "next_attempt_at",
    "created_at",
    "completed_at",
    "payload",
)
_TIME_COLUMNS = frozenset({"next_attempt_at", "created_at", "completed_at"})


@dataclass(frozen=True)
class DeadOp:
    op_id: str
    seq: int
    kind: str
    record_id: str
    last_error: str


@dataclass(frozen=True)
class Attachment:
    """A photo or signature as the tablet last knew it."""

    record_type: str
    record_id: str
    job_id: str
    upload_state: str
    sync_state: str
    sync_error: str
    path: str


@dataclass(frozen=True)
class CacheFacts:
    revision: str | None
    technician: Technician | None
    device_id: str | None
    outbox_by_state: dict[str, int] = field(default_factory=dict)
    dead_ops: list[DeadOp] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)

    @property
    def not_uploaded(self) -> list[Attachment]:
        """Attachments the server does not have (as far as the tablet knows)."""
        return [a for a in self.attachments if a.upload_state != "uploaded"]


def utc_text(value: Any) -> str | None:
    """A stored naive-UTC time as ISO 8601 with its zone; anything else as it is."""
    if value is None:
        return None
    try:
        return datetime.fromisoformat(str(value)).replace(tzinfo=UTC).isoformat()
    except ValueError:
        return str(value)


def _one(connection: sqlite3.Connection, sql: str) -> tuple[Any, ...] | None:
    try:
        row: tuple[Any, ...] | None = connection.execute(sql).fetchone()
    except sqlite3.OperationalError:  # the table does not exist at this revision
        return None
    return row


def _all(connection: sqlite3.Connection, sql: str) -> list[tuple[Any, ...]]:
    try:
        return list(connection.execute(sql).fetchall())
    except sqlite3.OperationalError:
        return []


def read_facts(connection: sqlite3.Connection) -> CacheFacts:
    revision = _one(connection, "SELECT version_num FROM alembic_version")
    profile = _one(connection, "SELECT id, display_name, email FROM technician_profile")
    device = _one(connection, "SELECT id FROM device")
    by_state = dict(_all(connection, "SELECT state, count(*) FROM outbox GROUP BY state"))
    dead = [
        DeadOp(str(op_id), int(seq), str(kind), str(record_id), str(error or ""))
        for op_id, seq, kind, record_id, error in _all(
            connection,
            "SELECT op_id, seq, kind, record_id, last_error FROM outbox"
            " WHERE state = 'dead' ORDER BY seq",
        )
    ]
    attachments = [
        Attachment(*(str(value or "") for value in row))
        for row in _all(
            connection,
            "SELECT 'signature', id, job_id, upload_state, sync_state, sync_error, png_path"
            " FROM signatures UNION ALL"
            " SELECT 'photo', id, job_id, upload_state, sync_state, sync_error, stored_path"
            " FROM photos ORDER BY 1 DESC, 2",
        )
    ]
    return CacheFacts(
        revision=None if revision is None else str(revision[0]),
        technician=None if profile is None else Technician(*(str(v) for v in profile)),
        device_id=None if device is None else str(device[0]),
        outbox_by_state={str(state): int(count) for state, count in by_state.items()},
        dead_ops=dead,
        attachments=attachments,
    )


def outbox_rows(connection: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every op, oldest first, with what it waits for: the bundle's ``outbox.json``."""
    depends: dict[str, list[str]] = {}
    for op_id, depends_on in _all(
        connection, "SELECT op_id, depends_on FROM outbox_dependencies ORDER BY op_id"
    ):
        depends.setdefault(op_id, []).append(depends_on)
    names = ", ".join(OUTBOX_COLUMNS)
    rows = []
    for values in _all(connection, f"SELECT {names} FROM outbox ORDER BY seq"):
        row = dict(zip(OUTBOX_COLUMNS, values, strict=True))
        for column in _TIME_COLUMNS:
            row[column] = utc_text(row[column])
        row["payload"] = _json(row["payload"])
        row["depends_on"] = depends.get(row["op_id"], [])
        rows.append(row)
    return rows


def _json(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        return value
