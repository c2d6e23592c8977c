"""Who uses this cache and which device it is."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from wb_desktop.core.persistence.column_types import UTCDateTime
from wb_desktop.core.store.models.base import UUID_LENGTH, Base


class TechnicianProfile(Base):
    """The signed-in technician; one row, as each profile has its own database."""

    __tablename__ = "technician_profile"

    id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254))
    server_url: Mapped[str] = mapped_column(String(500))
    signed_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Device(Base):
    """This installation's identity and its outbox sequence counter.

    The server dedupes pushes by (device_id, seq), so ``next_seq`` only ever grows and is
    advanced in the same transaction as the op that uses it.
    """

    __tablename__ = "device"

    id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    next_seq: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
