"""A tool built the first time it is used, so that the technician's start never imports
it (the support console loads about as much code as the rest of the app)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class OnFirstUse(Generic[T]):
    """``make`` runs on the first :meth:`get`; it does its own (lazy) imports."""

    def __init__(self, make: Callable[[], T]) -> None:
        self._make = make
        self._made: T | None = None

    def get(self) -> T:
        if self._made is None:
            self._made = self._make()
        return self._made

    @property
    def made(self) -> T | None:
        """The tool if it was ever used, else None (nothing to close then)."""
        return self._made
