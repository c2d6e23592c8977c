"""The console's fixtures: the whole app on its embedded demo server (in a thread, on the
test's clock), signed in as Anna and synced, and the context the console panels get."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.gui.conftest import gui_test_options
from wb_desktop.bootstrap import WorkBossApp, build
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.tools.console.context import ConsoleContext

SYNC_WAIT_MS = 20_000


@pytest.fixture
def demo_app(qtbot: QtBot, tmp_path: Path, clock: FixedClock) -> Iterator[WorkBossApp]:
    built = build(gui_test_options(tmp_path / "data"), clock=clock)
    qtbot.addWidget(built.window)
    qtbot.waitUntil(lambda: built.link.demo is not None, timeout=SYNC_WAIT_MS)
    qtbot.waitUntil(lambda: built.window.schedule.model.rowCount() >= 3, timeout=SYNC_WAIT_MS)
    qtbot.waitUntil(lambda: built.service.view().pending == 0, timeout=SYNC_WAIT_MS)
    yield built
    assert built.close()


@pytest.fixture
def console(demo_app: WorkBossApp) -> ConsoleContext:
    return demo_app.console.get().context()
