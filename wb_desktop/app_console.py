"""The composition root's console part: which panels the support console has, and what
each one is given. Kept beside ``app.py`` (like ``app_connect.py``) so that file stays small.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from wb_desktop.ui.console.connectivity_panel import ConnectivityPanel
from wb_desktop.ui.console.context import ConsoleContext
from wb_desktop.ui.console.technicians_panel import OpenTechnician, TechniciansPanel
from wb_desktop.ui.console.trace_panel import TracePanel
from wb_desktop.ui.console.window import ConsoleWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("ConsolePanels", text)


def build_console(
    context: ConsoleContext, profile: str, open_technician: OpenTechnician
) -> ConsoleWindow:
    """The console window with every panel, wired to each other where one feeds another."""
    connectivity = ConnectivityPanel(context)
    panels: list[tuple[str, QWidget]] = [
        (_t("Connectivity"), connectivity),
        (_t("Sync trace"), TracePanel(context)),
        (_t("Technicians"), TechniciansPanel(context, open_technician)),
    ]
    return ConsoleWindow(context, panels, profile=profile)
