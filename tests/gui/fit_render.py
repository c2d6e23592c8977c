"""Renders every main page of the real app at tablet window sizes and prints, as JSON, each
visible text that does not fit its widget.

Run in its own process (``python -m tests.gui.fit_render --lang sv``) because the display
scale (``QT_SCALE_FACTOR``) must be set before the QApplication exists; the app is built once
and resized, so one process covers every page at every size in one language.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QToolButton,
    QWidget,
)

from tests.gui.conftest import gui_test_options
from wb_desktop.bootstrap import WorkBossApp, build
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.records import DocumentKind
from wb_desktop.ui.theme import BAR_PADDING_PX, BUTTON_PADDING_PX
from wb_desktop.ui.translations import remove_translations

SIZES = ((1024, 640), (1066, 666), (1280, 800), (1920, 1080))
START = datetime(2026, 11, 23, 9, 40, tzinfo=UTC)
LINE_EDIT_PADDING_PX = 2 * 8 + 2 * 2  # the theme's padding, QLineEdit's own text margin
COMBO_ARROW_PX = 40
LIST_RELAYOUT_S = 0.15  # QListView.ResizeMode.Adjust waits 100 ms before it lays out


@dataclass(frozen=True)
class Misfit:
    """One text that does not fit where it is shown."""

    page: str
    size: str
    widget: str
    text: str
    needs: int
    has: int


def spin(app: QApplication, done: Callable[[], bool], seconds: float = 30.0) -> bool:
    """Pump events until ``done()`` or the time is up (no sleeping: events drive it)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end and not done():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    return done()


def settle(app: WorkBossApp) -> None:
    """Every read answered, every layout and polish applied, and the lists laid out again
    (a list that follows its width re-lays its items out on a 100 ms timer, Qt's own)."""
    spin(app.qt_app, lambda: app.workday.runner.idle, 15.0)
    spin(app.qt_app, lambda: False, LIST_RELAYOUT_S)
    spin(app.qt_app, lambda: app.workday.runner.idle, 15.0)  # an answer that came meanwhile
    for _ in range(3):  # its texts' layout requests, and the layouts they start in turn
        app.qt_app.sendPostedEvents()
        app.qt_app.processEvents()


def plain(text: str) -> str:
    """The text as drawn: mnemonic ampersands gone, the first of several lengths."""
    return text.split("\x9c")[0].replace("&&", "\0").replace("&", "").replace("\0", "&")


def deliberately_elided(widget: QWidget, text: str) -> bool:
    """The widget paints an ellipsis on purpose (an ``elides`` widget, or a QLineEdit's
    placeholder, which Qt elides itself) and its tooltip carries the whole text."""
    placeholder = isinstance(widget, QLineEdit) and not widget.text()
    return (bool(widget.property("elides")) or placeholder) and text in widget.toolTip()


def label_misfit(label: QLabel) -> tuple[int, int] | None:
    text = label.text()
    if not text or label.textFormat() is Qt.TextFormat.RichText or "<" in text:
        return None
    if not label.pixmap().isNull():
        return None
    rect = label.contentsRect()
    inner_w = rect.width() - 2 * label.margin() - max(label.indent(), 0)
    if label.wordWrap():
        needs = label.heightForWidth(label.width())
        return (needs, label.height()) if needs > label.height() else None
    metrics = label.fontMetrics()
    needs = max(metrics.horizontalAdvance(line) for line in plain(text).split("\n"))
    lines = plain(text).count("\n") + 1
    if needs > inner_w:
        return needs, inner_w
    tall = metrics.lineSpacing() * (lines - 1) + metrics.height()
    return (tall, rect.height()) if tall > rect.height() + 1 else None


def border_px() -> int:
    """The theme's border width: wider in sunlight mode."""
    return 3 if QApplication.instance().property("wb_high_contrast") else 1


