"""The convergence check: does the tablet's cache hold what the office holds for the same
technician?

Both sides come in the office's shape: a mapping from a record kind (``"jobs"``,
``"notes"`` …, the keys of the admin API's office view) to a list of records keyed by the
server's field names. The office side is :func:`office_side` (the office view plus the
office's customers); the local side is
:func:`~wb_desktop.tools.diagnostics.local_side.local_snapshot`.
Values are normalised before they are compared, so ``Decimal("450.00")`` equals ``"450.0"``,
``08:00+01:00`` equals ``07:00Z`` and an enum equals its value.

Every difference says *why* it is there, from what the cache knows about the record: local
changes waiting in the outbox, an office change the tablet has not pulled yet, a refusal, a
conflict, or nothing that explains it (a bug support should look at).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum, StrEnum
from typing import Any

from wb_desktop.core.sync.records import KINDS as SYNCED_KINDS
from wb_desktop.tools.scenario.office import Office

Record = Mapping[str, Any]
RecordKey = tuple[str, str]  # (record type as the outbox names it, record id)
ALL_FIELDS = "*"  # the one member of sync.records.ALL_FIELDS: an op that changes every field

TIME_FIELDS = frozenset(
    {
        "scheduled_start",
        "scheduled_end",
        "status_changed_at",
        "taken_at",
        "captured_at",
        "clock_in",
        "clock_out",
        "sent_at",
    }
)
AMOUNT_FIELDS = frozenset(
    {"amount", "quantity", "unit_price", "vat_rate", "net", "vat", "total", "subtotal", "vat_total"}
)
LINE_FIELDS = ("description", "quantity", "unit_price", "vat_rate", "net", "vat", "total")


@dataclass(frozen=True)
class Kind:
    """One kind of record both sides hold, and the fields that must agree."""

    key: str  # the office view's key, e.g. "time_entries"
    record_type: str  # the outbox's record type, e.g. "time_entry"
    fields: tuple[str, ...]
    identity: str = "id"
    versioned: bool = True


def _synced(key: str, record_type: str, *extra: str) -> Kind:
    spec = SYNCED_KINDS[record_type]
    return Kind(key, record_type, (*spec.fields, *spec.renamed, *extra))


COMPARED_KINDS: tuple[Kind, ...] = (
    _synced("customers", "customer"),
    _synced("jobs", "job"),
    _synced("notes", "note"),
    _synced("photos", "photo"),
    _synced("signatures", "signature"),
    _synced("time_entries", "time_entry"),
    _synced("documents", "document", "lines"),
    Kind(
        "payments",
        "payment",
        ("document_id", "amount", "currency", "status", "card_last4", "reason"),
        identity="idempotency_key",
        versioned=False,
    ),
)
KINDS_BY_KEY: Mapping[str, Kind] = {kind.key: kind for kind in COMPARED_KINDS}


class Presence(StrEnum):
    HERE_ONLY = "here_only"
    OFFICE_ONLY = "office_only"
    BOTH = "both"  # on both sides, a field differs


class Why(StrEnum):
    WAITING_TO_SYNC = "waiting_to_sync"  # local changes queued or in flight
    NOT_PULLED_YET = "not_pulled_yet"  # the office has something newer
    GONE_AT_OFFICE = "gone_at_office"  # no longer this technician's; the next pull drops it
    REFUSED = "refused"  # the server refused its op for good (dead-lettered)
    CONFLICT = "conflict"  # both sides changed it; waiting for a decision
    UNEXPLAINED = "unexplained"  # nothing the cache knows explains it


EXPECTED = frozenset({Why.WAITING_TO_SYNC, Why.NOT_PULLED_YET, Why.GONE_AT_OFFICE})


@dataclass(frozen=True)
class Difference:
    """One record on one side only, or one field that differs; values are as each side has
    them (not normalised), for showing."""

    kind: str
    record_id: str
    presence: Presence
    why: Why
    label: str = ""
    field: str | None = None
    local_value: Any = None
    office_value: Any = None

    @property
    def expected(self) -> bool:
        """The next successful sync will make it go away by itself."""
        return self.why in EXPECTED


@dataclass(frozen=True)
class ConvergenceReport:
    differences: tuple[Difference, ...]
    records: int  # distinct records seen on either side

    @property
    def converged(self) -> bool:
        return not self.differences

    @property
    def agreeing(self) -> int:
        """Records with no difference at all."""
        return self.records - len({(d.kind, d.record_id) for d in self.differences})

    @property
    def unexplained(self) -> tuple[Difference, ...]:
        return tuple(d for d in self.differences if d.why is Why.UNEXPLAINED)


@dataclass(frozen=True)
class LocalSnapshot:
    """The cache's side: records in the office's shape (each with its ``sync_state``), and
    what the outbox says about them."""

    records: Mapping[str, Sequence[Record]]
    waiting: Mapping[RecordKey, frozenset[str]] = field(default_factory=dict)
    refused: frozenset[RecordKey] = frozenset()


def office_side(office: Office, technician_id: str) -> dict[str, Any]:
    """What the office sees for one technician: the office view, plus the office's customers
    (the view has none; the report keeps those the technician's records refer to). Both
    sides are compared as the office's JSON, so the office's side is the models' JSON."""
    view = office.office_view(technician_id).model_dump(mode="json")
    view["customers"] = [customer.model_dump(mode="json") for customer in office.customers()]
    return view


# --- normalising --------------------------------------------------------------------------------


def normalise(field_name: str, value: Any) -> Any:
    """One representation per value, so only real differences remain."""
    if isinstance(value, Enum):
        value = value.value
    if value is None:
        return None
    if field_name in TIME_FIELDS:
        return _moment(value)
    if field_name in AMOUNT_FIELDS:
        return _amount(value)
    if field_name == "lines" and isinstance(value, Sequence) and not isinstance(value, str):
        return tuple(_line(line) for line in value)
    return value


def _moment(value: Any) -> Any:
    moment = value
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
    if not isinstance(moment, datetime):
        return value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # the cache and the server both store UTC
    return moment.astimezone(UTC)


def _amount(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    try:
        return Decimal(str(value)).normalize()
    except (InvalidOperation, ValueError):
        return value


def _line(line: Any) -> Any:
    if not isinstance(line, Mapping):
        return line
    return tuple((key, normalise(key, line.get(key))) for key in LINE_FIELDS)


def _value(record: Record, name: str) -> Any:
    value = record.get(name)
    return value.value if isinstance(value, Enum) else value


# --- comparing ----------------------------------------------------------------------------------


def convergence_report(local: LocalSnapshot, office: Mapping[str, Any]) -> ConvergenceReport:
    """Every difference between the tablet and the office, kind by kind."""
    differences: list[Difference] = []
    records = 0
    customer_ids = (str(c.get("id")) for c in local.records.get("customers", ()))
    theirs_by_kind = office_records(office, customer_ids)
    gone_jobs = _gone_jobs(local, theirs_by_kind)
    for kind in COMPARED_KINDS:
        mine = _by_identity(kind, local.records.get(kind.key, ()))
        theirs = _by_identity(kind, theirs_by_kind[kind.key])
        records += len(mine.keys() | theirs.keys())
        for identity in sorted(mine.keys() | theirs.keys()):
            here, there = mine.get(identity), theirs.get(identity)
            if there is None:
                assert here is not None
                why = _why_here_only(kind, here, local, gone_jobs)
                differences.append(_whole(kind, here, Presence.HERE_ONLY, why))
            elif here is None:
                differences.append(_whole(kind, there, Presence.OFFICE_ONLY, Why.NOT_PULLED_YET))
            else:
                differences.extend(_field_differences(kind, here, there, local))
    return ConvergenceReport(tuple(differences), records)


def _by_identity(kind: Kind, rows: Sequence[Record]) -> dict[str, Record]:
    return {str(row[kind.identity]): row for row in rows if row.get(kind.identity) is not None}


def office_records(
    office: Mapping[str, Any], local_customer_ids: Iterable[str]
) -> dict[str, list[Record]]:
    """The office's records of each compared kind. Its customers are all of them: keep those
    the technician's jobs and documents refer to, and those the tablet holds."""
    records = {kind.key: list(office.get(kind.key) or ()) for kind in COMPARED_KINDS}
    wanted = {str(customer_id) for customer_id in local_customer_ids}
    for key in ("jobs", "documents"):
        wanted |= {str(r.get("customer_id")) for r in records[key]}
    records["customers"] = [c for c in records["customers"] if str(c.get("id")) in wanted]
    return records


def _gone_jobs(local: LocalSnapshot, office: Mapping[str, Sequence[Record]]) -> frozenset[str]:
    at_office = {str(job.get("id")) for job in office.get("jobs", ())}
    return frozenset(
        str(job.get("id"))
        for job in local.records.get("jobs", ())
        if str(job.get("id")) not in at_office
    )


def _whole(kind: Kind, record: Record, presence: Presence, why: Why) -> Difference:
    return Difference(
        kind.key, str(record[kind.identity]), presence, why, record_label(kind.key, record)
    )


def _why_here_only(
    kind: Kind, record: Record, local: LocalSnapshot, gone_jobs: frozenset[str]
) -> Why:
    key = (kind.record_type, str(record.get("id")))
    state = _value(record, "sync_state")
    if key in local.refused or state == "failed":
        return Why.REFUSED
    if state == "conflict":
        return Why.CONFLICT
    if key in local.waiting or state in ("local_only", "pending"):
        return Why.WAITING_TO_SYNC
    if kind.key == "payments" and _value(record, "status") in ("pending", "unknown"):
        return Why.WAITING_TO_SYNC  # the payment service has not answered; retried with its key
    if kind.key == "jobs" or str(record.get("job_id")) in gone_jobs:
        return Why.GONE_AT_OFFICE
    return Why.UNEXPLAINED


def _field_differences(
    kind: Kind, here: Record, there: Record, local: LocalSnapshot
) -> list[Difference]:
    found = []
    for name in kind.fields:
        if normalise(name, here.get(name)) != normalise(name, there.get(name)):
            found.append(name)
    if not found:
        return []
    label = record_label(kind.key, here)
    return [
        Difference(
            kind.key,
            str(here[kind.identity]),
            Presence.BOTH,
            _why_field_differs(kind, name, here, there, local),
            label,
            name,
            here.get(name),
            there.get(name),
        )
        for name in found
    ]


def _why_field_differs(
    kind: Kind, name: str, here: Record, there: Record, local: LocalSnapshot
) -> Why:
    key = (kind.record_type, str(here.get("id")))
    state = _value(here, "sync_state")
    if state == "conflict":
        return Why.CONFLICT
    if key in local.refused or state == "failed":
        return Why.REFUSED
    touched = local.waiting.get(key, frozenset())
    if ALL_FIELDS in touched or name in touched:
        return Why.WAITING_TO_SYNC
    if kind.versioned and _version(there) > _version(here):
        return Why.NOT_PULLED_YET
    return Why.UNEXPLAINED


def _version(record: Record) -> int:
    try:
        return int(record.get("version") or 0)
    except (TypeError, ValueError):
        return 0


def record_label(kind_key: str, record: Record) -> str:
    """A few words that let a person recognise the record (a job's title, a note's start)."""
    named = {
        "customers": "name",
        "jobs": "title",
        "notes": "text",
        "photos": "original_name",
        "signatures": "signer_name",
        "documents": "reference",
    }.get(kind_key)
    if named is not None:
        text = str(record.get(named) or "")
    elif kind_key == "time_entries":
        moment = _moment(record.get("clock_in"))
        text = moment.strftime("%Y-%m-%d %H:%M") if isinstance(moment, datetime) else ""
    elif kind_key == "payments":
        text = f"{_value(record, 'amount')} {_value(record, 'currency')} {_value(record, 'status')}"
    else:
        text = ""
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"
