"""Offline, the whole status bar turns orange (as the README says), not only its words; the
offline words still read on it, in both themes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.test_status_bar import ONLINE, SIMULATED, STOCKHOLM, FakeSyncService
from tests.gui.test_tablet_fitness import contrast
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.ui.status_bar import WorkStatusBar
from wb_desktop.ui.theme import HIGH_CONTRAST, NORMAL, Colours, apply_theme


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[Colours]:
    yield apply_theme(qapp, high_contrast=False)
    qapp.setStyleSheet("")


def background_at_the_middle(bar: WorkStatusBar) -> QColor:
    """A pixel of the bar's own background: half way across, below its top border."""
    image = bar.grab().toImage()
    return image.pixelColor(image.width() // 2, image.height() - 4)


def test_the_whole_bar_turns_orange_offline(
    qtbot: QtBot, clock: FixedClock, themed: Colours
) -> None:
    service = FakeSyncService()
    bar = WorkStatusBar(service, clock.now, STOCKHOLM, high_contrast=False)
    qtbot.addWidget(bar)
    bar.resize(1100, bar.sizeHint().height())
    bar.show()
    qtbot.waitExposed(bar)
    assert background_at_the_middle(bar) != QColor(themed.offline_bar)

    service.publish(SIMULATED)
    qtbot.waitUntil(lambda: background_at_the_middle(bar) == QColor(themed.offline_bar))
    assert bar.property("offline") is True

    service.publish(ONLINE)
    qtbot.waitUntil(lambda: background_at_the_middle(bar) != QColor(themed.offline_bar))


@pytest.mark.parametrize(("colours", "minimum"), [(NORMAL, 4.5), (HIGH_CONTRAST, 7.0)])
def test_offline_words_read_on_the_orange_bar(colours: Colours, minimum: float) -> None:
    for name in ("text", "muted", "offline", "warning", "error", "pending"):
        ratio = contrast(getattr(colours, name), colours.offline_bar)
        assert ratio >= minimum, f"{name} on the offline bar: {ratio:.1f}"
