"""A guard against a Qt binding that unbalances None's reference count.

PySide6 6.12.0 drops one reference to ``None`` on every call of a method that returns
nothing (``setText``, ``setProperty`` of a missing name, ``style().polish``). Python 3.12 and
later make ``None`` immortal, but on 3.11 the app aborts with "deallocating None" after a few
thousand such calls — minutes of normal use. pyproject.toml excludes that release; this test
fails on any binding that brings the bug back.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

CALLS = 20_000


def test_void_calls_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    style = label.style()
    before = sys.getrefcount(None)

    for _ in range(CALLS):
        label.setText("x")
        style.polish(label)
        label.property("not-set")

    assert sys.getrefcount(None) >= before - CALLS // 10  # a broken binding loses 3 per round
