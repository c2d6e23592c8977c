"""The app in Swedish: with the Swedish catalogue installed, no widget shows an English
string the catalogue translates (a string Qt never looked up, or looked up under another
context), refusals from the core read Swedish, and numbers follow sv_SE.

Data from the cache (names, addresses, job titles) is not in the catalogue and is allowed.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.gui.conftest import Week
from tests.gui.waiting import settle
from wb_desktop.app.sync_service import SyncService
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.errors import NotFoundError, QuotaExceededError, ValidationError
from wb_desktop.core.domain.money import parse_amount
from wb_desktop.core.store.cache import LocalCache, attach_cache
from wb_desktop.core.sync.client import SyncClient, build_sync_client
from wb_desktop.core.sync.profiles import profile_named
from wb_desktop.core.sync.step_report import SyncListener
from wb_desktop.tools.netsim.qa_network import QaNetworkFactory
from wb_desktop.ui.device_dialog import DeviceDialog, read_cache_status
from wb_desktop.ui.formatting import format_date, format_money
from wb_desktop.ui.main_window import MainWindow
from wb_desktop.ui.messages import user_message
from wb_desktop.ui.sign_in_dialog import SignInDialog
from wb_desktop.ui.signature_dialog import SignatureDialog
from wb_desktop.ui.sync_details import SyncDetailsDialog
from wb_desktop.ui.translations import install_translations, remove_translations
from wb_desktop.ui.workday import Workday

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "i18n" / "wb_desktop_sv.ts"
CLICK = Qt.MouseButton.LeftButton
MAX_ROWS = 50
_PLACEHOLDER = re.compile(r"%(?:[1-9]|n)")


@pytest.fixture
def install(qapp: QApplication) -> Iterator[Callable[[str | None], QLocale]]:
    """Installs a language; English sources and the old default locale come back
    afterwards, so the other tests read English in their own formats."""
    before = QLocale()
    yield lambda language: install_translations(qapp, language)
    remove_translations(qapp)
    QLocale.setDefault(before)


@pytest.fixture
def swedish(install: Callable[[str | None], QLocale]) -> QLocale:
    return install("sv")


@dataclass(frozen=True)
class English:
    """The catalogue's English sources as patterns ("%1" matches anything), for the
    sources whose Swedish differs."""

    patterns: list[tuple[re.Pattern[str], str]]
    literals: set[str]  # string literals in wb_desktop/ui that read like words

    def offending(self, text: str) -> str | None:
        text = text.strip()
        if not text:
            return None
        for pattern, source in self.patterns:
            if pattern.fullmatch(text):
                return source
        return text if text in self.literals else None


def _pattern(source: str) -> re.Pattern[str]:
    parts = _PLACEHOLDER.split(source)
    return re.compile(".+?".join(re.escape(part) for part in parts), re.DOTALL)


def _ui_literals(swedish: set[str]) -> set[str]:
    """Words written straight into the UI code: shown as they are, they were never
    translated. Values Swedish shares with English ("Online") do not count."""
    found: set[str] = set()
    for path in (ROOT / "wb_desktop" / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value.strip()
                if re.search(r"[A-Za-z]{3,}", text) and (" " in text or text[:1].isupper()):
                    found.add(text)
    return found - swedish


@pytest.fixture(scope="module")
def english() -> English:
    import xml.etree.ElementTree as ET

    patterns: list[tuple[re.Pattern[str], str]] = []
    swedish_texts: set[str] = set()
    for message in ET.parse(CATALOGUE).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        forms = [translation.text or ""] if translation is not None else []
        if translation is not None and message.get("numerus") == "yes":
            forms = [form.text or "" for form in translation.iter("numerusform")]
        swedish_texts.update(forms)
        if source in forms or not re.search(r"[A-Za-z]{3}", _PLACEHOLDER.sub("", source)):
            continue  # Swedish says it the same way, or it is too short to tell ("W%1")
        patterns.append((_pattern(source), source))
    return English(patterns, _ui_literals(swedish_texts))


def _model_texts(model: QAbstractItemModel | None, header_only: bool) -> Iterator[str]:
    if model is None:
        return
    rows = model.rowCount(QModelIndex())
    # A list model's columnCount is private in Qt: it always has the one column.
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        count = columns if orientation == Qt.Orientation.Horizontal else rows
        for section in range(min(count, MAX_ROWS)):
            yield str(model.headerData(section, orientation) or "")
    if header_only:
        return
    for row in range(min(rows, MAX_ROWS)):
        for column in range(columns):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    yield value


def texts_of(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(which widget and property, text) for what a person reads or hears on ``widget``."""
    name = type(widget).__name__
    if widget.isWindow():
        yield f"{name}.windowTitle", widget.windowTitle()
    yield f"{name}.toolTip", widget.toolTip()
    yield f"{name}.accessibleName", widget.accessibleName()
    yield f"{name}.accessibleDescription", widget.accessibleDescription()
    if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
        yield f"{name}.text", widget.text()
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        yield f"{name}.placeholderText", widget.placeholderText()
    if isinstance(widget, QGroupBox):
        yield f"{name}.title", widget.title()
    if isinstance(widget, QTabBar):
        for tab in range(widget.count()):
            yield f"{name}.tabText", widget.tabText(tab)
            yield f"{name}.tabToolTip", widget.tabToolTip(tab)
    if isinstance(widget, QComboBox):
        for item in range(widget.count()):
            yield f"{name}.itemText", widget.itemText(item)
    if isinstance(widget, QAbstractItemView):
        for text in _model_texts(widget.model(), header_only=isinstance(widget, QHeaderView)):
            yield f"{name}.model", text


