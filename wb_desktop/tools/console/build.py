"""The composition root's console part: which panels the support console has, what each
one is given, and the console that opens them. ``wb_desktop.bootstrap`` imports this module
only when support first opens the console, so the technician's start never loads it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from wb_desktop.app.connection import ServerLink
from wb_desktop.app.sync_service import SyncService
from wb_desktop.core.domain.virtual_clock import VirtualClock
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.tools.console.conflicts_panel import ConflictsPanel
from wb_desktop.tools.console.connectivity_panel import ConnectivityPanel
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.data_panel import DataPanel
from wb_desktop.tools.console.diagnostics_panel import DiagnosticsPanel
from wb_desktop.tools.console.dispatcher_panel import DispatcherPanel
from wb_desktop.tools.console.logs_panel import LogsPanel, SettingsPanel
from wb_desktop.tools.console.opener import SupportConsole
from wb_desktop.tools.console.outbox_panel import OutboxPanel
from wb_desktop.tools.console.scenario_panel import ScenarioPanel
from wb_desktop.tools.console.source import ConsoleSource
from wb_desktop.tools.console.technicians_panel import OpenTechnician, TechniciansPanel
from wb_desktop.tools.console.trace_panel import TracePanel
from wb_desktop.tools.console.window import ConsoleWindow
from wb_desktop.ui.workday import Workday


def _t(text: str) -> str:
    return QCoreApplication.translate("ConsolePanels", text)


def build_console(
    context: ConsoleContext,
    profile: str,
    open_technician: OpenTechnician,
    virtual_clock: VirtualClock | None,
) -> ConsoleWindow:
    """The console window with every panel, wired to each other where one feeds another."""
    source = ConsoleSource(context)
    connectivity = ConnectivityPanel(context)
    data = DataPanel(context, source=source)
    dispatcher = DispatcherPanel(context)
    diagnostics = DiagnosticsPanel(context)
    scenarios = ScenarioPanel(context, virtual_clock)
    connectivity.faults.serverStep.connect(scenarios.record_server_step)
    dispatcher.officeChanged.connect(scenarios.record_server_step)
    context.service.paymentRequested.connect(scenarios.live.record_payment_request)
    dispatcher.officeChanged.connect(lambda _step: data.refresh())
    # An opened bundle switches the reading panels to its sandbox (docs/support.md).
    diagnostics.bundleOpened.connect(source.show_sandbox)
    trace = TracePanel(context, source=source)
    following: list[tuple[str, QWidget]] = [
        (_t("Outbox"), OutboxPanel(context, source=source)),
        (_t("Sync trace"), trace),
        (_t("Data side by side"), data),
        (_t("Conflicts"), ConflictsPanel(context, source=source)),
        (_t("Logs"), LogsPanel(source, context.workday.runner)),
        (_t("Settings"), SettingsPanel(source)),
    ]
    panels: list[tuple[str, QWidget]] = [
        (_t("Connectivity"), connectivity),
        *following,
        (_t("Dispatcher"), dispatcher),
        (_t("Scenarios"), scenarios),
        (_t("Diagnostics"), diagnostics),
        (_t("Technicians"), TechniciansPanel(context, open_technician)),
    ]

    def open_on_the_diagnosis(path: Path) -> None:
        """``wb-desktop --bundle``: the bundle opens where its diagnosis is read first."""
        window.show_panel(diagnostics)
        diagnostics.open_path(path)

    window = ConsoleWindow(
        context,
        panels,
        profile=profile,
        source=source,
        bundle_panels=tuple(panel for _title, panel in following),
        open_bundle=open_on_the_diagnosis,
    )

    source.setParent(window)

    def show_trace_rows(request_ids: list[str]) -> None:
        """A diagnosis line was clicked: the trace rows behind it, shown and selected."""
        window.show_panel(trace)
        trace.select_requests(request_ids)

    diagnostics.traceRowsRequested.connect(show_trace_rows)

    def run_saved_scenario(path: Path) -> None:
        """A scenario was just saved from a bundle: open it in Scenarios, ready to run."""
        window.show_panel(scenarios)
        scenarios.open_file(path)

    diagnostics.scenarioRunRequested.connect(run_saved_scenario)
    window.before_shutdown(
        scenarios.close_replay, diagnostics.closing, data.wait, dispatcher.wait, source.close
    )
    return window


def console_context(
    cache: LocalCache,
    workday: Workday,
    service: SyncService,
    link: ServerLink,
    admin_token: str | None,
) -> ConsoleContext:
    """The session the console looks at; the embedded demo server brings its own admin
    token, a real server's is the one given with ``--admin-token``."""
    token = link.demo.admin_token if link.demo is not None else admin_token
    return ConsoleContext(
        cache=cache,
        workday=workday,
        service=service,
        clock=workday.clock,
        zone=workday.zone,
        server_url=link.url,
        admin_token=token,
        technician_id=workday.technician_id,
    )


def support_console(
    cache: LocalCache,
    workday: Workday,
    service: SyncService,
    link: ServerLink,
    *,
    admin_token: str | None,
    open_technician: OpenTechnician,
    virtual_clock: VirtualClock | None,
    closed: Callable[[], bool],
) -> SupportConsole:
    """The console for one technician's session; its window is built when first opened."""
    return SupportConsole(
        lambda: console_context(cache, workday, service, link, admin_token),
        lambda context: build_console(context, cache.paths.name, open_technician, virtual_clock),
        server_ready=lambda: link.demo_folder is None or link.demo is not None,
        closed=closed,
    )
