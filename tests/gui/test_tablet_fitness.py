"""Fit for a rugged tablet: big targets, a focus order that follows the screen, contrast
that survives sunlight, and a window that fits a 1080p screen at 150 % or 1440p at 200 %."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.conftest import STOCKHOLM
from tests.gui.waiting import settle
from wb_desktop.bootstrap import AppOptions, WorkBossApp, build
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.ui.theme import HIGH_CONTRAST, NORMAL, TOUCH_TARGET_PX, Colours

LOGICAL_SCREEN = (1280, 720)  # 1920×1080 at 150 %, 2560×1440 at 200 %


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize(("colours", "minimum"), [(NORMAL, 4.5), (HIGH_CONTRAST, 7.0)])
def test_every_text_colour_is_readable_on_its_background(colours: Colours, minimum: float) -> None:
    for name in ("text", "muted", "online", "offline", "warning", "error", "synced", "pending"):
        for background in (colours.window, colours.surface):
            ratio = contrast(getattr(colours, name), background)
            assert ratio >= minimum, f"{name} on {background}: {ratio:.1f}"
    assert contrast(colours.accent_text, colours.accent) >= minimum


@pytest.fixture
def app(qtbot: QtBot, tmp_path: Path, clock: FixedClock) -> Iterator[WorkBossApp]:
    built = build(
        AppOptions(
            data_dir=tmp_path,
            zone=STOCKHOLM,
            watch_network=False,
            watch_camera_inbox=False,
            demo_server_in_child=False,
        ),
        clock=clock,
    )
    qtbot.addWidget(built.window)
    built.window.resize(*LOGICAL_SCREEN)
    built.window.show()
    qtbot.waitExposed(built.window)
    qtbot.waitUntil(lambda: built.window.schedule.model.rowCount() >= 3, timeout=20_000)
    built.window.open_job(built.window.schedule.model.job_ids()[0])
    settle(qtbot, built.workday)
    yield built
    assert built.close()


def visible_buttons(root: QWidget) -> list[QAbstractButton]:
    return [b for b in root.findChildren(QAbstractButton) if b.isVisible()]


def test_every_visible_control_is_a_touch_target(app: WorkBossApp) -> None:
    buttons = visible_buttons(app.window)
    assert len(buttons) > 15
    small = [
        (b.text() or b.accessibleName(), b.width(), b.height())
        for b in buttons
        if b.width() < TOUCH_TARGET_PX or b.height() < TOUCH_TARGET_PX
    ]
    assert small == []


def test_the_window_fits_a_scaled_tablet_screen(app: WorkBossApp) -> None:
    hint = app.window.minimumSizeHint().expandedTo(app.window.minimumSize())
    assert hint.width() <= LOGICAL_SCREEN[0] and hint.height() <= LOGICAL_SCREEN[1]


def test_tab_reaches_every_control_in_screen_order(qtbot: QtBot, app: WorkBossApp) -> None:
    window = app.window
    window.activateWindow()
    window.schedule_button.setFocus()
    order: list[QWidget] = []
    for _ in range(200):
        widget = QApplication.focusWidget()
        if widget is None or widget in order:
            break
        order.append(widget)
        widget.focusNextChild()
    reachable = set(order)
    missing = [
        b.text() or b.accessibleName()
        for b in visible_buttons(window)
        if b.isEnabled() and b.focusPolicy() & b.focusPolicy().TabFocus and b not in reachable
    ]
    assert missing == []

    def first(widget: QWidget) -> int:
        return order.index(widget)

    page = window.job_page
    assert first(window.schedule_button) < first(window.offline_button)
    assert first(window.offline_button) < first(window.schedule.list_view)
    assert first(window.schedule.list_view) < first(page.notes.editor)
    assert first(page.notes.editor) < first(page.notes.add_button)
    assert first(window.status.indicator.sync_now_button) in range(len(order))