def button_misfit(button: QAbstractButton) -> tuple[int, int] | None:
    text = plain(button.text())
    if not text:
        return None
    advance = max(button.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
    icon = 0 if button.icon().isNull() else button.iconSize().width() + 4
    if isinstance(button, QPushButton | QToolButton):
        padding = BAR_PADDING_PX if button.property("bar") else BUTTON_PADDING_PX
        if "padding: 0" in button.styleSheet():
            padding = 0  # a one-character square button sets its own
        needs = advance + icon + 2 * padding + 2 * border_px()
    elif isinstance(button, QCheckBox | QRadioButton):
        needs = min(button.sizeHint().width(), advance + icon + 32)
    else:
        needs = advance + icon
    return (needs, button.width()) if needs > button.width() else None


def line_edit_misfit(edit: QLineEdit) -> tuple[int, int] | None:
    text = edit.text() or edit.placeholderText()
    if not text or edit.echoMode() is not QLineEdit.EchoMode.Normal:
        return None
    margins = edit.textMargins()
    needs = edit.fontMetrics().horizontalAdvance(text) + margins.left() + margins.right()
    needs += LINE_EDIT_PADDING_PX + 2 * border_px()
    return (needs, edit.width()) if needs > edit.width() else None


def combo_misfit(combo: QComboBox) -> tuple[int, int] | None:
    text = combo.currentText()
    if not text:
        return None
    needs = combo.fontMetrics().horizontalAdvance(text) + COMBO_ARROW_PX
    return (needs, combo.width()) if needs > combo.width() else None


def list_misfit(view: QListView) -> tuple[str, int, int] | None:
    """Cards scroll up and down, never sideways, and none is wider than the list."""
    if view.horizontalScrollBar().isVisible():
        return "horizontal scrollbar", view.horizontalScrollBar().maximum(), 0
    model, room = view.model(), view.viewport().width()
    for row in range(model.rowCount() if model is not None else 0):
        rect = view.visualRect(model.index(row, 0))
        if rect.right() >= room:
            return "a card wider than its list", rect.width(), room
    return None


def page_misfit(area: QScrollArea) -> tuple[str, int, int] | None:
    """A scrolled page scrolls up and down; sideways it fits (scrollbar shown or not)."""
    if area.verticalScrollBarPolicy() is Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        return None  # a strip that scrolls sideways by design (the photos)
    inner, room = area.widget(), area.viewport().width()
    if inner is not None and inner.isVisible() and inner.width() > room:
        return "a page wider than its window", inner.width(), room
    if area.horizontalScrollBar().isVisible():
        return "a page that scrolls sideways", area.horizontalScrollBar().maximum(), 0
    return None


def widget_misfit(widget: QWidget) -> tuple[str, int, int] | None:
    """What the widget shows and how much room it needs and has, when that does not fit."""
    found: tuple[int, int] | None = None
    text = ""
    if isinstance(widget, QLabel):
        text, found = widget.text(), label_misfit(widget)
    elif isinstance(widget, QAbstractButton):
        text, found = widget.text(), button_misfit(widget)
    elif isinstance(widget, QLineEdit):
        text, found = widget.text() or widget.placeholderText(), line_edit_misfit(widget)
    elif isinstance(widget, QComboBox):
        text, found = widget.currentText(), combo_misfit(widget)
    elif isinstance(widget, QListView):
        return list_misfit(widget)
    elif isinstance(widget, QScrollArea):
        return page_misfit(widget)
    if found is None or deliberately_elided(widget, plain(text)):
        return None
    return plain(text), found[0], found[1]


def misfits(root: QWidget, page: str, size: str) -> Iterator[Misfit]:
    checked = 0
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not root.window():
            continue
        if not isinstance(widget, CHECKED_KINDS):
            continue
        checked += 1
        found = widget_misfit(widget)
        if found is not None:
            name = widget.objectName() or type(widget).__name__
            owner = widget.parentWidget()
            while owner is not None and type(owner).__module__.startswith("PySide6"):
                owner = owner.parentWidget()
            name = f"{name} in {type(owner).__name__}" if owner is not None else name
            yield Misfit(page, size, name, found[0], found[1], found[2])
    CHECKED[0] += checked


CHECKED = [0]
CHECKED_KINDS = (QLabel, QAbstractButton, QLineEdit, QComboBox, QListView, QScrollArea)


@contextmanager
def running_app(language: str) -> Iterator[WorkBossApp]:
    locale_before = QLocale()
    with tempfile.TemporaryDirectory() as folder:
        app = build(gui_test_options(Path(folder) / "data", lang=language), FixedClock(START))
        try:
            app.window.show()
            if not spin(app.qt_app, lambda: app.window.schedule.model.rowCount() >= 3):
                raise RuntimeError("the schedule never filled")
            yield app
        finally:
            app.close()
            remove_translations(app.qt_app)
            QLocale.setDefault(locale_before)


def pages(app: WorkBossApp) -> Iterator[str]:
    """Shows each main page in turn and yields its name once it is on screen."""
    window = app.window
    job_id = window.schedule.model.job_ids()[0]
    window.open_job(job_id)
    settle(app)
    yield "schedule with a job open"
    window.job_page.time.button.click()  # work starts (or stops): a wider time card
    settle(app)
    yield "schedule with the job's timer toggled"
    window.show_time_clock()
    settle(app)
    yield "time clock"
    window.show_documents()
    window.documents.show_list()
    settle(app)
    yield "invoices"
    window.create_document(job_id, DocumentKind.INVOICE)
    spin(app.qt_app, lambda: window.documents.stack.currentWidget() is window.documents.editor)
    settle(app)
    yield "invoice editor"
    window.show_customers()
    settle(app)
    yield "customers"
    window.show_reports()
    settle(app)
    yield "reports"


def check_size(
    app: WorkBossApp, size: tuple[int, int], language: str, shots: Path | None, theme: str
) -> list[Misfit]:
    """Every page at one window size."""
    found: list[Misfit] = []
    window = app.window
    window.resize(*size)
    settle(app)
    name = f"{size[0]}x{size[1]}"
    if (window.width(), window.height()) != size:
        found.append(Misfit("window", name, "MainWindow", "cannot be that small", 0, 0))
        print(f"window is {window.width()}x{window.height()}", file=sys.stderr)
    for page in pages(app):
        found.extend(misfits(window, f"{page}{theme}", name))
        if shots is not None:
            scale = os.environ.get("QT_SCALE_FACTOR", "1")
            shot = f"{page.split()[0]}-{name}-{language}-{scale}{theme.strip()}.png"
            window.grab().save(str(shots / shot))
    window.documents.show_list()
    return found


def run(language: str, sizes: tuple[tuple[int, int], ...], shots: Path | None) -> list[Misfit]:
    """Every size in the normal theme, then the narrowest in sunlight mode (bolder text)."""
    found: list[Misfit] = []
    with running_app(language) as app:
        for size in sizes:
            found.extend(check_size(app, size, language, shots, ""))
        app.window.contrast_button.click()
        found.extend(check_size(app, min(sizes), language, shots, " (sunlight)"))
        app.window.contrast_button.click()
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", default="en_GB")
    parser.add_argument("--size", action="append", help="WIDTHxHEIGHT (default: all four)")
    parser.add_argument("--shots", type=Path, help="save a PNG of every page here")
    args = parser.parse_args()
    sizes = tuple(tuple(int(n) for n in s.split("x")) for s in args.size) if args.size else SIZES
    if args.shots is not None:
        args.shots.mkdir(parents=True, exist_ok=True)
    found = run(args.lang, sizes, args.shots)  # type: ignore[arg-type]
    print(json.dumps({"checked": CHECKED[0], "misfits": [asdict(m) for m in found]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
