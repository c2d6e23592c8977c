"""The connectivity panel steers the real sync service: the switch and the profiles, a custom
profile, scheduled outages, a cut in the middle of an upload, and server faults through the
reference server's admin API."""

from __future__ import annotations

import io
from datetime import timedelta

from PIL import Image
from pytestqt.qtbot import QtBot

from tests.gui.console.conftest import SYNC_WAIT_MS
from wb_desktop.bootstrap import WorkBossApp
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.protocol.faults import FaultOut
from wb_desktop.core.protocol.kinds import FaultKind
from wb_desktop.core.sync.profiles import Behaviour
from wb_desktop.core.sync.trace import TraceEvent
from wb_desktop.tools.console.connectivity_panel import ConnectivityPanel
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.faults_card import describe_fault


def photo_bytes(size_px: int = 300) -> bytes:
    """A noisy PNG of a few hundred KB: big enough that a cut lands inside it."""
    image = Image.effect_noise((size_px, size_px), 80).convert("RGB")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def panel_for(qtbot: QtBot, console: ConsoleContext) -> ConnectivityPanel:
    panel = ConnectivityPanel(console)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: not panel.faults.busy(), timeout=SYNC_WAIT_MS)
    return panel


def test_the_switch_and_the_picker_drive_the_service_and_the_window(
    qtbot: QtBot, demo_app: WorkBossApp, console: ConsoleContext
) -> None:
    panel = panel_for(qtbot, console)
    network = panel.network
    assert network.switch.isChecked() and network.switch.text().startswith("Online")

    network.switch.click()

    assert console.service.profile().behaviour is Behaviour.OFFLINE
    assert demo_app.window.offline_button.isChecked()  # the technician's window follows
    qtbot.waitUntil(lambda: console.service.view().activity.value == "offline")
    network.switch.click()
    assert console.service.profile().name == "online"
    assert not demo_app.window.offline_button.isChecked()

    network.profile_combo.setCurrentIndex(network.profile_combo.findData("slow-3g"))
    network.profile_combo.activated.emit(network.profile_combo.currentIndex())
    assert console.service.profile().name == "slow-3g"
    assert "2000 ms" in network.figures_label.text()
    assert "browser devtools" in network.figures_label.text()


def test_a_custom_profile_is_used_and_a_bad_one_refused_inline(
    qtbot: QtBot, console: ConsoleContext
) -> None:
    panel = panel_for(qtbot, console)
    network = panel.network
    network.profile_combo.setCurrentIndex(network.profile_combo.findData("custom"))
    network.profile_combo.activated.emit(network.profile_combo.currentIndex())
    assert network.custom_box.isVisibleTo(network)

    network.latency_spin.setValue(100)
    network.jitter_spin.setValue(300)
    network.apply_button.click()
    assert not network.custom_error.isHidden()
    assert "cannot be larger than the latency" in network.custom_error.text()
    assert console.service.profile().name == "online"  # nothing changed

    network.jitter_spin.setValue(20)
    network.up_spin.setValue(64)
    network.loss_spin.setValue(5)
    network.apply_button.click()
    profile = console.service.profile()
    assert (profile.name, profile.latency_ms, profile.jitter_ms) == ("custom", 100, 20)
    assert (profile.up_kbps, profile.down_kbps, profile.loss_pct) == (64, None, 5)
    assert "↑ 64 kbps" in network.figures_label.text()


def test_a_planned_outage_goes_offline_on_time_and_comes_back(
    qtbot: QtBot, console: ConsoleContext, clock: FixedClock
) -> None:
    panel = panel_for(qtbot, console)
    outages = panel.outages
    outages.plan(timedelta(seconds=30), timedelta(minutes=2))
    assert outages.planned_list.item(0).text() == "Offline in 30 s for 120 s"

    clock.advance(timedelta(seconds=31))
    outages.tick()
    assert console.service.profile().name == "offline"
    assert outages.planned_list.item(0).text().startswith("Offline now")

    clock.advance(timedelta(minutes=2))
    outages.tick()
    assert console.service.profile().name == "online"
    assert outages.planned() == [] and outages.planned_list.count() == 0


