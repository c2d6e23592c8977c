"""The selected op in full, below the outbox table: what support quotes when it asks the
office about one op (its ids, what it waits on, the last error and the payload itself).
"""

from __future__ import annotations

import json

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from wb_desktop.core.store.outbox_admin import OutboxRow


class OutboxOpDetail(QPlainTextEdit):
    """Read-only text of one op; empty (with a hint) unless exactly one op is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setMaximumHeight(140)
        self.setPlaceholderText(self.tr("Select an op to see its payload."))

    def show_op(self, row: OutboxRow | None) -> None:
        self.setPlainText(self._details(row) if row is not None else "")

    def _details(self, row: OutboxRow) -> str:
        """What support needs to quote: the ids, what it waits on, and the payload itself."""
        lines = [
            self.tr("Op %1 · seq %2 · %3")
            .replace("%1", row.op_id)
            .replace("%2", str(row.seq))
            .replace("%3", row.kind),
            self.tr("%1 %2, based on version %3")
            .replace("%1", row.record_type)
            .replace("%2", row.record_id)
            .replace("%3", str(row.base_version)),
        ]
        if row.waits_on:
            lines.append(self.tr("Waits for: %1").replace("%1", ", ".join(row.waits_on)))
        if row.blocked_by:
            lines.append(
                self.tr("Held back by refused: %1").replace("%1", ", ".join(row.blocked_by))
            )
        if row.last_error:
            lines.append(self.tr("Last error: %1").replace("%1", row.last_error))
        lines.append(json.dumps(row.payload, ensure_ascii=False, indent=1, sort_keys=True))
        return "\n".join(lines)
