"""Sync bookkeeping: the outbox and its dependencies, the pull cursor, the log, conflicts."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from wb_desktop.core.persistence.column_types import UTCDateTime
from wb_desktop.core.store.models.base import UUID_LENGTH, Base, enum_column_type


class OutboxState(StrEnum):
    QUEUED = "queued"  # waiting to be pushed (or to be retried at next_attempt_at)
    IN_FLIGHT = "in_flight"  # sent, no answer yet; replayed safely after a crash
    DONE = "done"  # the server answered applied, duplicate or conflict (resolved by policy)
    DEAD = "dead"  # rejected for good; holds back its dependents only


class OpResult(StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"
    CONFLICT = "conflict"
    REJECTED = "rejected"


class OutboxOp(Base):
    """One local change waiting for the server.

    ``seq`` is per device and strictly increasing; with ``op_id`` the server applies each
    op exactly once. ``base_version`` is the record's server version the change was made on.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_record", "record_type", "record_id"),)

    op_id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(UUID_LENGTH))
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    state: Mapped[OutboxState] = mapped_column(
        enum_column_type(OutboxState, "outbox_state"), default=OutboxState.QUEUED, index=True
    )
    result: Mapped[OpResult | None] = mapped_column(enum_column_type(OpResult, "op_result"))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class OutboxDependency(Base):
    """``op_id`` may be pushed only after ``depends_on`` is done (same record, or a new parent)."""

    __tablename__ = "outbox_dependencies"

    op_id: Mapped[str] = mapped_column(
        ForeignKey("outbox.op_id", ondelete="CASCADE"), primary_key=True
    )
    depends_on: Mapped[str] = mapped_column(
        ForeignKey("outbox.op_id", ondelete="CASCADE"), primary_key=True, index=True
    )


class PullCursor(Base):
    """The server change sequence this cache has pulled up to; committed with the rows."""

    __tablename__ = "pull_cursor"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    server_seq: Mapped[int] = mapped_column(Integer, default=0)
    pulled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SyncLogEntry(Base):
    """What sync did and why, for the technician's indicator and for support."""

    __tablename__ = "sync_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    level: Mapped[str] = mapped_column(String(10))
    event: Mapped[str] = mapped_column(String(40))
    message: Mapped[str] = mapped_column(Text)
    op_id: Mapped[str | None] = mapped_column(String(UUID_LENGTH))
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON)


POLICY = "policy"  # a conflict's resolution when the server's policy settled it for this device


class ConflictRecord(Base):
    """A field both sides changed: which value won by policy and the one that lost.

    Open (``resolved_at`` empty) when the server kept its value and a person may still keep
    this device's; settled by policy (``resolution`` ``POLICY``, resolved on arrival) when the
    technician's value replaced the office's.
    """

    __tablename__ = "conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(UUID_LENGTH), index=True)
    field: Mapped[str] = mapped_column(String(60))
    local_value: Mapped[Any] = mapped_column(JSON)
    server_value: Mapped[Any] = mapped_column(JSON)
    winner: Mapped[str] = mapped_column(String(10))  # "server" or "client"
    op_id: Mapped[str | None] = mapped_column(String(UUID_LENGTH))
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolution: Mapped[str | None] = mapped_column(String(20))
