"""The composition root: builds the clock, paths, cache, server link, sync service and
window, and wires them. Nothing else in the app constructs collaborators.

``build`` makes the whole app without entering the event loop, so tests drive the real
thing; ``run`` adds the event loop and the orderly shutdown.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QLockFile,
    QObject,
    QTimer,
    QTimeZone,
)
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from wb_desktop import __version__
from wb_desktop.app.connection import (
    AskSignIn,
    ServerLink,
    SignInCall,
    StartCancelledError,
    connect,
    sign_in_call,
)
from wb_desktop.app.crashes import AppCrashReporting
from wb_desktop.app.logs import configure_logging
from wb_desktop.app.qt_platform_check import qt_platform_problem
from wb_desktop.app.saved_sign_in import SavedSignIn, save_sign_in
from wb_desktop.app.settings import ProfileSettings, load_settings, save_settings
from wb_desktop.app.sync_service import SyncService
from wb_desktop.core.domain.clock import Clock, SystemClock
from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.domain.virtual_clock import VirtualClock
from wb_desktop.core.paths import DataPaths, ProfilePaths, check_profile_name
from wb_desktop.core.store.cache import LocalCache, attach_cache, open_cache
from wb_desktop.core.sync.client import SyncClient, build_sync_client
from wb_desktop.core.sync.engine import SyncListener, last_success, outbox_counts
from wb_desktop.core.sync.protocol_client import SignIn
from wb_desktop.core.sync.trace import TraceLog
from wb_desktop.tools.console.build import build_console
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.window import ConsoleWindow
from wb_desktop.ui.gps import GpsTracker
from wb_desktop.ui.main_window import MainWindow
from wb_desktop.ui.messages import user_message
from wb_desktop.ui.photos.importer import PhotoImporter
from wb_desktop.ui.photos.inbox_bridge import InboxBridge
from wb_desktop.ui.sign_in_dialog import SignInDialog
from wb_desktop.ui.theme import apply_theme
from wb_desktop.ui.translations import install_translations
from wb_desktop.ui.window_placement import place_side_by_side
from wb_desktop.ui.workday import Workday

MB = 1024 * 1024
STOP_TIMEOUT_MS = 20_000
CONSOLE_RETRY_MS = 100
IMPORT_WAIT_MS = 10_000
FIRST_PAINT_FALLBACK_MS = 1000
AFTER_PAINT_MS = 100
DEMO_POLL_MS = 50
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
    report_crashes: bool = True  # the process's crash hooks (one window per process owns them)


class ProfileInUseError(WorkBossError):
    def __init__(self, profile: str) -> None:
        super().__init__(
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "WorkBoss Desktop is already open with profile '%1'. Switch to that window,"
                    " or start with another profile (--profile NAME).",
                ),
                profile,
            )
        )


class LanguageError(WorkBossError):
    def __init__(self, code: str) -> None:
        super().__init__(f"'{code}' is not a language code Qt knows (try 'en' or 'sv').")


@dataclass
class WorkBossApp:
    qt_app: QApplication
    cache: LocalCache
    workday: Workday
    service: SyncService
    window: MainWindow
    link: ServerLink
    lock: QLockFile
    importer: PhotoImporter
    gps: GpsTracker | None = None
    inbox: InboxBridge | None = None
    after_paint: QObject | None = None
    admin_token: str | None = None  # given for a real server; the demo server has its own
    console: ConsoleWindow | None = None  # built the first time support opens it
    options: AppOptions | None = None  # how it was built: other technicians' windows copy it
    clock: Clock | None = None  # the device's base clock (another window gets its own skew)
    virtual_clock: VirtualClock | None = None  # what this window and its sync read
    technician_apps: list[WorkBossApp] = field(default_factory=list)
    log_handler: logging.Handler | None = None  # the profile's log file, for bundles
    crash_reporting: AppCrashReporting | None = None  # uncaught errors to the log and banner
    closed: bool = field(default=False, repr=False)
    service_stopped: bool = field(default=False, repr=False)

    def console_context(self) -> ConsoleContext:
        """What the support console works on: this session and the office behind it."""
        token = self.link.demo.admin_token if self.link.demo is not None else self.admin_token
        return ConsoleContext(
            cache=self.cache,
            workday=self.workday,
            service=self.service,
            clock=self.workday.clock,
            zone=self.workday.zone,
            server_url=self.link.url,
            admin_token=token,
            technician_id=self.workday.technician_id,
        )

    def open_console(self) -> ConsoleWindow | None:
        """Show the support console (built on first use). While the embedded demo server is
        still starting, try again shortly: the console needs its address and admin token."""
        if self.closed:
            return None
        if self.link.demo_folder is not None and self.link.demo is None:
            QTimer.singleShot(CONSOLE_RETRY_MS, self.open_console)
            return None
        if self.console is None:
            self.console = build_console(
                self.console_context(),
                self.cache.paths.name,
                self.open_technician,
                self.virtual_clock,
            )
        self.console.show()
        self.console.raise_()
        self.console.activateWindow()
        return self.console

    def open_technician(self, email: str, password: str) -> WorkBossApp:
        """A second technician's window against this app's server, in this process: support
        and QA watch two tablets side by side. Its profile is named after the technician."""
        assert self.options is not None and self.clock is not None
        profile = check_profile_name(email.split("@")[0])

        def sign_in(_url: str, call: SignInCall, _email: str, _off: bool) -> tuple[SignIn, str]:
            return call(email, password), password

        other = build(
            replace(
                self.options,
                profile=profile,
                server=self.link.url,
                open_console=False,
                report_crashes=False,
            ),
            self.clock,
            ask_sign_in=sign_in,
        )
        self.technician_apps.append(other)
        place_side_by_side(self.window, other.window)
        other.window.show()
        return other

    def close(self) -> bool:
        """Stop sync, the inbox and the embedded server, then release the cache and lock.

        Returns whether the sync thread stopped. If it did not (a step stuck in one network
        call), the service and its cache are left alone: everything saved is committed, so
        ending the process then is as safe as a crash, which the kill tests prove.
        """
        if self.closed:
            return self.service_stopped
        self.closed = True
        for other in self.technician_apps:
            other.close()
        if self.console is not None:
            self.console.shutdown()
            self.console.deleteLater()
        self.window.close()
        if self.inbox is not None:
            self.inbox.stop()
        if self.gps is not None:
            self.gps.stop()
        self.service_stopped = self.service.stop(STOP_TIMEOUT_MS)
        if not self.service_stopped:
            _log.warning("the sync thread did not stop within %s ms", STOP_TIMEOUT_MS)
            return False
        self.link.stop_demo()
        self._sweep_media()
        self.cache.close()
        self.lock.unlock()
        if self.crash_reporting is not None:
            self.crash_reporting.uninstall()
        if self.log_handler is not None:
            logging.getLogger().removeHandler(self.log_handler)
            self.log_handler.close()
        return True

    def _sweep_media(self) -> None:
        """Photos decoded but not attached before the close leave files no row refers to."""
        if not self.importer.wait_for_done(IMPORT_WAIT_MS):
            _log.warning("photo decoding still running at close; unattached files stay")
            return
        try:
            removed = self.cache.sweep_media()
        except OSError:
            _log.exception("could not tidy the media folder")
            return
        if removed:
            _log.info("removed %d media file(s) no record refers to", removed)


def _qt_application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if (problem := qt_platform_problem()) is not None:  # Qt would abort the process instead
        raise WorkBossError(problem)
    QCoreApplication.setOrganizationName("WorkBoss")
    QCoreApplication.setApplicationName("WorkBoss Desktop")
    QCoreApplication.setApplicationVersion(__version__)
    return QApplication(sys.argv[:1])


def system_zone() -> tzinfo:
    """The system's zone as an IANA zone (Qt maps Windows zone names), so days and DST
    follow the tablet's settings."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return datetime.now().astimezone().tzinfo or ZoneInfo("UTC")


