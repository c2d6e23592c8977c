"""Render the technician app's main screens offscreen into PNGs for the README.

Run: ``QT_QPA_PLATFORM=offscreen python docs/screenshots/render.py``. It starts the real app
on a throwaway data dir with the embedded demo server and a fixed clock, does part of an
offline workday with the real widgets, and grabs each screen; it never touches a profile.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEventLoop, QPoint, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from wb_desktop.app import AppOptions, WorkBossApp, build
from wb_desktop.domain.clock import FixedClock
from wb_desktop.domain.status import JobStatus
from wb_desktop.ui.signature_dialog import SignatureDialog

HERE = Path(__file__).resolve().parent
SIZE = (1366, 860)
CLICK = Qt.MouseButton.LeftButton


def spin(app: WorkBossApp, done: Callable[[], bool], seconds: float = 20.0) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end and not done():
        app.qt_app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def settle(app: WorkBossApp, seconds: float = 0.6) -> None:
    spin(app, lambda: False, seconds)


def save(widget: QWidget, name: str) -> None:
    target = HERE / name
    widget.grab().save(str(target))
    print(target)


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


def main() -> int:
    clock = FixedClock(datetime(2026, 11, 23, 9, 40, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        app = build(
            AppOptions(
                data_dir=root / "data",
                zone=ZoneInfo("Europe/Stockholm"),
                watch_network=False,
                watch_camera_inbox=False,
                demo_server_in_child=False,
            ),
            clock=clock,
        )
        window = app.window
        window.resize(*SIZE)
        window.show()
        spin(app, lambda: window.schedule.model.rowCount() >= 3)
        spin(app, lambda: app.service.view().activity.value == "idle")
        first = window.schedule.model.job_ids()[0]
        window.open_job(first)
        settle(app, 1.0)
        save(window, "schedule-online.png")

        window.offline_button.click()
        spin(app, lambda: app.service.view().activity.value == "offline")
        job_id = window.schedule.model.job_ids()[1]
        window.open_job(job_id)
        page = window.job_page
        window.time_clock.day_button.click()
        page.steps.buttons[JobStatus.EN_ROUTE].click()
        clock.advance(timedelta(minutes=25))
        page.steps.buttons[JobStatus.IN_PROGRESS].click()
        page.time.button.click()
        page.notes.editor.setPlainText("Valve replaced; the old one was corroded. Pressure OK.")
        page.notes.add_button.click()
        page.photos.add_files([photo(root, i) for i in range(3)])
        spin(app, lambda: len(page.photos.tiles) == 3)
        dialog = SignatureDialog(app.workday, job_id, window)
        dialog.resize(760, 520)
        dialog.show()
        sign(dialog)
        settle(app, 0.3)
        save(dialog, "signature.png")
        dialog.save_button.click()
        clock.advance(timedelta(minutes=47))
        window.time_clock.tick()
        page.time.tick()
        settle(app, 1.0)
        page.reload()
        save(window, "job-offline.png")

        window.show_time_clock()
        settle(app, 0.5)
        save(window, "time-clock.png")
        window.show_schedule()

        window.contrast_button.setChecked(True)
        settle(app, 0.8)
        save(window, "sunlight-mode.png")
        window.contrast_button.setChecked(False)

        window.offline_button.click()
        spin(app, lambda: app.service.view().pending == 0)
        settle(app, 1.0)
        save(window, "back-online.png")
        app.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
