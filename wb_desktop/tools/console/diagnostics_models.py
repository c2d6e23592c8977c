"""The tables of the diagnostics panel: a bundle's dead ops, and the attachments the server
never got (with whether the bundle carries the file), the answers to "why did my photos not
arrive?"."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from wb_desktop.tools.diagnostics.cache_facts import Attachment, DeadOp
from wb_desktop.ui.row_table_model import RowTableModel

_CONTEXT = "DiagnosticsPanel"


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class DeadOpsModel(RowTableModel[DeadOp]):
    """One row per dead-lettered op: what it was and why the server refused it."""

    SEQ, KIND, RECORD, ERROR = range(4)

    def headers(self) -> Sequence[str]:
        return [_t("Seq"), _t("Change"), _t("Record"), _t("Why it was refused")]

    def cell(self, row: DeadOp, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return [str(row.seq), row.kind, row.record_id, row.last_error][column]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.ERROR:
            return row.last_error
        return None


class MissingMediaModel(RowTableModel[Attachment]):
    """Attachments the tablet had not uploaded when the bundle was made."""

    KIND, RECORD, UPLOAD, PROBLEM, IN_BUNDLE = range(5)

    def __init__(self, in_bundle: Callable[[str], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._in_bundle = in_bundle

    def set_lookup(self, in_bundle: Callable[[str], bool]) -> None:
        """Which sandbox to look for the files in (set before :meth:`set_rows`)."""
        self._in_bundle = in_bundle

    def headers(self) -> Sequence[str]:
        return [_t("Type"), _t("Record"), _t("Upload"), _t("Sync problem"), _t("File in bundle")]

    def cell(self, row: Attachment, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.KIND:
            return _t("Signature") if row.record_type == "signature" else _t("Photo")
        if column == self.RECORD:
            return row.record_id
        if column == self.UPLOAD:
            return {"waiting": _t("Waiting"), "uploading": _t("Partly uploaded")}.get(
                row.upload_state, row.upload_state
            )
        if column == self.PROBLEM:
            return row.sync_error or _t("None recorded")
        return _t("Yes") if self._in_bundle(row.path) else _t("No (left out)")
