"""Diagnostics bundles in the console: export this profile's, open one from a tablet in a
sandbox, see why its work did not arrive, and replay its outbox against this server.

Everything slow (copying the cache, unpacking, HTTP) runs in the background; a bad bundle is
said inline, in the panel, and leaves no sandbox behind (see :mod:`wb_desktop.tools.diagnostics`).
"""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.app.op_runner import OpRunner
from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.tools.console.bundle_summary import (
    BundleSummaryView,
    card_title,
    touch_button,
    wrapped_label,
)
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.export_card import ExportCard
from wb_desktop.tools.diagnostics.bundle_scenario import STOCKHOLM
from wb_desktop.tools.diagnostics.cache_facts import CacheFacts
from wb_desktop.tools.diagnostics.diagnosis import Diagnosis, diagnose
from wb_desktop.tools.diagnostics.replay import ReplaySummary, replay_outbox
from wb_desktop.tools.diagnostics.repro import save_scenario_file
from wb_desktop.tools.diagnostics.sandbox import SandboxProfile
from wb_desktop.tools.diagnostics.sandbox_folder import open_bundle_or_sandbox, sandbox_root_beside
from wb_desktop.tools.scenario.office import OfficeError
from wb_desktop.ui.messages import user_message
from wb_desktop.ui.theme import set_role


