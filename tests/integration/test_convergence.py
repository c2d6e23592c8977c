"""The convergence check against the real reference server and the real sync engine: a
healthy session that has just synced has no difference at all."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from tests.conftest import PNG_1X1
from tests.integration.conftest import ADMIN_TOKEN, LiveServer
from tests.integration.sync_engine.conftest import ANNA, Technician, connect
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.paths import ProfilePaths
from wb_desktop.core.store.cache import open_cache
from wb_desktop.core.store.models import Job
from wb_desktop.core.sync.auth import remember_technician
from wb_desktop.core.sync.payments import PaymentDesk
from wb_desktop.tools.diagnostics.convergence import (
    ConvergenceReport,
    Presence,
    Why,
    convergence_report,
    office_side,
)
from wb_desktop.tools.diagnostics.local_side import local_snapshot
from wb_desktop.tools.scenario.office import Office

LINES = [{"description": "Labour", "quantity": "1.5", "unit_price": "650.00", "vat_rate": "25"}]
STROKES = [[[0, 0, 0.5, 0], [40, 9, 0.6, 30]]]


@pytest.fixture
def synced_anna(
    live_server: LiveServer, profile: ProfilePaths, clock: FixedClock
) -> Iterator[Technician]:
    """Anna's cache after a first sync through the real engine (as tests/integration/
    sync_engine does it)."""
    cache = open_cache(profile, clock)
    client = connect(cache, live_server, clock, ANNA)
    client.sign_in(False)
    assert client.sign_in.signed_in is not None
    remember_technician(cache.database, client.sign_in.signed_in, live_server.url, clock.now())
    technician = Technician(cache, client, live_server, profile, clock, ANNA)
    report = client.engine.step()
    assert report.ok, report.reason
    yield technician
    technician.client.close()
    technician.cache.close()


@pytest.fixture
def office(live_server: LiveServer) -> Iterator[Office]:
    client = Office(live_server.url, ADMIN_TOKEN)
    yield client
    client.close()


def _check(anna: Technician, office: Office) -> ConvergenceReport:
    technician_id = office.technician_id(ANNA)
    with anna.cache.database.reader() as session:
        local = local_snapshot(session, technician_id)
    return convergence_report(local, office_side(office, technician_id))


def test_a_session_that_has_just_synced_has_no_difference(
    synced_anna: Technician, office: Office
) -> None:
    assert synced_anna.client.engine.counts().pending == 0
    report = _check(synced_anna, office)
    assert report.differences == ()
    assert report.converged
    assert report.records > 20  # customers, jobs, photos of the demo week


def test_an_office_edit_is_the_one_difference_until_it_is_pulled(
    synced_anna: Technician, office: Office
) -> None:
    job = office.jobs(office.technician_id(ANNA))[0]
    office.edit_job(job.id, title="Boiler replaced, check pressure")

    report = _check(synced_anna, office)
    assert len(report.differences) == 1
    difference = report.differences[0]
    assert (difference.kind, difference.record_id, difference.field) == ("jobs", job.id, "title")
    assert difference.presence is Presence.BOTH
    assert difference.local_value == job.title
    assert difference.office_value == "Boiler replaced, check pressure"
    assert difference.why is Why.NOT_PULLED_YET and difference.expected

    assert synced_anna.client.engine.step().ok
    assert _check(synced_anna, office).converged


def test_offline_work_is_listed_as_waiting_until_it_syncs(
    synced_anna: Technician, office: Office
) -> None:
    job = office.jobs(office.technician_id(ANNA))[0]
    synced_anna.go("offline")
    note = synced_anna.cache.changes.jobs.add_note(job.id, "Gate code 4711")

    report = _check(synced_anna, office)
    assert [(d.kind, d.record_id, d.presence, d.why) for d in report.differences] == [
        ("notes", note.record_id, Presence.HERE_ONLY, Why.WAITING_TO_SYNC)
    ]

    synced_anna.go("online")
    assert synced_anna.client.engine.step().ok
    assert _check(synced_anna, office).converged


def test_a_whole_offline_workday_converges_once_it_has_synced(
    synced_anna: Technician, office: Office
) -> None:
    with synced_anna.cache.database.reader() as db:
        job = db.scalars(select(Job).where(Job.status == "scheduled")).first()
    changes = synced_anna.cache.changes
    synced_anna.go("offline")
    changes.jobs.set_status(job.id, "en_route")
    changes.time.clock_in(job.id)
    changes.jobs.add_note(job.id, "Replaced the valve")
    changes.media.add_photo(job.id, PNG_1X1, "valve.png")
    changes.media.add_signature(job.id, "Karin", STROKES, PNG_1X1)
    changes.time.clock_out()
    customer = changes.customers.create({"name": "Nils Holm", "email": "nils@example.se"})
    changes.customers.edit(job.customer_id, {"phone": "+46 70 123 45 67"})
    invoice = changes.documents.create("invoice", job.customer_id, LINES, job_id=job.id)
    changes.documents.send(invoice.record_id)
    changes.documents.create("estimate", customer.record_id, LINES)

    waiting = _check(synced_anna, office)
    assert waiting.differences and all(d.expected for d in waiting.differences)
    assert {d.why for d in waiting.differences} == {Why.WAITING_TO_SYNC}
    assert {d.kind for d in waiting.differences} == {
        "customers",
        "jobs",
        "notes",
        "photos",
        "signatures",
        "time_entries",
        "documents",
    }

    synced_anna.go("online")
    assert synced_anna.client.engine.step().ok
    desk = PaymentDesk(
        synced_anna.client.api,
        synced_anna.cache.database,
        synced_anna.clock,
        is_online=lambda: True,
        sync=synced_anna.client.engine.step,
    )
    desk.collect(invoice.record_id, "approve")
    assert synced_anna.client.engine.step().ok
    assert len(office.office_view(office.technician_id(ANNA)).payments) == 1
    assert len(office.office_view(office.technician_id(ANNA)).payments) == 1
    report = _check(synced_anna, office)
    assert report.differences == ()
