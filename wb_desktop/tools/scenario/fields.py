"""The fields scenario steps are checked against: ``Field``, its checkers, ``check_fields``.

Each field has a checker that validates a raw value (from JSON or YAML) and returns it
normalised. A checker raises ``FieldError`` with a message that names the field;
``wb_desktop.tools.scenario.format`` adds the step number. Values that are references (jobs,
customers, invoices) stay as written: an ``int`` position or a ``str`` id.
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

from wb_desktop.tools.demo.accounts import demo_sign_ins
from wb_desktop.tools.scenario.vocabulary import CARD_ALIASES

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
    if (is_int(value) and value > 0) or is_uuid(value):
        return value
    raise FieldError(
        f"'{name}' must be a position in today's schedule (1 is the first) or a job id, "
        f"got {value!r}"
    )


def customer_ref(name: str, value: Any, _ctx: Context) -> int | str:
    if (is_int(value) and value > 0) or is_uuid(value):
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


def is_uuid(value: object) -> bool:
    """An id as the app makes them (a UUID in its 36-character form)."""
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
            raise FieldError(
                f"'{name}' must be a non-empty object with some of {name_list(allowed)}"
            )
        result: dict[str, str] = {}
        for key, item in value.items():
            if key not in allowed:
                raise FieldError(f"'{name}' cannot change {key!r} (allowed: {name_list(allowed)})")
            if key in times:
                result[key] = timestamp(f"{name}.{key}", item, ctx).isoformat()
            elif isinstance(item, str):
                result[key] = item
            else:
                raise FieldError(f"'{name}.{key}' must be text, got {item!r}")
        return result

    return check


def required(name: str, check: Check) -> Field:
    """A field the step must give."""
    return Field(name, True, check)


def optional(name: str, check: Check) -> Field:
    """A field the step may leave out (it then means the documented default)."""
    return Field(name, False, check)


def name_list(names: object) -> str:
    """Names for a message: 'a, b, c'."""
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
            raise FieldError(f"unknown field {key!r} for {label} (known: {name_list(known)})")
    for field in fields:
        if field.required and field.name not in raw:
            raise FieldError(f"{label} needs '{field.name}'")
    try:
        return freeze({f.name: f.check(f.name, raw[f.name], ctx) for f in fields if f.name in raw})
    except FieldError as error:
        if not nested:
            raise
        raise FieldError(f"{label}: {error.message}") from None
