"""The Diagnostics tab's first card: export this profile's bundle for support."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from wb_desktop import __version__
from wb_desktop.app.op_runner import OpRunner
from wb_desktop.core.domain.errors import format_bytes
from wb_desktop.tools.console.bundle_summary import card_title, touch_button, wrapped_label
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.diagnostics.bundle import export_bundle
from wb_desktop.tools.diagnostics.command import default_bundle_name
from wb_desktop.ui.messages import translated
from wb_desktop.ui.theme import TOUCH_TARGET_PX, set_role

ShowProblem = Callable[[QLabel, Exception, QLabel | None], None]


class ExportCard(QFrame):
    """A zip of this profile (cache, outbox, trace, logs, settings), redacted by default;
    written in the background on the panel's runner."""

    exportFinished = Signal(str)  # the bundle written

    def __init__(
        self,
        context: ConsoleContext,
        calls: OpRunner,
        show_problem: ShowProblem,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context, self._calls, self._show_problem = context, calls, show_problem
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        layout.addWidget(card_title(self.tr("Export this profile"), self))
        layout.addWidget(
            wrapped_label(
                self.tr(
                    "A zip with a copy of the cache, the outbox, the sync trace, the logs and"
                    " the settings, for support. The saved sign-in is never included."
                ),
                self,
                "muted",
            )
        )
        self.redact_check = QCheckBox(
            self.tr("Leave out customer data (names, phones, emails, addresses, photos)"), self
        )
        self.redact_check.setChecked(True)
        self.redact_check.setMinimumHeight(TOUCH_TARGET_PX)
        self.export_button = touch_button(self.tr("Export bundle…"), self, primary=True)
        self.export_button.clicked.connect(self._choose_export)
        row = QHBoxLayout()
        row.addWidget(self.redact_check, 1)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        self.export_status = wrapped_label("", self, "ok")
        self.export_error = wrapped_label("", self, "error")
        layout.addWidget(self.export_status)
        layout.addWidget(self.export_error)
        self.export_status.hide()
        self.export_error.hide()

    def _choose_export(self) -> None:
        suggested = Path.home() / default_bundle_name(
            self._context.cache.paths.name, self._context.clock.now()
        )
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export diagnostics bundle"),
            str(suggested),
            self.tr("Diagnostics bundles (*.zip)"),
        )
        if chosen:
            self.export_to(Path(chosen), self.redact_check.isChecked())

    def export_to(self, path: Path, redact: bool) -> None:
        """Write this profile's bundle to ``path`` in the background."""
        paths, now = self._context.cache.paths, self._context.clock.now()
        self.export_error.hide()
        self.export_status.setText(self.tr("Exporting…"))
        set_role(self.export_status, "muted")
        self.export_status.show()
        self._calls.call(
            lambda: export_bundle(paths, path, redact=redact, now=now, app_version=__version__),
            lambda written: self._exported(written, redact),
            lambda error: self._show_problem(self.export_error, error, self.export_status),
        )

    def _exported(self, written: Path, redact: bool) -> None:
        size = translated(format_bytes(written.stat().st_size))
        text = (
            self.tr("Bundle written to %1 (%2, customer data left out).")
            if redact
            else self.tr("Bundle written to %1 (%2). It holds customer data and photos.")
        )
        self.export_status.setText(text.replace("%1", str(written)).replace("%2", size))
        set_role(self.export_status, "ok")
        self.exportFinished.emit(str(written))
