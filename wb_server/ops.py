"""What each kind of pushed op does to the server's records.

The push route has already read the op's payload as its kind's model (the shared contract,
:mod:`wb_desktop.core.protocol.ops`), so a handler gets typed values (:func:`body`). It
validates them with the same domain rules as the app, checks the op's record belongs to the
technician, applies it, and publishes the change. It raises :class:`RejectedOpError` for
an op that can never apply; the push loop rolls its effects back and records the reason.

Concurrent edits: an update carries the values it replaced (``previous``). A field the
server has not changed since is simply applied (disjoint changes merge); a field both sides
changed follows the per-field policy (office-owned: server wins; technician-owned: client
wins) and the losing value goes to the conflict log.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from wb_desktop.core.domain.errors import StatusTransitionError, ValidationError
from wb_desktop.core.domain.records import (
    LAST_WRITE_FIELDS,
    OFFICE_OWNED_CUSTOMER_FIELDS,
    clean_customer_fields,
    clean_note,
    clean_signature,
)
from wb_desktop.core.domain.status import JobStatus, check_transition, parse_status
from wb_desktop.core.protocol.kinds import OpKind, RecordType
from wb_desktop.core.protocol.ops import CustomerUpdate as CustomerUpdatePayload
from wb_desktop.core.protocol.ops import (
    JobSetStatus,
    NoteCreate,
    Payload,
    PhotoCreate,
    SignatureCreate,
    TimeEntryCreate,
    TimeEntryUpdate,
)
from wb_desktop.core.protocol.records import wire_value
from wb_server.blobs import vouch_on_attach
from wb_server.feed import customer_audience, snapshot
from wb_server.models import (
    ConflictLogEntry,
    Customer,
    Job,
    Note,
    Photo,
    ServerBase,
    Signature,
    TimeEntry,
)
from wb_server.push_batch import PushBatch, Record


class RejectedOpError(Exception):
    """The op can never apply; ``reason`` is for the person who reads the dead-letter list."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class PushedOp:
    op_id: str
    seq: int
    kind: str
    record_type: str
    record_id: str
    base_version: int
    payload: dict[str, Any]  # as sent
    body: Payload | None = None  # the payload as its kind's model, read by the push route


@dataclass
class OpContext:
    batch: PushBatch
    technician_id: str
    op: PushedOp
    settled: list[dict[str, Any]] = field(default_factory=list)  # for the reply (SettledField)

    @property
    def session(self) -> Session:
        return self.batch.session

    @property
    def device_id(self) -> str:
        return self.batch.device_id

    @property
    def now(self) -> datetime:
        return self.batch.now

    def find(self, model: type[Record], record_id: object) -> Record | None:
        return self.batch.find(model, record_id)

    def create(self, record_type: str, record: ServerBase, audience: list[str | None]) -> Outcome:
        """Adds a new record and publishes it; the batch writes it when it finishes."""
        self.batch.add(record)
        return Outcome("applied", record, self.batch.publish(record_type, record, audience))

    def log_conflict(
        self, record_type: str, field: str, client: Any, server: Any, winner: str, policy: str
    ) -> None:
        """Keeps the losing value in the conflict log, and tells the device in the reply."""
        kept, lost = (server, client) if winner == "server" else (client, server)
        self.settled.append(
            {"field": field, "winner": winner, "policy": policy, "kept": kept, "lost": lost}
        )
        self.session.add(
            ConflictLogEntry(
                record_type=record_type,
                record_id=self.op.record_id,
                field=field,
                client_value=client,
                server_value=server,
                winner=winner,
                device_id=self.device_id,
                op_id=self.op.op_id,
                at=self.now,
            )
        )


@dataclass(frozen=True)
class Outcome:
    result: str  # "applied" or "conflict"
    record: ServerBase
    data: dict[str, Any] | None = None  # the record's snapshot, when the op published it

    def snapshot(self) -> dict[str, Any]:
        return self.data if self.data is not None else snapshot(self.record)


P = TypeVar("P", bound=Payload)


def body(ctx: OpContext, model: type[P]) -> P:
    """The op's payload as ``model``, the model of its kind (the push route read it)."""
    parsed = ctx.op.body
    if not isinstance(parsed, model):
        raise RejectedOpError(f"payload is not a {ctx.op.kind} payload")
    return parsed


def own_job(ctx: OpContext, job_id: Any) -> Job:
    job = ctx.find(Job, job_id)
    if job is None or job.technician_id != ctx.technician_id:
        raise RejectedOpError(f"job {job_id} does not exist or is no longer assigned to you")
    return job


