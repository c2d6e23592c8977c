"""The whole offline workday through the real app, against the reference server in-process.

Anna goes offline, walks a job through its statuses, writes a note, imports photos, has the
customer sign, clocks in and out; the pending count rises and every touched job shows "not
synced". Back online the count falls to zero, every job shows synced, and the office sees
exactly what she did.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.gui.conftest import STOCKHOLM, office_view
from tests.gui.waiting import settle
from wb_desktop.bootstrap import AppOptions, WorkBossApp, build
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.store.job_views import JobBadge
from wb_desktop.core.sync.connectivity import OfflineReason, SyncActivity
from wb_desktop.ui.schedule_model import ScheduleRole
from wb_desktop.ui.signature_dialog import SignatureDialog

WAIT_MS = 30_000
CLICK = Qt.MouseButton.LeftButton


@pytest.fixture
def app(qtbot: QtBot, tmp_path: Path, clock: FixedClock) -> Iterator[WorkBossApp]:
    built = build(
        AppOptions(
            data_dir=tmp_path / "data",
            zone=STOCKHOLM,
            watch_network=False,
            watch_camera_inbox=False,
        ),
        clock=clock,
    )
    qtbot.addWidget(built.window)
    built.window.resize(1366, 860)
    built.window.show()
    qtbot.waitExposed(built.window)
    yield built
    assert built.close()


def photo_files(folder: Path) -> list[Path]:
    paths = []
    for index, colour in enumerate((Qt.GlobalColor.darkRed, Qt.GlobalColor.darkBlue)):
        image = QImage(640, 480, QImage.Format.Format_RGB32)
        image.fill(colour)
        path = folder / f"IMG_{index:04}.jpg"
        assert image.save(str(path), "JPEG")
        paths.append(path)
    return paths


def badges(app: WorkBossApp) -> dict[str, JobBadge]:
    model = app.window.schedule.model
    return {
        model.index(i).data(ScheduleRole.JOB_ID): model.index(i).data(ScheduleRole.ROW).badge
        for i in range(model.rowCount())
    }


def sign(qtbot: QtBot, dialog: SignatureDialog) -> None:
    canvas = dialog.canvas
    qtbot.mousePress(canvas, CLICK, pos=QPoint(60, 120))
    for x in range(70, 400, 15):
        QTest.mouseMove(canvas, QPoint(x, 120 + (x % 45) - 20))
    qtbot.mouseRelease(canvas, CLICK, pos=QPoint(400, 130))
    qtbot.keyClicks(dialog.name_edit, "Karin Dahl")
    qtbot.mouseClick(dialog.save_button, CLICK)


def test_an_offline_workday_syncs_when_the_connection_returns(
    qtbot: QtBot, app: WorkBossApp, clock: FixedClock, tmp_path: Path
) -> None:
    window, service = app.window, app.service
    qtbot.waitUntil(lambda: window.schedule.model.rowCount() >= 3, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: service.view().activity is SyncActivity.IDLE, timeout=WAIT_MS)
    assert window.status.indicator.pending_label.text() == "All synced"

    # Offline, at the press of a button.
    qtbot.mouseClick(window.offline_button, CLICK)
    qtbot.waitUntil(
        lambda: service.view().offline_reason is OfflineReason.SIMULATED, timeout=WAIT_MS
    )
    assert not window.status.badge.online

    # Clock in for the day, then walk the second job of the day through its statuses.
    window.show_time_clock()
    qtbot.mouseClick(window.time_clock.day_button, CLICK)
    settle(qtbot, app.workday)
    window.show_schedule()
    job_id = window.schedule.model.job_ids()[1]
    rect = window.schedule.list_view.visualRect(window.schedule.model.index(1))
    qtbot.mouseClick(window.schedule.list_view.viewport(), CLICK, pos=rect.center())
    settle(qtbot, app.workday)
    page = window.job_page
    assert page.job_id == job_id
    steps = page.steps.buttons
    assert [b.isEnabled() for b in steps.values()] == [True, False, False]
    qtbot.mouseClick(steps[JobStatus.EN_ROUTE], CLICK)
    settle(qtbot, app.workday)
    qtbot.mouseClick(steps[JobStatus.IN_PROGRESS], CLICK)
    settle(qtbot, app.workday)
    assert [b.isEnabled() for b in steps.values()] == [False, False, True]

    qtbot.mouseClick(page.time.button, CLICK)  # start work on this job
    settle(qtbot, app.workday)
    clock.advance(timedelta(minutes=47))

    qtbot.keyClicks(page.notes.editor, "Replaced the valve; old one was corroded.")
    qtbot.mouseClick(page.notes.add_button, CLICK)
    settle(qtbot, app.workday)
    assert page.notes.model.rowCount() == 1

    with qtbot.waitSignal(page.photos.importer.finished, timeout=WAIT_MS):
        page.photos.add_files(photo_files(tmp_path))
    qtbot.waitUntil(lambda: len(page.photos.tiles) == 2, timeout=WAIT_MS)

    dialog = SignatureDialog(app.workday, job_id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.accepted):
        sign(qtbot, dialog)
    page.reload()
    settle(qtbot, app.workday)
    assert "Karin Dahl" in page.signature.signer_label.text()

    qtbot.mouseClick(page.time.button, CLICK)  # stop work
    settle(qtbot, app.workday)
    qtbot.mouseClick(steps[JobStatus.COMPLETE], CLICK)
    settle(qtbot, app.workday)
    window.show_time_clock()
    qtbot.mouseClick(window.time_clock.day_button, CLICK)  # clock out for the day
    settle(qtbot, app.workday)
    window.show_schedule()

    # Everything is saved locally and waits: the count rose, the job shows it.
    expected_ops = 1 + 3 + 1 + 1 + 2 + 1 + 1 + 1  # day in, statuses, job in, note, photos, ...
    qtbot.waitUntil(lambda: service.view().pending >= expected_ops, timeout=WAIT_MS)
    assert "waiting" in window.status.indicator.pending_label.text()
    assert badges(app)[job_id] is JobBadge.WAITING
    assert page.detail is not None and page.detail.row.status is JobStatus.COMPLETE

    # Back online: the queue drains and every job shows synced.
    qtbot.mouseClick(window.offline_button, CLICK)
    qtbot.waitUntil(lambda: service.view().pending == 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: set(badges(app).values()) == {JobBadge.SYNCED}, timeout=WAIT_MS)
    assert window.status.badge.online
    assert window.status.indicator.pending_label.text() == "All synced"

    # The office sees it all, once.
    view = office_view(app)
    job = next(j for j in view.jobs if j.id == job_id)
    assert job.status == "complete"
    assert [n.text for n in view.notes if n.job_id == job_id] == [
        "Replaced the valve; old one was corroded."
    ]
    assert len([p for p in view.photos if p.job_id == job_id]) == 2
    assert [s.signer_name for s in view.signatures if s.job_id == job_id] == ["Karin Dahl"]
    entries = view.time_entries
    assert sum(1 for e in entries if e.job_id == job_id and e.clock_out) == 1
    assert sum(1 for e in entries if e.job_id is None and e.clock_out) == 1
