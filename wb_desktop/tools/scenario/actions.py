"""The argument tables of scenario steps: the user actions (``do``) and the server actions.

Each action is a table of fields (``wb_desktop.tools.scenario.fields``): which it takes,
which it needs, and the checker of each.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from wb_desktop.tools.scenario.fields import (
    Context,
    Field,
    FieldError,
    amount,
    card,
    check_fields,
    count,
    customer_ref,
    describe,
    document_ref,
    fields_of,
    integer,
    job_ref,
    name_list,
    number,
    one_of,
    optional,
    photo_file,
    positive_int,
    required,
    route,
    start,
    technician,
    text,
)
from wb_desktop.tools.scenario.vocabulary import FAULT_KINDS, TECHNICIAN_STATUSES

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


_DOCUMENT = (required("job", job_ref), optional("lines", lines))

ACTIONS: Mapping[str, tuple[Field, ...]] = MappingProxyType(
    {
        "set_status": (required("job", job_ref), required("status", one_of(*TECHNICIAN_STATUSES))),
        "add_note": (required("job", job_ref), required("text", text)),
        "import_photo": (required("job", job_ref), required("file", photo_file)),
        "sign": (required("job", job_ref), required("signer", text)),
        "clock_in": (optional("job", job_ref),),
        "clock_out": (),
        "create_invoice": _DOCUMENT,
        "create_estimate": _DOCUMENT,
        "send_invoice": (optional("invoice", document_ref),),
        "send_estimate": (optional("estimate", document_ref),),
        "collect_payment": (optional("invoice", document_ref), required("card", card)),
        "edit_customer": (
            required("customer", customer_ref),
            required("fields", fields_of(("name", "phone", "email", "address", "notes"))),
        ),
        "wait": (required("seconds", number(0, 600, low_open=True)),),
    }
)

SERVER_ACTIONS: Mapping[str, tuple[Field, ...]] = MappingProxyType(
    {
        "assign_job": (
            optional("job", job_ref),
            optional("technician", technician),
            optional("title", text),
            optional("customer", customer_ref),
            optional("start", start),
        ),
        "edit_job": (
            required("job", job_ref),
            required(
                "fields",
                fields_of(
                    ("title", "description", "address", "scheduled_start", "scheduled_end"),
                    times=("scheduled_start", "scheduled_end"),
                ),
            ),
        ),
        "cancel_job": (required("job", job_ref),),
        "unassign_job": (required("job", job_ref),),
        "fault": (
            required("kind", one_of(*FAULT_KINDS)),
            optional("route", route),
            optional("op_kind", text),
            optional("probability", number(0, 1, low_open=True)),
            optional("count", positive_int),
            optional("seed", integer),
            optional("latency_ms", count),
            optional("retry_after_s", count),
            optional("hang_s", number(0)),
        ),
        "clear_faults": (),
    }
)


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
        raise FieldError(f"unknown {what} {name!r} (known: {name_list(sorted(table))})")
    return check_fields(f"'{name}'", args, table[name], ctx)
