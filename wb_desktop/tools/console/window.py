"""The support and QA console: one window, one tab per panel, beside the technician's.

The composition root builds the panels (each gets the :class:`ConsoleContext` and what else
it needs) and hands them in; the window only arranges them and remembers nothing else.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from wb_desktop.tools.console.context import ConsoleContext

DEFAULT_SIZE = (1280, 800)


class ConsoleWindow(QMainWindow):
    def __init__(
        self,
        context: ConsoleContext,
        panels: list[tuple[str, QWidget]],
        *,
        profile: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # Two consoles (two technicians, a tablet and a sandbox) must be told apart in the
        # task bar: the profile and the folder it lives in.
        self.setWindowTitle(
            self.tr("Support console — %1 in %2 — WorkBoss Desktop")
            .replace("%1", profile)
            .replace("%2", str(context.cache.paths.folder.parent.parent))
        )
        central = QWidget(self)
        layout = QVBoxLayout(central)
        where = QLabel(
            self.tr("Profile %1 · server %2 · admin API %3")
            .replace("%1", profile)
            .replace("%2", context.server_url)
            .replace("%3", self.tr("available") if context.has_admin else self.tr("not available")),
            central,
        )
        where.setProperty("role", "muted")
        layout.addWidget(where)
        self.tabs = QTabWidget(central)
        self.tabs.setDocumentMode(True)
        self.panels: dict[str, QWidget] = {}
        for title, panel in panels:
            self.tabs.addTab(panel, title)
            self.panels[title] = panel
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.resize(*DEFAULT_SIZE)
        self._before_shutdown: list[Callable[[], object]] = []

    def before_shutdown(self, *waits: Callable[[], object]) -> None:
        """Calls that let a panel's background work finish before the app closes."""
        self._before_shutdown.extend(waits)

    def shutdown(self) -> None:
        self.hide()
        for wait in self._before_shutdown:
            wait()

    def show_panel(self, panel: QWidget) -> None:
        self.tabs.setCurrentWidget(panel)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Hidden, not destroyed: the panels keep following the session for next time."""
        event.ignore()
        self.hide()
