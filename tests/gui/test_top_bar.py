"""The top bar folds instead of clipping: the switches to icons first, then the pages; a
folded button keeps its words as tooltip and accessible name and stays a touch target."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from wb_desktop.ui.theme import TOUCH_TARGET_PX, apply_theme
from wb_desktop.ui.top_bar import BarButton, TopBar

PAGES = ("Schedule", "Time clock", "Invoices", "Customers", "Reports")
SWITCHES = ("Work offline", "Sunlight mode", "Device")


@pytest.fixture
def bar(qtbot: QtBot, qapp: QApplication) -> Iterator[TopBar]:
    apply_theme(qapp, high_contrast=False)
    icons = iter(("schedule", "time", "invoices", "customers", "reports"))
    pages = [BarButton(text, next(icons), checkable=True) for text in PAGES]
    switches = [
        BarButton(text, icon)
        for text, icon in zip(SWITCHES, ("offline", "sunlight", "device"), strict=True)
    ]
    switches[0].set_hint("Stop syncing until you turn this off")
    made = TopBar("Anna Lindqvist-Johansson", pages, switches)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    yield made
    qapp.setStyleSheet("")


def buttons(bar: TopBar) -> list[BarButton]:
    return bar.findChildren(BarButton)


def folded(bar: TopBar) -> list[str]:
    return [b.accessibleName() for b in buttons(bar) if b.compact]


def test_a_wide_bar_shows_every_word(qtbot: QtBot, bar: TopBar) -> None:
    bar.resize(1900, 60)
    qtbot.waitUntil(lambda: folded(bar) == [])
    assert [b.text() for b in buttons(bar)] == [*PAGES, *SWITCHES]
    assert bar.name_label.toolTip() == "Anna Lindqvist-Johansson"


def test_the_switches_fold_first_then_the_pages(qtbot: QtBot, bar: TopBar) -> None:
    full = bar.width_needed(pages_compact=False, switches_compact=False)
    switches_folded = bar.width_needed(pages_compact=False, switches_compact=True)
    assert switches_folded < full
    bar.resize(full - 1, 60)
    qtbot.waitUntil(lambda: folded(bar) == list(SWITCHES))
    bar.resize(switches_folded, 60)
    qtbot.waitUntil(lambda: folded(bar) == list(SWITCHES))
    bar.resize(switches_folded - 1, 60)
    qtbot.waitUntil(lambda: folded(bar) == [*PAGES, *SWITCHES])
    bar.resize(bar.minimumSizeHint().width(), 60)
    qtbot.waitUntil(lambda: folded(bar) == [*PAGES, *SWITCHES])
    for button in buttons(bar):
        assert button.text() == ""
        assert button.toolTip().startswith(button.accessibleName())
        assert button.width() >= TOUCH_TARGET_PX and button.height() >= TOUCH_TARGET_PX
    assert "Stop syncing" in buttons(bar)[len(PAGES)].toolTip()
    bar.resize(1900, 60)
    qtbot.waitUntil(lambda: folded(bar) == [])
    assert buttons(bar)[len(PAGES)].toolTip() == "Stop syncing until you turn this off"


def test_the_name_gives_way_with_its_whole_text_in_the_tooltip(bar: TopBar) -> None:
    label = bar.name_label
    assert label.property("elides") is True
    assert label.minimumSizeHint().width() < label.sizeHint().width()
    assert label.text() == label.toolTip() == "Anna Lindqvist-Johansson"
