"""The support story of issue 21 over real HTTP: a morning offline, photo uploads refused
by the server (an injected ``error_500`` on ``/v1/blobs``), a bundle; support reads the
diagnosis, saves it as a ``.wbrepro`` and runs it headless: the field variant fails as in
the field, the fixed one passes."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import PNG_1X1
from tests.integration.conftest import ADMIN_TOKEN, DEMO_WEEK, LiveServer
from tests.integration.sync_engine.conftest import ANNA, Technician, connect
from wb_desktop.cli import main
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.protocol import routes
from wb_desktop.core.store.models import Job
from wb_desktop.core.sync.trace import TraceEvent, TraceLog
from wb_desktop.tools.diagnostics.bundle import export_bundle, open_bundle
from wb_desktop.tools.diagnostics.bundle_scenario import STOCKHOLM
from wb_desktop.tools.diagnostics.command import render_replay, render_summary
from wb_desktop.tools.diagnostics.diagnosis import diagnose
from wb_desktop.tools.diagnostics.replay import replay_outbox
from wb_desktop.tools.diagnostics.repro import save_repro
from wb_desktop.tools.diagnostics.sandbox import SandboxProfile
from wb_desktop.tools.scenario.office import Office
from wb_desktop.tools.scenario.repro_file import open_repro, run_repro
from wb_desktop.tools.scenario.runner import RunOptions
from wb_server.app import create_app
from wb_server.config import ServerConfig
from wb_server.demo import load_demo
from wb_server.runner import start_in_thread

NOTE = "Charger mounted; waiting for the electrician's sign-off"
RETRIES = 4


@pytest.fixture
def field_bundle(anna: Technician, office: Office, tmp_path: Path) -> tuple[SandboxProfile, str]:
    """Anna's bundle after the story; (the opened sandbox, the job's title)."""
    return _bundle_after_the_story(anna, office, tmp_path, routes.BLOBS)


def _bundle_after_the_story(
    anna: Technician, office: Office, tmp_path: Path, faulty_route: str
) -> tuple[SandboxProfile, str]:
    """Offline work (status, note, two photos), then ``faulty_route`` answering 500."""
    anna.client.close()
    log = TraceLog(anna.profile.trace)
    anna.client = connect(anna.cache, anna.server, anna.clock, ANNA, [log.append])
    with anna.cache.database.reader() as db:
        job = db.scalars(
            select(Job).where(Job.status == JobStatus.SCHEDULED).order_by(Job.scheduled_start)
        ).first()
        assert job is not None
        job_id, title = job.id, job.title
    anna.go("offline")
    anna.cache.changes.jobs.set_status(job_id, "en_route")
    anna.cache.changes.jobs.add_note(job_id, NOTE)
    anna.cache.changes.media.add_photo(job_id, PNG_1X1, "charger-front.png")
    anna.cache.changes.media.add_photo(job_id, PNG_1X1 + b"\0", "charger-label.png")
    assert not anna.client.engine.step().ok
    office.add_fault(kind="error_500", route=faulty_route)
    anna.go("online")
    for _ in range(RETRIES):
        anna.clock.advance(timedelta(minutes=3))
        anna.client.engine.reset_backoff()
        anna.client.engine.step()
    bundle = export_bundle(
        anna.profile, tmp_path / "anna.zip", redact=False, now=anna.clock.now(), app_version="t"
    )
    return open_bundle(bundle, tmp_path / "sandboxes", now=anna.clock.now()), title


def _trace_ids(sandbox: SandboxProfile) -> dict[str, TraceEvent]:
    return {e.request_id: e for e in TraceLog(sandbox.paths.trace).events() if e.request_id}


def test_the_diagnosis_names_the_refused_photos_and_the_servers_answer(
    field_bundle: tuple[SandboxProfile, str],
) -> None:
    sandbox, title = field_bundle

    diagnosis = diagnose(sandbox, STOCKHOLM)

    first = diagnosis.lines[0]
    assert first.text.startswith(f"2 photos on '{title}' (charger-front.png, charger-label.png)")
    assert "could not upload: the server answered 500 (injected fault error_500)" in first.text
    assert f"to {2 * RETRIES} tries between" in first.text
    rows = _trace_ids(sandbox)
    assert len(first.request_ids) == 2 * RETRIES
    for request_id in first.request_ids:
        row = rows[request_id]
        assert (row.status, row.server_error) == (500, "injected_fault")
        assert row.route.startswith(routes.BLOBS + "/")
    (refused,) = diagnosis.faults
    assert (refused.route, refused.status, refused.fault_kind) == (routes.BLOBS, 500, "error_500")
    assert {ref.name for ref in refused.records} == {"charger-front.png", "charger-label.png"}
    texts = [line.text for line in diagnosis.lines]
    assert "No change waits in the outbox." in texts
    assert any(text.startswith("Last successful sync ") for text in texts)
    assert any(text.startswith("Offline ") for text in texts)
    assert all("None recorded" not in text for text in texts)
    summary = render_summary(sandbox, sandbox.facts(), diagnosis)
    assert "None recorded" not in summary
    assert f"photo charger-front.png on job '{title}': waiting" in summary
    assert "the server answered 500 (injected fault error_500)" in summary


def test_the_saved_repro_fails_as_in_the_field_and_its_fix_passes(
    field_bundle: tuple[SandboxProfile, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    sandbox, _title = field_bundle
    saved_at = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)

    saved = save_repro(sandbox, tmp_path / "anna", saved_at=saved_at)

    assert saved.path.name == "anna.wbrepro"
    assert saved.failure == "uploads_waiting is 2, expected 0"
    with zipfile.ZipFile(saved.path) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
        field = archive.read("field.yaml").decode()
        fixed = archive.read("fixed.yaml").decode()
    assert {"field.yaml", "fixed.yaml"} <= names
    assert sum(name.startswith("field-photos/") for name in names) == 2
    assert "fault" in field and "error_500" in field and "/v1/blobs" in field
    assert "error_500" not in fixed
    assert "Saved at 2026-12-01T10:30:00+01:00" in field  # when saved, in Stockholm time
    assert f"bundle made {sandbox.manifest.created_at}" in field
    assert manifest["bundle_created_at"] == sandbox.manifest.created_at
    assert manifest["saved_at"] == "2026-12-01T09:30:00+00:00"

    repro = open_repro(saved.path, tmp_path / "unpacked")
    outcomes = run_repro(repro, RunOptions(data_dir=tmp_path / "run"))
    by_name = {o.variant.name: o for o in outcomes}
    assert not by_name["field"].result.passed
    assert "uploads_waiting is 2, expected 0" in by_name["field"].failures
    assert by_name["fixed"].result.passed, by_name["fixed"].failures
    assert all(o.as_expected for o in outcomes)

    code = main(["scenario", "run", str(saved.path), "--data-dir", str(tmp_path / "cli")])
    printed = capsys.readouterr().out
    assert code == 0, printed
    assert (
        "variant field (must fail with: uploads_waiting is 2, expected 0): as expected" in printed
    )
    assert "variant fixed (must pass): as expected" in printed
    assert printed.rstrip().endswith("REPRODUCED, FIX HOLDS")


def test_the_replay_summary_is_what_the_server_has(
    field_bundle: tuple[SandboxProfile, str], anna: Technician, office: Office
) -> None:
    """Asked of the server: with the fault still on, the photos' records are there (the
    tablet pushed them) and their files are not; once fixed, both are."""
    sandbox, _title = field_bundle
    technician_id = office.technician_id(ANNA)

    refused = replay_outbox(
        sandbox,
        anna.server.url,
        office.technician_token,
        clock=anna.clock,
        office_view=office.office_view,
        max_steps=2,
        max_wait_s=0,
    )

    photos = {k.kind: k for k in refused.on_server or ()}["photo"]
    view = office.office_view(technician_id)
    ids = {r.record_id for r in diagnose(sandbox, STOCKHOLM).uploads_waiting}
    assert len(ids) == 2
    assert photos.records == len(ids & {p.id for p in view.photos}) == 2
    assert (photos.wanted, photos.files) == (2, 0)
    assert "photo records 2 of 2, files 0 of 2" in render_replay(refused, anna.server.url)
    assert "every" not in render_replay(refused, anna.server.url)

    office.clear_faults()
    fixed = replay_outbox(
        sandbox,
        anna.server.url,
        office.technician_token,
        clock=anna.clock,
        office_view=office.office_view,
    )
    assert [(k.kind, k.wanted, k.records, k.files) for k in fixed.on_server or ()] == [
        ("photo", 2, 2, 2)
    ]


@pytest.fixture
def support_server(tmp_path: Path) -> Iterator[LiveServer]:
    """Support's own server (the same demo data), not the one the tablet talked to."""
    clock = FixedClock(datetime(2026, 11, 23, 6, 0, tzinfo=UTC))
    config = ServerConfig(
        database_url=f"sqlite:///{(tmp_path / 'support.sqlite3').as_posix()}",
        blob_dir=tmp_path / "support-blobs",
        admin_token=ADMIN_TOKEN,
    )
    app = create_app(config, clock)
    load_demo(app.state.context, seed=1, week_of=DEMO_WEEK)
    running = start_in_thread(app)
    yield LiveServer(running.url, clock, app.state.context, running)
    running.stop()
    app.state.context.engine.dispose()