def _language(qt_app: QApplication, code: str | None) -> None:
    """Words, dates, times, numbers and amounts follow ``--lang`` (or the system's
    languages); before any widget is built, since widgets translate their text once."""
    if code is not None and QLocale(code).language() == QLocale.Language.C:
        raise LanguageError(code)
    install_translations(qt_app, code)


def _lock_profile(paths: ProfilePaths) -> QLockFile:
    """One window per profile; a lock left by a crashed app is taken over (dead process)."""
    lock = QLockFile(str(paths.folder / "app.lock"))
    lock.setStaleLockTime(0)
    if not lock.tryLock(200):
        raise ProfileInUseError(paths.name)
    return lock


def ask_with_dialog(
    url: str, call: SignInCall, email: str, may_work_offline: bool
) -> tuple[SignIn, str] | bool | None:
    dialog = SignInDialog(url, call, email=email, allow_offline=may_work_offline)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    if dialog.work_offline:
        return False
    assert dialog.signed_in is not None and dialog.password is not None
    return dialog.signed_in, dialog.password


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
        )

    return make


def build(
    options: AppOptions, clock: Clock | None = None, *, ask_sign_in: AskSignIn | None = None
) -> WorkBossApp:
    """Open the profile (locked, backed up, upgraded), connect, and build the window.

    Raises :class:`WorkBossError` for anything a person can fix; their data is untouched.
    """
    qt_app = _qt_application()
    base = clock or SystemClock()
    _language(qt_app, options.lang)
    data = DataPaths(options.data_dir) if options.data_dir else DataPaths.default()
    paths = data.profile(options.profile).ensure()
    lock = _lock_profile(paths)
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
        else bool(settings.extra.get("high_contrast", False))
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
    )
    workday = Workday(
        cache,
        clock,
        options.zone or system_zone(),
        technician.id if technician else None,
        notify_sync=service.notify_local_change,
    )
    window = MainWindow(
        workday,
        service,
        technician_name=technician.display_name if technician else "",
        profile=paths.name,
        high_contrast=high_contrast,
    )
    if options.network_profile == "offline":
        window.offline_button.blockSignals(True)
        window.offline_button.setChecked(True)
        window.offline_button.blockSignals(False)
    importer = window.job_page.photos.importer
    app = WorkBossApp(qt_app, cache, workday, service, window, link, lock, importer)
    app.admin_token = options.admin_token
    app.options, app.clock, app.virtual_clock = options, base, clock
    app.log_handler = configure_logging(paths)
    if options.report_crashes:
        app.crash_reporting = AppCrashReporting(paths, window.problem_banner.show_report)
        app.crash_reporting.install()
    if options.gps:
        app.gps = GpsTracker(workday, service, parent=window)
        window.status.attach_gps(app.gps)
        app.gps.start()
    if options.watch_camera_inbox:
        inbox = InboxBridge(paths.camera_inbox, importer, window.current_job_id, window)
        inbox.message.connect(window.job_page.photos.show_message)
        window.schedule.jobOpened.connect(inbox.attach_waiting)
        inbox.start()
        app.inbox = inbox

    def remember_contrast(on: bool) -> None:
        apply_theme(qt_app, high_contrast=on)
        current = load_settings(paths)
        save_settings(
            paths,
            ProfileSettings(current.storage_quota_mb, {**current.extra, "high_contrast": on}),
        )

    window.highContrastToggled.connect(remember_contrast)
    window.signInRequested.connect(lambda: _sign_in_again(app, clock))
    window.consoleRequested.connect(app.open_console)
    qt_app.aboutToQuit.connect(app.close)
    if link.needs_demo_server:
        app.after_paint = AfterFirstPaint(
            window.schedule.list_view.viewport(), lambda: _start_demo_then_sync(app, base)
        )
    else:
        service.start()
    return app


