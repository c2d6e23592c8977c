"""The connectivity panel: the link (switch, profiles, custom profile), scheduled outages
and server faults, side by side."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.faults_card import FaultsCard
from wb_desktop.tools.console.network_card import NetworkCard
from wb_desktop.tools.console.outages_card import OutagesCard
from wb_desktop.ui.theme import SPACING_PX


class ConnectivityPanel(QScrollArea):
    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        body = QWidget(self)
        columns = QHBoxLayout(body)
        columns.setSpacing(SPACING_PX)
        left = QVBoxLayout()
        self.network = NetworkCard(context.service, body)
        self.outages = OutagesCard(context.service, context.clock.now, body)
        left.addWidget(self.network)
        left.addWidget(self.outages)
        left.addStretch(1)
        self.faults = FaultsCard(context, body)
        right = QVBoxLayout()
        right.addWidget(self.faults)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.setWidget(body)
        if context.has_admin:
            self.faults.refresh()