def test_the_link_drops_at_the_armed_point_of_an_upload_and_the_upload_resumes(
    qtbot: QtBot, demo_app: WorkBossApp, console: ConsoleContext
) -> None:
    panel = panel_for(qtbot, console)
    outages = panel.outages
    events: list[TraceEvent] = []
    console.service.traceEvent.connect(events.append)
    outages.cut_spin.setValue(40)
    outages.cut_button.setChecked(True)
    job_id = demo_app.window.schedule.model.job_ids()[0]
    data = photo_bytes()

    with qtbot.waitSignal(console.service.linkCut, timeout=SYNC_WAIT_MS) as cut:
        console.workday.write(job_id, lambda changes: changes.media.add_photo(job_id, data))
    assert cut.args == [0.4]
    assert console.service.profile().name == "offline"
    assert demo_app.window.offline_button.isChecked()
    assert "dropped at 40 %" in outages.message_label.text()
    patches = [e for e in events if e.method == "PATCH"]
    assert patches and patches[-1].status is None and "40 %" in (patches[-1].error or "")

    console.service.set_profile("online")
    console.service.sync_now()

    def resumed() -> list[TraceEvent]:
        return [e for e in events if e.method == "PATCH" and e.ok]

    qtbot.waitUntil(lambda: bool(resumed()), timeout=SYNC_WAIT_MS)
    sent_after = sum(e.bytes_sent for e in resumed())
    assert 0.59 * len(data) < sent_after < 0.61 * len(data)  # the 40 % the server kept stayed


def test_server_faults_are_set_seen_and_cleared_through_the_admin_api(
    qtbot: QtBot, console: ConsoleContext
) -> None:
    panel = panel_for(qtbot, console)
    faults = panel.faults
    steps: list[dict] = []
    faults.serverStep.connect(steps.append)
    faults.kind_combo.setCurrentText("error_503")
    faults.route_combo.setCurrentText("/v1/push")
    faults.count_spin.setValue(1)

    faults.add_from_fields()
    qtbot.waitUntil(lambda: not faults.busy(), timeout=SYNC_WAIT_MS)

    assert faults.faults_list.item(0).text() == "error_503 on /v1/push · 100 % · 1 left · fired 0×"
    assert steps == [
        {
            "server": "fault",
            "kind": "error_503",
            "probability": 1.0,
            "route": "/v1/push",
            "count": 1,
        }
    ]
    faults.clear_all()
    qtbot.waitUntil(lambda: not faults.busy(), timeout=SYNC_WAIT_MS)
    assert faults.faults_list.item(0).text().startswith("No server faults")
    assert steps[-1] == {"server": "clear_faults"}


def test_a_route_without_a_slash_is_refused_inline(qtbot: QtBot, console: ConsoleContext) -> None:
    panel = panel_for(qtbot, console)
    faults = panel.faults
    faults.route_combo.setCurrentText("v1/push")
    faults.add_from_fields()
    assert "starts with “/”" in faults.message_label.text()
    assert faults.message_label.property("role") == "error" and not faults.busy()


def test_a_new_fault_lasts_until_cleared_unless_given_a_count(
    qtbot: QtBot, console: ConsoleContext
) -> None:
    panel = panel_for(qtbot, console)
    faults = panel.faults
    assert faults.count_spin.text() == "no limit"
    assert "count" not in faults.fault_options()


def test_describe_fault_says_unlimited_and_op_kinds() -> None:
    fault = FaultOut(
        id="f1",
        kind=FaultKind.DROP_AFTER_COMMIT,
        route=None,
        op_kind="note.create",
        probability=0.5,
        remaining=None,
        seed=0,
        params={},
        fired=0,
    )
    assert describe_fault(fault) == "drop_after_commit on note.create · 50 % · no limit · fired 0×"
