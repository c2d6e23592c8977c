"""Records as the server sends them: written synced, with no outbox op.

The pull (sync issue) writes server records this way; tests and benchmarks use it to give
the cache a schedule to work on.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.models import Customer, Job, JobLineItem


def _synced(now: datetime) -> dict[str, object]:
    return {
        "version": 1,
        "sync_state": SyncState.SYNCED,
        "created_at": now,
        "updated_at": now,
    }


def add_server_customer(session: Session, now: datetime, name: str, **fields: str) -> Customer:
    customer = Customer(id=str(uuid.uuid4()), name=name, **_synced(now), **fields)
    session.add(customer)
    return customer


def add_server_job(
    session: Session,
    now: datetime,
    customer: Customer,
    title: str,
    start: datetime,
    *,
    hours: int = 2,
    status: JobStatus = JobStatus.SCHEDULED,
    technician_id: str | None = None,
) -> Job:
    job = Job(
        id=str(uuid.uuid4()),
        title=title,
        description="",
        address=customer.address,
        customer_id=customer.id,
        scheduled_start=start,
        scheduled_end=start + timedelta(hours=hours),
        status=status,
        assigned_technician_id=technician_id,
        **_synced(now),
    )
    session.add(job)
    session.add(
        JobLineItem(
            id=str(uuid.uuid4()),
            job_id=job.id,
            position=0,
            description="Labour, per hour",
            quantity=Decimal(hours),
            unit_price=Decimal("650.00"),
            vat_rate=Decimal("25"),
            **_synced(now),
        )
    )
    return job
