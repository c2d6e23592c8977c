"""Declarative base with a naming convention, and the columns every synced record shares."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Enum, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.persistence.column_types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

UUID_LENGTH = 36


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def enum_column_type(enum: type[StrEnum], name: str) -> Enum:
    """A portable enum: a VARCHAR with a named CHECK constraint, storing the values."""
    return Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(m.value) for m in enum),
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class SyncedRecord:
    """Columns of every record the server knows about.

    ``id`` is the server id, a UUID made on the device for local creates; ``version`` is the
    server's version, 0 until the server first accepts the record.
    """

    id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    version: Mapped[int] = mapped_column(default=0)
    sync_state: Mapped[SyncState] = mapped_column(
        enum_column_type(SyncState, "sync_state"), default=SyncState.LOCAL_ONLY, index=True
    )
    sync_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
