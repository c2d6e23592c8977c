"""A cache behind the server continues above it: device identity survives a restore.

The server applies each device's ops by ``(device, seq)`` and remembers the highest seq it
applied. A cache restored from a backup has forgotten the ops it sent after the backup was
taken, so it would hand out those seqs again, and the server refuses a seq it already used
for another op (``code: seq_used``, with its high-water ``last_seq``). Nothing is wrong with
those changes: they only need numbers the server has not seen. So every op not yet answered
gets a fresh seq above the server's, in its old order (op ids stay: an op the server did
apply under its old number is still answered ``duplicate``), the device continues from
there, and ops that an earlier release dead-lettered for this reason go back to the queue.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from wb_desktop.core.store.models import Device, OutboxOp, OutboxState, SyncLogEntry
from wb_desktop.core.store.outbox_admin import requeue_dead_in

BEHIND_EVENT = "device.behind_server"
# How an earlier server worded the refusal, before it carried a code.
_LEGACY_SEQ_USED = "sequence % was already used by op % on this device"


def continue_above(session: Session, server_last_seq: int, now: datetime) -> int:
    """Renumber every unanswered op above ``server_last_seq``; returns how many there were."""
    legacy = session.scalars(
        select(OutboxOp.op_id).where(
            OutboxOp.state == OutboxState.DEAD, OutboxOp.last_error.like(_LEGACY_SEQ_USED)
        )
    ).all()
    requeue_dead_in(session, legacy, now)
    device = session.scalars(select(Device).execution_options(populate_existing=True)).one()
    base = max(server_last_seq, device.next_seq - 1)
    waiting = session.scalars(
        select(OutboxOp)
        .where(OutboxOp.state.in_((OutboxState.QUEUED, OutboxState.IN_FLIGHT)))
        .order_by(OutboxOp.seq)
        .execution_options(populate_existing=True)
    ).all()
    for offset, op in enumerate(waiting, start=1):
        op.seq = base + offset  # all above every seq in the table: no clash in any order
        op.state = OutboxState.QUEUED
        op.next_attempt_at = None
    device.next_seq = base + len(waiting) + 1
    session.add(
        SyncLogEntry(
            at=now,
            level="warning",
            event=BEHIND_EVENT,
            message=(
                f"this cache was behind the server (it had applied seq {server_last_seq} from "
                f"this device; a restored backup?): {len(waiting)} waiting change(s) renumbered "
                f"from seq {base + 1}"
            ),
            details={
                "server_last_seq": server_last_seq,
                "renumbered": len(waiting),
                "requeued": list(legacy),
            },
        )
    )
    return len(waiting)
