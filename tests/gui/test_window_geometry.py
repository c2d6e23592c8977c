"""The window opens maximised on a tablet's screen, fits a larger one, and comes back where
the technician left it, unless that place is no longer on any screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from tests.gui.conftest import gui_test_options
from wb_desktop.app.settings import load_settings
from wb_desktop.bootstrap import build
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.paths import ProfilePaths
from wb_desktop.ui.window_geometry import (
    SETTING,
    on_a_screen,
    open_window,
    place,
    remember_geometry,
    saved_geometry,
)


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[QMainWindow]:
    made = QMainWindow()
    made.setMinimumSize(1024, 640)
    qtbot.addWidget(made)
    yield made


def maximised(window: QMainWindow) -> bool:
    return bool(window.windowState() & Qt.WindowState.WindowMaximized)


@pytest.mark.parametrize("available", [QRect(0, 0, 1066, 666), QRect(0, 0, 1920, 1160)])
def test_a_tablet_screen_opens_maximised(window: QMainWindow, available: QRect) -> None:
    place(window, None, available)
    assert maximised(window)


def test_a_larger_screen_gets_a_tablet_sized_window_in_its_middle(window: QMainWindow) -> None:
    available = QRect(0, 0, 2560, 1400)
    place(window, None, available)
    assert not maximised(window)
    assert window.geometry().size().toTuple() == (1920, 1200)
    assert window.geometry().center() == available.center()


def test_a_screen_smaller_than_the_minimum_still_holds_the_window(window: QMainWindow) -> None:
    place(window, None, QRect(0, 0, 853, 533))  # 1280×800 at 150 %
    assert window.minimumSize().toTuple() == (853, 533)


def test_the_geometry_comes_back_after_a_restart(
    qtbot: QtBot, window: QMainWindow, profile: ProfilePaths
) -> None:
    screen = QGuiApplication.primaryScreen().availableGeometry()
    window.setMinimumSize(200, 150)
    window.setGeometry(screen.x() + 20, screen.y() + 30, 400, 300)
    window.show()
    qtbot.waitExposed(window)
    remember_geometry(window, profile)
    assert saved_geometry(load_settings(profile)) is not None

    again = QMainWindow()
    again.setMinimumSize(200, 150)
    qtbot.addWidget(again)
    open_window(again, profile)
    qtbot.waitExposed(again)
    assert again.geometry().size() == window.geometry().size()
    assert not maximised(again)


def test_a_damaged_or_off_screen_geometry_falls_back_to_the_default(
    window: QMainWindow, profile: ProfilePaths
) -> None:
    profile.settings.parent.mkdir(parents=True, exist_ok=True)
    profile.settings.write_text(f'{{"{SETTING}": "not base64!"}}\n', encoding="utf-8")
    assert saved_geometry(load_settings(profile)) is None
    available = QRect(0, 0, 1066, 666)
    place(window, b"\x01\xd9\xd0\xcb garbage", available)
    assert maximised(window)
    assert not on_a_screen(QRect(20_000, 20_000, 1066, 666))  # a screen since unplugged
    assert on_a_screen(QGuiApplication.primaryScreen().availableGeometry())


def test_other_settings_survive_the_save(window: QMainWindow, profile: ProfilePaths) -> None:
    profile.settings.parent.mkdir(parents=True, exist_ok=True)
    profile.settings.write_text('{"storage_quota_mb": 200, "high_contrast": true}\n', "utf-8")
    remember_geometry(window, profile)
    settings = load_settings(profile)
    assert settings.storage_quota_mb == 200 and settings.extra["high_contrast"] is True
    assert isinstance(settings.extra[SETTING], str)


def test_the_app_keeps_its_geometry_when_its_window_closes(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    app = build(gui_test_options(tmp_path), clock=clock)
    qtbot.addWidget(app.window)
    open_window(app.window, app.cache.paths)
    qtbot.waitExposed(app.window)
    paths = app.cache.paths
    assert app.close()
    assert saved_geometry(load_settings(paths)) is not None