def test_a_replay_to_another_server_says_it_got_the_files_but_not_the_records(
    field_bundle: tuple[SandboxProfile, str], support_server: LiveServer, clock: FixedClock
) -> None:
    """The issue's case: the photos' creates went to the tablet's server, so support's server
    gets the bytes and no photo records; the summary says so instead of "every photo"."""
    sandbox, _title = field_bundle
    support = Office(support_server.url, ADMIN_TOKEN)
    try:
        summary = replay_outbox(
            sandbox,
            support_server.url,
            support.technician_token,
            clock=clock,
            office_view=support.office_view,
        )
    finally:
        support.close()

    assert [(k.kind, k.wanted, k.records, k.files) for k in summary.on_server or ()] == [
        ("photo", 2, 0, 2)
    ]
    assert "photo records 0 of 2, files 2 of 2" in render_replay(summary, support_server.url)


def test_a_repro_of_refused_pushes_fails_with_the_exact_count_that_waits(
    anna: Technician, office: Office, tmp_path: Path
) -> None:
    """Pushes refused to the end: every change of the story still waits, and the field
    variant must fail with exactly that count (not just "pending is …")."""
    sandbox, _title = _bundle_after_the_story(anna, office, tmp_path, routes.PUSH)
    diagnosis = diagnose(sandbox, STOCKHOLM)
    assert {(f.route, f.fault_kind) for f in diagnosis.faults} == {(routes.PUSH, "error_500")}

    saved = save_repro(sandbox, tmp_path / "pushes", saved_at=anna.clock.now())

    assert saved.failure == f"pending is {diagnosis.waiting.pending}, expected 0"
    repro = open_repro(saved.path, tmp_path / "unpacked")
    outcomes = {o.variant.name: o for o in run_repro(repro, RunOptions(data_dir=tmp_path / "r"))}
    assert saved.failure in outcomes["field"].failures, outcomes["field"].failures
    assert outcomes["field"].as_expected
    assert outcomes["fixed"].result.passed, outcomes["fixed"].failures
