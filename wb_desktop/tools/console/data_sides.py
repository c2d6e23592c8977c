"""The two sides the data panel shows, read off the GUI thread: the office's records for the
signed-in technician, and both sides at once for the convergence check.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.diagnostics.convergence import (
    ConvergenceReport,
    convergence_report,
    office_records,
    office_side,
)
from wb_desktop.tools.diagnostics.local_side import local_customer_ids, local_snapshot

OfficeRecords = dict[str, list[Mapping[str, Any]]]


def read_office(context: ConsoleContext, technician_id: str) -> OfficeRecords:
    """What the office holds for the technician, for the customers the tablet has."""
    office = context.office()
    try:
        view = office_side(office, technician_id)
    finally:
        office.close()
    with context.cache.database.reader() as session:
        customer_ids = local_customer_ids(session)
    return office_records(view, customer_ids)


def read_both_sides(
    context: ConsoleContext, technician_id: str
) -> tuple[OfficeRecords, ConvergenceReport]:
    """Both sides read now, one right after the other, and compared."""
    office = context.office()
    try:
        view = office_side(office, technician_id)
    finally:
        office.close()
    with context.cache.database.reader() as session:
        local = local_snapshot(session, technician_id)
    customer_ids = [str(c["id"]) for c in local.records.get("customers", ())]
    return office_records(view, customer_ids), convergence_report(local, view)
