"""Validation of what a technician types: customers, notes, signatures, time entries.

Each function returns clean values or raises :class:`ValidationError` naming every field
that is wrong, so a form can mark them all at once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from wb_desktop.core.domain.errors import Problem, ValidationError
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text

CUSTOMER_FIELDS = ("name", "phone", "email", "address", "notes")
# The office owns these: on a same-field conflict the server's value wins (see DESIGN.md).
OFFICE_OWNED_CUSTOMER_FIELDS = frozenset({"address"})
# Records only their technician edits: changed on two of their devices, the change that
# reaches the server last wins, and the one it replaced is kept as settled (policy last_write).
LAST_WRITE_FIELDS: dict[str, frozenset[str]] = {
    "time_entry": frozenset({"clock_out"}),
    "document": frozenset({"lines", "notes"}),  # a draft's; its totals follow its lines
}
MAX_NOTE_LENGTH = 10_000
MAX_SIGNER_NAME = 200
_LIMITS = {
    "name": 200,
    "phone": 40,
    "email": 254,
    "address": 500,
    "notes": 5000,
    "signer_name": MAX_SIGNER_NAME,
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()\-]{5,40}$")
MIN_PHONE_DIGITS = 5
MAX_STROKES = 2_000
MAX_POINTS = 100_000


def at_most_characters(limit: int) -> Text:
    """The refusal for text over ``limit`` characters, one wording for every field."""
    return Text(QT_TRANSLATE_NOOP("Domain", "at most %1 characters"), limit)


def _text(value: Any, field: str, problems: list[Problem], *, required: bool) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        problems.append(
            Problem(
                field,
                Text(QT_TRANSLATE_NOOP("Domain", "expected text, got %1"), type(value).__name__),
            )
        )
        return ""
    text = value.strip()
    if required and not text:
        problems.append(Problem(field, Text(QT_TRANSLATE_NOOP("Domain", "is required"))))
    elif len(text) > _LIMITS.get(field, MAX_NOTE_LENGTH):
        problems.append(Problem(field, at_most_characters(_LIMITS.get(field, MAX_NOTE_LENGTH))))
    return text


def clean_text(value: Any, field: str, limit: int) -> str:
    """Optional free text (a time entry's note, an invoice's notes, a file name), stripped."""
    problems: list[Problem] = []
    text = _text(value, field, problems, required=False)
    if not problems and len(text) > limit:
        problems.append(Problem(field, at_most_characters(limit)))
    if problems:
        raise ValidationError(problems)
    return text


def clean_aware_time(value: Any, field: str) -> datetime | None:
    """A time with its zone, converted to UTC; a naive time is ambiguous, so it is refused."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise ValidationError.single(
            field,
            Text(
                QT_TRANSLATE_NOOP("Domain", "expected a date and time, got %1"),
                type(value).__name__,
            ),
        )
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError.single(
            field,
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain", "has no time zone; convert camera (EXIF) local times before saving"
                )
            ),
        )
    return value.astimezone(UTC)


def clean_customer_fields(fields: Mapping[str, Any], *, creating: bool) -> dict[str, str]:
    """Validate a customer create (all fields, name required) or edit (only those given)."""
    problems: list[Problem] = []
    unknown = sorted(set(fields) - set(CUSTOMER_FIELDS))
    for name in unknown:
        problems.append(
            Problem(
                name,
                Text(
                    QT_TRANSLATE_NOOP("Domain", "is not a customer field (%1)"),
                    ", ".join(CUSTOMER_FIELDS),
                ),
            )
        )
    if not creating and not fields:
        problems.append(Problem("fields", Text(QT_TRANSLATE_NOOP("Domain", "nothing to change"))))
    clean: dict[str, str] = {}
    for name in CUSTOMER_FIELDS:
        if name not in fields and not (creating and name == "name"):
            continue
        clean[name] = _text(fields.get(name), name, problems, required=name == "name")
    if clean.get("email") and not _EMAIL.match(clean["email"]):
        problems.append(
            Problem(
                "email",
                Text(QT_TRANSLATE_NOOP("Domain", "'%1' is not an email address"), clean["email"]),
            )
        )
    phone = clean.get("phone")
    if phone and (not _PHONE.match(phone) or sum(c.isdigit() for c in phone) < MIN_PHONE_DIGITS):
        problems.append(
            Problem(
                "phone",
                Text(
                    QT_TRANSLATE_NOOP(
                        "Domain", "'%1' is not a phone number (digits, +, spaces, -)"
                    ),
                    clean["phone"],
                ),
            )
        )
    if problems:
        raise ValidationError(problems)
    return clean


