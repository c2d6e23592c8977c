"""What went wrong on the tablet, in plain words, from an opened bundle alone.

Support reads the summary before anything else, so it states the cause: which requests the
server refused (and what it answered), what they were about (photos on a named job, not
UUIDs), what still waits and behind what, the last sync that worked, the offline periods and
the log's warnings. Each line keeps the request ids of the trace rows behind it, so the
console can show those rows. The findings are structured too: "Save as a scenario" turns
them into fault and network steps (:mod:`wb_desktop.tools.diagnostics.repro`).

This module reads the bundle; the findings are data in
:mod:`~wb_desktop.tools.diagnostics.diagnosis_findings` and their words are in
:mod:`~wb_desktop.tools.diagnostics.diagnosis_words`.

Qt-free and English-only, like the rest of the diagnostics command line.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from datetime import tzinfo
from pathlib import Path

from wb_desktop.core.protocol import routes
from wb_desktop.core.protocol.kinds import FaultKind
from wb_desktop.core.sync.trace import TraceEvent, TraceLog
from wb_desktop.tools.diagnostics.diagnosis_findings import (
    Diagnosis,
    OfflinePeriod,
    RecordRef,
    RefusedRequests,
    WaitingChanges,
    fault_route,
)
from wb_desktop.tools.diagnostics.diagnosis_words import diagnosis_lines
from wb_desktop.tools.diagnostics.sandbox import SandboxProfile

INJECTED = "injected_fault"  # the server's error code for a QA fault (wb_server/faults.py)
_FAULT_IN_DETAIL = re.compile(r"\(([a-z0-9_]+)\)\s*$")
_SYNC_ROUTES = (routes.PUSH, routes.CHANGES)
_WARNING_LEVELS = ("WARNING", "ERROR", "CRITICAL")
_JOB_TABLES = {
    "note": "notes",
    "photo": "photos",
    "signature": "signatures",
    "time_entry": "time_entries",
}
MAX_LOG_LINES = 3  # log warnings quoted in the diagnosis (the count says how many in all)


def diagnose(sandbox: SandboxProfile, zone: tzinfo) -> Diagnosis:
    """The diagnosis of ``sandbox`` (its trace, cache and logs), times shown in ``zone``."""
    events = list(TraceLog(sandbox.paths.trace).events())
    uri = sandbox.paths.database.resolve().as_uri() + "?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as db:
        facts = _CacheReader(db)
        diagnosis = Diagnosis(
            refused=_refused(events, facts),
            waiting=facts.waiting(),
            uploads_waiting=facts.uploads_waiting(),
            zone=getattr(zone, "key", str(zone)),
            made_at=sandbox.manifest.created,
        )
    sync = [e for e in events if e.ok and e.route in _SYNC_ROUTES]
    if sync:
        diagnosis.last_sync, diagnosis.last_sync_request = sync[-1].at, sync[-1].request_id
    diagnosis.offline = _offline_periods(events)
    diagnosis.offline_at_end = bool(events) and events[-1].offline
    diagnosis.log_warning_count, diagnosis.log_warnings = _log_warnings(sandbox.paths.logs)
    diagnosis.lines = diagnosis_lines(diagnosis, zone)
    return diagnosis


class _CacheReader:
    """The few facts of the cache the diagnosis names records with (plain sqlite3, so any
    schema revision reads)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def _rows(self, sql: str, *args: object) -> list[tuple[object, ...]]:
        try:
            return list(self._db.execute(sql, args).fetchall())
        except sqlite3.OperationalError:
            return []

    def _title(self, job_id: object) -> str:
        rows = self._rows("SELECT title FROM jobs WHERE id = ?", job_id)
        return str(rows[0][0]) if rows else "an unknown job"

    def attachments_by_sha(self, sha: str) -> list[RecordRef]:
        return [
            RecordRef(str(kind), str(rid), str(name), self._title(job))
            for kind, rid, name, job in self._rows(
                "SELECT 'photo', id, original_name, job_id FROM photos WHERE sha256 = ?"
                " UNION ALL SELECT 'signature', id, signer_name, job_id FROM signatures"
                " WHERE png_sha256 = ?",
                sha,
                sha,
            )
        ]

    def op_records(self, op_ids: tuple[str, ...]) -> list[tuple[str, RecordRef]]:
        found = []
        for op_id in op_ids:
            for kind, record_type, record_id in self._rows(
                "SELECT kind, record_type, record_id FROM outbox WHERE op_id = ?", op_id
            ):
                job_id = record_id if record_type == "job" else self._job_of(record_type, record_id)
                ref = RecordRef(str(record_type), str(record_id), str(kind), self._title(job_id))
                found.append((str(kind), ref))
        return found

    def _job_of(self, record_type: object, record_id: object) -> object:
        table = _JOB_TABLES.get(str(record_type))
        rows = self._rows(f"SELECT job_id FROM {table} WHERE id = ?", record_id) if table else []
        return rows[0][0] if rows else None

    def waiting(self) -> WaitingChanges:
        counts = {
            str(state): int(str(n))
            for state, n in self._rows("SELECT state, count(*) FROM outbox GROUP BY state")
        }
        pending = sum(n for state, n in counts.items() if state not in ("done", "dead"))
        blocked = self._rows(
            "SELECT count(DISTINCT d.op_id) FROM outbox_dependencies d"
            " JOIN outbox o ON o.op_id = d.op_id JOIN outbox b ON b.op_id = d.depends_on"
            " WHERE o.state NOT IN ('done', 'dead') AND b.state != 'done'"
        )
        behind = int(str(blocked[0][0])) if blocked else 0
        return WaitingChanges(pending, counts.get("dead", 0), behind)

    def uploads_waiting(self) -> tuple[RecordRef, ...]:
        return tuple(
            RecordRef(str(kind), str(rid), str(name), self._title(job))
            for kind, rid, name, job in self._rows(
                "SELECT 'photo', id, original_name, job_id FROM photos"
                " WHERE upload_state != 'uploaded' UNION ALL"
                " SELECT 'signature', id, signer_name, job_id FROM signatures"
                " WHERE upload_state != 'uploaded' ORDER BY 1, 3"
            )
        )


