"""The dialogs share the theme and its 48 px touch targets, and no text in them is cut, in
English and Swedish: sign-in, the start problem ("already open"), device, signature and
sync details. (The support console's merge dialog lives in tools and is not checked here.)"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.conftest import STOCKHOLM, Week
from tests.gui.fit_render import widget_misfit
from tests.gui.test_status_bar import FakeSyncService
from tests.gui.waiting import settle
from wb_desktop.ui.device_dialog import DeviceDialog, read_cache_status
from wb_desktop.ui.sign_in_dialog import SignInDialog
from wb_desktop.ui.signature_dialog import SignatureDialog
from wb_desktop.ui.start_problem import show_start_problem
from wb_desktop.ui.status_bar import WorkStatusBar
from wb_desktop.ui.sync_details import SyncDetailsDialog
from wb_desktop.ui.theme import TOUCH_TARGET_PX, apply_theme
from wb_desktop.ui.translations import install_translations, remove_translations
from wb_desktop.ui.workday import Workday

ALREADY_OPEN = (
    "WorkBoss Desktop is already open with profile 'demo'. Switch to that window, or close it"
    " first."
)


@pytest.fixture(params=["en_GB", "sv"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    before = QLocale()
    install_translations(qapp, request.param)
    yield request.param
    remove_translations(qapp)
    QLocale.setDefault(before)
    qapp.setStyleSheet("")


def problems(dialog: QWidget) -> list[tuple[str, str, int, int]]:
    """Small buttons and cut texts in a shown dialog."""
    found = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QAbstractButton) and (
            widget.width() < TOUCH_TARGET_PX or widget.height() < TOUCH_TARGET_PX
        ):
            found.append(("small", widget.text(), widget.width(), widget.height()))
        misfit = widget_misfit(widget)
        if misfit is not None:
            found.append(("cut", *misfit))
    return found


def shown(qtbot: QtBot, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_start_problem_box_is_themed(
    qtbot: QtBot, qapp: QApplication, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    qapp.setStyleSheet("")  # as at a start that failed before the theme was applied
    boxes: list[QMessageBox] = []

    def critical(_parent: QWidget | None, title: str, text: str) -> None:
        boxes.append(QMessageBox(QMessageBox.Icon.Critical, title, text))

    monkeypatch.setattr(QMessageBox, "critical", critical)
    show_start_problem(qapp, ALREADY_OPEN)
    assert qapp.styleSheet() != ""
    assert problems(shown(qtbot, boxes[0])) == []


def test_every_dialog_has_touch_targets_and_whole_texts(
    qtbot: QtBot, qapp: QApplication, language: str, workday: Workday, week: Week
) -> None:
    apply_theme(qapp, high_contrast=False)
    service = FakeSyncService()
    bar = WorkStatusBar(service, workday.now, STOCKHOLM, high_contrast=False)
    qtbot.addWidget(bar)
    makers: list[Callable[[], QWidget]] = [
        lambda: SignInDialog("https://demo.workboss.se", lambda *_: None, allow_offline=True),  # type: ignore[arg-type]
        lambda: DeviceDialog(read_cache_status(workday.cache)),
        lambda: SignatureDialog(workday, week.today[0]),
        lambda: SyncDetailsDialog(bar.indicator.details(), workday.now, workday.zone),
    ]
    for make in makers:
        dialog = shown(qtbot, make())
        settle(qtbot, workday)
        assert problems(dialog) == [], type(dialog).__name__
        dialog.close()
