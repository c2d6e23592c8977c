"""The console's Logs tab lists a profile's (or a bundle's) log files newest first, rotated
files after the file being written, and nothing when the folder is missing."""

from __future__ import annotations

import os
from pathlib import Path

from wb_desktop.tools.console.logs_panel import log_files


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
