"""What went wrong on the tablet, in plain words, from an opened bundle alone.

Support reads the summary before anything else, so it states the cause: which requests the
server refused (and what it answered), what they were about (photos on a named job, not
UUIDs), what still waits and behind what, the last sync that worked, the offline periods and
the log's warnings. Each line keeps the request ids of the trace rows behind it, so the
console can show those rows. The findings are structured too: "Save as a scenario" turns
them into fault and network steps (:mod:`wb_desktop.tools.diagnostics.repro`).

Qt-free and English-only, like the rest of the diagnostics command line.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path

from wb_desktop.core.protocol import routes
from wb_desktop.core.protocol.kinds import FaultKind
from wb_desktop.core.sync.trace import TraceEvent, TraceLog
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


@dataclass(frozen=True)
class DiagnosisLine:
    text: str
    request_ids: tuple[str, ...] = ()  # the trace rows behind the line


@dataclass(frozen=True)
class RecordRef:
    """A record a refused request was about, named as the technician knows it."""

    record_type: str  # photo, signature, note, job, …
    record_id: str
    name: str  # the photo's file name, or the op kind
    job_title: str


@dataclass(frozen=True)
class RefusedRequests:
    """Requests to one route (or one op kind) that the server answered with one status."""

    route: str  # the route the fault would be injected on (``/v1/blobs``, ``/v1/push``)
    op_kind: str | None
    status: int | None  # None: no reply at all (reset, timeout)
    server_error: str | None
    fault_kind: str | None  # the injected fault, when the server said so
    tries: int
    first_at: datetime
    last_at: datetime
    request_ids: tuple[str, ...]
    records: tuple[RecordRef, ...] = ()
    recovered: bool = False  # a later request to the same route went through


@dataclass(frozen=True)
class WaitingChanges:
    pending: int  # ops not accepted yet (dead ones aside)
    dead: int
    blocked: int  # of ``pending``, those waiting behind an op not yet accepted


@dataclass(frozen=True)
class OfflinePeriod:
    start: datetime
    end: datetime
    requests: int
    request_ids: tuple[str, ...]


@dataclass
class Diagnosis:
    lines: list[DiagnosisLine] = field(default_factory=list)
    refused: list[RefusedRequests] = field(default_factory=list)
    waiting: WaitingChanges = WaitingChanges(0, 0, 0)
    uploads_waiting: tuple[RecordRef, ...] = ()
    last_sync: datetime | None = None
    last_sync_request: str | None = None
    offline: list[OfflinePeriod] = field(default_factory=list)
    offline_at_end: bool = False  # the last request of the trace was not sent: no link
    zone: str = ""
    made_at: datetime | None = None  # the bundle's creation, by the tablet's clock
    log_warnings: list[str] = field(default_factory=list)
    log_warning_count: int = 0

    @property
    def faults(self) -> list[RefusedRequests]:
        """The refusals a scenario can repeat: injected faults still failing at the end."""
        return [r for r in self.refused if r.fault_kind is not None and not r.recovered]


def fault_route(route: str) -> str:
    """The route a fault is injected on: a blob's own path counts as ``/v1/blobs``."""
    if route.startswith(routes.BLOBS + "/"):
        return routes.BLOBS
    return route


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
    diagnosis.lines = _lines(diagnosis, zone)
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


# --- words --------------------------------------------------------------------------


def _hm(at: datetime, zone: tzinfo) -> str:
    return at.astimezone(zone).strftime("%H:%M")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def describe_records(records: tuple[RecordRef, ...]) -> str:
    """'2 photos on 'EV charger installation' (front.png, label.png)'; by kind and job."""
    by: dict[tuple[str, str], list[str]] = {}
    for ref in records:
        by.setdefault((ref.record_type, ref.job_title), []).append(ref.name)
    parts = [
        f"{_plural(len(names), kind)} on '{title}' ({', '.join(sorted(names))})"
        for (kind, title), names in by.items()
    ]
    return "; ".join(parts)


