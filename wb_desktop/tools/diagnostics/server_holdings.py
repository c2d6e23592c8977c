"""What the server has of a bundle's work, asked of the server itself after a replay.

A replay's own counters say what was sent, not what arrived: a photo's bytes can reach a
server that has no record of the photo (its create went to another server, the tablet's).
So the summary counts, per kind, the records the office sees (the admin ``office_view``) and,
for photos and signatures, the files the server holds complete (``GET /v1/blobs/{sha256}`` as
the technician). Only what was asked is claimed; nothing says "all".
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass

from wb_desktop.core.protocol import routes
from wb_desktop.core.protocol.admin import OfficeView
from wb_desktop.core.sync.transport import HttpRequest, Transport, TransportError
from wb_desktop.tools.diagnostics.sandbox import SandboxProfile

OfficeViewOf = Callable[[str], OfficeView]  # technician id -> the admin office view
# record type -> the office view's list; attachments -> (table, hash column)
_VIEW_KEYS = {
    "job": "jobs",
    "note": "notes",
    "photo": "photos",
    "signature": "signatures",
    "time_entry": "time_entries",
    "document": "documents",
    "payment": "payments",
}
_FILES = {"photo": ("photos", "sha256"), "signature": ("signatures", "png_sha256")}


@dataclass(frozen=True)
class KindOnServer:
    kind: str  # photo, note, …
    wanted: int  # records of this kind the bundle's work was about
    records: int  # of those, records the server has
    files: int | None = None  # photos and signatures: complete files the server holds

    def describe(self) -> str:
        text = f"{self.kind} records {self.records} of {self.wanted}"
        if self.files is not None:
            text += f", files {self.files} of {self.wanted}"
        return text


def work_of(sandbox: SandboxProfile) -> dict[str, set[str]]:
    """The records the bundle's work was about, by kind: the ops the server had not
    accepted and the attachments it had not got (read before a replay)."""
    wanted: dict[str, set[str]] = {}
    for op in sandbox.outbox():
        if op.get("state") != "done":
            wanted.setdefault(str(op.get("record_type")), set()).add(str(op.get("record_id")))
    for attachment in sandbox.facts().not_uploaded:
        wanted.setdefault(attachment.record_type, set()).add(attachment.record_id)
    return wanted


def on_server(
    sandbox: SandboxProfile,
    wanted: dict[str, set[str]],
    technician_id: str,
    office_view: OfficeViewOf,
    transport: Transport,
    token: str,
) -> tuple[KindOnServer, ...]:
    """Per kind in ``wanted``, how many of those records (and files) the server has."""
    view = office_view(technician_id)
    found = []
    for kind in sorted(wanted):
        ids = wanted[kind]
        rows = getattr(view, _VIEW_KEYS[kind]) if kind in _VIEW_KEYS else []
        present = {row.id for row in rows}
        files = None
        if kind in _FILES:
            hashes = _hashes(sandbox, kind, ids)
            files = sum(_complete(transport, token, sha) for sha in hashes)
        found.append(KindOnServer(kind, len(ids), len(ids & present), files))
    return tuple(found)


def _hashes(sandbox: SandboxProfile, kind: str, ids: set[str]) -> list[str]:
    table, column = _FILES[kind]
    uri = sandbox.paths.database.resolve().as_uri() + "?mode=ro"
    marks = ", ".join("?" for _ in ids)
    with closing(sqlite3.connect(uri, uri=True)) as db:
        rows = db.execute(f"SELECT {column} FROM {table} WHERE id IN ({marks})", sorted(ids))
        return [str(row[0]) for row in rows]


def _complete(transport: Transport, token: str, sha256: str) -> bool:
    request = HttpRequest("GET", routes.blob(sha256), headers={"Authorization": f"Bearer {token}"})
    try:
        reply = transport.send(request)
    except TransportError:
        return False
    if reply.status != 200:
        return False
    try:
        return bool(json.loads(reply.body).get("complete"))
    except (ValueError, AttributeError):
        return False
