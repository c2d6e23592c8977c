"""The console's Logs tab lists a profile's (or a bundle's) log files newest first, rotated
files after the file being written, and nothing when the folder is missing."""

from __future__ import annotations

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.gui.waiting import settle
from wb_desktop.bootstrap import WorkBossApp
from wb_desktop.tools.console.logs_panel import LogsPanel, log_files
from wb_desktop.tools.console.source import ConsoleSource


def test_log_files_are_listed_newest_first(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    for age, name in ((30, "wb-desktop.log.2"), (20, "wb-desktop.log.1"), (0, "wb-desktop.log")):
        path = logs / name
        path.write_text(name, encoding="utf-8")
        os.utime(path, (1_700_000_000 - age, 1_700_000_000 - age))

    assert [p.name for p in log_files(logs)] == [
        "wb-desktop.log",
        "wb-desktop.log.1",
        "wb-desktop.log.2",
    ]
    assert log_files(tmp_path / "missing") == []


def test_logs_are_read_on_the_op_runner_and_filtered_without_reading_again(
    qtbot: QtBot, demo_app: WorkBossApp, tmp_path: Path
) -> None:
    logs = demo_app.cache.paths.logs
    (logs / "older.log").write_text("first line\nsync failed: 500\n", encoding="utf-8")
    os.utime(logs / "older.log", (1_600_000_000, 1_600_000_000))
    source = ConsoleSource(demo_app.console.get().context())
    panel = LogsPanel(source, demo_app.workday.runner)
    qtbot.addWidget(panel)
    assert panel.file_names() == []  # listed and read in the background
    assert panel.summary_label.text().startswith("Reading the logs in")
    settle(qtbot, demo_app.workday)
    assert panel.file_names()[0] == "wb-desktop.log" and "older.log" in panel.file_names()
    assert "session started" in panel.text_view.toPlainText()

    panel.files_list.setCurrentRow(panel.file_names().index("older.log"))
    settle(qtbot, demo_app.workday)
    assert panel.text_view.toPlainText() == "first line\nsync failed: 500"
    (logs / "older.log").unlink()  # the search filters the lines read, not the file again
    panel.search_edit.setText("500")
    assert panel.text_view.toPlainText() == "sync failed: 500"
    assert panel.summary_label.text().startswith("1 of 2 lines of")
