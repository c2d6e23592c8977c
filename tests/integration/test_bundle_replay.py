"""A bundle from a tablet that worked offline, redacted, opened in a sandbox and replayed
against the real reference server: the office sees the work, exactly once."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from tests.conftest import PNG_1X1
from tests.integration.conftest import ADMIN_TOKEN, LiveServer
from wb_desktop.cli import main
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.paths import ProfilePaths
from wb_desktop.core.store.cache import LocalCache, open_cache
from wb_desktop.core.store.models import Customer, Job
from wb_desktop.core.sync.auth import remember_technician
from wb_desktop.core.sync.client import build_sync_client
from wb_desktop.core.sync.profiles import profile_named
from wb_desktop.tools.diagnostics.bundle import export_bundle, open_bundle
from wb_desktop.tools.diagnostics.bundle_scenario import scenario_from_bundle
from wb_desktop.tools.diagnostics.replay import replay_outbox
from wb_desktop.tools.scenario.format import load_scenario
from wb_desktop.tools.scenario.office import Office, OfficeError
from wb_desktop.tools.scenario.runner import RunOptions, run_scenario
from wb_server.demo_data import DEMO_ACCOUNTS

ANNA = "anna@demo.workboss.se"
NOTE = "Replaced the pressure valve; boiler holds 1.2 bar"


@pytest.fixture
def server_database_url(tmp_path: Path) -> str:
    """One real server is enough here; the server's own tests cover PostgreSQL."""
    return f"sqlite:///{(tmp_path / 'server.sqlite3').as_posix()}"


@pytest.fixture
def office(live_server: LiveServer) -> Iterator[Office]:
    client = Office(live_server.url, ADMIN_TOKEN)
    yield client
    client.close()


@pytest.fixture
def offline_tablet(
    live_server: LiveServer, profile: ProfilePaths, clock: FixedClock
) -> Iterator[tuple[LocalCache, str, str]]:
    """Anna's cache after a first sync, then a morning of work with no connection:
    (cache, job id, customer name as the server knows it)."""
    cache = open_cache(profile, clock)
    client = build_sync_client(cache, live_server.url, ANNA, DEMO_ACCOUNTS[ANNA], clock)
    client.sign_in(False)
    assert client.sign_in.signed_in is not None
    remember_technician(cache.database, client.sign_in.signed_in, live_server.url, clock.now())
    client.close()
    cache.close()
    cache = open_cache(profile, clock)
    client = build_sync_client(cache, live_server.url, ANNA, DEMO_ACCOUNTS[ANNA], clock)
    assert client.engine.step().ok
    client.network.set_profile(profile_named("offline"))
    with cache.database.reader() as session:
        job = session.scalars(
            select(Job).where(Job.status == JobStatus.SCHEDULED).order_by(Job.scheduled_start)
        ).first()
        assert job is not None
        customer = session.get(Customer, job.customer_id)
        assert customer is not None
        job_id, customer_id, name = job.id, customer.id, customer.name
    cache.changes.jobs.set_status(job_id, "en_route")
    cache.changes.jobs.add_note(job_id, NOTE)
    cache.changes.jobs.add_note(job_id, f"{name} wants a call before the next visit")
    cache.changes.customers.edit(customer_id, {"phone": "+46 70 555 12 34"})
    cache.changes.media.add_photo(job_id, PNG_1X1, "valve.png")
    assert not client.engine.step().ok  # offline: everything stays in the outbox
    assert client.engine.counts().queued == 5
    client.close()
    yield cache, job_id, name
    cache.close()


def _office_notes(office: Office, technician_id: str, job_id: str) -> list[str]:
    view = office.office_view(technician_id)
    return [note.text for note in view.notes if note.job_id == job_id]


def test_a_redacted_bundle_replays_its_outbox_exactly_once(
    offline_tablet: tuple[LocalCache, str, str],
    live_server: LiveServer,
    office: Office,
    clock: FixedClock,
    tmp_path: Path,
) -> None:
    cache, job_id, customer_name = offline_tablet
    technician_id = office.technician_id(ANNA)
    bundle = export_bundle(
        cache.paths, tmp_path / "anna.zip", redact=True, now=clock.now(), app_version="test"
    )
    with zipfile.ZipFile(bundle) as archive:
        for name in archive.namelist():
            assert customer_name.encode() not in archive.read(name), name
            assert b"555 12 34" not in archive.read(name), name

    sandbox = open_bundle(bundle, tmp_path / "sandboxes", now=clock.now())
    summary = replay_outbox(sandbox, live_server.url, office.technician_token, clock=clock)

    assert (summary.pushed, summary.applied, summary.duplicates) == (5, 5, 0)
    assert (summary.rejected, summary.dead, summary.remaining) == (0, 0, 0)
    assert summary.redacted and summary.not_uploaded == 1  # the photo's file was left out
    view = office.office_view(technician_id)
    job = next(j for j in view.jobs if j.id == job_id)
    assert job.status == "en_route"
    notes = _office_notes(office, technician_id, job_id)
    assert NOTE in notes
    assert any(text.endswith("wants a call before the next visit") for text in notes)
    assert all(customer_name not in text for text in notes)  # placeholders went, not names
    assert [p.original_name for p in view.photos if p.job_id == job_id] == ["[redacted]"]

    again = open_bundle(bundle, tmp_path / "sandboxes", now=clock.now())
    second = replay_outbox(again, live_server.url, office.technician_token, clock=clock)

    assert (second.pushed, second.applied, second.duplicates) == (5, 0, 5)
    assert second.remaining == 0
    assert sorted(_office_notes(office, technician_id, job_id)) == sorted(notes)

    # The real profile was never touched; the tablet, back online later, is answered
    # "duplicate" too, and the office still sees each change once.
    client = build_sync_client(cache, live_server.url, ANNA, DEMO_ACCOUNTS[ANNA], clock)
    try:
        assert client.engine.counts().queued == 5
        assert client.engine.step().ok
        assert client.engine.counts().pending == 0
    finally:
        client.close()
    assert sorted(_office_notes(office, technician_id, job_id)) == sorted(notes)


