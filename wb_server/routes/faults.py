"""Fault injection (admin): set, list and clear the server's QA faults."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request

from wb_desktop.core.protocol import routes
from wb_desktop.core.protocol.faults import Cleared, FaultIn, FaultOut
from wb_server.context import require_admin
from wb_server.errors import not_found, problem
from wb_server.faults import FaultRegistry, FaultRule

router = APIRouter(tags=["faults"], dependencies=[Depends(require_admin)])


def _registry(request: Request) -> FaultRegistry:
    registry: FaultRegistry = request.app.state.faults
    return registry


Registry = Annotated[FaultRegistry, Depends(_registry)]


@router.post(routes.FAULTS, status_code=201)
def add_fault(body: FaultIn, registry: Registry) -> FaultOut:
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
    return FaultOut.model_validate(rule.describe())


@router.get(routes.FAULTS)
def list_faults(registry: Registry) -> list[FaultOut]:
    return [FaultOut.model_validate(rule) for rule in registry.list()]


@router.delete(routes.FAULTS)
def clear_faults(registry: Registry) -> Cleared:
    return Cleared(cleared=registry.clear())


@router.delete(routes.FAULT, responses={404: problem("not_found: no such fault rule")})
def clear_fault(fault_id: str, registry: Registry) -> Cleared:
    cleared = registry.clear(fault_id)
    if not cleared:
        raise not_found(f"fault {fault_id}")
    return Cleared(cleared=cleared)
