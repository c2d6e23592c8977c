"""What the dispatcher types, checked before the office is asked, and what it did, written
as scenario ``server`` steps for the recorder.

Checking here (not only at the server) lets the console refuse a bad time range or an
empty title at once, in the support person's language, without a round trip.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from decimal import Decimal, InvalidOperation
from typing import Any

from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.protocol.records import JobRecord

MAX_TITLE = 200
MAX_DESCRIPTION = 5000
MAX_ADDRESS = 500
MAX_LINE_ITEMS = 100
REPLAY_JOB_LENGTH = timedelta(hours=1)  # what a replayed ``assign_job`` step creates
_SEPARATOR = re.compile(r"\s*;\s*")


class DraftError(ValueError):
    """Input the office would refuse; ``field`` names the input, ``message`` says why."""

    def __init__(self, field: str, message: Text) -> None:
        super().__init__(str(message))
        self.field = field
        self.message = message


@dataclass(frozen=True)
class JobTexts:
    title: str
    description: str
    address: str


@dataclass(frozen=True)
class JobDraft:
    """A checked job form; ``job`` is the office's job being edited (None: a new one)."""

    texts: JobTexts
    start: datetime
    end: datetime
    customer_id: str | None
    technician_id: str | None
    line_items: tuple[dict[str, str], ...]
    job: JobRecord | None


def create_fields(draft: JobDraft) -> dict[str, Any]:
    """A new job as the admin API takes it."""
    return {
        "customer_id": draft.customer_id,
        "technician_id": draft.technician_id,
        "title": draft.texts.title,
        "description": draft.texts.description,
        "address": draft.texts.address,
        "scheduled_start": draft.start.isoformat(),
        "scheduled_end": draft.end.isoformat(),
        "line_items": list(draft.line_items),
    }


def wall_time(day: date, clock_time: time, zone: tzinfo) -> datetime:
    """A date and a time read off the form, as a moment in the dispatcher's zone."""
    return datetime.combine(day, clock_time.replace(second=0, microsecond=0), tzinfo=zone)


def default_window(now: datetime, zone: tzinfo) -> tuple[datetime, datetime]:
    """The next whole hour, for an hour: today, and what a replayed step would make."""
    local = now.astimezone(zone)
    start = local.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    return start, start + REPLAY_JOB_LENGTH


def check_texts(title: str, description: str, address: str) -> JobTexts:
    clean_title = " ".join(title.split())
    if not clean_title:
        raise DraftError("title", Text(QT_TRANSLATE_NOOP("Domain", "A job needs a title.")))
    too_long = (
        (
            "title",
            clean_title,
            MAX_TITLE,
            QT_TRANSLATE_NOOP("Domain", "The title is over %1 characters."),
        ),
        (
            "description",
            description,
            MAX_DESCRIPTION,
            QT_TRANSLATE_NOOP("Domain", "The description is over %1 characters."),
        ),
        (
            "address",
            address,
            MAX_ADDRESS,
            QT_TRANSLATE_NOOP("Domain", "The address is over %1 characters."),
        ),
    )
    for field, value, limit, message in too_long:
        if len(value.strip()) > limit:
            raise DraftError(field, Text(message, limit))
    return JobTexts(clean_title, description.strip(), address.strip())


def check_customer(customer_id: str | None) -> str:
    if not customer_id:
        raise DraftError(
            "customer", Text(QT_TRANSLATE_NOOP("Domain", "Pick the customer the job is for."))
        )
    return customer_id


def check_window(start: datetime, end: datetime) -> None:
    if end <= start:
        raise DraftError(
            "end",
            Text(
                QT_TRANSLATE_NOOP("Domain", "The job must end after it starts (it starts at %1)."),
                start.strftime("%Y-%m-%d %H:%M"),
            ),
        )


