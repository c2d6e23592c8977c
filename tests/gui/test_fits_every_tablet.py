"""Every main page fits every tablet: at 1024×640, 1066×666 (a 1600×1000 screen at 150 %),
1280×800 and 1920×1080 logical, in English and Swedish, at 100 %, 150 % and 200 % display
scale, no visible text is cut by its widget, except a deliberate elision (an ellipsis with
the whole text in the tooltip), and the schedule's cards never scroll sideways.

Each scale and language runs ``tests/gui/fit_render.py`` in its own process, because Qt
reads ``QT_SCALE_FACTOR`` only when the QApplication is made.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MIN_CHECKS = 500  # widgets checked per run: far fewer means the pages were not shown


@pytest.mark.parametrize("language", ["en_GB", "sv"])
@pytest.mark.parametrize("scale", ["1", "1.5", "2"])
def test_no_text_is_cut_on_any_page(scale: str, language: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale}
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.fit_render", "--lang", language],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["checked"] >= MIN_CHECKS
    assert report["misfits"] == []
