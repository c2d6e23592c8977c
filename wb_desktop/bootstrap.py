"""The composition root: builds the clock, paths, cache, server link, sync service and
window, and wires them. Nothing else in the app constructs collaborators, and nothing here
does the app's work: that is done by the objects it builds, each named for what it does
(the close order in ``app.shutdown``, signing in again in ``ui.sign_in_flow``, ...).

Tools load when used, never at start: the support console when support first opens it, the
network simulator and the demo server's launcher when a profile needs them.

``build`` makes the whole app without entering the event loop, so tests drive the real
thing; ``run`` adds the event loop and the orderly shutdown.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QApplication

from wb_desktop.app.connection import (
    AskSignIn,
    ServerLink,
    SignInCall,
    StartCancelledError,
    StartingDemoServer,
    connect,
)
from wb_desktop.app.crashes import AppCrashReporting
from wb_desktop.app.demo_start import DemoThenSync
from wb_desktop.app.first_use import OnFirstUse
from wb_desktop.app.logs import configure_logging
from wb_desktop.app.media_sweep import MediaSweep
from wb_desktop.app.notifications import Notifications
from wb_desktop.app.op_runner import OpRunner
from wb_desktop.app.profile_lock import lock_profile
from wb_desktop.app.settings import load_settings
from wb_desktop.app.shutdown import AppShutdown
from wb_desktop.app.sync_notices import SyncProblemNotices
from wb_desktop.app.sync_service import SyncService
from wb_desktop.core.domain.clock import Clock, SystemClock
from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.core.domain.virtual_clock import VirtualClock
from wb_desktop.core.paths import DataPaths, ProfilePaths, check_profile_name
from wb_desktop.core.store.cache import LocalCache, attach_cache, open_cache
from wb_desktop.core.sync.client import SyncClient, build_sync_client
from wb_desktop.core.sync.protocol_client import SignIn
from wb_desktop.core.sync.step_report import (
    SyncListener,
    attachments_waiting,
    last_success,
    outbox_counts,
)
from wb_desktop.core.sync.trace import TraceLog
from wb_desktop.ui.after_first_paint import AfterFirstPaint
from wb_desktop.ui.application import apply_language, qt_application, system_zone
from wb_desktop.ui.gps import GpsTracker
from wb_desktop.ui.high_contrast import HighContrastChoice, saved_high_contrast
from wb_desktop.ui.main_window import MainWindow
from wb_desktop.ui.messages import user_message
from wb_desktop.ui.photos.inbox_bridge import InboxBridge
from wb_desktop.ui.sign_in_flow import SignInAgain, ask_with_dialog
from wb_desktop.ui.start_problem import show_start_problem
from wb_desktop.ui.technician_windows import TechnicianWindows
from wb_desktop.ui.theme import apply_theme
from wb_desktop.ui.window_geometry import open_window, remember_geometry
from wb_desktop.ui.workday import Workday

if TYPE_CHECKING:  # the console loads only when support opens it (see _support_console)
    from wb_desktop.core.sync.link import NetworkSimulator, OnCut
    from wb_desktop.core.sync.profiles import NetworkProfile
    from wb_desktop.core.sync.transport import Transport
    from wb_desktop.tools.console.opener import SupportConsole
    from wb_desktop.tools.console.window import ConsoleWindow

MB = 1024 * 1024
STOP_TIMEOUT_MS = 20_000
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AppOptions:
    data_dir: Path | None = None
    profile: str = "demo"
    quota_mb: int | None = None
    server: str | None = None
    lang: str | None = None
    zone: tzinfo | None = None  # default: the system's time zone
    high_contrast: bool | None = None  # default: the profile's setting
    watch_network: bool = True  # the operating system's reachability (off in tests)
    watch_camera_inbox: bool = True
    gps: bool = True  # the simulated position along the day's route, sent while online
    network_profile: str = "online"  # a simulated network to start on (QA, demos, tests)
    demo_server_in_child: bool = True  # False: in a thread, to share a test's virtual clock
    admin_token: str | None = None  # opens a real server's admin API to the support console
    open_console: bool = False  # open the support and QA console beside the window
    open_bundle: Path | None = None  # open the console on this bundle or sandbox folder
    report_crashes: bool = True  # the process's crash hooks (one window per process owns them)


@dataclass(frozen=True)
class WorkBossApp:
    """The built app as ``run`` and the tests hold it: its parts, and the objects that run
    it (each named for what it does; this class only hands calls on)."""

    qt_app: QApplication
    cache: LocalCache
    workday: Workday
    service: SyncService
    window: MainWindow
    link: ServerLink
    shutdown: AppShutdown
    console: OnFirstUse[SupportConsole]  # loaded the first time support opens it
    technicians: TechnicianWindows[WorkBossApp]
    notifications: Notifications  # kept until dismissed: inbox, imports, sync, crashes

    def open_console(self) -> ConsoleWindow | None:
        return self.console.get().open()

    def close(self) -> bool:
        """See :class:`AppShutdown`: whether the sync thread stopped and all was released."""
        return self.shutdown.close()


def _client_factory(
    cache: LocalCache, link: ServerLink, clock: Clock
) -> Callable[[SyncListener], SyncClient]:
    trace = TraceLog(cache.paths.trace)

    def make(listener: SyncListener) -> SyncClient:
        attached = attach_cache(cache, clock)  # the worker's own engine and sessions
        return build_sync_client(
            attached,
            link.url,
            link.email,
            link.password,
            clock,
            listener=listener,
            own_cache=True,
            token=link.token,
            on_signed_in=link.on_signed_in(attached, clock),
            trace=[trace.append],
            simulator=_network_simulator,
        )

    return make


def _launch_demo(folder: Path, clock: Clock, *, in_child: bool) -> StartingDemoServer:
    """The embedded demo server's launcher, loaded when a demo profile starts the server."""
    from wb_desktop.tools.demo.server import launch_demo_server

    return launch_demo_server(folder, clock, in_child=in_child)