class AfterFirstPaint(QObject):
    """Runs ``action`` once, just after ``widget`` first paints (or after a second, if it is
    never shown), so slow start-up work does not delay the first picture."""

    def __init__(self, widget: QWidget, action: Callable[[], None]) -> None:
        super().__init__(widget)
        self._action: Callable[[], None] | None = action
        self._widget = widget
        widget.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self._action is not None:
            QTimer.singleShot(AFTER_PAINT_MS, self, self._run)  # let the first frame settle
        return False

    def _run(self) -> None:
        action, self._action = self._action, None
        if action is not None:
            self._widget.removeEventFilter(self)
            action()


def _start_demo_then_sync(app: WorkBossApp, clock: Clock) -> None:
    """After the first paint: start the embedded server, and sync once it answers; the
    window stays live meanwhile, since the server starts in a child process."""
    if app.closed:
        return
    try:
        app.link.begin_demo(clock)
    except Exception:  # the cached work stays usable; the indicator shows no sync
        _log.exception("the embedded demo server did not start")
        return
    poll = QTimer(app.window)
    poll.setInterval(DEMO_POLL_MS)

    def check() -> None:
        try:
            ready = app.closed or app.link.demo_ready()
        except Exception:
            _log.exception("the embedded demo server did not start")
            ready = True
        if not ready:
            return
        poll.stop()
        poll.deleteLater()
        if not app.closed and app.link.demo is not None:
            app.service.start()

    poll.timeout.connect(check)
    poll.start()
    check()


def _sign_in_again(app: WorkBossApp, clock: Clock) -> None:
    """The saved sign-in expired: ask, keep the new token, and hand it to the sync worker."""
    link = app.link
    email = link.technician.email if link.technician else link.email
    dialog = SignInDialog(link.url, sign_in_call(link.url), email=email, parent=app.window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.signed_in is None:
        return
    signed_in = dialog.signed_in
    if link.technician is not None and signed_in.technician_id != link.technician.id:
        QMessageBox.warning(
            app.window,
            QCoreApplication.translate("MainWindow", "Another technician"),
            QCoreApplication.translate(
                "MainWindow", "This profile belongs to %1; sign in as them."
            ).replace("%1", link.technician.display_name),
        )
        return
    save_sign_in(
        app.cache.paths, SavedSignIn(link.server_key, signed_in.email, signed_in.token, clock.now())
    )
    app.service.use_credentials(signed_in.email, dialog.password, signed_in.token)


def run(options: AppOptions) -> int:
    """Build, show and run until the window closes; a profile that cannot open is explained."""
    try:
        app = build(options)
    except StartCancelledError:
        return 0
    except WorkBossError as error:
        _qt_application()
        QMessageBox.critical(None, "WorkBoss Desktop", user_message(error))
        return 2
    app.window.show()
    if options.open_console:
        app.open_console()
    code = app.qt_app.exec()
    if not app.close():
        logging.shutdown()
        os._exit(code)  # see WorkBossApp.close: the stuck thread must not be destroyed
    return code
