"""The console's decisions reach the office: a conflict settled with "keep mine", and a
dead op moved back to the queue once its cause was fixed, against the real server."""

from __future__ import annotations

from sqlalchemy import select

from tests.integration.sync_engine.conftest import Technician
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.protocol.records import CustomerRecord
from wb_desktop.core.store.conflict_resolution import Choice, open_conflicts, resolve
from wb_desktop.core.store.models import Customer, Job, OutboxOp, OutboxState
from wb_desktop.core.store.outbox_admin import outbox_rows, requeue_dead
from wb_desktop.tools.scenario.office import Office


def _first_job(technician: Technician) -> Job:
    with technician.cache.database.reader() as db:
        return db.scalars(
            select(Job)
            .where(Job.status == JobStatus.SCHEDULED, Job.assigned_technician_id.is_not(None))
            .order_by(Job.scheduled_start)
        ).first()


def _office_customer(office: Office, customer_id: str) -> CustomerRecord:
    return next(c for c in office.customers() if c.id == customer_id)


def test_keep_mine_reaches_the_office(anna: Technician, office: Office) -> None:
    customer_id = _first_job(anna).customer_id
    anna.go("offline")
    anna.cache.changes.customers.edit(customer_id, {"address": "Anna's street 1, Uppsala"})
    office.edit_customer(customer_id, address="Office's street 2, Uppsala")
    anna.go("online")
    report = anna.client.engine.step()
    assert report.ok and report.conflicts == 1
    with anna.cache.database.reader() as db:
        [conflict] = open_conflicts(db)
    assert conflict.fields[0].mine == "Anna's street 1, Uppsala"
    assert conflict.fields[0].current == "Office's street 2, Uppsala"

    [done] = resolve(anna.cache.changes, conflict.conflict_ids, Choice.KEEP_MINE)
    assert done.op_ids
    report = anna.client.engine.step()
    assert report.ok and report.applied == 1 and report.conflicts == 0, report.reason

    assert _office_customer(office, customer_id).address == "Anna's street 1, Uppsala"
    with anna.cache.database.reader() as db:
        customer = db.get(Customer, customer_id)
        assert (customer.address, customer.sync_state) == (
            "Anna's street 1, Uppsala",
            SyncState.SYNCED,
        )
        assert open_conflicts(db) == []
    assert anna.client.engine.unresolved_conflicts() == 0


def test_a_dead_op_moved_back_after_the_fix_is_applied(anna: Technician, office: Office) -> None:
    job = _first_job(anna)
    me = office.technician_id(anna.email)
    erik = office.technician_id("erik@demo.workboss.se")
    anna.go("offline")
    office.assign_job(job.id, erik)  # the office gives the job away while Anna is offline
    anna.cache.changes.jobs.set_status(job.id, JobStatus.EN_ROUTE)
    anna.go("online")
    assert anna.client.engine.step().ok
    with anna.cache.database.reader() as db:
        [dead] = [row for row in outbox_rows(db) if row.state is OutboxState.DEAD]
    assert "no longer assigned" in (dead.last_error or "")

    office.assign_job(job.id, me)  # the fix: the job is Anna's again
    [moved] = requeue_dead(anna.cache.database, [dead.op_id], anna.clock.now())
    report = anna.client.engine.step()
    assert report.ok and report.dead == 0, report.reason

    assert next(j for j in office.jobs(me) if j.id == job.id).status == "en_route"
    with anna.cache.database.reader() as db:
        op = db.get(OutboxOp, moved.new_op_id)
        assert op.state is OutboxState.DONE
        assert db.get(Job, job.id).sync_state is SyncState.SYNCED
