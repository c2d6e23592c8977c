"""A conflict the server settles by policy comes back to the device (issue 21, defect 4).

Over real HTTP: the technician changes a customer's phone offline while the office changes
the same phone through the admin API. The phone is technician-owned, so the technician's
value wins and the office's is replaced; the device must learn that, with both values.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from tests.integration.sync_engine.conftest import ANNA, Technician, signed_in
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.paths import DataPaths
from wb_desktop.core.store.conflict_history import (
    Kept,
    Settlement,
    conflict_history,
    record_conflict_notes,
)
from wb_desktop.core.store.document_views import document_detail
from wb_desktop.core.store.models import POLICY, ConflictRecord, Customer, Job, TimeEntry
from wb_desktop.tools.console.conflict_history_model import settlement_text
from wb_desktop.tools.scenario.office import Office


def _customer_id(technician: Technician) -> str:
    with technician.cache.database.reader() as db:
        job = db.scalars(select(Job).where(Job.assigned_technician_id.is_not(None))).first()
        assert job is not None
        return job.customer_id


def test_a_phone_both_sides_changed_comes_back_settled_by_policy(
    anna: Technician, office: Office
) -> None:
    customer_id = _customer_id(anna)
    anna.go("offline")
    anna.cache.changes.customers.edit(customer_id, {"phone": "070-111 11 11"})
    office.edit_customer(customer_id, phone="070-999 99 99")
    anna.go("online")
    report = anna.client.engine.step()
    assert report.ok, report.reason
    office_view = {c.id: c for c in office.customers()}[customer_id]
    assert office_view.phone == "070-111 11 11"  # technician-owned: the office's lost
    with anna.cache.database.reader() as db:
        record = db.get(Customer, customer_id)
        assert record.phone == "070-111 11 11"
        assert record.sync_state is SyncState.SYNCED  # nothing left for anyone to decide
        conflict = db.scalars(select(ConflictRecord)).one()
        assert (conflict.field, conflict.local_value, conflict.server_value) == (
            "phone",
            "070-111 11 11",
            "070-999 99 99",
        )
        assert (conflict.winner, conflict.resolution) == ("client", POLICY)
        assert conflict.resolved_at is not None
        history = conflict_history(db)
        notes = record_conflict_notes(db, "customer", customer_id)
    assert anna.client.engine.unresolved_conflicts() == 0  # settled, not open
    assert [(h.field, h.settlement, h.kept) for h in history] == [
        ("phone", Settlement.POLICY, Kept.MINE)
    ]
    assert (notes[0].kept_value, notes[0].lost_value) == ("070-111 11 11", "070-999 99 99")


def test_an_address_the_office_kept_stays_open_and_is_in_the_history(
    anna: Technician, office: Office
) -> None:
    customer_id = _customer_id(anna)
    anna.go("offline")
    anna.cache.changes.customers.edit(
        customer_id, {"address": "Anna's guess 1", "phone": "070-222 22 22"}
    )
    office.edit_customer(customer_id, address="Office's address 2", phone="070-888 88 88")
    anna.go("online")
    assert anna.client.engine.step().ok
    with anna.cache.database.reader() as db:
        rows = {h.field: h for h in conflict_history(db)}
    assert (rows["address"].settlement, rows["address"].kept) == (Settlement.OPEN, Kept.OFFICE)
    assert (rows["address"].mine, rows["address"].office) == (
        "Anna's guess 1",
        "Office's address 2",
    )
    assert (rows["phone"].settlement, rows["phone"].kept) == (Settlement.POLICY, Kept.MINE)
    assert anna.client.engine.unresolved_conflicts() == 1


def test_a_time_entry_ended_on_two_of_her_tablets_keeps_the_last_and_shows_the_first(
    anna: Technician, data_paths: DataPaths
) -> None:
    """A time entry only Anna edits, ended offline on two of her tablets: the end that
    arrives last wins (last_write), and the one it replaced comes back to that tablet."""
    entry = anna.cache.changes.time.clock_in().record_id
    assert anna.client.engine.step().ok
    second_clock = FixedClock(anna.clock.now())
    tablet = signed_in(anna.server, data_paths.profile("anna-tablet-2"), second_clock, ANNA)
    try:
        anna.go("offline")
        tablet.go("offline")
        anna.clock.advance(timedelta(hours=2))
        anna.cache.changes.time.clock_out(day=True)
        second_clock.advance(timedelta(hours=3))
        tablet.cache.changes.time.clock_out(day=True)
        anna.go("online")
        assert anna.client.engine.step().ok
        tablet.go("online")
        report = tablet.client.engine.step()
        assert report.ok, report.reason
        with tablet.cache.database.reader() as db:
            assert db.get(TimeEntry, entry).clock_out == second_clock.now()
            (conflict,) = db.scalars(select(ConflictRecord)).all()
            history = conflict_history(db)
        assert (conflict.record_type, conflict.field) == ("time_entry", "clock_out")
        assert (conflict.winner, conflict.resolution) == ("client", POLICY)
        assert conflict.local_value == second_clock.now().isoformat()
        assert conflict.server_value == anna.clock.now().isoformat()  # the replaced end
        assert [(h.field, h.settlement) for h in history] == [("clock_out", Settlement.POLICY)]
        assert "the last change to arrive won" in settlement_text(history[0])  # the console's
    finally:
        tablet.client.close()
        tablet.cache.close()


def test_a_draft_edited_on_two_of_her_tablets_keeps_the_last_and_the_page_says_so(
    anna: Technician, data_paths: DataPaths
) -> None:
    customer_id = _customer_id(anna)
    line = {"description": "Labour", "quantity": "1", "unit_price": "650.00"}
    draft = anna.cache.changes.documents.create("invoice", customer_id, [line]).record_id
    assert anna.client.engine.step().ok
    second_clock = FixedClock(anna.clock.now())
    tablet = signed_in(anna.server, data_paths.profile("anna-tablet-2"), second_clock, ANNA)
    try:
        anna.go("offline")
        tablet.go("offline")
        anna.cache.changes.documents.edit(draft, notes="Gate code 4711")
        second_clock.advance(timedelta(minutes=5))
        tablet.cache.changes.documents.edit(draft, notes="Ring the bell twice")
        anna.go("online")
        assert anna.client.engine.step().ok
        tablet.go("online")
        report = tablet.client.engine.step()
        assert report.ok, report.reason
        with tablet.cache.database.reader() as db:
            detail = document_detail(db, draft)
        assert detail is not None and detail.notes == "Ring the bell twice"
        (note,) = detail.settled
        assert (note.field, note.kept, note.kept_value, note.lost_value) == (
            "notes",
            Kept.MINE,
            "Ring the bell twice",
            "Gate code 4711",
        )
    finally:
        tablet.client.close()
        tablet.cache.close()