class DiagnosticsPanel(QWidget):
    exportFinished = Signal(str)  # the bundle written
    bundleOpened = Signal(object)  # the SandboxProfile
    replayFinished = Signal(object)  # the ReplaySummary
    problemShown = Signal(str)  # a message shown in one of the error labels
    traceRowsRequested = Signal(list)  # request ids: show these rows of the sandbox's trace
    scenarioRunRequested = Signal(object)  # the Path of a saved scenario: open it to run it

    def __init__(
        self,
        context: ConsoleContext,
        parent: QWidget | None = None,
        sandbox_root: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.sandbox_root = sandbox_root or sandbox_root_beside(context.cache.paths)
        self.sandbox: SandboxProfile | None = None
        self.diagnosis: Diagnosis | None = None
        self._calls = OpRunner(parent=self)
        self._calls.busyChanged.connect(self._update_buttons)

        content = QWidget(self)
        layout = QVBoxLayout(content)
        # never squeeze the summary's wrapped lines into each other: scroll instead
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(wrapped_label(self.tr("Diagnostics bundles"), content, "heading"))
        self.export_card = ExportCard(context, self._calls, self._show_problem, content)
        self.export_card.exportFinished.connect(self.exportFinished)
        # the card's parts, as tests and the screenshot scenes reach them
        self.redact_check = self.export_card.redact_check
        self.export_button = self.export_card.export_button
        self.export_status = self.export_card.export_status
        self.export_error = self.export_card.export_error
        layout.addWidget(self.export_card)
        layout.addWidget(self._open_card(content))
        layout.addStretch(1)  # the cards keep their height; the space stays below them
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        for first, second in (
            (self.redact_check, self.export_button),
            (self.export_button, self.open_button),
            (self.open_button, self.open_sandbox_button),
            (self.open_sandbox_button, self.replay_button),
            (self.replay_button, self.summary.dead_table),
        ):
            self.setTabOrder(first, second)
        self._update_buttons()

    # --- building ---------------------------------------------------------------------

    def _open_card(self, parent: QWidget) -> QFrame:
        card = QFrame(parent)
        card.setProperty("role", "card")
        layout = QVBoxLayout(card)
        layout.addWidget(card_title(self.tr("Open a bundle from a tablet"), card))
        layout.addWidget(
            wrapped_label(
                self.tr(
                    "It opens in a sandbox of its own under %1; this profile is not touched."
                    " A sandbox opened before can be opened again from its folder."
                ).replace("%1", str(self.sandbox_root)),
                card,
                "muted",
            )
        )
        self.open_button = touch_button(self.tr("Open bundle…"), card)
        self.open_button.clicked.connect(self._choose_bundle)
        self.open_sandbox_button = touch_button(self.tr("Open sandbox…"), card)
        self.open_sandbox_button.setToolTip(
            self.tr("A bundle unpacked earlier, here or by 'wb-desktop diagnostics open'")
        )
        self.open_sandbox_button.clicked.connect(self._choose_sandbox)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.open_sandbox_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.open_error = wrapped_label("", card, "error")
        self.open_error.hide()
        layout.addWidget(self.open_error)

        self.replay_button = touch_button(self.tr("Replay outbox against this server"), card)
        self.replay_button.clicked.connect(self.replay)
        self.scenario_button = touch_button(self.tr("Save as a scenario…"), card)
        self.scenario_button.setToolTip(
            self.tr(
                "One .wbrepro file: the work as in the field with the faults found (it must"
                " fail the same way) and the fixed variant (it must pass), with the photos"
            )
        )
        self.scenario_button.clicked.connect(self._choose_scenario_file)
        row = QHBoxLayout()
        row.addWidget(self.replay_button)
        row.addWidget(self.scenario_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.replay_note = wrapped_label(
            self.tr(
                "Replays as the bundle's technician against %1, with the same device and"
                " sequence numbers: ops the server already has come back as duplicates."
            ).replace("%1", self._context.server_url)
            if self._context.has_admin
            else self.tr("Replay needs the server's admin API, which this app cannot use."),
            card,
            "muted",
        )
        self.replay_status = wrapped_label("", card, "ok")
        self.replay_error = wrapped_label("", card, "error")
        # After a save: one press to run what was saved (the Scenarios tab, file opened).
        self.run_saved_button = touch_button(self.tr("Run it in Scenarios"), card)
        self.run_saved_button.clicked.connect(self._run_saved)
        self.run_saved_button.hide()
        self._saved: Path | None = None
        for widget in (self.replay_note, self.replay_status, self.replay_error):
            layout.addWidget(widget)
        saved_row = QHBoxLayout()
        saved_row.addWidget(self.run_saved_button)
        saved_row.addStretch(1)
        layout.addLayout(saved_row)
        self.replay_status.hide()
        self.replay_error.hide()
        # The actions stand above the summary, so they are in sight without scrolling.
        self.summary = BundleSummaryView(self._context.zone, card)
        self.summary.traceRowsRequested.connect(self.traceRowsRequested)
        self.summary.hide()
        layout.addWidget(self.summary)
        return card

    # --- actions ----------------------------------------------------------------------

    def _choose_bundle(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open diagnostics bundle"),
            str(Path.home()),
            self.tr("Diagnostics bundles (*.zip);;All files (*)"),
        )
        if chosen:
            self.open_path(Path(chosen))

    def _choose_sandbox(self) -> None:
        start = self.sandbox_root if self.sandbox_root.is_dir() else Path.home()
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Open a sandbox folder"), str(start)
        )
        if chosen:
            self.open_path(Path(chosen))

    def export_to(self, path: Path, redact: bool) -> None:
        """Write this profile's bundle to ``path`` in the background."""
        self.export_card.export_to(path, redact)

    def open_path(self, path: Path) -> None:
        """Check and unpack the bundle at ``path`` into a new sandbox, or open the sandbox
        folder at ``path`` again, in the background."""
        root, now, zone = self.sandbox_root, self._context.clock.now(), self._context.zone

        def unpack() -> tuple[SandboxProfile, CacheFacts, Diagnosis]:
            sandbox = open_bundle_or_sandbox(path, root, now=now)
            return sandbox, sandbox.facts(), diagnose(sandbox, zone)

        self.open_error.hide()
        self._calls.call(
            unpack,
            lambda opened: self._show_sandbox(*opened),
            lambda error: self._show_problem(self.open_error, error),
        )

    def replay(self) -> None:
        """Replay the open sandbox's outbox against the console's server."""
        sandbox, context = self.sandbox, self._context
        if sandbox is None or not context.has_admin:
            return

        def run() -> tuple[ReplaySummary, CacheFacts]:
            office = context.office()
            try:
                summary = replay_outbox(
                    sandbox,
                    context.server_url,
                    office.technician_token,
                    clock=context.clock,
                    office_view=office.office_view,
                )
            finally:
                office.close()
            return summary, sandbox.facts()

        self.replay_error.hide()
        self.replay_status.setText(self.tr("Replaying…"))
        set_role(self.replay_status, "muted")
        self.replay_status.show()
        self._calls.call(
            run,
            lambda result: self._replayed(*result),
            lambda error: self._show_problem(self.replay_error, error, self.replay_status),
        )

    # --- results ----------------------------------------------------------------------

    def _show_sandbox(
        self, sandbox: SandboxProfile, facts: CacheFacts, diagnosis: Diagnosis
    ) -> None:
        self.sandbox, self.diagnosis = sandbox, diagnosis
        self.summary.show_sandbox(sandbox, facts, diagnosis)
        self.summary.show()
        self.replay_status.hide()
        self.replay_error.hide()
        self.run_saved_button.hide()  # what was saved came from the bundle shown before
        self._saved = None
        self._update_buttons()
        self.bundleOpened.emit(sandbox)

    def _replayed(self, summary: ReplaySummary, facts: CacheFacts) -> None:
        lines = [
            self.tr(
                "Pushed %1: %2 applied, %3 duplicates, %4 conflicts, %5 refused."
                " Still waiting: %6; dead: %7."
            )
            .replace("%1", str(summary.pushed))
            .replace("%2", str(summary.applied))
            .replace("%3", str(summary.duplicates))
            .replace("%4", str(summary.conflicts))
            .replace("%5", str(summary.rejected))
            .replace("%6", str(summary.remaining))
            .replace("%7", str(summary.dead))
        ]
        lines.append(self.summary.on_server_text(summary))
        if summary.reason:
            lines.append(self.tr("The last attempt failed: %1").replace("%1", summary.reason))
        if summary.redacted:
            lines.append(
                self.tr("This bundle was redacted: the server got placeholders, not customer data.")
            )
        self.replay_status.setText("\n".join(lines))
        set_role(self.replay_status, "ok" if summary.drained else "warning")
        self.summary.show_facts(facts)
        self.replayFinished.emit(summary)

    def save_scenario(self, target: Path) -> Path | None:
        """Save the opened bundle as a scenario (fast: no network): a ``.wbrepro`` with the
        field and the fixed variants, or one ``.yaml``/``.json`` as in the field."""
        if self.sandbox is None:
            return None
        now, zone = self._context.clock.now(), self._context.zone
        zone_info = zone if isinstance(zone, ZoneInfo) else STOCKHOLM
        try:
            diagnosis = self.diagnosis or diagnose(self.sandbox, zone)
            written, skipped = save_scenario_file(
                self.sandbox, target, saved_at=now, zone=zone_info, diagnosis=diagnosis
            )
        except (WorkBossError, ValueError, OSError) as error:
            self._show_problem(self.replay_error, error, self.replay_status)
            return None
        lines = [self.tr("Scenario saved: %1").replace("%1", str(written))]
        lines += [self.tr("Not in it: %1").replace("%1", reason) for reason in skipped]
        self.replay_error.hide()
        self.replay_status.setText("\n".join(lines))
        self.replay_status.show()
        set_role(self.replay_status, "ok" if not skipped else "warning")
        self._saved = written
        self.run_saved_button.show()
        return written

    def _run_saved(self) -> None:
        if self._saved is not None:
            self.scenarioRunRequested.emit(self._saved)

    def _choose_scenario_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save as a scenario"),
            "from-bundle.wbrepro",
            self.tr("Repro, field and fixed (*.wbrepro);;One scenario, YAML (*.yaml)"),
        )
        if name:
            self.save_scenario(Path(name))

    def _show_problem(self, label: QLabel, error: Exception, status: QLabel | None = None) -> None:
        if isinstance(error, WorkBossError):
            message = user_message(error)
        elif isinstance(error, OfficeError):
            message = self.tr("The server refused: %1").replace("%1", str(error))
        else:
            message = self.tr("Something went wrong: %1").replace("%1", str(error))
        if status is not None:
            status.hide()
        label.setText(message)
        label.show()
        self.problemShown.emit(message)

    def _update_buttons(self, busy: bool | None = None) -> None:
        running = (not self._calls.idle) if busy is None else busy
        self.export_button.setEnabled(not running)
        self.open_button.setEnabled(not running)
        self.open_sandbox_button.setEnabled(not running)
        can_replay = self.sandbox is not None and self._context.has_admin
        self.replay_button.setEnabled(can_replay and not running)
        self.scenario_button.setEnabled(self.sandbox is not None and not running)

    def closing(self) -> None:
        """Let running calls finish before the window goes (their callbacks touch widgets)."""
        self._calls.wait_until_idle()
