"""The argument schema of scenario steps: user actions, server actions and expectations.

Each action is a table of fields; each field has a checker that validates a raw value (from
JSON or YAML) and returns it normalised. A checker raises ``FieldError`` with a message that
names the field; ``wb_desktop.tools.scenario.format`` adds the step number. Values that are
references (jobs, customers, invoices) stay as written: an ``int`` position or a ``str`` id.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any

from wb_desktop.core.domain.records import DeliveryState, PaymentStatus
from wb_desktop.core.domain.status import TECHNICIAN_STATUSES as DOMAIN_TECHNICIAN_STATUSES
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.protocol.kinds import FaultKind
from wb_desktop.tools.demo.accounts import demo_sign_ins

# What a scenario may name, from the one definition of each (values, as a scenario writes them).
JOB_STATUSES = tuple(status.value for status in JobStatus)
TECHNICIAN_STATUSES = tuple(status.value for status in DOMAIN_TECHNICIAN_STATUSES)
SYNC_STATES = tuple(state.value for state in SyncState)
DELIVERY_STATES = tuple(state.value for state in DeliveryState)
PAYMENT_REFUSED, PAYMENT_REFUSED_OFFLINE = "refused", "refused_offline"  # never charged
PAYMENT_OUTCOMES = (
    *(status.value for status in PaymentStatus),
    PAYMENT_REFUSED,
    PAYMENT_REFUSED_OFFLINE,
)
CARD_ALIASES = ("approve", "decline", "timeout")
FAULT_KINDS = tuple(kind.value for kind in FaultKind)

_DELTA = re.compile(r"^\+([1-9]\d*)([smhd])$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
_DEMO_PHOTO = re.compile(r"^demo:[1-9]$")


class FieldError(ValueError):
    """A value that does not fit its field; the message names the field."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Context:
    """What a checker may need besides the value: the scenario file's folder, if any."""

    base_dir: Path | None = None


Check = Callable[[str, Any, Context], Any]


@dataclass(frozen=True)
class Field:
    name: str
    required: bool
    check: Check


def describe(value: object) -> str:
    """A short description of a value's type for messages: 'a list', 'text', …"""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__