def english_left(root: QWidget, english: English) -> list[str]:
    """Every text on ``root`` and its children, shown or not, that is still English."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        for where, text in texts_of(widget):
            source = english.offending(text)
            if source is not None:
                found.append(f"{where}: {text!r} (source {source!r})")
    return sorted(set(found))


@pytest.fixture
def offline_service(cache: LocalCache, clock: FixedClock) -> Iterator[SyncService]:
    """The real service on the cache, on the simulated offline network (never started)."""

    def make_client(listener: SyncListener) -> SyncClient:
        return build_sync_client(
            attach_cache(cache, clock),
            "http://127.0.0.1:9",
            "anna@demo.workboss.se",
            "not-used-offline",
            clock,
            profile=profile_named("offline"),
            simulator=QaNetworkFactory(sleep=lambda _s: None),
            listener=listener,
            own_cache=True,
        )

    service = SyncService(make_client, initial_profile="offline", watch_network=False)
    yield service
    assert service.stop()


@pytest.fixture
def window(
    qtbot: QtBot, swedish: QLocale, workday: Workday, week: Week, offline_service: SyncService
) -> MainWindow:
    built = MainWindow(workday, offline_service, technician_name="Anna Lindqvist", profile="anna")
    qtbot.addWidget(built)
    built.resize(1280, 800)
    built.show()
    qtbot.waitExposed(built)
    built.open_job(week.today[0])
    settle(qtbot, workday)
    return built


def test_the_main_window_has_no_english_left(window: MainWindow, english: English) -> None:
    assert english_left(window, english) == []
    assert window.offline_button.accessibleName() == "Arbeta offline"  # folded or not
    assert window.job_page.badge_label.text() == "Synkad"


def test_the_time_clock_has_no_english_left(window: MainWindow, english: English) -> None:
    window.show_time_clock()
    assert english_left(window.time_clock, english) == []
    assert window.time_button.accessibleName() == "Stämpelklocka"


def test_the_dialogs_have_no_english_left(
    qtbot: QtBot, window: MainWindow, english: English, workday: Workday, week: Week
) -> None:
    status_bar = window.status
    dialogs: list[QWidget] = [
        DeviceDialog(read_cache_status(workday.cache), window),
        SignatureDialog(workday, week.today[0], window),
        SignInDialog("https://demo.workboss.se", lambda *_: None, parent=window),  # type: ignore[arg-type]
        SyncDetailsDialog(status_bar.indicator.details(), workday.now, workday.zone, window),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert english_left(dialog, english) == [], type(dialog).__name__


def test_a_refusal_from_the_core_is_shown_in_swedish(
    window: MainWindow, qtbot: QtBot, workday: Workday
) -> None:
    notes = window.job_page.notes
    qtbot.mouseClick(notes.add_button, CLICK)
    settle(qtbot, workday)

    assert notes.message.text() == "En anteckning får inte vara tom."


def test_core_messages_read_swedish_with_swedish_numbers(swedish: QLocale) -> None:
    with pytest.raises(ValidationError) as too_precise:
        parse_amount("12.345")
    quota = QuotaExceededError(95 * 1024 * 1024, 8 * 1024 * 1024, 100 * 1024 * 1024)

    assert user_message(too_precise.value) == "”12.345” har för många decimaler (högst 2)."
    assert user_message(quota).startswith("Lagringen är full: 95,0 MB av 100,0 MB används")
    assert user_message(NotFoundError("job", "J-1")) == "Hittade inte jobb J-1 i den lokala cachen."
    assert str(quota).startswith("Storage full: 95.0 MB of 100.0 MB")  # logs stay English


def test_formats_and_qt_dialogs_follow_sweden(swedish: QLocale, qtbot: QtBot) -> None:
    from datetime import date

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)

    assert swedish.name() == QLocale().name() == "sv_SE"
    assert format_money(Decimal("1234.50"), "SEK") == "1\xa0234,50\xa0kr"
    assert format_date(date(2026, 11, 23)) == "2026-11-23"
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Avbryt"


def test_english_says_one_change_and_two_changes(install: Callable[[str | None], QLocale]) -> None:
    install("en")

    def waiting(count: int) -> str:
        return QApplication.translate("DeviceDialog", "%n change(s) waiting to sync", "", count)

    assert (waiting(1), waiting(2)) == ("1 change waiting to sync", "2 changes waiting to sync")


def test_removing_the_translators_brings_english_back(qapp: QApplication) -> None:
    before = QLocale()
    install_translations(qapp, "sv")
    assert QApplication.translate("Labels", "Synced") == "Synkad"

    remove_translations(qapp)
    QLocale.setDefault(before)

    assert QApplication.translate("Labels", "Synced") == "Synced"
