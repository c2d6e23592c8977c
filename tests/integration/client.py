"""Client-side helpers for protocol tests: a cache filled by a real pull, and pushing its outbox."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import requests
from sqlalchemy import select

from tests.integration.conftest import LiveServer
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.paths import ProfilePaths
from wb_desktop.core.store.cache import LocalCache, open_cache
from wb_desktop.core.store.models import Customer, Job, OutboxOp
from wb_server.demo_data import DEMO_ACCOUNTS


def iso_time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def cache_from_pull(
    server: LiveServer, email: str, profile: ProfilePaths, clock: FixedClock
) -> tuple[LocalCache, requests.Session]:
    """A cache holding the technician's customers and jobs as a first pull leaves them."""
    session = server.sign_in(email, DEMO_ACCOUNTS[email])
    changes = session.get(f"{server.url}/v1/changes", params={"limit": 5000}).json()["changes"]
    cache = open_cache(profile, clock)
    with cache.database.writer() as db, db.begin():
        for change in changes:
            data, synced = change["data"], {"sync_state": SyncState.SYNCED}
            if change["record_type"] == "customer":
                fields = {k: data[k] for k in ("id", "name", "phone", "email", "address", "notes")}
                db.merge(
                    Customer(
                        **fields,
                        version=data["version"],
                        **synced,
                        created_at=clock.now(),
                        updated_at=clock.now(),
                    )
                )
        db.flush()
        for change in changes:
            data = change["data"]
            if change["record_type"] == "job":
                db.merge(
                    Job(
                        id=data["id"],
                        title=data["title"],
                        description=data["description"],
                        address=data["address"],
                        customer_id=data["customer_id"],
                        scheduled_start=iso_time(data["scheduled_start"]),
                        scheduled_end=iso_time(data["scheduled_end"]),
                        status=data["status"],
                        assigned_technician_id=data["technician_id"],
                        version=data["version"],
                        sync_state=SyncState.SYNCED,
                        created_at=clock.now(),
                        updated_at=clock.now(),
                    )
                )
    return cache, session


def outbox_ops(cache: LocalCache) -> list[dict[str, Any]]:
    with cache.database.reader() as db:
        rows = db.scalars(select(OutboxOp).order_by(OutboxOp.seq)).all()
        return [
            {
                "op_id": r.op_id,
                "seq": r.seq,
                "kind": r.kind,
                "record_type": r.record_type,
                "record_id": r.record_id,
                "base_version": r.base_version,
                "payload": r.payload,
            }
            for r in rows
        ]


def push_ops(server: LiveServer, session: requests.Session, cache: LocalCache, ops: list) -> dict:
    reply = session.post(f"{server.url}/v1/push", json={"device_id": cache.device_id, "ops": ops})
    assert reply.status_code == 200, reply.text
    return reply.json()


def scheduled_job(cache: LocalCache) -> Job:
    with cache.database.reader() as db:
        return db.scalars(select(Job).where(Job.status == "scheduled").order_by(Job.id)).first()
