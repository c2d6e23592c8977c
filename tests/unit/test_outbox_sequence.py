"""A cache behind the server renumbers its waiting ops above the server's high-water."""

from __future__ import annotations

from sqlalchemy import select, update

from tests.conftest import Schedule
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.models import Device, OutboxOp, OutboxState
from wb_desktop.core.store.outbox_sequence import continue_above


def test_waiting_ops_keep_their_order_and_ids_above_the_servers_seq(
    cache: LocalCache, schedule: Schedule
) -> None:
    job_id = schedule.job_ids[0]
    receipts = [cache.changes.jobs.add_note(job_id, f"note {n}") for n in range(4)]
    with cache.database.writer() as session, session.begin():
        session.execute(  # the first was answered; the third died under an older release
            update(OutboxOp)
            .where(OutboxOp.op_id == receipts[0].op_id)
            .values(state=OutboxState.DONE)
        )
        session.execute(
            update(OutboxOp)
            .where(OutboxOp.op_id == receipts[2].op_id)
            .values(
                state=OutboxState.DEAD,
                last_error="sequence 3 was already used by op 42 on this device",
            )
        )
        renumbered = continue_above(session, 10, cache.changes.write_path.now())

    with cache.database.reader() as session:
        ops = session.execute(
            select(OutboxOp.op_id, OutboxOp.seq, OutboxOp.state, OutboxOp.payload).order_by(
                OutboxOp.seq
            )
        ).all()
        next_seq = session.scalar(select(Device.next_seq))
    assert renumbered == 3
    assert ops[0].op_id == receipts[0].op_id and ops[0].seq == 1  # answered: left alone
    waiting = ops[1:]
    assert [op.seq for op in waiting] == [11, 12, 13]
    assert {op.state for op in waiting} == {OutboxState.QUEUED}
    assert [op.payload["text"] for op in waiting] == ["note 1", "note 3", "note 2"]
    assert waiting[0].op_id == receipts[1].op_id and waiting[1].op_id == receipts[3].op_id
    assert next_seq == 14
