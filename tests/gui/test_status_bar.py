"""The status bar: online/offline at a glance, the sync indicator and its details dialog.

Most tests drive the widgets with a hand-written stand-in that has the service's signals;
the last one runs the real SyncService on a real cache with its network profile offline.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from pytestqt.qtbot import QtBot

from wb_desktop.app.sync_service import SyncService
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.store.cache import LocalCache, attach_cache
from wb_desktop.core.sync.client import SyncClient, build_sync_client
from wb_desktop.core.sync.connectivity import OfflineReason, SyncActivity, SyncStatus, SyncView
from wb_desktop.core.sync.profiles import profile_named
from wb_desktop.core.sync.step_report import Failure, StepReport, SyncListener
from wb_desktop.tools.netsim.qa_network import QaNetworkFactory
from wb_desktop.ui.status_bar import REFRESH_MS, WorkStatusBar, connection_icon
from wb_desktop.ui.theme import HIGH_CONTRAST, NORMAL, TOUCH_TARGET_PX

STOCKHOLM = ZoneInfo("Europe/Stockholm")
ONLINE = SyncView(SyncActivity.IDLE, None, "Online", 0, 0)
SYNCING = SyncView(SyncActivity.SYNCING, None, "Syncing…", 3, 0)
SIMULATED = SyncView(
    SyncActivity.OFFLINE,
    OfflineReason.SIMULATED,
    "Offline — simulated network profile 'offline'",
    3,
    0,
)
SERVER_ERROR = SyncView(SyncActivity.ERROR, None, "Sync error: the server answered 500: boom", 2, 0)
REFUSED = SyncView(
    SyncActivity.ERROR, None, "2 changes were refused by the server — see details", 2, 2
)


class FakeSyncService(QObject):
    """A stand-in for SyncService: its one status signal and the methods the bar uses.
    Like the real worker, it changes the snapshot a piece at a time and emits it whole."""

    statusChanged = Signal(object)  # noqa: N815 (Qt's camelCase)
    errorOccurred = Signal(str)  # noqa: N815

    def __init__(self, view: SyncView = ONLINE, last_sync: datetime | None = None) -> None:
        super().__init__()
        self._status = SyncStatus(
            view, connected=view.activity is not SyncActivity.OFFLINE, last_sync=last_sync
        )
        self.sync_now_calls = 0

    def status(self) -> SyncStatus:
        return self._status

    def sync_now(self) -> None:
        self.sync_now_calls += 1

    def _set(self, status: SyncStatus) -> None:
        self._status = status
        self.statusChanged.emit(status)

    def publish(self, view: SyncView) -> None:
        self._set(self._status.with_view(view))
        if view.activity is SyncActivity.ERROR:
            self.errorOccurred.emit(view.message)

    def progress(self, done: int, total: int) -> None:
        self._set(self._status.with_progress(done, total))

    def synced_at(self, when: datetime) -> None:
        self._set(dataclasses.replace(self._status, last_sync=when))

    def finished(self, report: StepReport) -> None:
        self._set(dataclasses.replace(self._status, last_report=report))

    def uploads(self, count: int) -> None:
        self._set(dataclasses.replace(self._status, uploads=count))


@pytest.fixture
def service() -> FakeSyncService:
    return FakeSyncService()


@pytest.fixture
def bar(qtbot: QtBot, service: FakeSyncService, clock: FixedClock) -> WorkStatusBar:
    status_bar = WorkStatusBar(service, clock.now, STOCKHOLM, high_contrast=False)
    qtbot.addWidget(status_bar)
    status_bar.resize(1100, status_bar.sizeHint().height())
    status_bar.show()
    qtbot.waitExposed(status_bar)
    return status_bar


def visible_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def test_online_is_green_words_and_a_filled_icon(bar: WorkStatusBar) -> None:
    assert bar.badge.online
    assert bar.badge.text_label.text() == "Online"
    assert bar.badge.colour == NORMAL.online
    assert NORMAL.online in bar.badge.text_label.styleSheet()
    assert bar.badge.accessibleName() == "Online"


@pytest.mark.parametrize(
    ("reason", "message", "words"),
    [
        (OfflineReason.NO_NETWORK, "Offline — no network", "Offline — no network"),
        (
            OfflineReason.SERVER_UNREACHABLE,
            "Offline — the server does not answer (timed out)",
            "Offline — server unreachable",
        ),
        (
            OfflineReason.SIMULATED,
            "Offline — simulated network profile 'offline'",
            "Offline — Work offline is on",
        ),
        (
            OfflineReason.CAPTIVE_PORTAL,
            "Offline — a Wi-Fi login page answered instead of the server",
            "Offline — Wi-Fi login page",
        ),
    ],
)
def test_each_offline_reason_has_its_words_and_the_offline_colour(
    bar: WorkStatusBar, service: FakeSyncService, reason: OfflineReason, message: str, words: str
) -> None:
    service.publish(SyncView(SyncActivity.OFFLINE, reason, message, 0, 0))
    assert not bar.badge.online
    assert bar.badge.text_label.text() == words
    assert bar.badge.colour == NORMAL.offline
    assert NORMAL.offline in bar.badge.text_label.styleSheet()
    assert bar.badge.toolTip() == message  # the service's full sentence, for support


def test_the_icons_differ_in_shape_not_only_in_colour() -> None:
    """Both drawn in one colour and seen in greyscale on white, they still differ."""

    def greyscale_on_white(online: bool) -> QImage:
        icon = connection_icon(online, "#1d7a3a").toImage()
        image = QImage(icon.size(), QImage.Format.Format_ARGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.drawImage(0, 0, icon)
        painter.end()
        return image.convertToFormat(QImage.Format.Format_Grayscale8)

    online, offline = greyscale_on_white(True), greyscale_on_white(False)
    pixels = [(x, y) for y in range(online.height()) for x in range(online.width())]
    differing = [
        (x, y)
        for x, y in pixels
        if abs(online.pixelColor(x, y).value() - offline.pixelColor(x, y).value()) > 64
    ]
    assert len(differing) > len(pixels) / 5


def test_high_contrast_uses_the_sunlight_colours(qtbot: QtBot, clock: FixedClock) -> None:
    service = FakeSyncService(SIMULATED)
    status_bar = WorkStatusBar(service, clock.now, STOCKHOLM, high_contrast=True)
    qtbot.addWidget(status_bar)
    assert status_bar.badge.colour == HIGH_CONTRAST.offline
    assert HIGH_CONTRAST.pending in status_bar.indicator.pending_label.styleSheet()


def test_pending_count_and_all_synced(bar: WorkStatusBar, service: FakeSyncService) -> None:
    assert bar.indicator.pending_label.text() == "All synced"
    assert NORMAL.synced in bar.indicator.pending_label.styleSheet()
    service.publish(SyncView(SyncActivity.IDLE, None, "Online", 3, 0))
    assert bar.indicator.pending_label.text() == "3 waiting to sync"
    assert NORMAL.pending in bar.indicator.pending_label.styleSheet()
    service.uploads(2)  # photos whose bytes the office does not have wait too
    assert bar.indicator.pending_label.text() == "5 waiting to sync"


def test_all_synced_only_when_nothing_waits_and_nothing_is_wrong(
    bar: WorkStatusBar, service: FakeSyncService
) -> None:
    service.publish(dataclasses.replace(SERVER_ERROR, pending=0))
    assert bar.indicator.state_label.text() == "Sync error"
    assert bar.indicator.pending_label.text() == "Nothing waiting to sync"
    service.publish(ONLINE)
    service.uploads(1)
    assert bar.indicator.pending_label.text() == "1 waiting to sync"
    service.uploads(0)
    assert bar.indicator.pending_label.text() == "All synced"


def test_offline_keeps_counting_and_sync_now_still_tries(
    qtbot: QtBot, bar: WorkStatusBar, service: FakeSyncService
) -> None:
    service.publish(SIMULATED)
    service.publish(dataclasses.replace(SIMULATED, pending=4))
    assert bar.indicator.pending_label.text() == "4 waiting to sync"
    button = bar.indicator.sync_now_button
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert service.sync_now_calls == 1


def test_sync_now_calls_the_service(
    qtbot: QtBot, bar: WorkStatusBar, service: FakeSyncService
) -> None:
    qtbot.mouseClick(bar.indicator.sync_now_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.indicator.sync_now_button, Qt.MouseButton.LeftButton)
    assert service.sync_now_calls == 2


def test_last_sync_words_follow_the_injected_clock(
    bar: WorkStatusBar, service: FakeSyncService, clock: FixedClock
) -> None:
    label = bar.indicator.last_sync_label
    assert label.text() == "Never synced"
    service.synced_at(clock.now())
    assert label.text() == "Last sync just now"
    clock.advance(timedelta(minutes=2, seconds=10))
    assert label.text() == "Last sync just now"  # only the timer re-reads the clock
    bar.indicator.refresh_timer.timeout.emit()
    assert label.text() == "Last sync 2 min ago"
    timer = bar.indicator.refresh_timer
    assert timer.isActive() and timer.interval() == REFRESH_MS == 30_000


def test_a_service_that_synced_before_shows_it_at_once(qtbot: QtBot, clock: FixedClock) -> None:
    service = FakeSyncService(ONLINE, last_sync=clock.now() - timedelta(hours=26))
    status_bar = WorkStatusBar(service, clock.now, STOCKHOLM, high_contrast=False)
    qtbot.addWidget(status_bar)
    assert status_bar.indicator.last_sync_label.text() == "Last sync yesterday 06:30"


def test_progress_bar_shows_while_syncing_and_hides_after(
    bar: WorkStatusBar, service: FakeSyncService
) -> None:
    indicator = bar.indicator
    assert not indicator.progress_bar.isVisible()
    service.publish(SYNCING)
    assert indicator.progress_bar.isVisible()
    assert indicator.state_label.text() == "Syncing…"
    assert indicator.progress_bar.maximum() == 0  # busy until the total is known
    service.progress(2, 5)
    assert (indicator.progress_bar.value(), indicator.progress_bar.maximum()) == (2, 5)
    assert indicator.state_label.text() == "Syncing… 2 of 5"
    service.publish(ONLINE)
    assert not indicator.progress_bar.isVisible()
    assert not indicator.state_label.isVisible()
    service.publish(SYNCING)  # a new step starts from "busy", not the last step's 2 of 5
    assert indicator.state_label.text() == "Syncing…"


def test_the_badge_keeps_offline_while_a_retry_runs(
    bar: WorkStatusBar, service: FakeSyncService
) -> None:
    unreachable = SyncView(
        SyncActivity.OFFLINE, OfflineReason.SERVER_UNREACHABLE, "Offline — timed out", 1, 0
    )
    service.publish(unreachable)
    service.publish(SYNCING)
    service.progress(0, 1)
    assert bar.badge.text_label.text() == "Offline — server unreachable"
    # the indicator does not say "Syncing… 0 of 1" beside "Offline"
    assert bar.indicator.state_label.text() == "Trying to reach the server…"
    assert not bar.indicator.progress_bar.isVisible()
    service.publish(ONLINE)
    assert bar.badge.text_label.text() == "Online"


def test_an_error_shows_in_the_indicator_only(
    qtbot: QtBot, bar: WorkStatusBar, service: FakeSyncService
) -> None:
    indicator = bar.indicator
    assert not indicator.details_button.isVisible()
    with qtbot.waitSignal(service.errorOccurred):
        service.publish(SERVER_ERROR)
    qtbot.wait(50)  # give a wrongly queued dialog the chance to appear
    assert indicator.state_label.text() == "Sync error"
    assert NORMAL.error in indicator.state_label.styleSheet()
    assert indicator.state_label.toolTip() == SERVER_ERROR.message
    assert indicator.details_button.isVisible()
    assert indicator.details_dialog is None and visible_dialogs() == []
    assert bar.badge.online  # the server answered: the link is fine


def test_details_opens_the_dialog_with_the_whole_story(
    qtbot: QtBot, bar: WorkStatusBar, service: FakeSyncService, clock: FixedClock
) -> None:
    service.synced_at(clock.now() - timedelta(minutes=2))
    service.publish(SERVER_ERROR)
    report = StepReport(
        ok=False, failure=Failure.SERVER, reason="the server answered 500: boom", pushed=0
    )
    service.finished(report)
    qtbot.mouseClick(bar.indicator.details_button, Qt.MouseButton.LeftButton)
    dialog = bar.indicator.details_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert visible_dialogs() == [dialog]
    assert dialog.message_label.text() == SERVER_ERROR.message
    assert dialog.message_label.property("role") == "error"
    assert dialog.connection_label.text() == "Online"
    assert (dialog.pending_label.text(), dialog.refused_label.text()) == ("2", "0")
    assert dialog.last_sync_label.text() == "2026-11-23 08:28 (2 min ago)"
    assert dialog.attempt_label.text() == "Failed: the server reported an error"
    assert dialog.transfer_label.text() == "0 sent, 0 received"
    assert dialog.reason_label.text() == "the server answered 500: boom"

    qtbot.mouseClick(dialog.sync_now_button, Qt.MouseButton.LeftButton)
    assert service.sync_now_calls == 1
    service.publish(SyncView(SyncActivity.IDLE, None, "Online", 0, 0))  # kept current
    service.finished(StepReport(ok=True, pushed=2, pulled=5))
    assert dialog.pending_label.text() == "0" and dialog.attempt_label.text() == "Succeeded"
    assert dialog.transfer_label.text() == "2 sent, 5 received"
    assert not dialog.reason_label.isVisible()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_the_dialog_before_any_attempt(
    qtbot: QtBot, bar: WorkStatusBar, service: FakeSyncService
) -> None:
    service.publish(REFUSED)
    bar.indicator.open_details()
    dialog = bar.indicator.details_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.last_sync_label.text() == "Never"
    assert dialog.attempt_label.text() == "None yet since the app started"
    assert dialog.refused_label.text() == "2"
    assert not dialog.transfer_label.isVisible()
    dialog.reject()


def test_refused_changes_and_a_rejected_sign_in_have_their_own_words(
    bar: WorkStatusBar, service: FakeSyncService
) -> None:
    service.publish(REFUSED)
    assert bar.indicator.state_label.text() == "2 refused by the server"
    service.publish(SyncView(SyncActivity.ERROR, None, "Sync error: 401", 2, 0))
    service.finished(StepReport(ok=False, failure=Failure.AUTH, reason="401"))
    assert bar.indicator.state_label.text() == "Sync error — sign in again"


def test_every_button_is_a_touch_target(
    qtbot: QtBot, bar: WorkStatusBar, service: FakeSyncService
) -> None:
    service.publish(SERVER_ERROR)
    bar.indicator.open_details()
    dialog = bar.indicator.details_dialog
    qtbot.waitUntil(dialog.isVisible)
    buttons = bar.findChildren(QPushButton) + dialog.findChildren(QPushButton)
    assert len(buttons) >= 4
    for button in buttons:
        assert button.width() >= TOUCH_TARGET_PX and button.height() >= TOUCH_TARGET_PX
        assert button.minimumWidth() >= TOUCH_TARGET_PX
        assert button.minimumHeight() >= TOUCH_TARGET_PX
    dialog.reject()


def test_the_focus_goes_details_then_sync_now(bar: WorkStatusBar, service: FakeSyncService) -> None:
    service.publish(SERVER_ERROR)
    indicator = bar.indicator
    assert indicator.details_button.nextInFocusChain() is indicator.sync_now_button


# The real service, on a real cache, with its simulated network offline.


@pytest.fixture
def offline_service(
    qtbot: QtBot, cache: LocalCache, clock: FixedClock, schedule: object
) -> Iterator[SyncService]:
    def make_client(listener: SyncListener) -> SyncClient:
        return build_sync_client(
            attach_cache(cache, clock),
            "http://127.0.0.1:9",  # never asked: the offline profile fails every request
            "anna@demo.workboss.se",
            "not-used-offline",
            clock,
            profile=profile_named("offline"),
            simulator=QaNetworkFactory(sleep=lambda _s: None),
            listener=listener,
            own_cache=True,
        )

    service = SyncService(make_client, initial_profile="offline", watch_network=False)
    yield service
    assert service.stop()


def test_the_real_service_offline_drives_the_bar(
    qtbot: QtBot, offline_service: SyncService, cache: LocalCache, clock: FixedClock, schedule
) -> None:
    status_bar = WorkStatusBar(offline_service, clock.now, STOCKHOLM, high_contrast=False)
    qtbot.addWidget(status_bar)
    status_bar.show()
    assert status_bar.badge.text_label.text() == "Offline — Work offline is on"
    with qtbot.waitSignal(offline_service.stepFinished, timeout=10_000) as first:
        offline_service.start()
    assert first.args[0].failure is Failure.OFFLINE
    assert not status_bar.badge.online
    assert status_bar.indicator.last_sync_label.text() == "Never synced"

    cache.changes.jobs.add_note(schedule.job_ids[0], "Gate code 4711")
    offline_service.notify_local_change()
    qtbot.waitUntil(lambda: status_bar.indicator.pending_label.text() == "1 waiting to sync")

    with qtbot.waitSignal(offline_service.stepFinished, timeout=10_000) as tried:
        qtbot.mouseClick(status_bar.indicator.sync_now_button, Qt.MouseButton.LeftButton)
    assert (tried.args[0].ok, tried.args[0].failure) == (False, Failure.OFFLINE)
    assert status_bar.badge.text_label.text() == "Offline — Work offline is on"
    assert status_bar.indicator.pending_label.text() == "1 waiting to sync"
    assert not status_bar.indicator.progress_bar.isVisible()
    assert not status_bar.indicator.details_button.isVisible()
    assert visible_dialogs() == []
    assert threading.current_thread() is threading.main_thread()
