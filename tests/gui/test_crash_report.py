"""An exception nobody caught: the app carries on, says so in a banner, and support finds the
traceback in the profile's log and in the diagnostics bundle."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from tests.gui.conftest import gui_test_options
from wb_desktop import __version__
from wb_desktop.app.crash_reports import FAULTHANDLER_FILE
from wb_desktop.app.logs import LOG_FILE_NAME
from wb_desktop.bootstrap import WorkBossApp, build
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.paths import DataPaths
from wb_desktop.tools.diagnostics.bundle import export_bundle

WAIT_MS = 20_000


@pytest.fixture
def offline_app(qtbot: QtBot, tmp_path: Path, clock: FixedClock) -> Iterator[WorkBossApp]:
    built = build(gui_test_options(tmp_path / "data", network_profile="offline"), clock=clock)
    qtbot.addWidget(built.window)
    yield built
    assert built.close()


def boom() -> None:
    raise LookupError("no line item 7 on this invoice")


@pytest.mark.qt_no_exception_capture  # the app's own hook must see it, not pytest-qt's
def test_an_exception_in_a_slot_shows_a_banner_and_the_app_carries_on(
    offline_app: WorkBossApp, qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    banner = offline_app.window.problem_banner
    offline_app.window.show()
    assert not banner.isVisible()

    QTimer.singleShot(0, boom)
    qtbot.waitUntil(banner.isVisible, timeout=WAIT_MS)

    assert "LookupError: no line item 7 on this invoice" in banner.text.text()
    assert "Your work is saved" in banner.text.text()
    banner.details_button.click()
    assert banner.details is not None and "in boom" in banner.details.detailedText()
    banner.details.close()

    # The app carries on: its event loop still runs the next thing asked of it.
    ran: list[bool] = []
    QTimer.singleShot(0, lambda: ran.append(True))
    qtbot.waitUntil(lambda: ran == [True], timeout=WAIT_MS)
    assert offline_app.window.isVisible()
    banner.dismiss_button.click()
    assert not banner.isVisible()

    paths = DataPaths(tmp_path / "data").profile("demo")
    log = (paths.logs / LOG_FILE_NAME).read_text()
    assert "uncaught exception in the window: LookupError" in log
    assert "in boom" in log
    assert (paths.logs / FAULTHANDLER_FILE).is_file()

    bundle = export_bundle(
        paths, tmp_path / "bundle.zip", redact=True, now=clock.now(), app_version=__version__
    )
    with zipfile.ZipFile(bundle) as archive:
        logged = archive.read(f"logs/{LOG_FILE_NAME}").decode()
        assert "LookupError: no line item 7 on this invoice" in logged
        assert f"logs/{FAULTHANDLER_FILE}" in archive.namelist()