def new_id(ctx: OpContext, model: type[ServerBase]) -> str:
    if ctx.find(model, ctx.op.record_id) is not None:
        raise RejectedOpError(f"a {ctx.op.record_type} with id {ctx.op.record_id} already exists")
    return ctx.op.record_id


def stamp(ctx: OpContext) -> dict[str, Any]:
    return {"id": ctx.op.record_id, "version": 1, "created_at": ctx.now, "updated_at": ctx.now}


def validated(call: Callable[[], Any]) -> Any:
    try:
        return call()
    except ValidationError as error:
        raise RejectedOpError(error.message) from None


def customer_create(ctx: OpContext) -> Outcome:
    new_id(ctx, Customer)
    fields = validated(lambda: clean_customer_fields(ctx.op.payload, creating=True))
    customer = Customer(**stamp(ctx), created_by=ctx.technician_id, **fields)
    return ctx.create(RecordType.CUSTOMER, customer, [ctx.technician_id])


def customer_update(ctx: OpContext) -> Outcome:
    customer = ctx.find(Customer, ctx.op.record_id)
    audience = customer_audience(ctx.session, customer.id) if customer is not None else []
    if customer is None or ctx.technician_id not in audience:
        raise RejectedOpError(f"customer {ctx.op.record_id} does not exist or is not yours")
    edit = body(ctx, CustomerUpdatePayload)
    given = edit.fields.model_dump(exclude_unset=True)
    changes = validated(lambda: clean_customer_fields(given, creating=False))
    previous = edit.previous or {}
    result, accepted = "applied", {}
    for name, value in changes.items():
        current = getattr(customer, name)
        concurrent = customer.version != ctx.op.base_version and previous.get(name) != current
        if concurrent and current != value:
            if name in OFFICE_OWNED_CUSTOMER_FIELDS:
                ctx.log_conflict(
                    RecordType.CUSTOMER, name, value, current, "server", "office_owned"
                )
                result = "conflict"
                continue
            ctx.log_conflict(
                RecordType.CUSTOMER, name, value, current, "client", "technician_owned"
            )
        accepted[name] = value
    return bump(ctx, RecordType.CUSTOMER, customer, accepted, audience, result)


def bump(
    ctx: OpContext,
    record_type: str,
    record: Any,
    values: dict[str, Any],
    audience: list[str | None],
    result: str = "applied",
) -> Outcome:
    """Sets ``values``; a record that really changed gets a new version and a feed entry."""
    changed = {k: v for k, v in values.items() if getattr(record, k) != v}
    if not changed:
        return Outcome(result, record)
    for key, value in changed.items():
        setattr(record, key, value)
    record.version += 1
    record.updated_at = ctx.now
    return Outcome(result, record, ctx.batch.publish(record_type, record, audience))


def job_set_status(ctx: OpContext) -> Outcome:
    job = own_job(ctx, ctx.op.record_id)
    change = body(ctx, JobSetStatus)
    requested = validated(lambda: parse_status(change.status))
    current = JobStatus(job.status)
    if current is requested:
        return Outcome("applied", job)
    if current is JobStatus.CANCELLED:
        raise RejectedOpError(f"job '{job.title}' was cancelled by the office")
    try:
        check_transition(current, requested)
    except StatusTransitionError as refused:
        if change.previous == current.value:
            raise RejectedOpError(refused.message) from None
        ctx.log_conflict(
            RecordType.JOB, "status", requested.value, current.value, "server", "status_machine"
        )
        return Outcome("conflict", job)
    changed_at = change.changed_at or ctx.now
    values = {"status": requested.value, "status_changed_at": changed_at}
    return bump(ctx, RecordType.JOB, job, values, [job.technician_id])


def note_create(ctx: OpContext) -> Outcome:
    new_id(ctx, Note)
    note = body(ctx, NoteCreate)
    job = own_job(ctx, note.job_id)
    text = validated(lambda: clean_note(note.text))
    created = Note(**stamp(ctx), job_id=job.id, text=text, author_id=ctx.technician_id)
    return ctx.create(RecordType.NOTE, created, [job.technician_id])


