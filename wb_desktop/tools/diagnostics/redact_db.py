"""Redacting the bundle's COPY of the cache: customer data out, the schema untouched.

First every real value is collected where the schema says it lives (customers, job addresses,
signers, customer ops in the outbox with their previous values, conflicts on those fields),
so that the text pass can also find them where a person typed them (a note, an invoice
line). Then every free-text and JSON column of every table is rewritten, photos and
signatures are marked as left out, and the file is vacuumed so no old page keeps the text.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from sqlalchemy import JSON, Enum, String, Table

from wb_desktop.core.store.models import Base
from wb_desktop.tools.diagnostics.redact import COORDINATE_DECIMALS, Redactor, is_structural

PHOTO_MARK = "[redacted]"
# A plain line: the signature's shape is left out, yet the record stays a valid signature
# (the server refuses an empty one), so a replay still sends it.
PLACEHOLDER_STROKES = [[[0.0, 0.0, 0.5, 0.0], [100.0, 0.0, 0.5, 100.0]]]
_CUSTOMER_FIELDS = ("name", "phone", "email", "address")
_SKIPPED_TABLES = frozenset({"technician_profile", "alembic_version"})


def _table_columns(connection: sqlite3.Connection, name: str) -> set[str]:
    return {row[1] for row in connection.execute(f'PRAGMA table_info("{name}")')}


def _loads(text: Any) -> Any:
    if not isinstance(text, str):
        return text
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def collect_values(connection: sqlite3.Connection, redactor: Redactor) -> dict[str, int]:
    """Register the cache's customer data; returns the customer numbers by customer id."""
    numbers: dict[str, int] = {}
    rows = connection.execute(
        "SELECT id, name, phone, email, address FROM customers ORDER BY created_at, id"
    )
    for index, (customer_id, *values) in enumerate(rows, start=1):
        numbers[customer_id] = index
        for kind, value in zip(_CUSTOMER_FIELDS, values, strict=True):
            redactor.add(kind, value, index)
    for record_id, payload in connection.execute(
        "SELECT record_id, payload FROM outbox WHERE record_type = 'customer' ORDER BY seq"
    ):
        document = _loads(payload)
        if isinstance(document, dict):
            for part in (document, document.get("fields"), document.get("previous")):
                _collect_customer_fields(redactor, part, numbers.get(record_id))
    for field, record_id, local, server in connection.execute(
        "SELECT field, record_id, local_value, server_value FROM conflicts"
    ):
        if field in _CUSTOMER_FIELDS:
            for value in (_loads(local), _loads(server)):
                redactor.add(field, value, numbers.get(record_id))
    for (address,) in connection.execute("SELECT address FROM jobs ORDER BY created_at, id"):
        redactor.add("address", address)
    for (signer,) in connection.execute("SELECT signer_name FROM signatures ORDER BY created_at"):
        redactor.add("signer", signer)
    for table, column in _json_columns(connection):
        for (value,) in connection.execute(f'SELECT "{column}" FROM "{table}"'):
            redactor.collect_json(_loads(value))
    return numbers


def _collect_customer_fields(redactor: Redactor, part: Any, number: int | None) -> None:
    if isinstance(part, dict):
        for kind in _CUSTOMER_FIELDS:
            redactor.add(kind, part.get(kind), number)


def _tables(connection: sqlite3.Connection) -> Iterator[tuple[Table, set[str]]]:
    for table in Base.metadata.sorted_tables:
        if table.name in _SKIPPED_TABLES:
            continue
        present = _table_columns(connection, table.name)
        if present:
            yield table, present


def _json_columns(connection: sqlite3.Connection) -> Iterator[tuple[str, str]]:
    for table, present in _tables(connection):
        for column in table.columns:
            if isinstance(column.type, JSON) and column.name in present:
                yield table.name, column.name


def _scrubbed_columns(table: Table, present: set[str]) -> tuple[list[str], list[str]]:
    """(free-text columns, JSON columns): never keys, enums, ids or codes."""
    texts, documents = [], []
    for column in table.columns:
        if column.name not in present or column.primary_key or column.foreign_keys:
            continue
        if isinstance(column.type, JSON):
            documents.append(column.name)
        elif (
            isinstance(column.type, String)
            and not isinstance(column.type, Enum)
            and not is_structural(column.name)
        ):
            texts.append(column.name)
    return texts, documents


