"""A sandbox made earlier (by ``wb-desktop diagnostics open`` or a previous console) opens
again in the console from its folder (issue 21): the banner names the sandbox and its bundle,
and the reading tabs show the sandbox's trace and outbox. A folder that is not a sandbox is
refused in the Diagnostics tab with a message that says so, and the console stays live."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.gui.console.conftest import SYNC_WAIT_MS
from tests.gui.console.test_bundle_source import _refused, refused_bundle, tablet
from tests.gui.waiting import settle
from wb_desktop.bootstrap import WorkBossApp
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.sync.trace import TraceLog
from wb_desktop.tools.console import diagnostics_panel
from wb_desktop.tools.console.diagnostics_panel import DiagnosticsPanel
from wb_desktop.tools.console.outbox_model import StateFilter
from wb_desktop.tools.console.outbox_panel import OutboxPanel
from wb_desktop.tools.console.trace_panel import TracePanel
from wb_desktop.tools.console.window import ConsoleWindow
from wb_desktop.tools.diagnostics.sandbox import open_bundle

__all__ = ["tablet"]  # the fixture, shared with the bundle-source test


def test_a_sandbox_folder_opens_again_in_the_console(
    qtbot: QtBot,
    demo_app: WorkBossApp,
    tablet: WorkBossApp,
    clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bundle = tmp_path / "out" / "tablet-bundle.zip"
    refused_bundle(qtbot, tablet, clock, bundle)
    # as `wb-desktop diagnostics open` left it, yesterday; the zip is gone since
    earlier = open_bundle(bundle, tmp_path / "sandboxes", now=clock.now())
    bundle.unlink()
    window = demo_app.open_console()
    assert isinstance(window, ConsoleWindow)
    diagnostics, trace = window.panels["Diagnostics"], window.panels["Sync trace"]
    outbox = window.panels["Outbox"]
    assert isinstance(diagnostics, DiagnosticsPanel) and isinstance(trace, TracePanel)
    assert isinstance(outbox, OutboxPanel)
    settle(qtbot, demo_app.workday)

    # a folder that is not a sandbox: said in the panel, the console stays on the live profile
    not_one = tmp_path / "holiday-photos"
    not_one.mkdir()
    with qtbot.waitSignal(diagnostics.problemShown, timeout=SYNC_WAIT_MS) as problem:
        window.open_bundle(not_one)
    message = problem.args[0]
    assert f"{not_one} is not a sandbox" in message and "bundle/manifest.json" in message
    assert not diagnostics.open_error.isHidden() and diagnostics.open_error.text() == message
    assert "Traceback" not in message
    assert not window.banner.isVisible() and window.source.current.live

    # "Open sandbox…" and the folder picked in its dialog
    monkeypatch.setattr(
        diagnostics_panel.QFileDialog,
        "getExistingDirectory",
        lambda *_args, **_kwargs: str(earlier.root),
    )
    with qtbot.waitSignal(diagnostics.bundleOpened, timeout=SYNC_WAIT_MS) as opened:
        diagnostics.open_sandbox_button.click()
    sandbox = opened.args[0]
    assert sandbox.root == earlier.root and sandbox.reopened
    assert [p.name for p in (tmp_path / "sandboxes").iterdir()] == [earlier.root.name]
    assert diagnostics.open_error.isHidden()

    # the banner names the sandbox and the bundle it came from; the title names the bundle
    assert window.banner.isVisible()
    assert window.banner_label.text() == (
        f"Showing the sandbox {earlier.root}, unpacked from the bundle {bundle.name}"
    )
    assert tablet.cache.device_id in window.banner_whose.text()
    assert bundle.name in window.windowTitle()
    assert "Sync trace" in window.bundle_tabs() and "Outbox" in window.bundle_tabs()

    # the reading tabs show the sandbox: its trace with the refused upload, its outbox
    expected = list(TraceLog(earlier.paths.trace).events())
    qtbot.waitUntil(lambda: trace.model.events() == expected, timeout=SYNC_WAIT_MS)
    assert _refused(trace.model.events())
    outbox.set_state_filter(StateFilter.EVERYTHING)
    waiting = {op["op_id"] for op in earlier.outbox()}
    assert waiting and all(outbox.model.row_of(op_id) >= 0 for op_id in waiting)
    assert outbox.uploads == 1  # the refused photo still waits to upload
    lines = [label.text() for label in diagnostics.summary.diagnosis_lines]
    assert any("could not upload" in line for line in lines)

    window.back_button.click()
    assert not window.banner.isVisible()
    qtbot.waitUntil(lambda: not _refused(trace.model.events()), timeout=SYNC_WAIT_MS)
    settle(qtbot, demo_app.workday)
