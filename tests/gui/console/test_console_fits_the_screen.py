"""The console never reaches past its screen: on a laptop at 150 % or 200 % its default size
is larger than the screen, and a window wider than the screen hides its own buttons (seen at
200 % on a 1920×1080 screen: Export and Back to the live profile were off the edge)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from wb_desktop.bootstrap import WorkBossApp
from wb_desktop.tools.console.window import DEFAULT_SIZE


def test_the_console_fits_a_screen_smaller_than_its_default_size(
    qtbot: QtBot, demo_app: WorkBossApp
) -> None:
    window = demo_app.open_console()
    assert window is not None
    qtbot.waitExposed(window)
    available = window.screen().availableGeometry()
    assert available.width() < DEFAULT_SIZE[0]  # the test screen is the small one
    assert window.width() <= available.width() and window.height() <= available.height()
    assert window.minimumSizeHint().width() <= available.width()
    assert window.minimumSizeHint().height() <= available.height()
    assert available.contains(window.geometry().topLeft())
