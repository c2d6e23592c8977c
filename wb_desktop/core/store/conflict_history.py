"""Every conflict this device has seen, as plain rows: for the console's history and for the
quiet note on a record's page.

A conflict is one field both sides changed. It was either *settled by policy* (the server's
per-field policy chose, and the cache keeps the losing value so it can be shown), is still
*open* (the server kept its value and a person may keep this device's instead), or was
*decided by a person* in the console (keep mine, keep the server's, or a merge).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from wb_desktop.core.store.models import POLICY, ConflictRecord
from wb_desktop.core.store.record_info import record_labels

HISTORY_LIMIT = 500


class Settlement(StrEnum):
    """How a conflict was settled."""

    POLICY = "policy"  # by the server's per-field policy
    PERSON = "person"  # by a person in the console
    OPEN = "open"  # the server kept its value; a person may still choose


class Kept(StrEnum):
    """Whose value the record holds now."""

    MINE = "mine"  # this device's (the technician's)
    OFFICE = "office"  # the server's (the office's)
    MERGED = "merged"  # a merge a person made


@dataclass(frozen=True)
class ConflictHistoryRow:
    """One contested field: both values, whose was kept, how and when it was settled."""

    id: int
    record_type: str
    record_id: str
    label: str
    field: str
    mine: Any  # the value this device's change had
    office: Any  # the value the server had
    kept: Kept
    settlement: Settlement
    detected_at: datetime
    settled_at: datetime | None

    @property
    def kept_value(self) -> Any:
        return self.mine if self.kept is Kept.MINE else self.office

    @property
    def lost_value(self) -> Any:
        return self.office if self.kept is Kept.MINE else self.mine


def _row(record: ConflictRecord, label: str) -> ConflictHistoryRow:
    if record.resolved_at is None:
        settlement = Settlement.OPEN
        kept = Kept.MINE if record.winner == "client" else Kept.OFFICE
    elif record.resolution == POLICY:
        settlement = Settlement.POLICY
        kept = Kept.MINE if record.winner == "client" else Kept.OFFICE
    else:
        settlement = Settlement.PERSON
        kept = {"kept_mine": Kept.MINE, "merged": Kept.MERGED}.get(
            record.resolution or "", Kept.OFFICE
        )
    return ConflictHistoryRow(
        id=record.id,
        record_type=record.record_type,
        record_id=record.record_id,
        label=label,
        field=record.field,
        mine=record.local_value,
        office=record.server_value,
        kept=kept,
        settlement=settlement,
        detected_at=record.detected_at,
        settled_at=record.resolved_at,
    )


def conflict_history(session: Session, limit: int = HISTORY_LIMIT) -> list[ConflictHistoryRow]:
    """Every conflict, newest first: settled by policy, open, and decided by a person."""
    records = session.scalars(
        select(ConflictRecord)
        .order_by(ConflictRecord.detected_at.desc(), ConflictRecord.id.desc())
        .limit(limit)
    ).all()
    labels = record_labels(session, {(r.record_type, r.record_id) for r in records})
    return [_row(r, labels.get((r.record_type, r.record_id), "")) for r in records]


def record_conflict_notes(
    session: Session, record_type: str, record_id: str
) -> list[ConflictHistoryRow]:
    """The latest conflict on each field of one record, in field order: what the record's
    page says was replaced."""
    records = session.scalars(
        select(ConflictRecord)
        .where(ConflictRecord.record_type == record_type, ConflictRecord.record_id == record_id)
        .order_by(ConflictRecord.detected_at, ConflictRecord.id)
    ).all()
    latest: dict[str, ConflictRecord] = {}
    for record in records:
        latest[record.field] = record
    return [_row(latest[name], "") for name in sorted(latest)]
