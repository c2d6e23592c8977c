"""Render the technician app's main screens offscreen into PNGs for the README.

Run: ``python docs/screenshots/render.py``; it renders offscreen unless QT_QPA_PLATFORM says
otherwise, so the pictures do not depend on the desktop it runs on. It starts the real app on
throwaway data dirs with the embedded demo server and a fixed clock, plays part of a workday
with the real widgets, and grabs each screen; it never touches a profile. The invoicing
screens (see ``scenes.py``) come twice: in English, and in Swedish with the suffix "-sv".
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest
from scenes import (
    ENGLISH,
    SWEDISH,
    Shots,
    activity,
    invoicing_day,
    running_app,
    set_offline,
    settle,
    until,
)

from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.sync.connectivity import SyncActivity
from wb_desktop.ui.signature_dialog import SignatureDialog

CLICK = Qt.MouseButton.LeftButton


def photo(folder: Path, index: int) -> Path:
    """A stand-in for a camera photo: a gradient with a meter-like disc."""
    image = QImage(1200, 900, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    colours = [Qt.GlobalColor.darkCyan, Qt.GlobalColor.darkGray, Qt.GlobalColor.darkYellow]
    painter.fillRect(0, 0, 1200, 900, colours[index % 3])
    painter.setBrush(Qt.GlobalColor.lightGray)
    painter.drawEllipse(QPoint(600, 450), 260 - 40 * index, 260 - 40 * index)
    painter.end()
    path = folder / f"IMG_{index:04}.jpg"
    image.save(str(path), "JPEG", 85)
    return path


def sign(dialog: SignatureDialog) -> None:
    canvas = dialog.canvas
    QTest.mousePress(canvas, CLICK, pos=QPoint(80, 150))
    for x in range(90, 520, 12):
        QTest.mouseMove(canvas, QPoint(x, 150 + int(35 * ((x // 12) % 5 - 2) / 2)))
    QTest.mouseRelease(canvas, CLICK, pos=QPoint(520, 160))
    dialog.name_edit.setText("Gustav Sjöberg")


def offline_workday(shots: Shots) -> None:
    """The schedule online, then a job worked offline (status, time, note, photos and a
    signature), the time clock, sunlight mode, and everything synced back online."""
    clock = FixedClock(datetime(2026, 11, 23, 9, 40, tzinfo=UTC))
    with running_app(ENGLISH, clock) as app:
        window = app.window
        window.open_job(window.schedule.model.job_ids()[0])
        settle(app, 1.0)
        shots.save(window, "schedule-online")

        set_offline(app, True)
        job_id = window.schedule.model.job_ids()[1]
        window.open_job(job_id)
        page = window.job_page
        # A page takes input once the job's detail has been read (off the GUI thread), and
        # each step's button once the step before it was saved: tap as a person would.
        steps = page.steps.buttons
        until(app, lambda: page.steps.isEnabled() and steps[JobStatus.EN_ROUTE].isEnabled(), "job")
        window.time_clock.day_button.click()
        steps[JobStatus.EN_ROUTE].click()
        clock.advance(timedelta(minutes=25))
        until(app, lambda: steps[JobStatus.IN_PROGRESS].isEnabled(), "en route saved")
        steps[JobStatus.IN_PROGRESS].click()
        until(app, lambda: page.time.button.isEnabled(), "in progress saved")
        page.time.button.click()
        page.notes.editor.setPlainText("Valve replaced; the old one was corroded. Pressure OK.")
        page.notes.add_button.click()
        until(app, lambda: page.notes.add_button.isEnabled(), "the note saved")
        with tempfile.TemporaryDirectory() as camera_roll:
            page.photos.add_files([photo(Path(camera_roll), i) for i in range(3)])
            until(app, lambda: len(page.photos.tiles) == 3, "the three photos")
        dialog = SignatureDialog(app.workday, job_id, window)
        dialog.resize(760, 520)
        dialog.show()
        sign(dialog)
        settle(app, 0.3)
        shots.save(dialog, "signature")
        dialog.save_button.click()
        clock.advance(timedelta(minutes=47))
        window.time_clock.tick()
        page.time.tick()
        settle(app, 1.0)
        page.reload()
        shots.save(window, "job-offline")

        window.show_time_clock()
        settle(app, 0.5)
        shots.save(window, "time-clock")
        window.show_schedule()

        window.contrast_button.setChecked(True)
        settle(app, 0.8)
        shots.save(window, "sunlight-mode")
        window.contrast_button.setChecked(False)

        set_offline(app, False)
        until(
            app,
            lambda: activity(app) is SyncActivity.IDLE and app.service.view().pending == 0,
            "everything to sync",
        )
        settle(app, 1.0)
        shots.save(window, "back-online")


def main() -> int:
    offline_workday(Shots())
    invoicing_day(ENGLISH, Shots())
    invoicing_day(SWEDISH, Shots("-sv"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