def clean_note(text: Any) -> str:
    if not isinstance(text, str) or not text.strip():
        raise ValidationError.single(
            "text", Text(QT_TRANSLATE_NOOP("Domain", "a note cannot be empty"))
        )
    clean = text.strip()
    if len(clean) > MAX_NOTE_LENGTH:
        raise ValidationError.single(
            "text",
            Text(QT_TRANSLATE_NOOP("Domain", "a note is at most %1 characters"), MAX_NOTE_LENGTH),
        )
    return clean


@dataclass(frozen=True)
class StrokePoint:
    x: float
    y: float
    pressure: float
    t_ms: int


def clean_signature(signer_name: Any, strokes: Any) -> tuple[str, list[list[list[float]]]]:
    """Validate a signature: a signer's name and at least one stroke with a real line in it.

    Strokes are lists of ``[x, y, pressure, t_ms]`` points; pressure is 0..1.
    """
    problems: list[Problem] = []
    name = _text(signer_name, "signer_name", problems, required=True)
    clean: list[list[list[float]]] = []
    if not isinstance(strokes, list):
        problems.append(
            Problem("strokes", Text(QT_TRANSLATE_NOOP("Domain", "expected a list of strokes")))
        )
        strokes = []
    if len(strokes) > MAX_STROKES:
        problems.append(
            Problem("strokes", Text(QT_TRANSLATE_NOOP("Domain", "at most %1 strokes"), MAX_STROKES))
        )
        strokes = []
    total_points = 0
    for s_index, stroke in enumerate(strokes):
        if not isinstance(stroke, list):
            problems.append(
                Problem(
                    f"strokes[{s_index}]",
                    Text(QT_TRANSLATE_NOOP("Domain", "expected a list of points")),
                )
            )
            continue
        points: list[list[float]] = []
        for p_index, point in enumerate(stroke):
            parsed = _point(point)
            if parsed is None:
                problems.append(
                    Problem(
                        f"strokes[{s_index}][{p_index}]",
                        Text(
                            QT_TRANSLATE_NOOP("Domain", "expected [x, y, pressure 0..1, time ms]")
                        ),
                    )
                )
                break
            points.append(parsed)
        total_points += len(points)
        if points:
            clean.append(points)
    if total_points > MAX_POINTS:
        problems.append(
            Problem(
                "strokes", Text(QT_TRANSLATE_NOOP("Domain", "at most %1 points in all"), MAX_POINTS)
            )
        )
    if not problems and not any(_has_extent(stroke) for stroke in clean):
        problems.append(
            Problem(
                "strokes",
                Text(
                    QT_TRANSLATE_NOOP("Domain", "the signature is empty; ask the customer to sign")
                ),
            )
        )
    if problems:
        raise ValidationError(problems)
    return name, clean


def _point(point: Any) -> list[float] | None:
    if not isinstance(point, list | tuple) or len(point) != 4:
        return None
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in point):
        return None
    try:
        values = [float(v) for v in point]
    except OverflowError:  # an int too large for a float
        return None
    if not all(math.isfinite(v) for v in values):  # NaN or infinity cannot be stored as JSON
        return None
    pressure, t_ms = values[2], values[3]
    if not (0 <= pressure <= 1) or t_ms < 0:
        return None
    return values


def _has_extent(stroke: list[list[float]]) -> bool:
    """A stroke counts when it moves at least a couple of pixels: a tap is not a signature."""
    xs = [p[0] for p in stroke]
    ys = [p[1] for p in stroke]
    return len(stroke) >= 2 and (max(xs) - min(xs) >= 2 or max(ys) - min(ys) >= 2)


class DocumentKind(StrEnum):
    INVOICE = "invoice"
    ESTIMATE = "estimate"


class DeliveryState(StrEnum):
    DRAFT = "draft"
    QUEUED = "queued"  # the technician pressed Send; it goes out with the next push
    SENT = "sent"  # the server accepted the send and recorded the delivery


class PaymentStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    DECLINED = "declined"
    UNKNOWN = "unknown"  # the call timed out; resolved by retrying with the same key


class UploadState(StrEnum):
    WAITING = "waiting"
    UPLOADING = "uploading"
    UPLOADED = "uploaded"
