"""Other technicians' windows beside this one, in this process: support and QA watch two
tablets side by side against the same server."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from PySide6.QtWidgets import QWidget

from wb_desktop.ui.window_placement import place_side_by_side


class OpenedApp(Protocol):
    @property
    def window(self) -> QWidget: ...

    def close(self) -> bool: ...


A = TypeVar("A", bound=OpenedApp)


class TechnicianWindows(Generic[A]):
    """Opens each with ``open_app(email, password)`` (the composition root builds the
    whole app for that technician), places it to the right, and closes them all with this
    window's app."""

    def __init__(self, beside: QWidget, open_app: Callable[[str, str], A]) -> None:
        self._beside = beside
        self._open_app = open_app
        self._opened: list[A] = []

    @property
    def opened(self) -> list[A]:
        return list(self._opened)

    def open(self, email: str, password: str) -> A:
        other = self._open_app(email, password)
        self._opened.append(other)
        place_side_by_side(self._beside, other.window)
        other.window.show()
        return other

    def close_all(self) -> None:
        for other in self._opened:
            other.close()
