"""The GPS tracker and its status-bar indicator: on while online, paused offline, back at once.

The sync service is the status bar's hand-written stand-in; the cache is real. Ticks are
called directly with a FixedClock, except one test that lets the timer run.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update
from sqlalchemy.exc import OperationalError

from tests.gui.conftest import STOCKHOLM, Week
from tests.gui.test_status_bar import ONLINE, SIMULATED, SYNCING, FakeSyncService
from tests.gui.waiting import settle
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.route import position_at
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.store.changes import positions
from wb_desktop.core.store.locations import tracked_day
from wb_desktop.core.store.models import Job, LocationPing
from wb_desktop.ui.gps import GpsTracker
from wb_desktop.ui.gps_indicator import gps_icon
from wb_desktop.ui.status_bar import WorkStatusBar
from wb_desktop.ui.theme import HIGH_CONTRAST, NORMAL
from wb_desktop.ui.workday import Workday


@pytest.fixture
def service() -> FakeSyncService:
    return FakeSyncService(ONLINE)


@pytest.fixture
def tracker(workday: Workday, service: FakeSyncService, week: Week):
    made = GpsTracker(workday, service, interval_s=30)
    yield made
    made.stop()


def pings(workday: Workday) -> list[LocationPing]:
    query = select(LocationPing).order_by(LocationPing.recorded_at)
    return workday.read(lambda session: list(session.scalars(query)))


def test_online_each_tick_records_the_simulated_position_for_now(
    qtbot: QtBot, tracker: GpsTracker, workday: Workday, clock: FixedClock, week: Week
) -> None:
    assert not tracker.paused
    with qtbot.waitSignal(tracker.positionChanged) as moved:
        tracker.start()  # the first fix at once
    assert tracker.is_running()
    clock.advance(timedelta(hours=1, minutes=30))  # at the first job
    with qtbot.waitSignal(tracker.positionChanged):
        tracker.tick()

    recorded = pings(workday)
    assert [ping.recorded_at for ping in recorded] == [
        clock.now() - timedelta(hours=1, minutes=30),
        clock.now(),
    ]
    route = workday.read(
        lambda s: tracked_day(s, workday.technician_id, workday.today(), STOCKHOLM).route
    )
    fix = position_at(route, clock.now())
    assert fix.job_id == week.today[0]  # parked at the boiler service
    assert (recorded[1].latitude, recorded[1].longitude) == (fix.latitude, fix.longitude)
    assert recorded[1].accuracy_m == fix.accuracy_m
    first = position_at(route, clock.now() - timedelta(hours=1, minutes=30))
    assert moved.args == [first.latitude, first.longitude]
    assert all(ping.sent_at is None and ping.job_id is None for ping in recorded)


def test_a_ping_names_the_job_being_worked_on(
    qtbot: QtBot, tracker: GpsTracker, workday: Workday, week: Week
) -> None:
    with workday.cache.database.writer() as session, session.begin():
        session.execute(
            update(Job).where(Job.id == week.today[1]).values(status=JobStatus.IN_PROGRESS)
        )
    with qtbot.waitSignal(tracker.positionChanged):
        tracker.tick()
    assert [ping.job_id for ping in pings(workday)] == [week.today[1]]


def test_offline_it_pauses_and_records_nothing(
    qtbot: QtBot, tracker: GpsTracker, service: FakeSyncService, workday: Workday, clock
) -> None:
    tracker.start()
    with qtbot.waitSignal(tracker.pausedChanged) as paused:
        service.publish(SIMULATED)
    assert paused.args == [True] and tracker.paused
    for _ in range(5):
        clock.advance(timedelta(seconds=30))
        tracker.tick()
    settle(qtbot, workday)
    assert len(pings(workday)) == 1  # the one from start()


def test_a_sync_attempt_while_offline_does_not_resume(
    qtbot: QtBot, tracker: GpsTracker, service: FakeSyncService, workday: Workday
) -> None:
    service.publish(SIMULATED)
    tracker.start()
    with qtbot.assertNotEmitted(tracker.pausedChanged):
        service.publish(SYNCING)
    settle(qtbot, workday)
    assert tracker.paused and pings(workday) == []


def test_on_reconnect_it_records_at_once_and_keeps_ticking(
    qtbot: QtBot, tracker: GpsTracker, service: FakeSyncService, workday: Workday, clock
) -> None:
    service.publish(SIMULATED)
    tracker.start()
    clock.advance(timedelta(minutes=10))
    with (
        qtbot.waitSignal(tracker.pausedChanged) as resumed,
        qtbot.waitSignal(tracker.positionChanged),
    ):
        service.publish(ONLINE)
    assert resumed.args == [False] and not tracker.paused
    assert [ping.recorded_at for ping in pings(workday)] == [clock.now()]
    assert tracker.timer.isActive() and tracker.timer.remainingTime() > 29_000
    clock.advance(timedelta(seconds=30))
    with qtbot.waitSignal(tracker.positionChanged):
        tracker.tick()
    assert len(pings(workday)) == 2


def test_a_stopped_tracker_does_not_record_on_reconnect(
    tracker: GpsTracker, service: FakeSyncService, workday: Workday
) -> None:
    service.publish(SIMULATED)
    service.publish(ONLINE)
    assert not tracker.is_running() and pings(workday) == []


def test_the_timer_ticks_by_itself(
    qtbot: QtBot, workday: Workday, service: FakeSyncService, week: Week, clock
) -> None:
    fast = GpsTracker(workday, service, interval_s=0.02)

    def advance() -> None:
        clock.advance(timedelta(seconds=30))

    fast.positionChanged.connect(advance)
    fast.start()
    try:
        qtbot.waitUntil(lambda: len(pings(workday)) >= 4)
    finally:
        fast.stop()
    times = [ping.recorded_at for ping in pings(workday)]
    assert times == sorted(set(times))


def test_a_ping_the_cache_refuses_is_skipped_quietly(
    qtbot: QtBot,
    tracker: GpsTracker,
    workday: Workday,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def locked(*_args, **_kwargs):
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(positions, "record_ping", locked)
    tracker.tick()
    settle(qtbot, workday)
    assert tracker.last_fix is None and pings(workday) == []
    assert "a GPS ping was skipped" in caplog.text
    monkeypatch.undo()
    with qtbot.waitSignal(tracker.positionChanged):
        tracker.tick()
    assert tracker.last_fix is not None and len(pings(workday)) == 1


def make_bar(qtbot: QtBot, service: FakeSyncService, clock, *, high_contrast: bool):
    bar = WorkStatusBar(service, clock.now, STOCKHOLM, high_contrast=high_contrast)
    qtbot.addWidget(bar)
    bar.resize(1100, bar.sizeHint().height())
    bar.show()
    qtbot.waitExposed(bar)
    return bar


def test_the_status_bar_works_without_a_tracker(qtbot: QtBot, service, clock) -> None:
    bar = make_bar(qtbot, service, clock, high_contrast=False)
    assert not bar.gps_indicator.isVisible()
    service.publish(SIMULATED)
    assert bar.badge.text_label.text().startswith("Offline")


def test_the_status_bar_says_gps_on_then_gps_paused_then_on_again(
    qtbot: QtBot, tracker: GpsTracker, service: FakeSyncService, clock
) -> None:
    bar = make_bar(qtbot, service, clock, high_contrast=False)
    bar.attach_gps(tracker)
    indicator = bar.gps_indicator
    assert indicator.isVisible()
    assert (indicator.text_label.text(), indicator.accessibleName()) == ("GPS on", "GPS on")
    assert indicator.colour == NORMAL.online
    service.publish(SIMULATED)
    assert (indicator.text_label.text(), indicator.accessibleName()) == (
        "GPS paused",
        "GPS paused",
    )
    assert indicator.colour == NORMAL.warning
    assert NORMAL.warning in indicator.text_label.styleSheet()
    assert "resumes" in indicator.accessibleDescription()
    service.publish(ONLINE)
    assert indicator.text_label.text() == "GPS on" and not indicator.paused


def test_attached_while_offline_it_shows_paused_at_once_in_high_contrast(
    qtbot: QtBot, workday: Workday, clock
) -> None:
    service = FakeSyncService(SIMULATED)
    tracker = GpsTracker(workday, service)
    bar = make_bar(qtbot, service, clock, high_contrast=True)
    bar.attach_gps(tracker)
    assert bar.gps_indicator.text_label.text() == "GPS paused"
    assert bar.gps_indicator.colour == HIGH_CONTRAST.warning


def test_the_gps_icons_differ_in_shape_not_only_in_colour() -> None:
    def greyscale_on_white(paused: bool) -> QImage:
        icon = gps_icon(paused, "#1d7a3a").toImage()
        image = QImage(icon.size(), QImage.Format.Format_ARGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.drawImage(0, 0, icon)
        painter.end()
        return image.convertToFormat(QImage.Format.Format_Grayscale8)

    on, paused = greyscale_on_white(False), greyscale_on_white(True)
    pixels = [(x, y) for y in range(on.height()) for x in range(on.width())]
    differing = [
        (x, y)
        for x, y in pixels
        if abs(on.pixelColor(x, y).value() - paused.pixelColor(x, y).value()) > 64
    ]
    assert len(differing) > len(pixels) / 10
