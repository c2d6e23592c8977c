"""The support console's screenshots, played as the story in docs/support.md: photos that
never reached the office, found in a bundle, replayed, and saved as a regression scenario.

Run: ``python docs/screenshots/console_scenes.py`` (offscreen unless QT_QPA_PLATFORM says
otherwise). It uses the real app on a throwaway data dir with the embedded demo server.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from scenes import ENGLISH, Shots, running_app, settle, until

from wb_desktop.bootstrap import WorkBossApp
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.tools.console.window import ConsoleWindow

CONSOLE_SIZE = (1366, 860)


def photo_bytes(index: int) -> bytes:
    image = QImage(1600, 1200, QImage.Format.Format_RGB32)
    image.fill(QColor(40 + 60 * index, 110, 140))
    painter = QPainter(image)
    painter.setBrush(Qt.GlobalColor.lightGray)
    painter.drawEllipse(500, 300, 600, 600)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 90)
    return bytes(buffer.data())


def shoot(shots: Shots, console: ConsoleWindow, title: str, name: str, app: WorkBossApp) -> None:
    console.show_panel(console.panels[title])
    settle(app, 0.8)
    shots.save(console, name)


def support_story(shots: Shots) -> None:
    clock = FixedClock(datetime(2026, 11, 23, 9, 40, tzinfo=UTC))
    with running_app(ENGLISH, clock) as app, tempfile.TemporaryDirectory() as folder:
        console = app.open_console()
        assert console is not None
        console.resize(*CONSOLE_SIZE)
        connectivity = console.panels["Connectivity"]
        faults = connectivity.faults
        faults.kind_combo.setCurrentText("error_500")
        faults.route_combo.setCurrentText("/v1/blobs")
        faults.count_spin.setValue(0)
        faults.add_from_fields()
        until(app, lambda: not faults.busy(), "the fault")
        shoot(shots, console, "Connectivity", "console-connectivity", app)

        job_id = app.window.schedule.model.job_ids()[0]
        for index in range(2):
            data = photo_bytes(index)
            app.workday.write(
                job_id,
                lambda changes, data=data, index=index: changes.media.add_photo(
                    job_id, data, f"IMG_{index + 1:04}.jpg"
                ),
            )
        trace = console.panels["Sync trace"]
        until(
            app,
            lambda: sum(1 for e in trace.model.events() if e.route.startswith("/v1/blobs")) >= 2,
            "the failing uploads",
        )
        settle(app, 1.0)
        shoot(shots, console, "Sync trace", "console-trace", app)
        shoot(shots, console, "Outbox", "console-outbox", app)

        data_panel = console.panels["Data side by side"]
        data_panel.check_convergence()
        until(app, lambda: data_panel.report() is not None, "the convergence check")
        shoot(shots, console, "Data side by side", "console-data", app)

        diagnostics = console.panels["Diagnostics"]
        diagnostics.redact_check.setChecked(False)  # the customer agreed: photos go along
        bundle = Path(folder) / "anna-tablet.zip"
        diagnostics.export_to(bundle, False)
        until(app, lambda: bundle.exists() and diagnostics._calls.idle, "the bundle")
        diagnostics.open_path(bundle)
        until(app, lambda: diagnostics.sandbox is not None, "the opened bundle")
        until(app, trace.loaded, "the bundle's trace")  # read off the GUI thread
        shoot(shots, console, "Diagnostics", "console-diagnostics", app)
        # the opened bundle: the reading tabs show its sandbox, under the banner
        trace.failures_check.setChecked(True)
        shoot(shots, console, "Sync trace", "console-bundle-trace", app)
        trace.failures_check.setChecked(False)

        scenario = diagnostics.save_scenario(Path(folder) / "photos-never-arrived.yaml")
        faults.clear_all()
        until(app, lambda: not faults.busy(), "clearing the faults")
        diagnostics.replay()
        until(app, lambda: "Pushed" in diagnostics.replay_status.text(), "the replay")
        shoot(shots, console, "Diagnostics", "console-replayed", app)

        scenarios = console.panels["Scenarios"]
        if scenario is not None:
            scenarios.open_file(scenario)
        shoot(shots, console, "Scenarios", "console-scenarios", app)
        shoot(shots, console, "Dispatcher", "console-dispatcher", app)
        shoot(shots, console, "Conflicts", "console-conflicts", app)


def main() -> int:
    support_story(Shots())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
