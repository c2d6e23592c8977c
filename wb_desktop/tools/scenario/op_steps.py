"""What a person did, read back from the outbox as scenario ``do`` steps.

Every local change the app makes queues exactly one op, so the outbox is the one complete
and ordered record of the technician's actions, whichever widget they came from. Each op
kind maps to the scenario action that makes the same change again; kinds the scenario
format has no action for are listed in :attr:`References.skipped` instead of guessed at.

Steps name things the way a replay can find them (docs/scenarios.md): a job by its position
in today's schedule (so a recording on one demo day replays on any other), else by its id;
a customer by its id (demo customers keep theirs); an invoice or estimate by its position
among those made while recording, else by its reference.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, tzinfo
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wb_desktop.core.domain.records import DocumentKind
from wb_desktop.core.store.media_files import MediaFiles
from wb_desktop.core.store.models import (
    Document,
    Job,
    Note,
    OutboxOp,
    Photo,
    Signature,
    TimeEntry,
)
from wb_desktop.core.store.queries import day_schedule
from wb_desktop.tools.scenario.fields import is_uuid
from wb_desktop.tools.scenario.vocabulary import TECHNICIAN_STATUSES

Step = dict[str, Any]
CUSTOMER_FIELDS = ("name", "phone", "email", "address", "notes")
LINE_FIELDS = ("description", "quantity", "unit_price", "vat_rate")
_CARD_BY_LAST4 = {"4242": "approve", "0002": "decline", "0119": "timeout"}
_CARD_BY_STATUS = {"approved": "approve", "declined": "decline"}
_COUNTED = {"notes": Note, "photos": Photo, "signatures": Signature, "time_entries": TimeEntry}


@dataclass
class References:
    """What the mapping needs to name things, and what it learned while recording."""

    technician_id: str | None
    zone: tzinfo
    today: Callable[[], date]
    media: MediaFiles
    invoices: list[str] = field(default_factory=list)  # document ids made while recording
    estimates: list[str] = field(default_factory=list)
    jobs_touched: list[str] = field(default_factory=list)  # in the order first touched
    skipped: list[str] = field(default_factory=list)  # ops no scenario action can repeat

    def job(self, session: Session, job_id: str) -> int | str:
        """The job's position in today's schedule (1 is the first), else its id."""
        if job_id not in self.jobs_touched:
            self.jobs_touched.append(job_id)
        schedule = day_schedule(session, self.technician_id, self.today(), self.zone)
        for position, job in enumerate(schedule, 1):
            if job.id == job_id:
                return position
        return job_id

    def document(self, session: Session, document_id: str, kind: DocumentKind) -> int | str:
        made = self.invoices if kind is DocumentKind.INVOICE else self.estimates
        if document_id in made:
            return made.index(document_id) + 1
        document = session.get(Document, document_id)
        return document.reference if document is not None else document_id


def steps_for_ops(ops: Sequence[OutboxOp], session: Session, refs: References) -> list[Step]:
    """The ``do`` steps that repeat ``ops`` (in outbox order)."""
    steps: list[Step] = []
    for op in sorted(ops, key=lambda o: o.seq):
        mapper = _MAPPERS.get(op.kind)
        if mapper is None:
            refs.skipped.append(f"op {op.seq} ({op.kind}): no scenario action repeats it")
            continue
        step = mapper(op, session, refs)
        if step is not None:
            steps.append(step)
    return steps


def _set_status(op: OutboxOp, session: Session, refs: References) -> Step | None:
    status = str(op.payload.get("status"))
    if status not in TECHNICIAN_STATUSES:
        refs.skipped.append(f"op {op.seq}: a technician cannot move a job to {status!r}")
        return None
    return {"do": "set_status", "job": refs.job(session, op.record_id), "status": status}


def _add_note(op: OutboxOp, session: Session, refs: References) -> Step:
    job = refs.job(session, str(op.payload["job_id"]))
    return {"do": "add_note", "job": job, "text": str(op.payload["text"])}


def _import_photo(op: OutboxOp, session: Session, refs: References) -> Step | None:
    photo = session.get(Photo, op.record_id)
    if photo is None:
        refs.skipped.append(f"op {op.seq}: the photo is no longer in the cache")
        return None
    job = refs.job(session, photo.job_id)
    return {"do": "import_photo", "job": job, "file": str(refs.media.absolute(photo.stored_path))}


def _sign(op: OutboxOp, session: Session, refs: References) -> Step:
    job = refs.job(session, str(op.payload["job_id"]))
    return {"do": "sign", "job": job, "signer": str(op.payload["signer_name"])}


def _clock_in(op: OutboxOp, session: Session, refs: References) -> Step:
    job_id = op.payload.get("job_id")
    if not job_id:
        return {"do": "clock_in"}
    return {"do": "clock_in", "job": refs.job(session, str(job_id))}


def _clock_out(op: OutboxOp, session: Session, refs: References) -> Step | None:
    if "clock_out" not in (op.payload.get("fields") or {}):
        refs.skipped.append(f"op {op.seq}: a time entry edit other than clocking out")
        return None
    return {"do": "clock_out"}


def _create_document(op: OutboxOp, session: Session, refs: References) -> Step | None:
    kind = DocumentKind(str(op.payload["kind"]))
    job_id = op.payload.get("job_id")
    if not job_id:
        refs.skipped.append(f"op {op.seq}: a {kind.value} without a job (scenarios need one)")
        return None
    (refs.invoices if kind is DocumentKind.INVOICE else refs.estimates).append(op.record_id)
    lines = [
        {name: str(line[name]) for name in LINE_FIELDS if line.get(name) is not None}
        for line in op.payload.get("lines") or ()
    ]
    step: Step = {"do": f"create_{kind.value}", "job": refs.job(session, str(job_id))}
    if lines:
        step["lines"] = lines
    return step


def _send_document(op: OutboxOp, session: Session, refs: References) -> Step | None:
    document = session.get(Document, op.record_id)
    if document is None:
        refs.skipped.append(f"op {op.seq}: the document is no longer in the cache")
        return None
    kind = document.kind
    return {
        "do": f"send_{kind.value}",
        kind.value: refs.document(session, document.id, kind),
    }


def _edit_customer(op: OutboxOp, session: Session, refs: References) -> Step | None:
    changed = op.payload.get("fields") or {}
    fields = {k: v for k, v in changed.items() if k in CUSTOMER_FIELDS and isinstance(v, str)}
    if not fields or not is_uuid(op.record_id):
        refs.skipped.append(f"op {op.seq}: a customer change a scenario cannot repeat")
        return None
    return {"do": "edit_customer", "customer": op.record_id, "fields": fields}


_MAPPERS: Mapping[str, Callable[[OutboxOp, Session, References], Step | None]] = {
    "job.set_status": _set_status,
    "note.create": _add_note,
    "photo.create": _import_photo,
    "signature.create": _sign,
    "time_entry.create": _clock_in,
    "time_entry.update": _clock_out,
    "document.create": _create_document,
    "document.send": _send_document,
    "customer.update": _edit_customer,
}


def card_for(status: str, card_last4: str = "") -> str:
    """The reference server's test card that gives the same outcome (docs/scenarios.md)."""
    if card_last4 in _CARD_BY_LAST4:
        return _CARD_BY_LAST4[card_last4]
    return _CARD_BY_STATUS.get(status, "timeout")


def payment_step(session: Session, refs: References, document_id: str, card: str) -> Step:
    ref = refs.document(session, document_id, DocumentKind.INVOICE)
    return {"do": "collect_payment", "invoice": ref, "card": card}


def localise_server_step(step: Mapping[str, Any], session: Session, refs: References) -> Step:
    """An office step from the dispatcher, with a job of today's schedule by position."""
    result = dict(step)
    job = result.get("job")
    if isinstance(job, str) and is_uuid(job):
        result["job"] = refs.job(session, job)
    return result


def state_checks(session: Session, refs: References, pending: int) -> Step:
    """An ``expect`` of what the technician sees now: the outbox and each touched job."""
    checks: dict[str, Any] = {"pending": pending}
    jobs = []
    for job_id in refs.jobs_touched:
        job = session.get(Job, job_id)
        if job is None:
            continue
        spec: dict[str, Any] = {
            "job": refs.job(session, job_id),
            "status": str(job.status),
            "sync_state": str(job.sync_state),
        }
        for name, model in _COUNTED.items():
            spec[name] = session.scalar(
                select(func.count()).select_from(model).where(model.job_id == job_id)
            )
        jobs.append(spec)
    if jobs:
        checks["job"] = jobs
    return {"expect": checks}
