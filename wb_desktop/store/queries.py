"""Read-only questions the screens ask of the cache."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wb_desktop.store.models import Customer, Job
from wb_desktop.store.outbox import pending_count


@dataclass(frozen=True)
class CacheSummary:
    jobs: int
    customers: int
    waiting_to_sync: int


def cache_summary(session: Session) -> CacheSummary:
    return CacheSummary(
        jobs=session.scalar(select(func.count()).select_from(Job)) or 0,
        customers=session.scalar(select(func.count()).select_from(Customer)) or 0,
        waiting_to_sync=pending_count(session),
    )
