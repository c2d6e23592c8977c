"""The small pieces the scenario panel's cards share: touch-sized buttons, a steps table and
an inline message label."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QTableView, QWidget

from wb_desktop.tools.console.scenario_steps_model import ScenarioStepsModel
from wb_desktop.ui.theme import TOUCH_TARGET_PX, set_role


def touch_button(
    text: str, slot: Callable[[], object], parent: QWidget, *, primary: bool = False
) -> QPushButton:
    button = QPushButton(text, parent)
    button.setMinimumSize(TOUCH_TARGET_PX * 2, TOUCH_TARGET_PX)
    button.setProperty("primary", primary)
    button.clicked.connect(lambda _checked=False: slot())
    return button


def steps_table(model: ScenarioStepsModel, parent: QWidget, *, outcomes: bool) -> QTableView:
    """One row per step; ``outcomes`` shows how each went (a replay), else only the steps."""
    view = QTableView(parent)
    view.setModel(model)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    header = view.horizontalHeader()
    fit, stretch = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
    for column, mode in (
        (ScenarioStepsModel.NUMBER, fit),
        (ScenarioStepsModel.STEP, stretch),
        (ScenarioStepsModel.OUTCOME, fit),
        (ScenarioStepsModel.MESSAGE, stretch),
    ):
        header.setSectionResizeMode(column, mode)
    view.setColumnHidden(ScenarioStepsModel.OUTCOME, not outcomes)
    view.setColumnHidden(ScenarioStepsModel.MESSAGE, not outcomes)
    return view


def message_label(parent: QWidget) -> QLabel:
    """Hidden until :func:`say` gives it text."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.hide()
    return label


def say(label: QLabel, text: str, role: str) -> None:
    """Show ``text`` in the role's colours (error, warning, ok); empty text hides it."""
    label.setText(text)
    set_role(label, role)
    label.setVisible(bool(text))
