"""Where the technician's window opens: maximised on a tablet's screen (up to 1920×1200
logical), sized to fit a larger one, and where it was left the last time, when that is
still on a screen. The geometry is kept in the profile's settings file, not in QSettings,
so support finds every setting of a profile in one place."""

from __future__ import annotations

import base64
import binascii
import logging

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from wb_desktop.app.settings import ProfileSettings, SettingsError, load_settings, save_settings
from wb_desktop.core.paths import ProfilePaths

SETTING = "window_geometry"
MAXIMISE_UP_TO = QSize(1920, 1200)  # logical pixels: a tablet, at any display scale
MIN_VISIBLE_PX = 100  # a saved window showing less than this of itself is off-screen

log = logging.getLogger(__name__)


def saved_geometry(settings: ProfileSettings) -> bytes | None:
    """The geometry saved on the last close, or None when there is none or it is damaged."""
    text = settings.extra.get(SETTING)
    if not isinstance(text, str):
        return None
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return None


def place_by_default(window: QWidget, available: QRect) -> None:
    """Maximised on a screen up to :data:`MAXIMISE_UP_TO`, else as large, centred; the
    window's minimum never exceeds the screen."""
    minimum = window.minimumSize()
    window.setMinimumSize(
        min(minimum.width(), available.width()), min(minimum.height(), available.height())
    )
    size = available.size().boundedTo(MAXIMISE_UP_TO)
    frame = QRect(QPoint(0, 0), size)
    frame.moveCenter(available.center())
    window.setGeometry(frame)
    if available.size() == size:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def on_a_screen(frame: QRect) -> bool:
    """Enough of ``frame`` shows on some screen for a finger to drag it back."""
    for screen in QGuiApplication.screens():
        seen = screen.availableGeometry().intersected(frame)
        if seen.width() >= MIN_VISIBLE_PX and seen.height() >= MIN_VISIBLE_PX:
            return True
    return False


def place(window: QWidget, saved: bytes | None, available: QRect) -> None:
    """Where it was left, if that geometry is readable and on a screen; else the default."""
    if saved and window.restoreGeometry(QByteArray(saved)) and on_a_screen(window.geometry()):
        return
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMaximized)
    place_by_default(window, available)


def open_window(window: QWidget, paths: ProfilePaths) -> None:
    """Place the window (see :func:`place`) on its screen and show it."""
    try:
        saved = saved_geometry(load_settings(paths))
    except SettingsError:
        saved = None
    screen = window.screen() or QGuiApplication.primaryScreen()
    place(window, saved, screen.availableGeometry())
    window.show()


def remember_geometry(window: QWidget, paths: ProfilePaths) -> None:
    """Save the window's geometry (and whether it is maximised) for the next start; a
    settings file support is editing by hand is left alone."""
    try:
        current = load_settings(paths)
    except SettingsError as error:
        log.warning("window geometry not saved: %s", error)
        return
    text = base64.b64encode(bytes(window.saveGeometry().data())).decode("ascii")
    save_settings(
        paths, ProfileSettings(current.storage_quota_mb, {**current.extra, SETTING: text})
    )
