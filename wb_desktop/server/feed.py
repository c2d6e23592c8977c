"""The per-technician change feed that pulls read.

Each accepted change appends one ``changes`` row per technician allowed to see the record,
carrying the record as it now is. Losing sight of a record (a job reassigned away) appends
a tombstone for that technician, so their cache drops it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from wb_desktop.server.models import (
    Change,
    Customer,
    Document,
    Job,
    JobLineItem,
    Note,
    Photo,
    ServerBase,
    Signature,
    TimeEntry,
)

RECORD_TYPES: dict[str, type[ServerBase]] = {
    "customer": Customer,
    "job": Job,
    "job_line_item": JobLineItem,
    "note": Note,
    "photo": Photo,
    "signature": Signature,
    "time_entry": TimeEntry,
    "document": Document,
}
_HIDDEN = frozenset({"created_by"})


def json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def snapshot(record: ServerBase) -> dict[str, Any]:
    """The record's columns as JSON values, as a client stores them."""
    mapper = inspect(type(record))
    return {
        column.key: json_value(getattr(record, column.key))
        for column in mapper.column_attrs
        if column.key not in _HIDDEN
    }


def publish(
    session: Session,
    record_type: str,
    record: ServerBase,
    audience: Iterable[str | None],
    now: datetime,
    *,
    origin_device: str | None = None,
    deleted: bool = False,
) -> None:
    data = None if deleted else snapshot(record)
    version = int(getattr(record, "version", 0))
    record_id = str(getattr(record, "id"))  # noqa: B009 - every published record has an id
    for technician_id in dict.fromkeys(t for t in audience if t):
        session.add(
            Change(
                technician_id=technician_id,
                record_type=record_type,
                record_id=record_id,
                version=version,
                deleted=deleted,
                data=data,
                origin_device_id=origin_device,
                at=now,
            )
        )


def customer_audience(session: Session, customer_id: str) -> list[str]:
    """Technicians who see a customer: those with a job for them, and its creator."""
    assigned = session.scalars(
        select(Job.technician_id)
        .where(Job.customer_id == customer_id, Job.technician_id.is_not(None))
        .distinct()
    )
    customer = session.get(Customer, customer_id)
    creator = [customer.created_by] if customer is not None and customer.created_by else []
    return [t for t in assigned if t] + creator


def publish_job_with_context(
    session: Session, job: Job, now: datetime, *, origin_device: str | None = None
) -> None:
    """A job newly visible to its technician arrives with its customer and line items."""
    audience = [job.technician_id]
    customer = session.get(Customer, job.customer_id)
    if customer is not None:
        publish(session, "customer", customer, audience, now)
    publish(session, "job", job, audience, now, origin_device=origin_device)
    for item in session.scalars(select(JobLineItem).where(JobLineItem.job_id == job.id)):
        publish(session, "job_line_item", item, audience, now)
