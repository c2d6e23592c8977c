"""What the office does to jobs, and how each move reaches the technicians' feeds."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from wb_desktop.core.domain.errors import StatusTransitionError
from wb_desktop.core.domain.status import Actor, JobStatus, check_transition
from wb_desktop.core.protocol.kinds import RecordType
from wb_server.errors import Problem, not_found
from wb_server.feed import (
    customer_audience,
    job_history,
    publish,
    publish_job_with_context,
)
from wb_server.models import Customer, Job, JobLineItem, Technician

OFFICE_JOB_FIELDS = ("title", "description", "address", "scheduled_start", "scheduled_end")


def require_technician(session: Session, technician_id: str | None) -> None:
    if technician_id is not None and session.get(Technician, technician_id) is None:
        raise not_found(f"technician {technician_id}")


def job_or_404(session: Session, job_id: str) -> Job:
    """The job, locked to commit, so its version is bumped from the latest (no lost update)."""
    job = session.get(Job, job_id, with_for_update=True, populate_existing=True)
    if job is None:
        raise not_found(f"job {job_id}")
    return job


def _changed(job: Job, now: datetime) -> None:
    job.version += 1
    job.updated_at = now


def create_job(session: Session, fields: dict[str, Any], now: datetime) -> Job:
    if session.get(Customer, fields["customer_id"]) is None:
        raise not_found(f"customer {fields['customer_id']}")
    require_technician(session, fields.get("technician_id"))
    items = fields.pop("line_items", [])
    job = Job(**fields, status=JobStatus.SCHEDULED.value, version=1, created_at=now, updated_at=now)
    if not job.address:
        job.address = session.get(Customer, job.customer_id).address  # type: ignore[union-attr]
    session.add(job)
    session.flush()
    for position, item in enumerate(items):
        session.add(
            JobLineItem(
                id=item["id"],
                job_id=job.id,
                position=position,
                description=item["description"],
                quantity=item["quantity"],
                unit_price=item["unit_price"],
                vat_rate=item["vat_rate"],
                version=1,
                created_at=now,
                updated_at=now,
            )
        )
    session.flush()
    if job.technician_id:
        publish_job_with_context(session, job, now)
    return job


def edit_job(session: Session, job: Job, fields: dict[str, Any], now: datetime) -> Job:
    if "scheduled_start" in fields or "scheduled_end" in fields:
        start = fields.get("scheduled_start", job.scheduled_start)
        end = fields.get("scheduled_end", job.scheduled_end)
        if end <= start:
            raise Problem(422, "invalid_request", "scheduled_end must be after scheduled_start")
    for key, value in fields.items():
        setattr(job, key, value)
    if session.is_modified(job):
        _changed(job, now)
        session.flush()
        publish(session, RecordType.JOB, job, [job.technician_id], now)
    return job


def assign_job(session: Session, job: Job, technician_id: str | None, now: datetime) -> Job:
    """Reassigning tells the old technician to drop the job (and a customer they no longer
    see), and gives the new one the job with its customer and line items."""
    require_technician(session, technician_id)
    previous = job.technician_id
    if previous == technician_id:
        return job
    job.technician_id = technician_id
    _changed(job, now)
    session.flush()
    if previous:
        publish(session, RecordType.JOB, job, [previous], now, deleted=True)
        for item in session.scalars(select(JobLineItem).where(JobLineItem.job_id == job.id)):
            publish(session, RecordType.JOB_LINE_ITEM, item, [previous], now, deleted=True)
        for record_type, record in job_history(session, job.id):
            publish(session, record_type, record, [previous], now, deleted=True)
        customer = session.get(Customer, job.customer_id)
        if customer is not None and previous not in customer_audience(session, customer.id):
            publish(session, RecordType.CUSTOMER, customer, [previous], now, deleted=True)
    if technician_id:
        publish_job_with_context(session, job, now)
    return job


def cancel_job(session: Session, job: Job, now: datetime) -> Job:
    try:
        check_transition(JobStatus(job.status), JobStatus.CANCELLED, Actor.OFFICE)
    except StatusTransitionError as refused:
        raise Problem(409, "not_allowed", refused.message) from None
    job.status = JobStatus.CANCELLED.value
    job.status_changed_at = now
    _changed(job, now)
    session.flush()
    publish(session, RecordType.JOB, job, [job.technician_id], now)
    return job
