"""QA fault injection (``/v1/admin/faults``, admin token): set, list and clear rules."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from wb_desktop.core.protocol.fields import NUMBER, JsonInt, StrictFloat
from wb_desktop.core.protocol.kinds import FaultKind


class FaultIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: FaultKind
    route: str | None = Field(default=None, max_length=200, description="path prefix")
    op_kind: str | None = Field(default=None, max_length=40, description="op kind in a push")
    probability: StrictFloat = Field(default=1.0, ge=0, le=1)
    count: Annotated[int, Field(ge=1, le=2**31 - 1), NUMBER] | None = Field(
        default=None, description="firings before it stops"
    )
    seed: JsonInt = Field(default=0, ge=0, le=2**31)
    latency_ms: JsonInt = Field(default=1000, ge=0, le=600_000)
    retry_after_s: JsonInt = Field(default=2, ge=0, le=3600)
    hang_s: StrictFloat = Field(default=120, ge=0, le=3600)


class FaultOut(BaseModel):
    """A rule as the server holds it: what it matches, and how often it has fired."""

    id: str
    kind: FaultKind
    route: str | None
    op_kind: str | None
    probability: float
    remaining: int | None = Field(description="firings left; null: no limit")
    seed: int
    params: dict[str, Any]
    fired: int


class Cleared(BaseModel):
    cleared: int = Field(description="how many rules were removed")
