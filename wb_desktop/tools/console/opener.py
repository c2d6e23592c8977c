"""Opening the support console beside the technician's window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer

from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.window import ConsoleWindow

CONSOLE_RETRY_MS = 100


class SupportConsole:
    """The console window, built the first time support opens it and kept afterwards
    (closing only hides it), so its panels keep following the session.

    While the embedded demo server is still starting (``server_ready`` false) opening waits
    and tries again shortly: the console needs the server's address and admin token.
    """

    def __init__(
        self,
        make_context: Callable[[], ConsoleContext],
        make_window: Callable[[ConsoleContext], ConsoleWindow],
        *,
        server_ready: Callable[[], bool],
        closed: Callable[[], bool],
    ) -> None:
        self._make_context = make_context
        self._make_window = make_window
        self._server_ready = server_ready
        self._closed = closed
        self._window: ConsoleWindow | None = None

    @property
    def window(self) -> ConsoleWindow | None:
        return self._window

    def context(self) -> ConsoleContext:
        """What the console works on now: this session and the office behind it."""
        return self._make_context()

    def open(self) -> ConsoleWindow | None:
        """Show the console (built on first use); None while it cannot be shown yet."""
        if self._closed():
            return None
        if not self._server_ready():
            QTimer.singleShot(CONSOLE_RETRY_MS, self.open)
            return None
        if self._window is None:
            self._window = self._make_window(self.context())
        self._window.show()
        self._window.raise_()
        self._window.activateWindow()
        return self._window

    def shutdown(self) -> None:
        """Let the panels' background work finish, then let the window go."""
        if self._window is not None:
            self._window.shutdown()
            self._window.deleteLater()
