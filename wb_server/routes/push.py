"""Push: a batch of ops from one device, each applied exactly once.

The batch commits in one transaction that holds every op's effects, its answer
(``applied_ops``) and the device's highest applied sequence: if the reply is lost after the
commit, the replay finds the answers and gets them back as ``duplicate``; if the server dies
before the commit, nothing of the batch happened. A rejected op changes nothing (handlers
validate before they write; see :mod:`wb_server.push_batch`) and never holds back
the rest.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Request
from pydantic import ValidationError
from sqlalchemy.orm import Session

from wb_desktop.core.protocol import routes
from wb_desktop.core.protocol.ops import parse_payload, readable
from wb_desktop.core.protocol.push import (
    OP_ID_USED,
    SEQ_USED,
    SERVER_ERROR,
    OpIn,
    OpResultOut,
    PushReply,
    PushRequest,
    RejectionCode,
)
from wb_server import document_ops, ops
from wb_server.context import Context, Me
from wb_server.db import insert_or_ignore, retry_on_lock_conflict
from wb_server.errors import Problem, problem
from wb_server.models import Device
from wb_server.ops import OpContext, PushedOp, RejectedOpError
from wb_server.push_batch import PushBatch

router = APIRouter(tags=["sync"])
_log = logging.getLogger(__name__)
HANDLERS = {**ops.HANDLERS, **document_ops.HANDLERS}


def _device(session: Session, device_id: str, technician_id: str, context: Context) -> Device:
    """The pushing device, registered on its first push, and locked for this batch.

    Insert-or-ignore, then a row lock held to commit: two copies of one batch (or two
    batches of one device) on two connections or processes take turns, so the second finds
    the first's answers and replies ``duplicate``, never a unique violation.
    """
    now = context.clock.now()
    register = insert_or_ignore(session, Device).values(
        id=device_id, technician_id=technician_id, last_seq=0, registered_at=now, last_seen_at=now
    )
    session.execute(register.on_conflict_do_nothing(index_elements=[Device.id]))
    device = session.get(Device, device_id, with_for_update=True, populate_existing=True)
    assert device is not None  # inserted above, or there already
    if device.technician_id != technician_id:
        raise Problem(403, "forbidden", "this device is registered to another technician")
    device.last_seen_at = now
    return device


def _apply(batch: PushBatch, technician_id: str, device: Device, op: OpIn) -> OpResultOut:
    previous = batch.answer(op.op_id)
    if previous is not None:
        if previous.device_id != device.id:
            return _refused(op, f"op id {op.op_id} was already used by another device", OP_ID_USED)
        return OpResultOut(
            op_id=op.op_id,
            seq=op.seq,
            result="duplicate",
            original_result=previous.result,
            **previous.detail,
        )
    clash = batch.op_with_seq(op.seq)
    if clash is not None:
        return _refused(
            op, f"sequence {op.seq} was already used by op {clash} on this device", SEQ_USED
        )
    crashed = batch.crashed.get(op.op_id)
    if crashed is not None:
        result, detail = "rejected", {"reason": crashed, "code": SERVER_ERROR}
        batch.record_answer(op, result, detail)
        device.last_seq = max(device.last_seq, op.seq)
        return OpResultOut(op_id=op.op_id, seq=op.seq, result=result, **detail)
    detail: dict[str, Any]
    try:
        handler = HANDLERS.get(op.kind)
        if handler is None:
            raise ops.unknown_kind(op.kind)
        try:
            body = parse_payload(op.kind, op.payload)
        except ValidationError as invalid:
            raise RejectedOpError(readable(invalid, "payload")) from None
        pushed = PushedOp(
            op.op_id,
            op.seq,
            op.kind,
            op.record_type,
            op.record_id,
            op.base_version,
            op.payload,
            body,
        )
        context = OpContext(batch, technician_id, pushed)
        outcome = handler(context)
        record = outcome.snapshot()
        result, detail = outcome.result, {"version": record.get("version"), "record": record}
        if context.settled:  # kept with the answer, so a replay tells the device the same
            detail["settled"] = context.settled
    except RejectedOpError as rejected:
        result, detail = "rejected", {"reason": rejected.reason}
    except Exception as error:  # a bug in one op's handler: see push() for what happens
        raise OpCrashedError(op.op_id, error) from error
    batch.record_answer(op, result, detail)
    device.last_seq = max(device.last_seq, op.seq)
    return OpResultOut(op_id=op.op_id, seq=op.seq, result=result, **detail)


def _refused(op: OpIn, reason: str, code: RejectionCode) -> OpResultOut:
    return OpResultOut(op_id=op.op_id, seq=op.seq, result="rejected", reason=reason, code=code)


class OpCrashedError(Exception):
    """An unexpected exception inside one op's handler, raised out of the transaction."""

    def __init__(self, op_id: str, error: Exception) -> None:
        super().__init__(op_id)
        self.op_id = op_id
        self.error = error


@router.post(
    routes.PUSH,
    response_model=PushReply,
    responses={403: problem("forbidden: this device id is registered to another technician")},
)
def push(body: PushRequest, technician: Me, context: Context, request: Request) -> PushReply:
    """Ops are applied in the order sent (see the module docstring for the transaction)."""
    request.state.device_id = body.device_id  # for the request log

    crashed: dict[str, str] = {}

    def transaction() -> PushReply:
        with context.writer() as session, session.begin():
            device = _device(session, body.device_id, technician.id, context)
            batch = PushBatch(session, device.id, body.ops, context.clock.now())
            batch.crashed = crashed
            results = [_apply(batch, technician.id, device, op) for op in body.ops]
            batch.finish()
            return PushReply(results=results, last_seq=device.last_seq)

    # A handler that fails unexpectedly may have changed records in the session before it
    # failed, so its transaction is thrown away whole and the batch runs again with that op
    # answered as refused: one bad op never costs the batch a 500.
    for _ in range(len(body.ops) + 1):
        try:
            return retry_on_lock_conflict(transaction)
        except OpCrashedError as crash:
            _log.error("op %s failed on the server", crash.op_id, exc_info=crash.error)
            crashed[crash.op_id] = (
                f"the server could not apply this change ({type(crash.error).__name__}); "
                "it is logged on the server for support"
            )
    raise AssertionError("every op of the batch failed more than once")
