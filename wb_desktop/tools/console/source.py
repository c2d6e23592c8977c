"""What the console's reading panels look at: the live profile, or an opened bundle's sandbox.

Support inspects a bundle where it inspects a tablet: the trace, outbox, data, conflicts,
logs and settings panels read from :attr:`ConsoleSource.current` and read again on
:attr:`ConsoleSource.sourceChanged`. Panels that act on the live session (connectivity,
dispatcher, technicians, scenarios) keep the live profile; the window's banner says which.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from wb_desktop.core.store.database import Database
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.diagnostics.sandbox import SandboxProfile


@dataclass(frozen=True)
class SourceView:
    """One profile's files as the panels read them; ``sandbox`` is None for the live one."""

    label: str
    database: Database
    trace: Path
    logs: Path
    settings: Path
    sandbox: SandboxProfile | None = None

    @property
    def live(self) -> bool:
        return self.sandbox is None

    @property
    def bundle_file(self) -> str:
        return "" if self.sandbox is None else self.sandbox.source.name

    @property
    def technician(self) -> str:
        technician = None if self.sandbox is None else self.sandbox.manifest.technician
        if technician is None:
            return ""
        return f"{technician.display_name} <{technician.email}>"

    @property
    def device(self) -> str:
        return "" if self.sandbox is None else self.sandbox.manifest.device_id or ""

    @property
    def created(self) -> datetime | None:
        return None if self.sandbox is None else self.sandbox.manifest.created


def live_view(context: ConsoleContext) -> SourceView:
    paths = context.cache.paths
    return SourceView(
        label=paths.name,
        database=context.cache.database,
        trace=paths.trace,
        logs=paths.logs,
        settings=paths.settings,
    )


def sandbox_view(sandbox: SandboxProfile) -> SourceView:
    """The sandbox's own database, opened apart from the live cache (panels only read it)."""
    paths = sandbox.paths
    return SourceView(
        label=sandbox.source.name,
        database=Database.open(paths.database),
        trace=paths.trace,
        logs=paths.logs,
        settings=paths.settings,
        sandbox=sandbox,
    )


class ConsoleSource(QObject):
    """Owned by the console window; one per console, handed to each reading panel."""

    sourceChanged = Signal()

    def __init__(self, context: ConsoleContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._live = live_view(context)
        self._current = self._live

    @property
    def current(self) -> SourceView:
        return self._current

    @property
    def live(self) -> bool:
        return self._current.live

    def show_sandbox(self, sandbox: SandboxProfile) -> None:
        """Switch every reading panel to the bundle unpacked in ``sandbox``."""
        self._switch(sandbox_view(sandbox))

    def back_to_live(self) -> None:
        if not self._current.live:
            self._switch(self._live)

    def close(self) -> None:
        """The app closes: let go of the sandbox's database without making panels read again."""
        if not self._current.live:
            self._current.database.dispose()
            self._current = self._live

    def _switch(self, view: SourceView) -> None:
        previous = self._current
        self._current = view
        self.sourceChanged.emit()
        if not previous.live:
            previous.database.dispose()  # only after the panels read the new one
