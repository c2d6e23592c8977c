"""What an opened bundle says: what went wrong (the diagnosis, each line a link to the trace
rows behind it), whose tablet, which versions, what waits in its outbox, which ops the server
refused and which attachments it never got (named by file and job)."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.core.store.migrate import head_revision
from wb_desktop.tools.console.diagnostics_models import DeadOpsModel, MissingMediaModel
from wb_desktop.tools.diagnostics.cache_facts import CacheFacts
from wb_desktop.tools.diagnostics.contents import BundleContents
from wb_desktop.tools.diagnostics.diagnosis import Diagnosis
from wb_desktop.tools.diagnostics.diagnosis_words import problems_by_record
from wb_desktop.tools.diagnostics.replay import ReplaySummary
from wb_desktop.tools.diagnostics.sandbox import SandboxProfile
from wb_desktop.ui.messages import translated
from wb_desktop.ui.relative_time import local_timestamp
from wb_desktop.ui.theme import TOUCH_TARGET_PX

TABLE_MIN_HEIGHT = 140
SECTION_GAP_PX = 8
TITLE_SCALE = 1.15


def card_title(text: str, parent: QWidget) -> QLabel:
    """A card's title: bold and a little larger than the text under it."""
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * TITLE_SCALE)
    label.setFont(font)
    return label


def touch_button(text: str, parent: QWidget, *, primary: bool = False) -> QPushButton:
    """A button a finger can hit (the console runs on tablets too)."""
    button = QPushButton(text, parent)
    button.setMinimumHeight(TOUCH_TARGET_PX)
    button.setMinimumWidth(TOUCH_TARGET_PX)
    if primary:
        button.setProperty("primary", "true")
    return button


