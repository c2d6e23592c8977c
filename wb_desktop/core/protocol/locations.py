"""GPS pings (``POST /v1/locations``): idempotent by ping id, refused one by one."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from wb_desktop.core.protocol.fields import DateTimeText, StrictFloat, Uuid

MAX_PINGS = 1000


class PingIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: Uuid
    recorded_at: DateTimeText
    latitude: StrictFloat = Field(ge=-90, le=90)
    longitude: StrictFloat = Field(ge=-180, le=180)
    accuracy_m: StrictFloat | None = Field(default=None, ge=0, le=100_000)
    job_id: Uuid | None = None


class PingsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    pings: list[PingIn] = Field(max_length=MAX_PINGS)


class PingRefused(BaseModel):
    id: str
    error: str
    detail: str


class PingsOut(BaseModel):
    stored: int
    already_had: int
    refused: list[PingRefused] | None = Field(
        default=None, description="pings not stored, each with why; absent when none"
    )
