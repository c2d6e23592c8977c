"""The support and QA console: one window, one tab per panel, beside the technician's.

The composition root builds the panels (each gets the :class:`ConsoleContext` and what else
it needs) and hands them in; the window only arranges them and remembers nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QColor, QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.source import ConsoleSource
from wb_desktop.ui.theme import TOUCH_TARGET_PX

DEFAULT_SIZE = (1280, 800)
BUNDLE_MARK = "#c19c00"  # amber: the banner's border and the tabs' mark
BANNER_BACKGROUND = "#fff4ce"
MARK_PX = 12


def _bundle_mark() -> QIcon:
    """A small amber dot, the banner's colour, on the tabs that show the bundle."""
    pixmap = QPixmap(MARK_PX, MARK_PX)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(BUNDLE_MARK))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, MARK_PX - 2, MARK_PX - 2)
    painter.end()
    return QIcon(pixmap)


def _when(moment: datetime, zone: tzinfo) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


class ConsoleWindow(QMainWindow):
    def __init__(
        self,
        context: ConsoleContext,
        panels: list[tuple[str, QWidget]],
        *,
        profile: str,
        source: ConsoleSource | None = None,
        bundle_panels: tuple[QWidget, ...] = (),
        open_bundle: Callable[[Path], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``open_bundle`` unpacks a bundle into a sandbox, or opens a sandbox folder again,
        and shows it (the Diagnostics panel's; ``wb-desktop --bundle PATH`` calls it through
        :meth:`open_bundle`)."""
        super().__init__(parent)
        self._context, self._profile = context, profile
        self._open_bundle = open_bundle
        self.source = source or ConsoleSource(context, self)
        self._bundle_panels = bundle_panels
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self._banner(central))
        where = QLabel(
            self.tr("Profile %1 · server %2 · admin API %3")
            .replace("%1", profile)
            .replace("%2", context.server_url)
            .replace("%3", self.tr("available") if context.has_admin else self.tr("not available")),
            central,
        )
        where.setProperty("role", "muted")
        where.setWordWrap(True)  # never wider than a small screen at 200 %
        layout.addWidget(where)
        self.tabs = QTabWidget(central)
        self.tabs.setDocumentMode(True)
        self.panels: dict[str, QWidget] = {}
        for title, panel in panels:
            self.tabs.addTab(panel, title)
            self.panels[title] = panel
        layout.addWidget(self.tabs, 1)
        # On a screen smaller than the console's least size (a laptop at 150 % or 200 %) the
        # window scrolls rather than reach past the screen's edge.
        fitted = QScrollArea(self)
        fitted.setWidgetResizable(True)
        fitted.setFrameShape(QFrame.Shape.NoFrame)
        fitted.setWidget(central)
        self.setCentralWidget(fitted)
        self._fit_on_screen()
        self._before_shutdown: list[Callable[[], object]] = []
        self.source.sourceChanged.connect(self._show_source)
        self._show_source()

    def _fit_on_screen(self) -> None:
        """:data:`DEFAULT_SIZE`, or the screen's free area where that is smaller (a laptop
        at 150 %, 200 %): a console wider than the screen hides its own buttons."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(*DEFAULT_SIZE)
            return
        available = screen.availableGeometry()
        size = QSize(*DEFAULT_SIZE).boundedTo(available.size())
        self.setMinimumSize(self.minimumSize().boundedTo(available.size()))
        self.resize(size)
        self.move(available.topLeft())

    def _banner(self, parent: QWidget) -> QFrame:
        """Across the console while a bundle is shown: whose it is, and the way back."""
        self.banner = QFrame(parent)
        self.banner.setProperty("role", "banner")
        self.banner.setStyleSheet(
            f"QFrame[role=banner] {{ background: {BANNER_BACKGROUND};"
            f" border: 1px solid {BUNDLE_MARK}; border-radius: 4px; }}"
            " QFrame[role=banner] QLabel { color: #3b2f00; background: transparent; border: 0; }"
        )
        self.banner_label = QLabel(self.banner)  # which bundle
        font = self.banner_label.font()
        font.setBold(True)
        self.banner_label.setFont(font)
        self.banner_label.setWordWrap(True)
        self.banner_whose = QLabel(self.banner)  # technician, device, when
        self.banner_whose.setWordWrap(True)
        self.banner_whose.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner_tabs = QLabel(
            self.tr(
                "Tabs with the amber mark show the bundle, read-only; the others still show"
                " the live profile."
            ),
            self.banner,
        )
        self.banner_tabs.setWordWrap(True)
        self.back_button = QPushButton(self.tr("Back to the live profile"), self.banner)
        self.back_button.setMinimumHeight(TOUCH_TARGET_PX)
        self.back_button.clicked.connect(self.source.back_to_live)
        text = QVBoxLayout()
        for label in (self.banner_label, self.banner_whose, self.banner_tabs):
            text.addWidget(label)
        row = QHBoxLayout(self.banner)
        row.addLayout(text, 1)
        row.addWidget(self.back_button)
        self.banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        return self.banner

    def _show_source(self) -> None:
        """Title, banner and tab marks say what the console shows now."""
        view = self.source.current
        folder = str(self._context.cache.paths.folder.parent.parent)
        # Two consoles (two technicians, a tablet and a sandbox) must be told apart in the
        # task bar: the profile and the folder it lives in, and the bundle when one is open.
        title = (
            self.tr("Support console — %1 in %2 — WorkBoss Desktop")
            if view.live
            else self.tr("Support console — bundle %3 — %1 in %2 — WorkBoss Desktop")
        )
        self.setWindowTitle(
            title.replace("%1", self._profile).replace("%2", folder).replace("%3", view.label)
        )
        self.banner.setVisible(not view.live)
        created = view.created
        unknown = self.tr("unknown")
        self.banner_label.setText(self._which_bundle())
        self.banner_whose.setText(
            self.tr("Technician %1 · device %2 · made %3")
            .replace("%1", view.technician or unknown)
            .replace("%2", view.device or unknown)
            .replace("%3", _when(created, self._context.zone) if created else unknown)
        )
        mark = _bundle_mark()
        for panel in self.panels.values():
            follows = panel in self._bundle_panels and not view.live
            index = self.tabs.indexOf(panel)
            self.tabs.setTabIcon(index, mark if follows else QIcon())
            self.tabs.setTabToolTip(index, self.tr("Shows the bundle") if follows else "")

    def _which_bundle(self) -> str:
        """The bundle's file; a sandbox opened again from its folder names that folder too,
        since the bundle file may be gone by now."""
        sandbox = self.source.current.sandbox
        if sandbox is None or not sandbox.reopened:
            return self.tr("Showing the bundle %1").replace("%1", self.source.current.bundle_file)
        if sandbox.source == sandbox.root:  # it never noted its bundle
            return self.tr("Showing the sandbox %1").replace("%1", str(sandbox.root))
        return (
            self.tr("Showing the sandbox %1, unpacked from the bundle %2")
            .replace("%1", str(sandbox.root))
            .replace("%2", sandbox.source.name)
        )

    def bundle_tabs(self) -> list[str]:
        """The titles of the tabs that show the bundle now (none while live)."""
        return [
            title
            for title, panel in self.panels.items()
            if not self.tabs.tabIcon(self.tabs.indexOf(panel)).isNull()
        ]

    def before_shutdown(self, *waits: Callable[[], object]) -> None:
        """Calls that let a panel's background work finish before the app closes."""
        self._before_shutdown.extend(waits)

    def shutdown(self) -> None:
        self.hide()
        for wait in self._before_shutdown:
            wait()

    def open_bundle(self, path: Path) -> None:
        """Open a bundle (a zip) or a sandbox folder as the Diagnostics tab does: every
        reading tab follows it once it is unpacked or checked."""
        if self._open_bundle is not None:
            self._open_bundle(path)

    def show_panel(self, panel: QWidget) -> None:
        self.tabs.setCurrentWidget(panel)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Hidden, not destroyed: the panels keep following the session for next time."""
        event.ignore()
        self.hide()
