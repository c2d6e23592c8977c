"""The composition root's console part: which panels the support console has, and what
each one is given. Kept beside ``app.py`` (like ``app_connect.py``) so that file stays small.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from wb_desktop.core.domain.virtual_clock import VirtualClock
from wb_desktop.tools.console.conflicts_panel import ConflictsPanel
from wb_desktop.tools.console.connectivity_panel import ConnectivityPanel
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.data_panel import DataPanel
from wb_desktop.tools.console.diagnostics_panel import DiagnosticsPanel
from wb_desktop.tools.console.dispatcher_panel import DispatcherPanel
from wb_desktop.tools.console.outbox_panel import OutboxPanel
from wb_desktop.tools.console.scenario_panel import ScenarioPanel
from wb_desktop.tools.console.technicians_panel import OpenTechnician, TechniciansPanel
from wb_desktop.tools.console.trace_panel import TracePanel
from wb_desktop.tools.console.window import ConsoleWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("ConsolePanels", text)


def build_console(
    context: ConsoleContext,
    profile: str,
    open_technician: OpenTechnician,
    virtual_clock: VirtualClock | None,
) -> ConsoleWindow:
    """The console window with every panel, wired to each other where one feeds another."""
    connectivity = ConnectivityPanel(context)
    data = DataPanel(context)
    dispatcher = DispatcherPanel(context)
    diagnostics = DiagnosticsPanel(context)
    scenarios = ScenarioPanel(context, virtual_clock)
    connectivity.faults.serverStep.connect(scenarios.record_server_step)
    dispatcher.officeChanged.connect(scenarios.record_server_step)
    context.service.paymentRequested.connect(scenarios.live.record_payment_request)
    dispatcher.officeChanged.connect(lambda _step: data.refresh())
    panels: list[tuple[str, QWidget]] = [
        (_t("Connectivity"), connectivity),
        (_t("Outbox"), OutboxPanel(context)),
        (_t("Sync trace"), TracePanel(context)),
        (_t("Data side by side"), data),
        (_t("Conflicts"), ConflictsPanel(context)),
        (_t("Dispatcher"), dispatcher),
        (_t("Scenarios"), scenarios),
        (_t("Diagnostics"), diagnostics),
        (_t("Technicians"), TechniciansPanel(context, open_technician)),
    ]
    window = ConsoleWindow(context, panels, profile=profile)
    window.before_shutdown(scenarios.close_replay, diagnostics.closing, data.wait, dispatcher.wait)
    return window
