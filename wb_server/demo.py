"""Loading the demo data into an empty server: accounts, customers, jobs, photos.

The jobs are the demo week around *today* (``week_of``; callers pass today in Stockholm):
earlier days done, today's and later jobs open, and on a Saturday or Sunday a weekend on-call
shift today with the following Mon–Fri planned. See :mod:`wb_server.demo_data`.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from wb_server.auth import hash_password
from wb_server.blobs import BlobStore
from wb_server.context import ServerContext
from wb_server.demo_data import build_demo_data
from wb_server.feed import publish, publish_job_with_context
from wb_server.models import Blob, Customer, Job, JobLineItem, Photo, Technician


def load_demo(context: ServerContext, seed: int = 1, week_of: date | None = None) -> str:
    """Fill an empty server with the demo data for ``week_of`` (default: today in
    Stockholm); a server that already has technicians is left as it is."""
    now = context.clock.now()
    data = build_demo_data(seed=seed, week_of=week_of)
    blobs = BlobStore(context.config.blob_dir)
    with context.writer() as session, session.begin():
        if session.scalar(select(func.count()).select_from(Technician)):
            return "demo data not loaded: the server already has accounts"
        for person in data.technicians:
            session.add(
                Technician(
                    id=person.id,
                    email=person.email,
                    display_name=person.display_name,
                    password_hash=hash_password(person.password),
                    created_at=now,
                )
            )
        for customer in data.customers:
            session.add(
                Customer(
                    id=customer.id,
                    name=customer.name,
                    phone=customer.phone,
                    email=customer.email,
                    address=customer.address,
                    notes=customer.notes,
                    version=1,
                    created_at=now,
                    updated_at=now,
                )
            )
        session.flush()
        jobs: dict[str, Job] = {}
        for planned in data.jobs:
            job = Job(
                id=planned.id,
                title=planned.title,
                description=planned.description,
                address=planned.address,
                customer_id=planned.customer_id,
                technician_id=planned.technician_id,
                scheduled_start=planned.scheduled_start,
                scheduled_end=planned.scheduled_end,
                status=planned.status,
                version=1,
                created_at=now,
                updated_at=now,
            )
            session.add(job)
            jobs[job.id] = job
            for item in planned.line_items:
                session.add(
                    JobLineItem(
                        id=item.id,
                        job_id=job.id,
                        position=item.position,
                        description=item.description,
                        quantity=item.quantity,
                        unit_price=item.unit_price,
                        vat_rate=item.vat_rate,
                        version=1,
                        created_at=now,
                        updated_at=now,
                    )
                )
        session.flush()
        for job in jobs.values():
            publish_job_with_context(session, job, now)
        for picture in data.photos:
            sha256 = blobs.put(picture.data)
            if session.get(Blob, sha256) is None:
                session.add(
                    Blob(
                        sha256=sha256,
                        content_type=picture.content_type,
                        size=len(picture.data),
                        received=len(picture.data),
                        complete=True,
                        uploaded_by=jobs[picture.job_id].technician_id,
                        created_at=now,
                    )
                )
            photo = Photo(
                id=picture.id,
                job_id=picture.job_id,
                sha256=sha256,
                content_type=picture.content_type,
                byte_size=len(picture.data),
                original_name=picture.filename,
                taken_at=picture.taken_at,
                version=1,
                created_at=now,
                updated_at=now,
            )
            session.add(photo)
            session.flush()
            publish(session, "photo", photo, [jobs[picture.job_id].technician_id], now)
    return (
        f"demo data loaded: {len(data.technicians)} technicians, {len(data.customers)} "
        f"customers, {len(data.jobs)} jobs, {len(data.photos)} photos"
    )