def _answer(refused: RefusedRequests) -> str:
    said = "no reply" if refused.status is None else f"the server answered {refused.status}"
    if refused.fault_kind is not None:
        return f"{said} (injected fault {refused.fault_kind})"
    if refused.server_error:
        return f"{said} ({refused.server_error})"
    return said


def _refused_line(refused: RefusedRequests, zone: tzinfo) -> str:
    about = describe_records(refused.records) or (
        f"{refused.op_kind} changes" if refused.op_kind else f"requests to {refused.route}"
    )
    verb = "could not upload" if refused.route == routes.BLOBS else "were refused"
    when = (
        f"at {_hm(refused.first_at, zone)}"
        if refused.first_at == refused.last_at
        else f"between {_hm(refused.first_at, zone)} and {_hm(refused.last_at, zone)}"
    )
    tries = _plural(refused.tries, "try").replace("trys", "tries")
    text = f"{about} {verb}: {_answer(refused)} to {tries} {when}"
    return text + ("; later requests went through" if refused.recovered else "")


def _lines(diagnosis: Diagnosis, zone: tzinfo) -> list[DiagnosisLine]:
    lines = [
        DiagnosisLine(_refused_line(r, zone) + ".", r.request_ids)
        for r in sorted(diagnosis.refused, key=lambda r: (r.recovered, r.first_at))
    ]
    named = {ref.record_id for r in diagnosis.refused for ref in r.records}
    unexplained = tuple(ref for ref in diagnosis.uploads_waiting if ref.record_id not in named)
    if unexplained:
        lines.append(
            DiagnosisLine(
                f"Waiting to upload: {describe_records(unexplained)}; the trace shows no"
                " refusal of them."
            )
        )
    waiting = diagnosis.waiting
    if waiting.pending:
        behind = (
            f"{waiting.blocked} of them behind a change not yet accepted"
            if waiting.blocked
            else "behind nothing"
        )
        verb = "waits" if waiting.pending == 1 else "wait"
        lines.append(
            DiagnosisLine(f"{_plural(waiting.pending, 'change')} {verb} in the outbox, {behind}.")
        )
    else:
        lines.append(DiagnosisLine("No change waits in the outbox."))
    if waiting.dead:
        lines.append(DiagnosisLine(f"{_plural(waiting.dead, 'change')} refused for good (dead)."))
    if diagnosis.last_sync is not None:
        request = (diagnosis.last_sync_request,) if diagnosis.last_sync_request else ()
        lines.append(
            DiagnosisLine(f"Last successful sync {_hm(diagnosis.last_sync, zone)}.", request)
        )
    else:
        lines.append(DiagnosisLine("The trace holds no successful sync."))
    for period in diagnosis.offline:
        span = (
            f"at {_hm(period.start, zone)}"
            if period.start == period.end
            else f"from {_hm(period.start, zone)} to {_hm(period.end, zone)}"
        )
        lines.append(
            DiagnosisLine(
                f"Offline {span} ({_plural(period.requests, 'request')} not sent).",
                period.request_ids,
            )
        )
    if diagnosis.log_warning_count:
        quoted = " | ".join(diagnosis.log_warnings)
        count = _plural(diagnosis.log_warning_count, "warning or error")
        lines.append(DiagnosisLine(f"The log has {count}; the last: {quoted}"))
    made = (
        f"The bundle was made at {_hm(diagnosis.made_at, zone)} by the tablet's clock; times"
        if diagnosis.made_at is not None
        else "Times"
    )
    lines.append(DiagnosisLine(f"{made} are in {diagnosis.zone}."))
    return lines


def problems_by_record(diagnosis: Diagnosis) -> dict[str, str]:
    """Why each attachment did not upload, by record id (for the attachments table)."""
    found: dict[str, str] = {}
    for refused in diagnosis.refused:
        for ref in refused.records:
            found.setdefault(ref.record_id, f"{_answer(refused)}, {refused.tries} tries")
    return found
