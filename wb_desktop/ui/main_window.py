"""The technician's window: the day's schedule beside the open job, the time clock,
invoices and estimates, customers and reports, and a status bar that always says whether
the tablet is online and what still waits to sync.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.app.notifications import NotificationKind, Notifications
from wb_desktop.app.sync_service import SyncService
from wb_desktop.core.domain.records import DocumentKind
from wb_desktop.core.sync.profiles import Behaviour, NetworkProfile
from wb_desktop.core.sync.step_report import Failure, StepReport
from wb_desktop.ui.customers import CustomersPage
from wb_desktop.ui.device_dialog import CacheStatus, DeviceDialog, read_cache_status
from wb_desktop.ui.documents import DocumentsPage
from wb_desktop.ui.job_page import JobPage
from wb_desktop.ui.messages import translated
from wb_desktop.ui.notifications_panel import NotificationsButton
from wb_desktop.ui.photos.importer import ImportSource, PhotoImporter
from wb_desktop.ui.photos.inbox_bridge import InboxBridge
from wb_desktop.ui.problem_banner import ProblemBanner
from wb_desktop.ui.reports import ReportsPage
from wb_desktop.ui.schedule_view import ScheduleView
from wb_desktop.ui.status_bar import WorkStatusBar
from wb_desktop.ui.theme import SPACING_PX, TOUCH_TARGET_PX
from wb_desktop.ui.time_clock import TimeClockPanel
from wb_desktop.ui.top_bar import BarButton, TopBar
from wb_desktop.ui.workday import Workday


class MainWindow(QMainWindow):
    """Built by the composition root; it never builds collaborators itself."""

    highContrastToggled = Signal(bool)
    signInRequested = Signal()
    closing = Signal()
    consoleRequested = Signal()  # support opens the console (Device… or Ctrl+Shift+C)

    def __init__(
        self,
        workday: Workday,
        service: SyncService,
        *,
        technician_name: str,
        profile: str,
        high_contrast: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workday = workday
        self._service = service
        self.setWindowTitle(self.tr("WorkBoss — %1").replace("%1", technician_name or profile))
        self.setMinimumSize(1024, 640)

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(SPACING_PX, SPACING_PX, SPACING_PX, 0)
        outer.setSpacing(SPACING_PX)
        outer.addWidget(self._top_bar(technician_name, high_contrast))
        outer.addWidget(self._sign_in_banner())
        outer.addWidget(self._storage_banner())
        self.problem_banner = ProblemBanner(central)
        outer.addWidget(self.problem_banner)
        workday.storageWarning.connect(self.show_storage_warning)

        self.pages = QStackedWidget(central)
        self.schedule = ScheduleView(workday)
        self.job_page = JobPage(workday)
        self.job_page.back_button.hide()  # the schedule stays beside the job
        self.no_job_label = QLabel(self.tr("Pick a job on the left to see its details."))
        self.no_job_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_job_label.setProperty("role", "muted")
        self.job_stack = QStackedWidget()
        self.job_stack.addWidget(self.no_job_label)
        self.job_stack.addWidget(self.job_page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.schedule)
        self.splitter.addWidget(self.job_stack)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setHandleWidth(SPACING_PX)
        self.time_clock = TimeClockPanel(workday)
        self.documents = DocumentsPage(workday, service)
        self.customers = CustomersPage(workday)
        self.reports = ReportsPage(workday)
        for page in (self.splitter, self.time_clock, self.documents, self.customers, self.reports):
            self.pages.addWidget(page)
        outer.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.status = WorkStatusBar(service, workday.now, workday.zone, self)
        self.setStatusBar(self.status)

        service.stepFinished.connect(self._after_step)
        self.schedule.jobOpened.connect(self.open_job)
        self.job_page.documentRequested.connect(self.create_document)
        self.customers.jobOpened.connect(self.open_job)
        self.customers.documentOpened.connect(self.open_document)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, service.sync_now)
        self._profile = profile
        self.show_schedule()

    def _top_bar(self, technician_name: str, high_contrast: bool) -> TopBar:
        """Icons with text that fold to icons (text in tooltip) on a narrow window."""
        self.schedule_button = BarButton(self.tr("Schedule"), "schedule", checkable=True)
        self.time_button = BarButton(self.tr("Time clock"), "time", checkable=True)
        self.documents_button = BarButton(self.tr("Invoices"), "invoices", checkable=True)
        self.customers_button = BarButton(self.tr("Customers"), "customers", checkable=True)
        self.reports_button = BarButton(self.tr("Reports"), "reports", checkable=True)
        group = QButtonGroup(self)
        for button, show in (
            (self.schedule_button, self.show_schedule),
            (self.time_button, self.show_time_clock),
            (self.documents_button, self.show_documents),
            (self.customers_button, self.show_customers),
            (self.reports_button, self.show_reports),
        ):
            group.addButton(button)
            button.clicked.connect(show)
        self.offline_button = BarButton(self.tr("Work offline"), "offline", checkable=True)
        self.offline_button.set_hint(self.tr("Stop syncing until you turn this off"))
        self.offline_button.toggled.connect(self.set_work_offline)
        self._service.profileChanged.connect(self._show_profile)
        console_keys = QShortcut(QKeySequence("Ctrl+Shift+C"), self)
        console_keys.activated.connect(self.consoleRequested)
        self.contrast_button = BarButton(self.tr("Sunlight mode"), "sunlight", checkable=True)
        self.contrast_button.setChecked(high_contrast)
        self.contrast_button.toggled.connect(self.highContrastToggled)
        self.device_button = BarButton(self.tr("Device"), "device")
        self.device_button.clicked.connect(self.show_device)
        self.top_bar = TopBar(
            technician_name,
            [
                self.schedule_button,
                self.time_button,
                self.documents_button,
                self.customers_button,
                self.reports_button,
            ],
            [self.offline_button, self.contrast_button, self.device_button],
        )
        self.technician_label = self.top_bar.name_label
        return self.top_bar

    def _sign_in_banner(self) -> QFrame:
        """Shown when the server wants a new sign-in; a banner, never a dialog that
        interrupts the work, which keeps being saved on the tablet meanwhile."""
        self.sign_in_banner = QFrame()
        self.sign_in_banner.setProperty("role", "card")
        row = QHBoxLayout(self.sign_in_banner)
        text = QLabel(
            self.tr(
                "Sign in again to sync: the server no longer accepts this tablet's sign-in. "
                "Your work is saved here and will sync after you sign in."
            )
        )
        text.setWordWrap(True)
        text.setProperty("role", "warning")
        self.sign_in_button = self._bar_button(self.tr("Sign in…"))
        self.sign_in_button.setProperty("primary", True)
        self.sign_in_button.clicked.connect(self.signInRequested)
        row.addWidget(text, 1)
        row.addWidget(self.sign_in_button)
        self.sign_in_banner.hide()
        return self.sign_in_banner

    def _storage_banner(self) -> QLabel:
        """The quota's warning from 80 % on, in words, until the next warning replaces it."""
        self.storage_label = QLabel()
        self.storage_label.setProperty("role", "warning")
        self.storage_label.setWordWrap(True)
        self.storage_label.hide()
        return self.storage_label

    def show_storage_warning(self, text: str) -> None:
        self.storage_label.setText(translated(text))
        self.storage_label.show()

    def _after_step(self, report: StepReport) -> None:
        self.sign_in_banner.setVisible(not report.ok and report.failure is Failure.AUTH)

    def _bar_button(self, text: str, *, checkable: bool = False) -> QPushButton:
        button = QPushButton(text)
        button.setCheckable(checkable)
        button.setMinimumSize(TOUCH_TARGET_PX * 2, TOUCH_TARGET_PX)
        return button

    def show_schedule(self) -> None:
        self.schedule_button.setChecked(True)
        self.pages.setCurrentWidget(self.splitter)

    def show_time_clock(self) -> None:
        self.time_button.setChecked(True)
        self.pages.setCurrentWidget(self.time_clock)

    def show_documents(self) -> None:
        self.documents_button.setChecked(True)
        self.pages.setCurrentWidget(self.documents)

    def show_customers(self) -> None:
        self.customers_button.setChecked(True)
        self.pages.setCurrentWidget(self.customers)

    def show_reports(self) -> None:
        self.reports_button.setChecked(True)
        self.pages.setCurrentWidget(self.reports)

    def create_document(self, job_id: str, kind: str) -> None:
        """A new invoice or estimate from the job's line items, opened in the editor."""
        self.show_documents()
        self.documents.open_for_job(job_id, DocumentKind(kind))

    def open_document(self, document_id: str) -> None:
        self.show_documents()
        self.documents.open_document(document_id)

    def open_job(self, job_id: str) -> None:
        self.show_schedule()
        self.schedule.select_job(job_id)
        self.job_page.show_job(job_id)
        self.job_stack.setCurrentWidget(self.job_page)

    def current_job_id(self) -> str | None:
        """The job the technician has open, for photos arriving in the camera inbox."""
        if self.job_stack.currentWidget() is self.job_page:
            return self.job_page.job_id
        return None

    @property
    def photo_importer(self) -> PhotoImporter:
        return self.job_page.photo_importer

    def attach_camera_inbox(self, inbox: InboxBridge) -> None:
        """Photos waiting in the inbox go to a job when it opens; its messages show there."""
        inbox.message.connect(self.job_page.show_photo_message)
        self.schedule.jobOpened.connect(inbox.attach_waiting)

    def attach_notifications(self, notifications: Notifications) -> NotificationsButton:
        """The bell beside Device; refusals of picked or dropped photos are kept there too
        (the camera inbox, sync and crash reports post their own)."""
        self.notifications_button = NotificationsButton(notifications, self._workday.zone, self)
        self.top_bar.add_before(self.notifications_button, self.device_button)
        self.photo_importer.fileRefused.connect(partial(_keep_import_refusal, notifications))
        return self.notifications_button

    def day_view(self) -> QWidget:
        """The widget whose first paint shows the technician their day."""
        return self.schedule.list_view.viewport()

    def set_work_offline(self, offline: bool) -> None:
        self._service.set_profile("offline" if offline else "online")
        if not offline:
            self._service.sync_now()

    def _show_profile(self, profile: NetworkProfile) -> None:
        """The console (or a scheduled outage) changed the network: the toggle follows."""
        self.show_offline_choice(profile.behaviour is Behaviour.OFFLINE)

    def show_offline_choice(self, offline: bool) -> None:
        """Set the "Work offline" toggle without acting on it (the network is already so)."""
        self.offline_button.blockSignals(True)
        self.offline_button.setChecked(offline)
        self.offline_button.blockSignals(False)

    def show_device(self) -> None:
        """The cache's figures, read off the GUI thread, then the dialog that shows them."""
        cache = self._workday.cache
        self._workday.runner.call(lambda: read_cache_status(cache), self._show_device)

    def _show_device(self, status: CacheStatus) -> None:
        """Window-modal without a nested event loop, so the runner's answer ends at once."""
        dialog = DeviceDialog(status, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.consoleRequested.connect(self.consoleRequested)
        dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)


def _keep_import_refusal(notifications: Notifications, path: str, text: str, source: str) -> None:
    """A picked or dropped photo that was refused (the camera inbox posts its own)."""
    if source == ImportSource.PICKED:
        notifications.post(NotificationKind.IMPORT, text, detail=Path(path).name)
