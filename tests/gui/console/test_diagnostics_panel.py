"""The diagnostics panel on the whole demo app: export a redacted bundle of work done offline,
open it in a sandbox, see what waits, replay it against the app's server; bad bundles are
refused inline and leave no sandbox behind."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.conftest import PNG_1X1
from tests.gui.console.conftest import SYNC_WAIT_MS
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.store.models import Customer, Job
from wb_desktop.core.sync.trace import TraceLog
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.diagnostics_panel import DiagnosticsPanel
from wb_desktop.ui.theme import TOUCH_TARGET_PX

NOTE = "Valve replaced, pressure holds"


def panel_for(qtbot: QtBot, console: ConsoleContext, sandbox_root: Path | None) -> DiagnosticsPanel:
    panel = DiagnosticsPanel(console, sandbox_root=sandbox_root)
    qtbot.addWidget(panel)
    panel.resize(1100, 900)
    panel.show()
    return panel


def work_offline(qtbot: QtBot, console: ConsoleContext) -> tuple[Job, str]:
    """Three changes the server has not seen: a note, a status and a photo."""
    console.service.set_profile("offline")
    qtbot.waitUntil(lambda: console.service.view().activity.value == "offline")

    def first_scheduled(session) -> tuple[Job, str]:
        job = session.scalars(
            select(Job).where(Job.status == JobStatus.SCHEDULED).order_by(Job.scheduled_start)
        ).first()
        return job, session.get(Customer, job.customer_id).name

    job, customer = console.workday.read(first_scheduled)
    console.workday.write(job.id, lambda c: c.jobs.add_note(job.id, NOTE))
    console.workday.write(job.id, lambda c: c.jobs.set_status(job.id, JobStatus.EN_ROUTE))
    console.workday.write(job.id, lambda c: c.media.add_photo(job.id, PNG_1X1, "valve.png"))
    return job, customer


def export(qtbot: QtBot, panel: DiagnosticsPanel, target: Path, redact: bool = True) -> None:
    with qtbot.waitSignal(panel.exportFinished, timeout=SYNC_WAIT_MS):
        panel.export_to(target, redact)


def test_export_open_and_replay_a_redacted_bundle(
    qtbot: QtBot, qtmodeltester, console: ConsoleContext, tmp_path: Path
) -> None:
    job, customer = work_offline(qtbot, console)
    panel = panel_for(qtbot, console, tmp_path / "sandboxes")
    assert panel.redact_check.isChecked()  # redaction is the default
    bundle = tmp_path / "out" / "anna.zip"

    export(qtbot, panel, bundle)

    assert panel.export_status.property("role") == "ok"
    assert str(bundle) in panel.export_status.text()
    assert "customer data left out" in panel.export_status.text()
    with zipfile.ZipFile(bundle) as archive:
        assert all(customer.encode() not in archive.read(n) for n in archive.namelist())

    with qtbot.waitSignal(panel.bundleOpened, timeout=SYNC_WAIT_MS) as opened:
        panel.open_path(bundle)

    sandbox = opened.args[0]
    assert sandbox.root.parent == tmp_path / "sandboxes"
    assert panel.summary.isVisible()
    assert "Anna" in panel.summary.technician_value.text()
    assert panel.summary.outbox_value.text() == "queued 3"
    assert panel.summary.redacted_value.text().startswith("Yes")
    assert panel.summary.dead_heading.text() == "No op was refused by the server."
    assert panel.summary.media_model.rowCount() == 1
    qtmodeltester.check(panel.summary.media_model)
    qtmodeltester.check(panel.summary.dead_model)
    assert (
        panel.summary.media_model.index(0, panel.summary.media_model.IN_BUNDLE).data()
        == "No (left out)"
    )
    assert panel.replay_button.isEnabled()
    scenario = panel.save_scenario(tmp_path / "from-bundle.yaml")
    assert scenario is not None and "Scenario saved" in panel.replay_status.text()
    recorded = scenario.read_text(encoding="utf-8")
    assert NOTE in recorded and customer not in recorded
    panel.grab().save("/tmp/diagnostics_panel.png")

    with qtbot.waitSignal(panel.replayFinished, timeout=SYNC_WAIT_MS) as replayed:
        panel.replay()

    summary = replayed.args[0]
    assert (summary.applied, summary.duplicates, summary.remaining) == (3, 0, 0)
    assert "Pushed 3: 3 applied, 0 duplicates" in panel.replay_status.text()
    assert "placeholders" in panel.replay_status.text()
    assert panel.replay_status.property("role") == "ok"
    office = console.office()
    try:
        view = office.office_view(console.technician_id)
    finally:
        office.close()
    assert NOTE in [n.text for n in view.notes if n.job_id == job.id]
    assert next(j for j in view.jobs if j.id == job.id).status == "en_route"
    # The app's own profile still waits to send its changes: the sandbox is separate.
    assert console.service.view().pending == 3


def test_a_bad_bundle_is_refused_inline_and_leaves_no_sandbox(
    qtbot: QtBot, console: ConsoleContext, tmp_path: Path
) -> None:
    panel = panel_for(qtbot, console, None)
    root = console.cache.paths.folder.parent.parent / "sandboxes"
    assert panel.sandbox_root == root  # beside the profiles by default
    bundle = tmp_path / "photos.zip"
    bundle.write_bytes(b"\x89PNG this is a picture, not a bundle")

    with qtbot.waitSignal(panel.problemShown, timeout=SYNC_WAIT_MS) as shown:
        panel.open_path(bundle)

    assert "is not a diagnostics bundle: it is not a zip file" in shown.args[0]
    assert panel.open_error.isVisible() and panel.open_error.property("role") == "error"
    assert str(bundle) in panel.open_error.text()
    assert not panel.summary.isVisible()
    assert not panel.replay_button.isEnabled()
    assert not root.exists()


def test_a_truncated_bundle_is_refused_inline(
    qtbot: QtBot, console: ConsoleContext, tmp_path: Path
) -> None:
    panel = panel_for(qtbot, console, tmp_path / "sandboxes")
    good = tmp_path / "good.zip"
    export(qtbot, panel, good, redact=False)
    assert "It holds customer data" in panel.export_status.text()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(good.read_bytes()[:4000])

    with qtbot.waitSignal(panel.problemShown, timeout=SYNC_WAIT_MS):
        panel.open_path(cut)

    assert "damaged or incomplete" in panel.open_error.text()
    assert "cut short" in panel.open_error.text()
    assert not (tmp_path / "sandboxes").exists()


def test_export_to_a_folder_that_cannot_be_written_is_said_inline(
    qtbot: QtBot, console: ConsoleContext, tmp_path: Path
) -> None:
    panel = panel_for(qtbot, console, tmp_path / "sandboxes")
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way", encoding="utf-8")

    with qtbot.waitSignal(panel.problemShown, timeout=SYNC_WAIT_MS):
        panel.export_to(blocker / "bundle.zip", True)

    assert panel.export_error.isVisible()
    assert "could not be written to" in panel.export_error.text()
    assert not panel.export_status.isVisible()


def test_controls_are_touch_sized(qtbot: QtBot, console: ConsoleContext, tmp_path: Path) -> None:
    panel = panel_for(qtbot, console, tmp_path / "sandboxes")
    for control in (
        panel.redact_check,
        panel.export_button,
        panel.open_button,
        panel.replay_button,
    ):
        assert control.height() >= TOUCH_TARGET_PX, control.text()


def test_without_the_admin_api_a_bundle_opens_but_does_not_replay(
    qtbot: QtBot, console: ConsoleContext, tmp_path: Path
) -> None:
    panel = panel_for(qtbot, replace(console, admin_token=None), tmp_path / "sandboxes")
    bundle = tmp_path / "anna.zip"
    export(qtbot, panel, bundle)

    with qtbot.waitSignal(panel.bundleOpened, timeout=SYNC_WAIT_MS):
        panel.open_path(bundle)

    assert panel.summary.isVisible()
    assert not panel.replay_button.isEnabled()
    assert "admin API" in panel.replay_note.text()


def test_diagnosis_lines_link_to_their_trace_rows_and_save_a_wbrepro(
    qtbot: QtBot, console: ConsoleContext, tmp_path: Path
) -> None:
    work_offline(qtbot, console)
    panel = panel_for(qtbot, console, tmp_path / "sandboxes")
    bundle = tmp_path / "anna.zip"
    export(qtbot, panel, bundle, redact=False)
    with qtbot.waitSignal(panel.bundleOpened, timeout=SYNC_WAIT_MS) as opened:
        panel.open_path(bundle)
    sandbox = opened.args[0]
    assert panel.diagnosis is not None
    shown = [label.text() for label in panel.summary.diagnosis_lines]
    assert len(shown) == len(panel.diagnosis.lines) and shown
    assert all("None recorded" not in text for text in shown)
    media = panel.summary.media_model
    assert media.index(0, media.FILE).data() == "valve.png"  # named, not by UUID
    assert media.index(0, media.PROBLEM).data() == "No refusal in the trace"
    number, line = next((n, x) for n, x in enumerate(panel.diagnosis.lines) if x.request_ids)
    label = panel.summary.diagnosis_lines[number]
    assert 'href="rows:' in label.text()
    traced = {e.request_id for e in TraceLog(sandbox.paths.trace).events()}

    with qtbot.waitSignal(panel.traceRowsRequested, timeout=1000) as clicked:
        label.linkActivated.emit(f"rows:{number}")

    assert clicked.args[0] == list(line.request_ids)
    assert set(clicked.args[0]) <= traced

    written = panel.save_scenario(tmp_path / "repro.wbrepro")
    assert written == tmp_path / "repro.wbrepro"
    with zipfile.ZipFile(written) as archive:
        assert {"manifest.json", "field.yaml", "fixed.yaml"} <= set(archive.namelist())