def test_replay_needs_the_admin_token(
    offline_tablet: tuple[LocalCache, str, str],
    live_server: LiveServer,
    clock: FixedClock,
    tmp_path: Path,
) -> None:
    cache, _job_id, _name = offline_tablet
    bundle = export_bundle(
        cache.paths, tmp_path / "anna.zip", redact=False, now=clock.now(), app_version="test"
    )
    sandbox = open_bundle(bundle, tmp_path / "sandboxes", now=clock.now())
    wrong = Office(live_server.url, "not-the-admin-token")
    try:
        with pytest.raises(OfficeError, match="403"):
            replay_outbox(sandbox, live_server.url, wrong.technician_token, clock=clock)
    finally:
        wrong.close()
    assert sandbox.facts().outbox_by_state == {"queued": 5}
    manifest = json.loads((sandbox.root / "bundle" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["technician"]["email"] == ANNA


def test_the_command_line_opens_and_replays_a_bundle(
    offline_tablet: tuple[LocalCache, str, str],
    live_server: LiveServer,
    clock: FixedClock,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cache, _job_id, _name = offline_tablet
    bundle = tmp_path / "anna.zip"
    export = ["diagnostics", "export", "--data-dir", str(cache.paths.folder.parent.parent)]
    assert main([*export, "--profile", cache.paths.name, "--output", str(bundle)]) == 0
    capsys.readouterr()

    code = main(
        [
            "diagnostics",
            "open",
            str(bundle),
            "--sandbox",
            str(tmp_path / "sandboxes"),
            "--scenario",
            str(tmp_path / "regression.yaml"),
            "--replay",
            "--server",
            live_server.url,
            "--admin-token",
            ADMIN_TOKEN,
        ]
    )

    printed = capsys.readouterr().out
    assert code == 0, printed
    assert "Technician:  Anna" in printed and ANNA in printed
    assert "Outbox:      queued 5" in printed
    assert "Not uploaded by the tablet (attachments): 1" in printed
    assert "pushed 5: applied 5, duplicates 0" in printed
    assert f"Scenario: {tmp_path / 'regression.yaml'}" in printed
    assert "import_photo" in (tmp_path / "regression.yaml").read_text(encoding="utf-8")
    assert printed.rstrip().endswith("DRAINED")


def test_the_token_route_knows_only_real_technicians(office: Office) -> None:
    with pytest.raises(OfficeError, match="404"):
        office.technician_token("no-such-technician")
    token = office.technician_token(office.technician_id(ANNA))
    me = requests.get(
        f"{office.url}/v1/me", headers={"Authorization": f"Bearer {token}"}, timeout=10
    )
    assert me.json()["email"] == ANNA


def test_a_bundle_becomes_a_regression_scenario_that_passes(
    offline_tablet: tuple[LocalCache, str, str], clock: FixedClock, tmp_path: Path
) -> None:
    """What waited in the tablet's outbox, as a scenario QA can put in scenarios/: it runs
    headless on a fresh demo server and every invariant holds."""
    cache, _job_id, customer_name = offline_tablet
    bundle = export_bundle(
        cache.paths, tmp_path / "anna.zip", redact=True, now=clock.now(), app_version="test"
    )
    sandbox = open_bundle(bundle, tmp_path / "sandboxes", now=clock.now())

    path, skipped = scenario_from_bundle(sandbox, tmp_path / "from-bundle.yaml")

    text = path.read_text(encoding="utf-8")
    assert customer_name not in text and "555 12 34" not in text  # redacted stays redacted
    assert skipped == []
    scenario = load_scenario(path)
    kinds = [getattr(step, "action", None) for step in scenario.steps]
    assert kinds.count("add_note") == 2 and "import_photo" in kinds and "set_status" in kinds
    result = run_scenario(
        scenario,
        RunOptions(data_dir=tmp_path / "run", scenario_dir=tmp_path),  # the demo week
    )
    assert result.passed, [s for s in result.steps if not s.ok]
