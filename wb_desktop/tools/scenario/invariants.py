"""The checks every scenario run ends with, whatever its own expectations say.

- **lost**: something the technician saved is gone from the cache, or the server accepted it
  and the office does not have it.
- **duplicated**: the office has something twice that the technician saved once.
- **out_of_order**: a record's final state on the server is not what its last accepted local
  change set (ops on one record must apply in order).
- **unaccounted**: an op is not in a known, explained state (missing, done without an answer,
  dead without a reason).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select

from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.protocol.admin import OfficeView
from wb_desktop.core.protocol.records import JobRecord, RecordBody, wire_value
from wb_desktop.core.store.database import Database
from wb_desktop.core.store.models import OpResult, OutboxOp, OutboxState
from wb_desktop.core.sync.records import KINDS
from wb_desktop.tools.scenario.perform import Ledger

_OFFICE_LISTS = {
    "note": "notes",
    "photo": "photos",
    "signature": "signatures",
    "time_entry": "time_entries",
    "document": "documents",
    "job": "jobs",
}


@dataclass
class InvariantReport:
    lost: list[str] = field(default_factory=list)
    duplicated: list[str] = field(default_factory=list)
    out_of_order: list[str] = field(default_factory=list)
    unaccounted: list[str] = field(default_factory=list)

    @property
    def holds(self) -> bool:
        return not (self.lost or self.duplicated or self.out_of_order or self.unaccounted)

    def as_json(self) -> dict[str, Any]:
        return {
            name: {"count": len(items), "items": items}
            for name, items in (
                ("lost", self.lost),
                ("duplicated", self.duplicated),
                ("out_of_order", self.out_of_order),
                ("unaccounted", self.unaccounted),
            )
        }


def check_invariants(
    database: Database, ledger: Ledger, office_view: OfficeView | None
) -> InvariantReport:
    report = InvariantReport()
    ops = _outbox(database, [s.op_id for s in ledger.saved])
    office = _index(office_view) if office_view is not None else None
    for saved in ledger.saved:
        label = f"step {saved.step} ({saved.action}, {saved.record_type} {saved.record_id[:8]})"
        op = ops.get(saved.op_id)
        if op is None:
            report.unaccounted.append(f"{label}: its op is missing from the outbox")
            continue
        if op.state is OutboxState.DONE and op.result is None:
            report.unaccounted.append(f"{label}: done without the server's answer")
        if op.state is OutboxState.DEAD and not op.last_error:
            report.unaccounted.append(f"{label}: dead-lettered without a reason")
        if not _exists_locally(database, saved.record_type, saved.record_id):
            report.lost.append(f"{label}: no longer in the cache")
        accepted = op.state is OutboxState.DONE and op.result in (
            OpResult.APPLIED,
            OpResult.CONFLICT,
            OpResult.DUPLICATE,
        )
        known = office is not None and saved.record_type in _OFFICE_LISTS
        if known and accepted and saved.record_id not in office.get(saved.record_type, {}):  # type: ignore[union-attr]
            report.lost.append(f"{label}: accepted, but the office does not have it")
    if office_view is not None:
        report.duplicated.extend(_duplicates(office_view))
        report.out_of_order.extend(_order(database, ledger, ops, office))
    return report


def _outbox(database: Database, op_ids: list[str]) -> dict[str, OutboxOp]:
    with database.reader() as session:
        rows = session.scalars(select(OutboxOp).where(OutboxOp.op_id.in_(op_ids))).all()
        for row in rows:
            session.expunge(row)
    return {row.op_id: row for row in rows}


def _exists_locally(database: Database, record_type: str, record_id: str) -> bool:
    kind = KINDS.get(record_type)
    if kind is None:
        return True
    with database.reader() as session:
        return session.get(kind.model, record_id) is not None


def _index(view: OfficeView) -> dict[str, dict[str, RecordBody]]:
    return {
        record_type: {row.id: row for row in getattr(view, key)}
        for record_type, key in _OFFICE_LISTS.items()
    }


def _repeated(rows: Iterable[BaseModel], *keys: str) -> list[tuple[Any, ...]]:
    """The values of ``keys`` (as the wire writes them) that more than one row shares."""
    counts = Counter(tuple(wire_value(getattr(row, k)) for k in keys) for row in rows)
    return [key for key, count in counts.items() if count > 1]


def _duplicates(view: OfficeView) -> list[str]:
    found = [f"note {key!r} twice" for key in _repeated(view.notes, "job_id", "text")]
    found += [f"photo {k!r} twice" for k in _repeated(view.photos, "job_id", "sha256")]
    found += [
        f"signature {k!r} twice"
        for k in _repeated(view.signatures, "job_id", "png_sha256", "signer_name")
    ]
    found += [f"time entry {k!r} twice" for k in _repeated(view.time_entries, "clock_in")]
    found += [f"document {k!r} twice" for k in _repeated(view.documents, "reference")]
    found += [f"delivery of {k!r} twice" for k in _repeated(view.deliveries, "document_id")]
    approved = [p for p in view.payments if p.status == "approved"]
    found += [f"payment of {k!r} charged twice" for k in _repeated(approved, "document_id")]
    return found


def _order(
    database: Database,
    ledger: Ledger,
    ops: dict[str, OutboxOp],
    office: dict[str, dict[str, RecordBody]] | None,
) -> list[str]:
    """A job's server status must be what its last applied status change set, unless
    the office changed the job or later local ops still wait."""
    if office is None:
        return []
    last_status: dict[str, str] = {}
    waiting: set[str] = set()
    for saved in ledger.saved:
        op = ops.get(saved.op_id)
        if op is None or saved.record_type != "job":
            continue
        if op.state is OutboxState.DONE and op.result is OpResult.APPLIED:
            last_status[saved.record_id] = str(op.payload.get("status"))
        elif op.state is not OutboxState.DONE:
            waiting.add(saved.record_id)
    problems = []
    for job_id, status in last_status.items():
        if job_id in waiting or job_id in ledger.office_touched:
            continue
        server = _job(office, job_id)
        if server is not None and server.status != status:
            problems.append(
                f"job {job_id[:8]}: the server has '{server.status}', "
                f"the last accepted change set '{status}'"
            )
    with database.reader() as session:
        for job_id in last_status:
            kind = KINDS["job"]
            record = session.get(kind.model, job_id)
            if record is not None and record.sync_state is SyncState.SYNCED:
                server = _job(office, job_id)
                if server is not None and server.status != record.status:
                    problems.append(f"job {job_id[:8]}: synced locally but differs from the server")
    return problems


def _job(office: dict[str, dict[str, RecordBody]], job_id: str) -> JobRecord | None:
    job = office.get("job", {}).get(job_id)
    return job if isinstance(job, JobRecord) else None