def freeze(value: Any) -> Any:
    """Objects become read-only mappings and lists become tuples, all the way down."""
    if isinstance(value, Mapping):
        return MappingProxyType({k: freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(freeze(v) for v in value)
    return value


def is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def parse_delta(text: object) -> timedelta:
    """'+10m' → 10 minutes. Forms: +Ns, +Nm, +Nh, +Nd with N a positive whole number."""
    if isinstance(text, str):
        match = _DELTA.match(text.strip())
        if match:
            return timedelta(**{_UNITS[match[2]]: int(match[1])})
        if text.strip().startswith("-"):
            raise FieldError(f"time only moves forward: {text!r} is negative")
    raise FieldError(f"expected a time step like '+30s', '+10m', '+2h' or '+1d', got {text!r}")


def normalise_technician(value: object) -> str:
    """A demo technician's email, from the email or the short name ('anna')."""
    accounts = demo_sign_ins()
    if isinstance(value, str):
        text = value.strip().lower()
        for account in accounts:
            if text in (account.email, account.short_name):
                return account.email
    known = ", ".join(account.short_name for account in accounts)
    raise FieldError(
        f"'technician' must be one of {known} (or their @demo.workboss.se email), got {value!r}"
    )


# --- checkers: (field name, raw value, context) -> normalised value ---------------------------


def job_ref(name: str, value: Any, _ctx: Context) -> int | str:
    if (is_int(value) and value > 0) or _is_uuid(value):
        return value
    raise FieldError(
        f"'{name}' must be a position in today's schedule (1 is the first) or a job id, "
        f"got {value!r}"
    )


def customer_ref(name: str, value: Any, _ctx: Context) -> int | str:
    if (is_int(value) and value > 0) or _is_uuid(value):
        return value
    raise FieldError(
        f"'{name}' must be a position in today's schedule (the customer of that job; "
        f"1 is the first) or a customer id, got {value!r}"
    )


def document_ref(name: str, value: Any, _ctx: Context) -> int | str:
    if (is_int(value) and value > 0) or (isinstance(value, str) and value.strip()):
        return value
    raise FieldError(
        f"'{name}' must be a number (1 is the first {name} this scenario created) "
        f"or a reference like 'INV-0001', got {value!r}"
    )


def _is_uuid(value: object) -> bool:
    if not isinstance(value, str) or len(value) != 36:
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def one_of(*choices: str) -> Check:
    def check(name: str, value: Any, _ctx: Context) -> str:
        if isinstance(value, str) and value in choices:
            return value
        raise FieldError(f"'{name}' must be one of {', '.join(choices)}, got {value!r}")

    return check


def text(name: str, value: Any, _ctx: Context) -> str:
    if isinstance(value, str) and value.strip():
        return value
    raise FieldError(f"'{name}' must be non-empty text, got {value!r}")


def boolean(name: str, value: Any, _ctx: Context) -> bool:
    if isinstance(value, bool):
        return value
    raise FieldError(f"'{name}' must be true or false, got {value!r}")


def count(name: str, value: Any, _ctx: Context) -> int:
    if is_int(value) and value >= 0:
        return value
    raise FieldError(f"'{name}' must be a whole number ≥ 0, got {value!r}")


def positive_int(name: str, value: Any, _ctx: Context) -> int:
    if is_int(value) and value > 0:
        return value
    raise FieldError(f"'{name}' must be a whole number > 0, got {value!r}")


def integer(name: str, value: Any, _ctx: Context) -> int:
    if is_int(value):
        return value
    raise FieldError(f"'{name}' must be a whole number, got {value!r}")


def number(low: float, high: float | None = None, *, low_open: bool = False) -> Check:
    """A number in low..high (``low_open``: strictly above low), returned as a float."""
    low_text = f"> {low:g}" if low_open else f"≥ {low:g}"
    limits = low_text if high is None else f"{low_text} and ≤ {high:g}"

    def check(name: str, value: Any, _ctx: Context) -> float:
        if is_number(value):
            above = value > low if low_open else value >= low
            if above and (high is None or value <= high):
                return float(value)
        raise FieldError(f"'{name}' must be a number {limits}, got {value!r}")

    return check


def route(name: str, value: Any, _ctx: Context) -> str:
    if isinstance(value, str) and value.startswith("/"):
        return value
    raise FieldError(f"'{name}' must be a path starting with '/', like '/v1/push', got {value!r}")


def technician(_name: str, value: Any, _ctx: Context) -> str:
    return normalise_technician(value)


def photo_file(name: str, value: Any, ctx: Context) -> str:
    if isinstance(value, str) and value.startswith("demo:"):
        if _DEMO_PHOTO.match(value):
            return value
        raise FieldError(f"'{name}' {value!r}: a generated test image is 'demo:1' to 'demo:9'")
    if not isinstance(value, str) or not value.strip():
        raise FieldError(f"'{name}' must be a path to an image or 'demo:1' to 'demo:9'")
    if ctx.base_dir is None:
        return value
    path = Path(value).expanduser()
    path = (path if path.is_absolute() else ctx.base_dir / path).resolve()
    if not path.is_file():
        raise FieldError(f"'{name}': no such file {str(path)!r}")
    return str(path)


def card(name: str, value: Any, _ctx: Context) -> str:
    if isinstance(value, str):
        if value in CARD_ALIASES:
            return value
        digits = value.replace(" ", "")
        if len(digits) == 16 and digits.isdigit():
            return digits
    raise FieldError(
        f"'{name}' must be one of {', '.join(CARD_ALIASES)} or a 16-digit card number "
        f"written as text, got {value!r}"
    )


def timestamp(name: str, value: Any, _ctx: Context) -> datetime:
    """An ISO 8601 time with a zone; YAML may already have made it a datetime."""
    moment = value
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            moment = None
    if isinstance(moment, datetime) and moment.tzinfo is not None:
        return moment
    raise FieldError(
        f"'{name}' must be an ISO 8601 time with a zone, like '2026-11-21T08:00:00+01:00', "
        f"got {value!r}"
    )


def start(name: str, value: Any, ctx: Context) -> datetime | timedelta:
    """A time with a zone, or a step from now like '+2h' (returned as a timedelta)."""
    if isinstance(value, str) and value.strip().startswith(("+", "-")):
        try:
            return parse_delta(value)
        except FieldError as error:
            raise FieldError(f"'{name}': {error.message}") from None
    if isinstance(value, date) and not isinstance(value, datetime):
        value = value.isoformat()
    return timestamp(name, value, ctx)


def amount(name: str, value: Any, _ctx: Context) -> str:
    if isinstance(value, float):
        raise FieldError(
            f"'{name}' is {value!r}: amounts must be written as strings like \"650.00\" "
            "to stay exact"
        )
    if is_int(value):
        return str(value)
    if isinstance(value, str) and _NUMBER.match(value.strip()):
        return value
    raise FieldError(f"'{name}' must be a number written as text, like \"650.00\", got {value!r}")


def object_of(fields: tuple[Field, ...]) -> Check:
    def check(name: str, value: Any, ctx: Context) -> Mapping[str, Any]:
        return check_fields(f"'{name}'", value, fields, ctx, nested=True)

    return check


def fields_of(allowed: tuple[str, ...], *, times: tuple[str, ...] = ()) -> Check:
    """A non-empty object of text values with the allowed keys; ``times`` hold ISO times."""

    def check(name: str, value: Any, ctx: Context) -> Mapping[str, str]:
        if not isinstance(value, Mapping) or not value:
            raise FieldError(f"'{name}' must be a non-empty object with some of {_list(allowed)}")
        result: dict[str, str] = {}
        for key, item in value.items():
            if key not in allowed:
                raise FieldError(f"'{name}' cannot change {key!r} (allowed: {_list(allowed)})")
            if key in times:
                result[key] = timestamp(f"{name}.{key}", item, ctx).isoformat()
            elif isinstance(item, str):
                result[key] = item
            else:
                raise FieldError(f"'{name}.{key}' must be text, got {item!r}")
        return result

    return check


LINE_FIELDS = (
    Field("description", True, text),
    Field("quantity", True, amount),
    Field("unit_price", True, amount),
    Field("vat_rate", False, amount),
)


def lines(name: str, value: Any, ctx: Context) -> tuple[Mapping[str, str], ...]:
    if not isinstance(value, list) or not value:
        raise FieldError(f"'{name}' must be a non-empty list of invoice lines")
    return tuple(
        check_fields(f"'{name}' item {i}", line, LINE_FIELDS, ctx, nested=True)
        for i, line in enumerate(value, 1)
    )


# --- the tables -------------------------------------------------------------------------------


def _req(name: str, check: Check) -> Field:
    return Field(name, True, check)


def _opt(name: str, check: Check) -> Field:
    return Field(name, False, check)


_DOCUMENT = (_req("job", job_ref), _opt("lines", lines))

ACTIONS: Mapping[str, tuple[Field, ...]] = MappingProxyType(
    {
        "set_status": (_req("job", job_ref), _req("status", one_of(*TECHNICIAN_STATUSES))),
        "add_note": (_req("job", job_ref), _req("text", text)),
        "import_photo": (_req("job", job_ref), _req("file", photo_file)),
        "sign": (_req("job", job_ref), _req("signer", text)),
        "clock_in": (_opt("job", job_ref),),
        "clock_out": (),
        "create_invoice": _DOCUMENT,
        "create_estimate": _DOCUMENT,
        "send_invoice": (_opt("invoice", document_ref),),
        "send_estimate": (_opt("estimate", document_ref),),
        "collect_payment": (_opt("invoice", document_ref), _req("card", card)),
        "edit_customer": (
            _req("customer", customer_ref),
            _req("fields", fields_of(("name", "phone", "email", "address", "notes"))),
        ),
        "wait": (_req("seconds", number(0, 600, low_open=True)),),
    }
)

SERVER_ACTIONS: Mapping[str, tuple[Field, ...]] = MappingProxyType(
    {
        "assign_job": (
            _opt("job", job_ref),
            _opt("technician", technician),
            _opt("title", text),
            _opt("customer", customer_ref),
            _opt("start", start),
        ),
        "edit_job": (
            _req("job", job_ref),
            _req(
                "fields",
                fields_of(
                    ("title", "description", "address", "scheduled_start", "scheduled_end"),
                    times=("scheduled_start", "scheduled_end"),
                ),
            ),
        ),
        "cancel_job": (_req("job", job_ref),),
        "unassign_job": (_req("job", job_ref),),
        "fault": (
            _req("kind", one_of(*FAULT_KINDS)),
            _opt("route", route),
            _opt("op_kind", text),
            _opt("probability", number(0, 1, low_open=True)),
            _opt("count", positive_int),
            _opt("seed", integer),
            _opt("latency_ms", count),
            _opt("retry_after_s", count),
            _opt("hang_s", number(0)),
        ),
        "clear_faults": (),
    }
)

_COUNTS = tuple(_opt(n, count) for n in ("notes", "photos", "signatures", "time_entries"))

# Expectations about one record: their value is an object (or a list of them) with these fields.
RECORD_EXPECTATIONS: Mapping[str, tuple[Field, ...]] = MappingProxyType(
    {
        "job": (
            _req("job", job_ref),
            _opt("status", one_of(*JOB_STATUSES)),
            _opt("sync_state", one_of(*SYNC_STATES)),
            *_COUNTS,
        ),
        "server_job": (_req("job", job_ref), _opt("status", one_of(*JOB_STATUSES)), *_COUNTS),
        "invoice": (
            _req("invoice", document_ref),
            _opt("delivery_state", one_of(*DELIVERY_STATES)),
            _opt("sync_state", one_of(*SYNC_STATES)),
        ),
        "payment": (_opt("invoice", document_ref), _req("status", one_of(*PAYMENT_OUTCOMES))),
    }
)

# Expectations with a single value.
VALUE_EXPECTATIONS: Mapping[str, Check] = MappingProxyType(
    {
        "online": boolean,
        "pending": count,
        "dead": count,
        "conflicts": count,
        "schedule_size": count,
        "uploads_waiting": count,
        "last_error": text,
        "server_invoices": object_of((_opt("sent", count), _opt("total", count))),
    }
)

EXPECTATIONS: tuple[str, ...] = tuple(sorted((*RECORD_EXPECTATIONS, *VALUE_EXPECTATIONS)))


def _list(names: object) -> str:
    return ", ".join(str(n) for n in names)


def check_fields(
    label: str, raw: object, fields: tuple[Field, ...], ctx: Context, *, nested: bool = False
) -> Mapping[str, Any]:
    """Validate an object against its fields; ``label`` names it in messages ("'add_note'").

    ``nested``: the object sits inside a field, so a bad value's message starts with ``label``.
    """
    if not isinstance(raw, Mapping):
        raise FieldError(f"{label} must be an object, got {describe(raw)}")
    known = {f.name: f for f in fields}
    for key in raw:
        if key not in known:
            if not known:
                raise FieldError(f"{label} takes no fields, got {key!r}")
            raise FieldError(f"unknown field {key!r} for {label} (known: {_list(known)})")
    for field in fields:
        if field.required and field.name not in raw:
            raise FieldError(f"{label} needs '{field.name}'")
    try:
        return freeze({f.name: f.check(f.name, raw[f.name], ctx) for f in fields if f.name in raw})
    except FieldError as error:
        if not nested:
            raise
        raise FieldError(f"{label}: {error.message}") from None


def check_action(
    kind: str, name: object, args: Mapping[str, Any], ctx: Context
) -> Mapping[str, Any]:
    """The arguments of a user action (``kind`` 'do') or server action (``kind`` 'server')."""
    table = ACTIONS if kind == "do" else SERVER_ACTIONS
    what = "action" if kind == "do" else "server action"
    if not isinstance(name, str):
        article = "an" if kind == "do" else "a"
        raise FieldError(f"'{kind}' must name {article} {what}, got {describe(name)}")
    if name not in table:
        raise FieldError(f"unknown {what} {name!r} (known: {_list(sorted(table))})")
    return check_fields(f"'{name}'", args, table[name], ctx)


def check_expectations(raw: object, ctx: Context) -> Mapping[str, Any]:
    """One object of checks, or a list of them, merged into one read-only mapping.

    Record expectations (job, server_job, invoice, payment) always come out as a tuple of
    objects, so several jobs can be checked in one step; any other key may appear only once.
    """
    groups = raw if isinstance(raw, list) else [raw]
    if not groups:
        raise FieldError("'expect' needs at least one check")
    merged: dict[str, Any] = {}
    for group in groups:
        if not isinstance(group, Mapping) or not group:
            raise FieldError(f"'expect' must be an object of checks, got {describe(group)}")
        for key, value in group.items():
            if key in RECORD_EXPECTATIONS:
                items = value if isinstance(value, list) else [value]
                label = f"expectation '{key}'"
                if not items:
                    raise FieldError(f"{label} needs at least one object")
                checked = [
                    check_fields(label, i, RECORD_EXPECTATIONS[key], ctx, nested=True)
                    for i in items
                ]
                merged[key] = (*merged.get(key, ()), *checked)
            elif key in VALUE_EXPECTATIONS:
                if key in merged:
                    raise FieldError(f"expectation '{key}' is given twice")
                merged[key] = VALUE_EXPECTATIONS[key](key, value, ctx)
            else:
                raise FieldError(f"unknown expectation {key!r} (known: {_list(EXPECTATIONS)})")
    return freeze(merged)
