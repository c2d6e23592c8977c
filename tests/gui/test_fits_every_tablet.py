"""Every main page fits every tablet: at 1024×640, 1066×666 (a 1600×1000 screen at 150 %),
1280×800 and 1920×1080 logical, in English and Swedish, at 100 %, 150 % and 200 % display
scale, no visible text is cut by its widget, except a deliberate elision (an ellipsis with
the whole text in the tooltip), and no list or page scrolls sideways.

Each scale runs ``tests/gui/fit_render.py`` once per language, the two side by side in
their own processes, because Qt reads ``QT_SCALE_FACTOR`` only when the QApplication is
made; each process builds the app once and resizes it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("en_GB", "sv")
MIN_CHECKS = 800  # widgets checked per language: far fewer means the pages were not shown
TIMEOUT_S = 150


@pytest.mark.parametrize("scale", ["1", "1.5", "2"])
def test_no_text_is_cut_on_any_page(scale: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale}
    runs = {
        language: subprocess.Popen(
            [sys.executable, "-m", "tests.gui.fit_render", "--lang", language],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for language in LANGUAGES
    }
    try:
        for language, run in runs.items():
            out, err = run.communicate(timeout=TIMEOUT_S)
            assert run.returncode == 0, f"{language}: {err[-3000:]}"
            report = json.loads(out.strip().splitlines()[-1])
            assert report["checked"] >= MIN_CHECKS, language
            assert report["misfits"] == [], language
    finally:
        for run in runs.values():
            if run.poll() is None:
                run.kill()
                run.wait()
