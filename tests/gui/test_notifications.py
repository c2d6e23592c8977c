"""Notifications that are not lost (issue 20, item 3): the camera inbox, photo imports, sync
problems and crashes each post to one store, shown behind the bell in the top bar, and every
message stays until the technician dismisses it.

The app is built through the composition root with its real camera inbox watcher, so the
wiring is what runs on a tablet."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from tests.gui.conftest import gui_test_options
from tests.gui.test_photos import damaged_jpeg, jpeg_bytes, photos_on, write
from tests.gui.waiting import settle
from wb_desktop.app.notifications import NotificationKind
from wb_desktop.bootstrap import WorkBossApp, build
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.paths import DataPaths
from wb_desktop.core.store.seed import add_server_customer, add_server_job
from wb_desktop.core.sync.connectivity import SyncActivity
from wb_desktop.core.sync.step_report import Failure, StepReport
from wb_desktop.tools.scenario.office import Office
from wb_desktop.ui.theme import TOUCH_TARGET_PX

WAIT_MS = 20_000


@pytest.fixture
def app(qtbot: QtBot, tmp_path: Path, clock: FixedClock) -> Iterator[WorkBossApp]:
    options = replace(
        gui_test_options(tmp_path / "data", network_profile="offline"), watch_camera_inbox=True
    )
    built = build(options, clock=clock)
    qtbot.addWidget(built.window)
    yield built
    assert built.close()


def open_a_job(app: WorkBossApp, qtbot: QtBot, clock: FixedClock) -> str:
    now = clock.now()
    with app.cache.database.writer() as session, session.begin():
        customer = add_server_customer(session, now, "Karin Lund", address="Storgatan 1")
        job_id = add_server_job(
            session, now, customer, "Boiler service", now + timedelta(hours=1)
        ).id
    app.window.schedule.jobOpened.emit(job_id)  # as a tap on its card does
    settle(qtbot, app.workday)
    assert app.window.current_job_id() == job_id
    return job_id


def test_every_bad_file_in_the_camera_inbox_is_kept_until_dismissed(
    app: WorkBossApp, qtbot: QtBot, clock: FixedClock, tmp_path: Path
) -> None:
    job_id = open_a_job(app, qtbot, clock)
    notifications, bell = app.notifications, app.window.notifications_button
    app.window.show()
    assert bell.minimumWidth() >= TOUCH_TARGET_PX and bell.minimumHeight() >= TOUCH_TARGET_PX
    assert bell.accessibleName() == "Notifications"
    assert bell.toolTip() == "Notifications: none"
    assert bell.count == 0 and not bell.badge.isVisible()

    inbox = DataPaths(tmp_path / "data").profile("demo").camera_inbox
    good = jpeg_bytes(40, 30)
    bad = [
        ("IMG_0601.jpg", damaged_jpeg()),  # decodes to nothing
        ("IMG_0602.jpg", b"Not a photo at all, just some text.\n" * 20),
        ("IMG_0603.jpg", good[: len(good) // 2]),  # cut off mid-copy
    ]
    # One after another, as a camera copies them: before, each new file's import wiped the
    # message about the one before, and only the last stayed.
    for count, (name, data) in enumerate(bad, start=1):
        write(inbox, name, data)
        qtbot.waitUntil(lambda count=count: len(notifications) == count, timeout=WAIT_MS)
    write(inbox, "IMG_0604.jpg", b"")  # 0 bytes: never filled (before: not a word)
    qtbot.waitUntil(lambda: len(notifications) == 4, timeout=WAIT_MS)

    kept = {item.detail: item for item in notifications.items}
    assert set(kept) == {"IMG_0601.jpg", "IMG_0602.jpg", "IMG_0603.jpg", "IMG_0604.jpg"}
    assert {item.kind for item in kept.values()} == {NotificationKind.CAMERA_INBOX}
    assert "is damaged" in kept["IMG_0601.jpg"].text
    assert "is not a photo" in kept["IMG_0602.jpg"].text
    assert "cut off" in kept["IMG_0603.jpg"].text
    assert kept["IMG_0604.jpg"].text == "'IMG_0604.jpg' is empty; copy it from the camera again"
    assert bell.badge.isVisible() and bell.badge.text() == "4"
    assert bell.toolTip() == "Notifications: 4 messages kept until you dismiss them"

    # A good photo arriving afterwards is attached, and the four messages stay.
    with qtbot.waitSignal(app.window.photo_importer.finished, timeout=WAIT_MS):
        write(inbox, "IMG_0605.jpg", good)
    settle(qtbot, app.workday)
    assert [p.original_name for p in photos_on(app.cache, job_id)] == ["IMG_0605.jpg"]
    assert len(notifications) == 4

    qtbot.mouseClick(bell, Qt.MouseButton.LeftButton)
    panel = bell.panel
    qtbot.waitUntil(panel.isVisible, timeout=WAIT_MS)
    assert len(panel.rows) == 4
    assert [row.notification.id for row in panel.rows] == [i.id for i in notifications.items]
    assert all(row.dismiss_button.height() >= TOUCH_TARGET_PX for row in panel.rows)
    first = panel.rows[0]
    assert first.text_label.text() == first.notification.text
    assert first.meta_label.text().startswith("Camera inbox · ")

    empty_row = next(row for row in panel.rows if row.notification.detail == "IMG_0604.jpg")
    qtbot.mouseClick(empty_row.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(panel.rows) == 3, timeout=WAIT_MS)
    assert "IMG_0604.jpg" not in {item.detail for item in notifications.items}
    assert bell.badge.text() == "3" and bell.badge.isVisible()
    assert panel.isVisible()  # dismissing one does not close the list

    qtbot.mouseClick(panel.dismiss_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(notifications) == 0, timeout=WAIT_MS)
    assert panel.rows == [] and panel.empty_label.isVisible()
    assert not bell.badge.isVisible() and bell.toolTip() == "Notifications: none"
    panel.close()


def boom() -> None:
    raise LookupError("no line item 7 on this invoice")


@pytest.mark.qt_no_exception_capture  # the app's own hook must see it, not pytest-qt's
def test_a_crash_and_a_sync_server_error_each_post_one(app: WorkBossApp, qtbot: QtBot) -> None:
    notifications = app.notifications
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: len(notifications) == 1, timeout=WAIT_MS)
    (crash,) = notifications.items
    assert crash.kind is NotificationKind.CRASH
    assert "LookupError: no line item 7 on this invoice" in crash.text
    assert app.window.problem_banner.reports  # the banner still says it too

    failed = StepReport(
        ok=False, failure=Failure.SERVER, reason="the server answered 500: boom", retry_in_s=2
    )
    for _ in range(3):  # the same failure on every retry is one message, counted
        app.service.stepFinished.emit(failed)
    app.service.stepFinished.emit(StepReport(ok=False, failure=Failure.OFFLINE))
    app.service.stepFinished.emit(StepReport(ok=False, failure=Failure.UNREACHABLE))
    sync, crash_again = notifications.items
    assert crash_again == crash
    assert sync.kind is NotificationKind.SYNC and sync.count == 3
    assert "the server answered 500: boom" in sync.text
    assert app.window.notifications_button.badge.text() == "2"

    app.service.stepFinished.emit(StepReport(ok=True, pushed=3, dead=2))
    refused = notifications.items[0]
    assert refused.kind is NotificationKind.SYNC
    assert refused.text.startswith("Changes refused by the server: 2.")
    assert len(notifications) == 3


def test_a_refused_picked_photo_is_kept_and_an_inbox_photo_waiting_for_a_job_is_told(
    app: WorkBossApp, qtbot: QtBot, clock: FixedClock, tmp_path: Path
) -> None:
    notifications = app.notifications
    inbox = DataPaths(tmp_path / "data").profile("demo").camera_inbox
    write(inbox, "IMG_0700.jpg", jpeg_bytes(30, 20))  # no job open yet: it waits
    qtbot.waitUntil(lambda: len(notifications) == 1, timeout=WAIT_MS)
    (waiting,) = notifications.items
    assert waiting.kind is NotificationKind.CAMERA_INBOX
    assert waiting.text == "Open a job to attach photo IMG_0700.jpg from the camera inbox"

    # Opening a job attaches it, and the message that is no longer true goes.
    with qtbot.waitSignal(app.window.photo_importer.finished, timeout=WAIT_MS):
        job_id = open_a_job(app, qtbot, clock)
    assert [p.original_name for p in photos_on(app.cache, job_id)] == ["IMG_0700.jpg"]
    assert len(notifications) == 0

    picked = tmp_path / "scan.jpg"
    picked.write_text("a scanned form, not a photo")
    with qtbot.waitSignal(app.window.photo_importer.finished, timeout=WAIT_MS):
        app.window.photo_importer.import_files(job_id, [picked])
    (refused,) = notifications.items
    assert refused.kind is NotificationKind.IMPORT and refused.detail == "scan.jpg"
    assert "is not a photo" in refused.text


def test_a_real_server_error_while_syncing_is_kept_after_the_sync_recovers(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    built = build(gui_test_options(tmp_path / "data"), clock=clock)
    qtbot.addWidget(built.window)
    try:
        window, service, notifications = built.window, built.service, built.notifications
        qtbot.waitUntil(lambda: window.schedule.model.rowCount() >= 3, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: service.view().activity is SyncActivity.IDLE, timeout=WAIT_MS)
        assert len(notifications) == 0
        assert built.link.demo is not None
        office = Office(built.link.url, built.link.demo.admin_token)
        try:
            office.add_fault(kind="error_500", route="/v1/push", count=1)
            window.show_time_clock()
            qtbot.mouseClick(window.time_clock.day_button, Qt.MouseButton.LeftButton)
            settle(qtbot, built.workday)
            qtbot.waitUntil(lambda: len(notifications) == 1, timeout=WAIT_MS)
            clock.advance(timedelta(minutes=2))  # the op's retry time, on the test's clock
            service.sync_now()
            qtbot.waitUntil(lambda: service.view().pending == 0, timeout=WAIT_MS)
        finally:
            office.close()
        (problem,) = notifications.items
        assert problem.kind is NotificationKind.SYNC
        assert "the server answered 500" in problem.text
        assert window.status.indicator.pending_label.text() == "All synced"
        assert window.notifications_button.badge.text() == "1"  # kept: it happened
    finally:
        assert built.close()
