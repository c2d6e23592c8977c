"""GPS pings recorded while online and waiting to be sent."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from wb_desktop.core.persistence.column_types import UTCDateTime
from wb_desktop.core.store.models.base import UUID_LENGTH, Base


class LocationPing(Base):
    __tablename__ = "location_pings"

    id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    accuracy_m: Mapped[float | None] = mapped_column(Float)
    job_id: Mapped[str | None] = mapped_column(ForeignKey("jobs.id"))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