def _network_simulator(
    inner: Transport, profile: NetworkProfile, *, seed: int, on_cut: OnCut
) -> NetworkSimulator:
    """QA's network simulator, loaded the first time a QA profile or a scheduled upload cut
    is applied (the "Work offline" toggle needs none)."""
    from wb_desktop.tools.netsim.qa_network import QaNetworkFactory

    return QaNetworkFactory()(inner, profile, seed=seed, on_cut=on_cut)


def build(
    options: AppOptions, clock: Clock | None = None, *, ask_sign_in: AskSignIn | None = None
) -> WorkBossApp:
    """Open the profile (locked, backed up, upgraded), connect, and build the window.

    Raises :class:`WorkBossError` for anything a person can fix; their data is untouched.
    """
    qt_app = qt_application()
    base = clock or SystemClock()
    apply_language(qt_app, options.lang)
    data = DataPaths(options.data_dir) if options.data_dir else DataPaths.default()
    paths = data.profile(options.profile).ensure()
    lock = lock_profile(paths)
    try:
        return _assemble(qt_app, options, base, data, paths, lock, ask_sign_in)
    except BaseException:
        lock.unlock()
        raise


def _assemble(
    qt_app: QApplication,
    options: AppOptions,
    clock: Clock,
    data: DataPaths,
    paths: ProfilePaths,
    lock: QLockFile,
    ask_sign_in: AskSignIn | None,
) -> WorkBossApp:
    settings = load_settings(paths)
    high_contrast = (
        options.high_contrast
        if options.high_contrast is not None
        else saved_high_contrast(settings)
    )
    apply_theme(qt_app, high_contrast=high_contrast)
    quota_mb = options.quota_mb or settings.storage_quota_mb
    base, clock = clock, VirtualClock(clock)  # the console moves and skews the tablet's time
    cache = open_cache(paths, clock, quota_bytes=quota_mb * MB)
    try:
        link = connect(
            cache,
            data,
            options.server,
            base,
            ask_sign_in or ask_with_dialog,
            launch_demo=_launch_demo,
            demo_in_child=options.demo_server_in_child,
        )
    except BaseException:
        cache.close()
        raise
    technician = link.technician
    service = SyncService(
        _client_factory(cache, link, clock),
        initial_profile=options.network_profile,
        watch_network=options.watch_network,
        initial_counts=outbox_counts(cache.database),
        initial_last_sync=last_success(cache.database),
        initial_uploads=attachments_waiting(cache.database),
    )
    # Every read and write of the window's views, off the GUI thread (issue 19, item 4).
    runner = OpRunner(cache, after_write=service.notify_local_change)
    service.changesNoticed.connect(runner.announce_soon)  # sync steps' notices reach views
    workday = Workday(
        cache,
        clock,
        options.zone or system_zone(),
        technician.id if technician else None,
        notify_sync=service.notify_local_change,
        runner=runner,
    )
    window = MainWindow(
        workday,
        service,
        technician_name=technician.display_name if technician else "",
        profile=paths.name,
        high_contrast=high_contrast,
    )
    if options.network_profile == "offline":
        window.show_offline_choice(True)
    notifications = Notifications(clock.now, window)
    window.attach_notifications(notifications)
    SyncProblemNotices(service, notifications, window)
    shutdown = AppShutdown(service.stop, STOP_TIMEOUT_MS)
    technicians = TechnicianWindows(window, _technician_opener(options, base, link))
    console = OnFirstUse(
        lambda: _support_console(
            cache, workday, service, link, options, technicians, clock, shutdown
        )
    )
    app = WorkBossApp(
        qt_app, cache, workday, service, window, link, shutdown, console, technicians, notifications
    )
    _wire_session(app, options, paths, lock, clock)
    qt_app.aboutToQuit.connect(app.close)
    if link.needs_demo_server:
        demo = DemoThenSync(link, base, service.start, lambda: shutdown.closed, window)
        AfterFirstPaint(window.day_view(), demo.start)
    else:
        service.start()
    return app


