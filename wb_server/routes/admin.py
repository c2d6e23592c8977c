"""The dispatcher and the office view (admin token): stage what the office does."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel
from sqlalchemy import select

from wb_desktop.core.protocol import routes
from wb_desktop.core.protocol.admin import (
    Assignment,
    CustomerEdit,
    DeliveryRow,
    JobEdit,
    JobIn,
    LocationPingRow,
    OfficeView,
    PaymentRow,
)
from wb_desktop.core.protocol.auth import TechnicianOut
from wb_desktop.core.protocol.kinds import RecordType
from wb_desktop.core.protocol.records import CustomerRecord, JobRecord
from wb_server import dispatch
from wb_server.context import Context, require_admin
from wb_server.errors import Problem, not_found, problem
from wb_server.feed import customer_audience, publish, row_as, snapshot
from wb_server.models import (
    Customer,
    Document,
    Job,
    LocationPing,
    Note,
    OfficeDelivery,
    Payment,
    Photo,
    Signature,
    Technician,
    TimeEntry,
)

router = APIRouter(tags=["admin"], dependencies=[Depends(require_admin)])
# Routes return the contract's JSON values (feed.snapshot); FastAPI checks them against the
# route's response_model and documents that model.
Record = dict[str, Any]


@router.get(routes.ADMIN_TECHNICIANS)
def technicians(context: Context) -> list[TechnicianOut]:
    with context.reader() as session:
        return [
            TechnicianOut(id=t.id, email=t.email, display_name=t.display_name)
            for t in session.scalars(select(Technician).order_by(Technician.display_name))
        ]


@router.get(routes.ADMIN_CUSTOMERS, response_model=list[CustomerRecord])
def customers(context: Context) -> list[Record]:
    with context.reader() as session:
        return [snapshot(c) for c in session.scalars(select(Customer).order_by(Customer.name))]


@router.get(routes.ADMIN_JOBS, response_model=list[JobRecord])
def jobs(context: Context, technician_id: str | None = None) -> list[Record]:
    with context.reader() as session:
        query = select(Job).order_by(Job.scheduled_start)
        if technician_id:
            query = query.where(Job.technician_id == technician_id)
        return [snapshot(j) for j in session.scalars(query)]


@router.post(
    routes.ADMIN_JOBS,
    status_code=201,
    response_model=JobRecord,
    responses={
        404: problem("not_found: no such customer, or no such technician"),
        422: problem("invalid_request: scheduled_end is not after scheduled_start"),
    },
)
def create_job(body: JobIn, context: Context) -> Record:
    if body.scheduled_end <= body.scheduled_start:
        raise Problem(422, "invalid_request", "scheduled_end must be after scheduled_start")
    fields = body.model_dump()
    fields["id"] = str(uuid.uuid4())
    fields["line_items"] = [{**item, "id": str(uuid.uuid4())} for item in fields["line_items"]]
    with context.writer() as session, session.begin():
        return snapshot(dispatch.create_job(session, fields, context.clock.now()))


@router.patch(
    routes.ADMIN_JOB,
    response_model=JobRecord,
    responses={
        404: problem("not_found: no such job"),
        422: problem("invalid_request: scheduled_end would not be after scheduled_start"),
    },
)
def edit_job(job_id: str, body: JobEdit, context: Context) -> Record:
    with context.writer() as session, session.begin():
        job = dispatch.job_or_404(session, job_id)
        fields = body.model_dump(exclude_none=True)
        return snapshot(dispatch.edit_job(session, job, fields, context.clock.now()))


@router.post(
    routes.ADMIN_JOB_ASSIGN,
    response_model=JobRecord,
    responses={404: problem("not_found: no such job or technician")},
)
def assign_job(job_id: str, body: Assignment, context: Context) -> Record:
    with context.writer() as session, session.begin():
        job = dispatch.job_or_404(session, job_id)
        return snapshot(dispatch.assign_job(session, job, body.technician_id, context.clock.now()))


@router.post(
    routes.ADMIN_JOB_CANCEL,
    response_model=JobRecord,
    responses={
        404: problem("not_found: no such job"),
        409: problem("not_allowed: the job's status cannot change to cancelled"),
    },
)
def cancel_job(job_id: str, context: Context) -> Record:
    with context.writer() as session, session.begin():
        job = dispatch.job_or_404(session, job_id)
        return snapshot(dispatch.cancel_job(session, job, context.clock.now()))


@router.patch(
    routes.ADMIN_CUSTOMER,
    response_model=CustomerRecord,
    responses={404: problem("not_found: no such customer")},
)
def edit_customer(customer_id: str, body: CustomerEdit, context: Context) -> Record:
    now = context.clock.now()
    with context.writer() as session, session.begin():
        customer = session.get(Customer, customer_id, with_for_update=True, populate_existing=True)
        if customer is None:
            raise not_found(f"customer {customer_id}")
        for key, value in body.model_dump(exclude_none=True).items():
            setattr(customer, key, value)
        if session.is_modified(customer):
            customer.version += 1
            customer.updated_at = now
            session.flush()
            publish(
                session, RecordType.CUSTOMER, customer, customer_audience(session, customer.id), now
            )
        return snapshot(customer)


def _rows(items: Any) -> list[Record]:
    return [snapshot(item) for item in items]


def _rows_as(model: type[BaseModel], items: Any) -> list[Record]:
    return [row_as(model, item) for item in items]


@router.get(
    routes.OFFICE_VIEW,
    response_model=OfficeView,
    responses={404: problem("not_found: no such technician")},
)
def office_view(technician_id: str, context: Context) -> Record:
    """Everything a technician has uploaded, as the office sees it."""
    with context.reader() as session:
        dispatch.require_technician(session, technician_id)
        job_ids = select(Job.id).where(Job.technician_id == technician_id)
        by_job = {
            "notes": _rows(session.scalars(select(Note).where(Note.job_id.in_(job_ids)))),
            "photos": _rows(session.scalars(select(Photo).where(Photo.job_id.in_(job_ids)))),
            "signatures": _rows(
                session.scalars(select(Signature).where(Signature.job_id.in_(job_ids)))
            ),
        }
        owned = {
            "jobs": _rows(session.scalars(select(Job).where(Job.technician_id == technician_id))),
            "time_entries": _rows(
                session.scalars(select(TimeEntry).where(TimeEntry.technician_id == technician_id))
            ),
            "documents": _rows(
                session.scalars(select(Document).where(Document.technician_id == technician_id))
            ),
            "payments": _rows_as(
                PaymentRow,
                session.scalars(select(Payment).where(Payment.technician_id == technician_id)),
            ),
            "location_pings": _rows_as(
                LocationPingRow,
                session.scalars(
                    select(LocationPing).where(LocationPing.technician_id == technician_id)
                ),
            ),
        }
        document_ids = select(Document.id).where(Document.technician_id == technician_id)
        deliveries = session.scalars(
            select(OfficeDelivery).where(OfficeDelivery.document_id.in_(document_ids))
        )
        return {
            **owned,
            **by_job,
            "deliveries": _rows_as(DeliveryRow, deliveries),
            "generated_at": datetime.isoformat(context.clock.now()),
        }
