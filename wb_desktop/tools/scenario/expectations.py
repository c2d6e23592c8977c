"""The expectations a scenario's ``expect`` step may check, and how their values are checked.

Record expectations (a job, an invoice, a payment) take objects of fields; the others a
single value.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from wb_desktop.tools.scenario.fields import (
    Check,
    Context,
    Field,
    FieldError,
    boolean,
    check_fields,
    count,
    describe,
    document_ref,
    freeze,
    job_ref,
    name_list,
    object_of,
    one_of,
    optional,
    required,
    text,
)
from wb_desktop.tools.scenario.vocabulary import (
    DELIVERY_STATES,
    JOB_STATUSES,
    PAYMENT_OUTCOMES,
    SYNC_STATES,
)

_COUNTS = tuple(optional(n, count) for n in ("notes", "photos", "signatures", "time_entries"))

# Expectations about one record: their value is an object (or a list of them) with these fields.
RECORD_EXPECTATIONS: Mapping[str, tuple[Field, ...]] = MappingProxyType(
    {
        "job": (
            required("job", job_ref),
            optional("status", one_of(*JOB_STATUSES)),
            optional("sync_state", one_of(*SYNC_STATES)),
            *_COUNTS,
        ),
        "server_job": (
            required("job", job_ref),
            optional("status", one_of(*JOB_STATUSES)),
            *_COUNTS,
        ),
        "invoice": (
            required("invoice", document_ref),
            optional("delivery_state", one_of(*DELIVERY_STATES)),
            optional("sync_state", one_of(*SYNC_STATES)),
        ),
        "payment": (
            optional("invoice", document_ref),
            required("status", one_of(*PAYMENT_OUTCOMES)),
        ),
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
        "server_invoices": object_of((optional("sent", count), optional("total", count))),
    }
)

EXPECTATIONS: tuple[str, ...] = tuple(sorted((*RECORD_EXPECTATIONS, *VALUE_EXPECTATIONS)))


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
                raise FieldError(f"unknown expectation {key!r} (known: {name_list(EXPECTATIONS)})")
    return freeze(merged)