def _refused(events: list[TraceEvent], cache: _CacheReader) -> list[RefusedRequests]:
    """Failed requests grouped by route, op kind, status and the server's answer."""
    groups: dict[tuple[str, str | None, int | None, str | None, str | None], list[TraceEvent]]
    groups = {}
    records: dict[tuple[object, ...], dict[str, RecordRef]] = {}
    for event in events:
        if not event.failed:
            continue
        route = fault_route(event.route)
        about: list[RecordRef] = []
        op_kind = None
        if route == routes.BLOBS:
            about = cache.attachments_by_sha(event.route.rsplit("/", 1)[-1])
        elif event.op_ids:
            kinds = cache.op_records(event.op_ids)
            op_kind = kinds[0][0] if len({k for k, _ in kinds}) == 1 else None
            about = [ref for _, ref in kinds]
        key = (route, op_kind, event.status, event.server_error, _fault_kind(event))
        groups.setdefault(key, []).append(event)
        records.setdefault(key, {}).update({ref.record_id: ref for ref in about})
    found = []
    for key, rows in groups.items():
        route, op_kind, status, server_error, fault_kind = key
        later_ok = any(
            e.ok and fault_route(e.route) == route and e.at > rows[-1].at for e in events
        )
        found.append(
            RefusedRequests(
                route=route,
                op_kind=op_kind,
                status=status,
                server_error=server_error,
                fault_kind=fault_kind,
                tries=len(rows),
                first_at=rows[0].at,
                last_at=rows[-1].at,
                request_ids=tuple(e.request_id for e in rows if e.request_id),
                records=tuple(records[key].values()),
                recovered=later_ok,
            )
        )
    return found


def _fault_kind(event: TraceEvent) -> str | None:
    if event.server_error != INJECTED or not event.server_detail:
        return None
    match = _FAULT_IN_DETAIL.search(event.server_detail)
    kinds = {kind.value for kind in FaultKind}
    return match.group(1) if match and match.group(1) in kinds else None


def _offline_periods(events: list[TraceEvent]) -> list[OfflinePeriod]:
    periods: list[OfflinePeriod] = []
    run: list[TraceEvent] = []
    for event in [*events, None]:
        if event is not None and event.offline:
            run.append(event)
            continue
        if run:
            end = run[-1].at if event is None else event.at
            ids = tuple(e.request_id for e in run if e.request_id)
            periods.append(OfflinePeriod(run[0].at, end, len(run), ids))
            run = []
    return periods


def _log_warnings(folder: Path) -> tuple[int, list[str]]:
    if not folder.is_dir():
        return 0, []
    found: list[str] = []
    for path in sorted(folder.glob("*.log*")):
        with path.open(encoding="utf-8", errors="replace") as file:
            found += [line.strip() for line in file if any(lv in line for lv in _WARNING_LEVELS)]
    return len(found), found[-MAX_LOG_LINES:]