def _wire_session(
    app: WorkBossApp, options: AppOptions, paths: ProfilePaths, lock: QLockFile, clock: Clock
) -> None:
    """The window's requests, the optional watchers, and the close order: what feeds the
    sync thread stops before it, what it uses is released after it."""
    window, shutdown, console = app.window, app.shutdown, app.console

    def close_console() -> None:
        if console.made is not None:
            console.made.shutdown()

    shutdown.before_sync_stops(app.technicians.close_all, close_console, window.close)
    log_handler = configure_logging(paths)
    crash_reporting: AppCrashReporting | None = None
    if options.report_crashes:
        crash_reporting = AppCrashReporting(
            paths, window.problem_banner.show_report, app.notifications
        )
        crash_reporting.install()
    if options.watch_camera_inbox:
        inbox = InboxBridge(
            paths.camera_inbox,
            window.photo_importer,
            window.current_job_id,
            window,
            notifications=app.notifications,
        )
        window.attach_camera_inbox(inbox)
        inbox.start()
        shutdown.before_sync_stops(inbox.stop)
    if options.gps:
        gps = GpsTracker(app.workday, app.service, parent=window)
        window.status.attach_gps(gps)
        gps.start()
        shutdown.before_sync_stops(gps.stop)
    # Writes the views handed over before the window closed land before the cache closes.
    shutdown.before_sync_stops(lambda: app.workday.runner.wait_until_idle(STOP_TIMEOUT_MS))
    shutdown.after_sync_stopped(
        app.link.stop_demo,
        MediaSweep(app.cache, window.photo_importer).run,
        app.cache.close,
        lock.unlock,
    )
    if crash_reporting is not None:
        shutdown.after_sync_stopped(crash_reporting.uninstall)
    shutdown.after_sync_stopped(lambda: _stop_logging(log_handler))
    window.highContrastToggled.connect(HighContrastChoice(app.qt_app, paths, window).set)
    window.closing.connect(lambda: remember_geometry(window, paths))
    sign_in_again = SignInAgain(app.link, paths, app.service, clock, window)
    window.signInRequested.connect(sign_in_again.ask)
    window.consoleRequested.connect(app.open_console)


def _technician_opener(
    options: AppOptions, clock: Clock, link: ServerLink
) -> Callable[[str, str], WorkBossApp]:
    """Builds a second technician's whole app against this app's server, in this process;
    its profile is named after the technician."""

    def open_app(email: str, password: str) -> WorkBossApp:
        def sign_in(_url: str, call: SignInCall, _email: str, _off: bool) -> tuple[SignIn, str]:
            return call(email, password), password

        return build(
            replace(
                options,
                profile=check_profile_name(email.split("@")[0]),
                server=link.url,
                open_console=False,
                report_crashes=False,
            ),
            clock,
            ask_sign_in=sign_in,
        )

    return open_app


def _support_console(
    cache: LocalCache,
    workday: Workday,
    service: SyncService,
    link: ServerLink,
    options: AppOptions,
    technicians: TechnicianWindows[WorkBossApp],
    clock: VirtualClock,
    shutdown: AppShutdown,
) -> SupportConsole:
    """Imported here, on first use: the technician's start never loads the console."""
    from wb_desktop.tools.console.build import support_console

    return support_console(
        cache,
        workday,
        service,
        link,
        admin_token=options.admin_token,
        open_technician=technicians.open,
        virtual_clock=clock,
        closed=lambda: shutdown.closed,
    )


def _stop_logging(handler: logging.Handler) -> None:
    """Last: the profile's log file, which every step before may still write to."""
    logging.getLogger().removeHandler(handler)
    handler.close()


def run(options: AppOptions) -> int:
    """Build, show and run until the window closes; a profile that cannot open is explained."""
    try:
        app = build(options)
    except StartCancelledError:
        return 0
    except WorkBossError as error:
        show_start_problem(qt_application(), user_message(error))
        return 2
    open_window(app.window, app.cache.paths)  # maximised, or where it was left
    if options.open_console or options.open_bundle is not None:
        console = app.open_console()
        if console is not None and options.open_bundle is not None:
            console.open_bundle(options.open_bundle)
    code = app.qt_app.exec()
    if not app.close():
        logging.shutdown()
        os._exit(code)  # see WorkBossApp.close: the stuck thread must not be destroyed
    return code