def rewrite_database(connection: sqlite3.Connection, redactor: Redactor) -> list[dict[str, str]]:
    """Scrub every table in place, mark attachments; returns the media left out."""
    left_out = _mark_media(connection)
    _replace_fields(connection, redactor)
    connection.execute(
        "UPDATE location_pings SET latitude = round(latitude, ?), longitude = round(longitude, ?)",
        (COORDINATE_DECIMALS, COORDINATE_DECIMALS),
    )
    for table, present in _tables(connection):
        texts, documents = _scrubbed_columns(table, present)
        if not texts and not documents:
            continue
        columns = texts + documents
        names = ", ".join(f'"{c}"' for c in columns)
        updates = []
        for rowid, *values in connection.execute(f'SELECT rowid, {names} FROM "{table.name}"'):
            new_values = [
                redactor.text(v) if isinstance(v, str) else v for v in values[: len(texts)]
            ] + [_scrub_json(redactor, v) for v in values[len(texts) :]]
            if new_values != values:
                updates.append((*new_values, rowid))
        if updates:
            assignments = ", ".join(f'"{c}" = ?' for c in columns)
            connection.executemany(
                f'UPDATE "{table.name}" SET {assignments} WHERE rowid = ?', updates
            )
    return left_out


def _replace_fields(connection: sqlite3.Connection, redactor: Redactor) -> None:
    """The fields that ARE customer data become their placeholders whole, however short."""
    rows = connection.execute("SELECT id, name, phone, email, address FROM customers").fetchall()
    connection.executemany(
        "UPDATE customers SET name = ?, phone = ?, email = ?, address = ? WHERE id = ?",
        [
            (
                *(
                    redactor.placeholder(kind, value)
                    for kind, value in zip(_CUSTOMER_FIELDS, values, strict=True)
                ),
                record_id,
            )
            for record_id, *values in rows
        ],
    )
    for table, column, kind in (
        ("jobs", "address", "address"),
        ("signatures", "signer_name", "signer"),
    ):
        rows = connection.execute(f'SELECT id, "{column}" FROM "{table}"').fetchall()
        connection.executemany(
            f'UPDATE "{table}" SET "{column}" = ? WHERE id = ?',
            [(redactor.placeholder(kind, value), record_id) for record_id, value in rows],
        )


def _scrub_json(redactor: Redactor, stored: Any) -> Any:
    if not isinstance(stored, str):
        return stored
    try:
        document = json.loads(stored)
    except json.JSONDecodeError:
        return redactor.text(stored)
    scrubbed = redactor.json(document)
    return stored if scrubbed == document else json.dumps(scrubbed)


def _mark_media(connection: sqlite3.Connection) -> list[dict[str, str]]:
    """Photos and signatures stay as rows (so the outbox and the schema hold), but their
    pictures go: photo names are marked, signature strokes become a plain line."""
    left_out: list[dict[str, str]] = []
    for record_id, sha256, path in connection.execute(
        "SELECT id, sha256, stored_path FROM photos ORDER BY created_at, id"
    ).fetchall():
        left_out.append({"record_type": "photo", "id": record_id, "sha256": sha256, "path": path})
    for record_id, sha256, path in connection.execute(
        "SELECT id, png_sha256, png_path FROM signatures ORDER BY created_at, id"
    ).fetchall():
        left_out.append(
            {"record_type": "signature", "id": record_id, "sha256": sha256, "path": path}
        )
    strokes = json.dumps(PLACEHOLDER_STROKES)
    connection.execute("UPDATE photos SET original_name = ?", (PHOTO_MARK,))
    connection.execute("UPDATE signatures SET strokes = ?", (strokes,))
    for op_id, kind, payload in connection.execute(
        "SELECT op_id, kind, payload FROM outbox WHERE kind IN ('photo.create', 'signature.create')"
    ).fetchall():
        document = _loads(payload)
        if not isinstance(document, dict):
            continue
        if kind == "photo.create":
            document["original_name"] = PHOTO_MARK
        else:
            document["strokes"] = PLACEHOLDER_STROKES
        connection.execute(
            "UPDATE outbox SET payload = ? WHERE op_id = ?", (json.dumps(document), op_id)
        )
    return left_out


def redact_database_copy(
    connection: sqlite3.Connection, redactor: Redactor
) -> list[dict[str, str]]:
    """Rewrite the copy in one transaction, then vacuum it; the caller has collected the
    values already. ``connection`` is in autocommit mode (``isolation_level=None``)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        left_out = rewrite_database(connection, redactor)
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
    connection.execute("VACUUM")
    return left_out
