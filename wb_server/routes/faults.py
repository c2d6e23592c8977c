"""Fault injection (admin): set, list and clear the server's QA faults."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field

from wb_server.context import require_admin
from wb_server.errors import not_found, problem
from wb_server.faults import FaultRegistry, FaultRule
from wb_server.fields import NUMBER, JsonInt, StrictFloat

router = APIRouter(
    prefix="/v1/admin/faults", tags=["faults"], dependencies=[Depends(require_admin)]
)
FaultKind = Literal[
    "latency", "error_500", "error_503", "rate_limit", "drop", "drop_after_commit", "hang"
]


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


def _registry(request: Request) -> FaultRegistry:
    registry: FaultRegistry = request.app.state.faults
    return registry


Registry = Annotated[FaultRegistry, Depends(_registry)]


@router.post("", status_code=201)
def add_fault(body: FaultIn, registry: Registry) -> dict[str, Any]:
    params = {
        "latency_ms": body.latency_ms,
        "retry_after_s": body.retry_after_s,
        "hang_s": body.hang_s,
    }
    rule = FaultRule(
        id=str(uuid.uuid4()),
        kind=body.kind,
        route=body.route,
        op_kind=body.op_kind,
        probability=body.probability,
        remaining=body.count,
        seed=body.seed,
        params=params,
    )
    registry.add(rule)
    return rule.describe()


@router.get("")
def list_faults(registry: Registry) -> list[dict[str, Any]]:
    return registry.list()


@router.delete("")
def clear_faults(registry: Registry) -> dict[str, int]:
    return {"cleared": registry.clear()}


@router.delete("/{fault_id}", responses={404: problem("not_found: no such fault rule")})
def clear_fault(fault_id: str, registry: Registry) -> dict[str, int]:
    cleared = registry.clear(fault_id)
    if not cleared:
        raise not_found(f"fault {fault_id}")
    return {"cleared": cleared}