def time_entry_create(ctx: OpContext) -> Outcome:
    new_id(ctx, TimeEntry)
    clock_in = body(ctx, TimeEntryCreate)
    if clock_in.job_id is not None:
        own_job(ctx, clock_in.job_id)
    entry = TimeEntry(
        **stamp(ctx),
        technician_id=ctx.technician_id,
        job_id=clock_in.job_id,
        clock_in=clock_in.clock_in,
        note=clock_in.note or "",
    )
    return ctx.create(RecordType.TIME_ENTRY, entry, [ctx.technician_id])


def time_entry_update(ctx: OpContext) -> Outcome:
    entry = ctx.find(TimeEntry, ctx.op.record_id)
    if entry is None or entry.technician_id != ctx.technician_id:
        raise RejectedOpError(f"time entry {ctx.op.record_id} does not exist or is not yours")
    fields = body(ctx, TimeEntryUpdate).fields  # only clock_out can change on a time entry
    values = {}
    if "clock_out" in fields.model_fields_set:
        clock_out = fields.clock_out
        if clock_out < entry.clock_in:
            raise RejectedOpError("clock_out is before clock_in")
        values["clock_out"] = clock_out
    log_last_write(ctx, RecordType.TIME_ENTRY, entry, values)
    return bump(ctx, RecordType.TIME_ENTRY, entry, values, [ctx.technician_id])


def log_last_write(
    ctx: OpContext, record_type: RecordType, record: Any, values: dict[str, Any]
) -> None:
    """A record only its technician edits (a time entry, a draft) changed meanwhile by
    another of their devices: this op, arriving last, wins; the value it replaces on each
    field of :data:`LAST_WRITE_FIELDS` is kept in the conflict log and told to the device,
    never lost without a trace."""
    if record.version == ctx.op.base_version:
        return
    for name in sorted(LAST_WRITE_FIELDS[record_type] & values.keys()):
        value = values[name]
        current = getattr(record, name)
        if current is not None and current != value:
            ctx.log_conflict(
                record_type, name, wire_value(value), wire_value(current), "client", "last_write"
            )


def photo_create(ctx: OpContext) -> Outcome:
    """An attachment (a photo or a signature) names its bytes by hash; naming a hash proves
    nothing. The record is accepted (its bytes are uploaded after it), but the blob becomes
    readable only as :mod:`wb_server.blobs` says: after the technician uploads those bytes,
    or at once if they could already read them."""
    new_id(ctx, Photo)
    attached = body(ctx, PhotoCreate)
    job, sha256 = own_job(ctx, attached.job_id), attached.sha256
    photo = Photo(
        **stamp(ctx),
        job_id=job.id,
        sha256=sha256,
        content_type=(attached.content_type or "application/octet-stream")[:100],
        byte_size=attached.byte_size,
        original_name=(attached.original_name or "")[:260],
        width=attached.width,
        height=attached.height,
        taken_at=attached.taken_at,
        attached_by=ctx.technician_id,
    )
    vouch_on_attach(ctx.session, sha256, ctx.technician_id, ctx.now)
    return ctx.create(RecordType.PHOTO, photo, [job.technician_id])


def signature_create(ctx: OpContext) -> Outcome:
    new_id(ctx, Signature)
    signed = body(ctx, SignatureCreate)
    job, sha256 = own_job(ctx, signed.job_id), signed.png_sha256
    name, strokes = validated(lambda: clean_signature(signed.signer_name, signed.strokes))
    signature = Signature(
        **stamp(ctx),
        job_id=job.id,
        signer_name=name,
        strokes=strokes,
        png_sha256=sha256,
        byte_size=signed.byte_size,
        captured_at=signed.captured_at,
        attached_by=ctx.technician_id,
    )
    vouch_on_attach(ctx.session, sha256, ctx.technician_id, ctx.now)
    return ctx.create(RecordType.SIGNATURE, signature, [job.technician_id])


HANDLERS: dict[OpKind, Callable[[OpContext], Outcome]] = {
    OpKind.CUSTOMER_CREATE: customer_create,
    OpKind.CUSTOMER_UPDATE: customer_update,
    OpKind.JOB_SET_STATUS: job_set_status,
    OpKind.NOTE_CREATE: note_create,
    OpKind.TIME_ENTRY_CREATE: time_entry_create,
    OpKind.TIME_ENTRY_UPDATE: time_entry_update,
    OpKind.PHOTO_CREATE: photo_create,
    OpKind.SIGNATURE_CREATE: signature_create,
}


def unknown_kind(kind: str) -> RejectedOpError:
    return RejectedOpError(f"unknown op kind '{kind}' (known: {', '.join(sorted(HANDLERS))})")