def wrapped_label(text: str, parent: QWidget, role: str | None = None) -> QLabel:
    """A label that wraps and can be selected (support copies ids and paths from it)."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role is not None:
        label.setProperty("role", role)
    return label


def _table(model: DeadOpsModel | MissingMediaModel, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setMinimumHeight(TABLE_MIN_HEIGHT)
    return table


def _link(text: str, href: str) -> str:
    safe = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<a href="{href}">{safe}</a>' if href else safe


class BundleSummaryView(QWidget):
    """Filled by :meth:`show_sandbox` after an open, and by :meth:`show_facts` after a replay."""

    traceRowsRequested = Signal(list)  # the request ids behind a clicked diagnosis line

    def __init__(self, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._sandbox: SandboxProfile | None = None
        self._diagnosis: Diagnosis | None = None
        self.diagnosis_heading = wrapped_label(self.tr("What went wrong"), self, "heading")
        self.diagnosis_lines: list[QLabel] = []
        self._diagnosis_box = QVBoxLayout()
        form = QFormLayout()
        self.bundle_value = wrapped_label("", self)
        self.sandbox_value = wrapped_label("", self)
        self.made_value = wrapped_label("", self)
        self.schema_value = wrapped_label("", self)
        self.technician_value = wrapped_label("", self)
        self.redacted_value = wrapped_label("", self)
        self.outbox_value = wrapped_label("", self)
        self.contents_value = wrapped_label("", self)
        form.addRow(self.tr("Bundle"), self.bundle_value)
        form.addRow(self.tr("Sandbox"), self.sandbox_value)
        form.addRow(self.tr("Made by"), self.made_value)
        form.addRow(self.tr("Cache schema"), self.schema_value)
        form.addRow(self.tr("Technician"), self.technician_value)
        form.addRow(self.tr("Redacted"), self.redacted_value)
        form.addRow(self.tr("Outbox"), self.outbox_value)
        form.addRow(self.tr("Logs and settings"), self.contents_value)

        self.dead_model = DeadOpsModel(self)
        self.dead_heading = wrapped_label("", self)
        self.dead_table = _table(self.dead_model, self)
        self.media_model = MissingMediaModel(lambda _path: False, self)
        self.media_heading = wrapped_label("", self)
        self.media_table = _table(self.media_model, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.diagnosis_heading)
        layout.addLayout(self._diagnosis_box)
        layout.addSpacing(SECTION_GAP_PX)
        layout.addLayout(form)
        layout.addSpacing(SECTION_GAP_PX)
        for widget in (self.dead_heading, self.dead_table, self.media_heading, self.media_table):
            layout.addWidget(widget)
        self.setTabOrder(self.dead_table, self.media_table)

    def show_diagnosis(self, diagnosis: Diagnosis) -> None:
        """One label per line; a line with trace rows behind it is a link to them."""
        self._diagnosis = diagnosis
        for label in self.diagnosis_lines:
            self._diagnosis_box.removeWidget(label)
            label.deleteLater()
        self.diagnosis_lines = []
        for number, line in enumerate(diagnosis.lines):
            words = translated(line.text)  # in the console's language
            label = QLabel(_link(words, f"rows:{number}" if line.request_ids else ""), self)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            if line.request_ids:
                label.setToolTip(self.tr("Show the trace rows behind this line in the sync trace"))
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
                label.linkActivated.connect(self._line_clicked)
            else:
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._diagnosis_box.addWidget(label)
            self.diagnosis_lines.append(label)

    def _line_clicked(self, href: str) -> None:
        if self._diagnosis is None or not href.startswith("rows:"):
            return
        line = self._diagnosis.lines[int(href.removeprefix("rows:"))]
        self.traceRowsRequested.emit(list(line.request_ids))

    def show_sandbox(
        self, sandbox: SandboxProfile, facts: CacheFacts, diagnosis: Diagnosis | None = None
    ) -> None:
        self._sandbox = sandbox
        if diagnosis is not None:
            self.show_diagnosis(diagnosis)
            self.media_model.set_names(
                {r.record_id: (r.name, r.job_title) for r in diagnosis.uploads_waiting},
                {key: translated(why) for key, why in problems_by_record(diagnosis).items()},
            )
        manifest = sandbox.manifest
        technician = facts.technician or manifest.technician
        self.bundle_value.setText(str(sandbox.source))
        self.sandbox_value.setText(str(sandbox.root))
        made = manifest.created
        when = local_timestamp(made, self._zone) if made else manifest.created_at
        self.made_value.setText(
            self.tr("WorkBoss Desktop %1 (bundle format %2), %3")
            .replace("%1", manifest.app_version)
            .replace("%2", str(manifest.format_version))
            .replace("%3", when)
        )
        self.schema_value.setText(
            self.tr("%1 (this app: %2)")
            .replace("%1", facts.revision or self.tr("none"))
            .replace("%2", head_revision())
        )
        self.technician_value.setText(
            self.tr("%1 <%2>, device %3")
            .replace("%1", technician.display_name)
            .replace("%2", technician.email)
            .replace("%3", facts.device_id or "—")
            if technician is not None
            else self.tr("Nobody was signed in")
        )
        self.redacted_value.setText(
            self.tr("Yes: customer data replaced by placeholders, photos left out")
            if manifest.redacted
            else self.tr("No: it holds customer data and photos")
        )
        self.contents_value.setText(self._contents_text(sandbox.contents()))
        self.media_model.set_lookup(sandbox.media_in_bundle)
        self.show_facts(facts)

    def show_facts(self, facts: CacheFacts) -> None:
        """The sandbox's cache as it is now: its outbox, dead ops and missing attachments."""
        self.outbox_value.setText(self._states_text(facts.outbox_by_state))
        self.dead_heading.setText(
            self.tr("%n op(s) refused by the server (dead):", "", len(facts.dead_ops))
            if facts.dead_ops
            else self.tr("No op was refused by the server.")
        )
        self.dead_model.set_rows(facts.dead_ops)
        missing = facts.not_uploaded
        self.media_heading.setText(
            self.tr("%n attachment(s) this tablet had not uploaded:", "", len(missing))
            if missing
            else self.tr("No photo or signature waits to upload on this tablet.")
        )
        self.media_model.set_rows(missing)
        self.dead_table.setVisible(bool(facts.dead_ops))
        self.media_table.setVisible(bool(missing))

    def on_server_text(self, summary: ReplaySummary) -> str:
        """What the server now has, as it answered (never more than was asked)."""
        if summary.on_server is None:
            return self.tr("What the server has was not asked.")
        if not summary.on_server:
            return self.tr("The bundle held no work the server lacked.")
        parts = []
        for kind in summary.on_server:
            text = (
                self.tr("%1: %2 of %3 records")
                .replace("%1", kind.kind)
                .replace("%2", str(kind.records))
                .replace("%3", str(kind.wanted))
            )
            if kind.files is not None:
                text += (
                    self.tr(", %1 of %2 files")
                    .replace("%1", str(kind.files))
                    .replace("%2", str(kind.wanted))
                )
            parts.append(text)
        return self.tr("The server now has: %1.").replace("%1", "; ".join(parts))

    def _contents_text(self, contents: BundleContents) -> str:
        logs = (
            self.tr("%n log file(s), %1 KiB", "", contents.log_files).replace(
                "%1", f"{contents.log_bytes / 1024:.0f}"
            )
            if contents.log_files
            else self.tr("no log files")
        )
        settings = self.tr("settings") if contents.settings else self.tr("no settings")
        traces = (
            self.tr("%n trace file(s)", "", contents.trace_files)
            if contents.trace_files
            else self.tr("no trace")
        )
        return ", ".join((logs, settings, traces))

    def _states_text(self, by_state: dict[str, int]) -> str:
        words = {
            "queued": self.tr("queued %1"),
            "in_flight": self.tr("sending %1"),
            "done": self.tr("accepted %1"),
            "dead": self.tr("refused %1"),
        }
        parts = [
            words.get(state, state + " %1").replace("%1", str(count))
            for state, count in sorted(by_state.items())
        ]
        return ", ".join(parts) if parts else self.tr("empty")