def parse_line_items(text: str) -> list[dict[str, str]]:
    """One line item per line: ``description; quantity; unit price`` and an optional
    ``; VAT %``. A decimal comma is read as a point."""
    items: list[dict[str, str]] = []
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        parts = _SEPARATOR.split(raw.strip())
        if len(parts) not in (3, 4) or not parts[0]:
            raise _line_error(
                number,
                QT_TRANSLATE_NOOP(
                    "Domain", "write it as “description; quantity; unit price; VAT %”"
                ),
            )
        if len(parts[0]) > MAX_TITLE:
            raise _line_error(number, QT_TRANSLATE_NOOP("Domain", "the description is too long"))
        item = {
            "description": parts[0],
            "quantity": _amount(number, parts[1], places=3, above_zero=True),
            "unit_price": _amount(number, parts[2], places=2, above_zero=False),
        }
        if len(parts) == 4:
            vat = _amount(number, parts[3].rstrip("%").strip(), places=2, above_zero=False)
            if Decimal(vat) > 100:
                raise _line_error(number, QT_TRANSLATE_NOOP("Domain", "VAT is at most 100 %"))
            item["vat_rate"] = vat
        items.append(item)
    if len(items) > MAX_LINE_ITEMS:
        raise DraftError(
            "lines",
            Text(QT_TRANSLATE_NOOP("Domain", "At most %1 line items."), MAX_LINE_ITEMS),
        )
    return items


def _amount(line: int, text: str, *, places: int, above_zero: bool) -> str:
    try:
        value = Decimal(text.replace(",", ".").replace(" ", ""))
    except InvalidOperation:
        value = Decimal("NaN")
    exponent = value.as_tuple().exponent
    if not value.is_finite() or not isinstance(exponent, int):
        raise _line_error(line, QT_TRANSLATE_NOOP("Domain", "“%2” is not a number"), text)
    if value < 0 or (above_zero and value == 0):
        raise _line_error(line, QT_TRANSLATE_NOOP("Domain", "“%2” is too small"), text)
    if -exponent > places:
        raise _line_error(
            line, QT_TRANSLATE_NOOP("Domain", "“%2” has more than %3 decimals"), text, places
        )
    # Plain digits, as the server's schema wants them: 1e2 is "100", -0 is "0".
    return f"{value.copy_abs() if value == 0 else value:f}"


def _line_error(line: int, reason: str, *values: str | int) -> DraftError:
    return DraftError(
        "lines",
        Text(
            QT_TRANSLATE_NOOP("Domain", "Line item %1: %2"),
            line,
            Text(reason, line, *values),
        ),
    )


def changed_fields(
    job: JobRecord, texts: JobTexts, start: datetime, end: datetime
) -> dict[str, str]:
    """The fields an edit changes, as the admin API and an ``edit_job`` step take them."""
    fields: dict[str, str] = {}
    for name in ("title", "description", "address"):
        if getattr(texts, name) != getattr(job, name):
            fields[name] = getattr(texts, name)
    for name, moment, was in (
        ("scheduled_start", start, job.scheduled_start),
        ("scheduled_end", end, job.scheduled_end),
    ):
        if was != moment.astimezone(UTC):
            fields[name] = moment.isoformat()
    return fields


# --- scenario steps -----------------------------------------------------------------------------


def new_job_step(
    title: str,
    customer_id: str,
    start: datetime,
    end: datetime,
    technician_email: str,
    line_items: int,
) -> dict[str, Any]:
    """``assign_job`` creating a job. A replay makes it an hour long with a call-out line;
    when the dispatcher chose otherwise, ``why`` says so."""
    step: dict[str, Any] = {
        "server": "assign_job",
        "title": title,
        "customer": customer_id,
        "start": start.isoformat(),
        "technician": technician_email,
    }
    if end - start != REPLAY_JOB_LENGTH or line_items:
        step["why"] = (
            f"The dispatcher made it end at {end.isoformat()} with {line_items} line item(s)."
        )
    return step


def edit_job_step(job_id: str, fields: Mapping[str, str]) -> dict[str, Any]:
    return {"server": "edit_job", "job": job_id, "fields": dict(fields)}


def cancel_job_step(job_id: str) -> dict[str, Any]:
    return {"server": "cancel_job", "job": job_id}


def reassign_step(job_id: str, technician_email: str | None) -> dict[str, Any]:
    """``technician`` None: the office takes the job from whoever had it."""
    if technician_email is None:
        return {"server": "unassign_job", "job": job_id}
    return {"server": "assign_job", "job": job_id, "technician": technician_email}
