"""The tables of the diagnostics panel: a bundle's dead ops, and the attachments the server
never got (with whether the bundle carries the file), the answers to "why did my photos not
arrive?"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from wb_desktop.tools.diagnostics.cache_facts import Attachment, DeadOp
from wb_desktop.ui.row_models import Column, RowTableModel

_CONTEXT = "DiagnosticsPanel"


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class DeadOpsModel(RowTableModel[DeadOp]):
    """One row per dead-lettered op: what it was and why the server refused it."""

    SEQ, KIND, RECORD, ERROR = range(4)
    context = _CONTEXT

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            parent,
            columns=(
                Column(QT_TRANSLATE_NOOP("DiagnosticsPanel", "Seq"), lambda row: str(row.seq)),
                Column(QT_TRANSLATE_NOOP("DiagnosticsPanel", "Change"), lambda row: row.kind),
                Column(QT_TRANSLATE_NOOP("DiagnosticsPanel", "Record"), lambda row: row.record_id),
                Column(
                    QT_TRANSLATE_NOOP("DiagnosticsPanel", "Why it was refused"),
                    lambda row: row.last_error,
                    tooltip=lambda row: row.last_error,
                ),
            ),
        )


class MissingMediaModel(RowTableModel[Attachment]):
    """Attachments the tablet had not uploaded when the bundle was made, named by file and
    job, with why (the tablet's own error, else the server's refusals in the trace)."""

    KIND, FILE, JOB, UPLOAD, PROBLEM, IN_BUNDLE = range(6)
    context = _CONTEXT

    def __init__(self, in_bundle: Callable[[str], bool], parent: QObject | None = None) -> None:
        super().__init__(
            parent,
            columns=(
                Column(QT_TRANSLATE_NOOP("DiagnosticsPanel", "Type"), _kind),
                Column(
                    QT_TRANSLATE_NOOP("DiagnosticsPanel", "File"),
                    self._name,
                    tooltip=lambda row: row.record_id,
                ),
                Column(QT_TRANSLATE_NOOP("DiagnosticsPanel", "Job"), self._job),
                Column(QT_TRANSLATE_NOOP("DiagnosticsPanel", "Upload"), _upload),
                Column(QT_TRANSLATE_NOOP("DiagnosticsPanel", "Sync problem"), self._problem),
                Column(
                    QT_TRANSLATE_NOOP("DiagnosticsPanel", "File in bundle"), self._in_bundle_text
                ),
            ),
        )
        self._in_bundle = in_bundle
        self._names: dict[str, tuple[str, str]] = {}
        self._problems: dict[str, str] = {}

    def set_names(self, names: dict[str, tuple[str, str]], problems: dict[str, str]) -> None:
        """(file, job title) and the trace's refusal by record id (set before the rows)."""
        self._names, self._problems = names, problems

    def _name(self, row: Attachment) -> str:
        return self._names.get(row.record_id, (row.record_id, ""))[0]

    def _job(self, row: Attachment) -> str:
        return self._names.get(row.record_id, ("", row.job_id))[1]

    def _problem(self, row: Attachment) -> str:
        found = row.sync_error or self._problems.get(row.record_id)
        return found or _t("No refusal in the trace")

    def set_lookup(self, in_bundle: Callable[[str], bool]) -> None:
        """Which sandbox to look for the files in (set before :meth:`set_rows`)."""
        self._in_bundle = in_bundle

    def _in_bundle_text(self, row: Attachment) -> str:
        return _t("Yes") if self._in_bundle(row.path) else _t("No (left out)")


def _kind(row: Attachment) -> str:
    return _t("Signature") if row.record_type == "signature" else _t("Photo")


def _upload(row: Attachment) -> str:
    labels = {"waiting": _t("Waiting"), "uploading": _t("Partly uploaded")}
    return labels.get(row.upload_state, row.upload_state)
