"""The Invoices page: the list, and the editor in its place when a document is open."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from wb_desktop.app.sync_service import SyncService
from wb_desktop.core.domain.records import DocumentKind
from wb_desktop.core.store.changes import Changes
from wb_desktop.ui.documents.editor import DocumentEditor
from wb_desktop.ui.documents.list_view import DocumentListView
from wb_desktop.ui.workday import Workday

DOCUMENT_KINDS = ("document", "customer")  # a card names the customer


class DocumentsPage(QWidget):
    """Self-contained: it re-reads the cache after local changes and after sync steps.

    :attr:`documentOpened` says which document the editor shows (for a window title or
    a breadcrumb); the window opens one with :meth:`open_document` or, from a job,
    :meth:`open_for_job`.
    """

    documentOpened = Signal(str)

    def __init__(
        self, workday: Workday, service: SyncService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._stale = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        self.list_view = DocumentListView(workday, self.stack)
        self.editor = DocumentEditor(workday, service, self.stack)
        self.stack.addWidget(self.list_view)
        self.stack.addWidget(self.editor)
        layout.addWidget(self.stack)
        self.list_view.documentOpened.connect(self.open_document)
        self.list_view.newRequested.connect(self.new_document)
        self.editor.backRequested.connect(self.show_list)
        self.editor.documentOpened.connect(self.documentOpened)
        workday.runner.changed.connect(self._on_changed)

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list_view)
        self.reload()

    def open_document(self, document_id: str) -> None:
        """Show a document in the editor once it has been read; the list again if it is gone."""
        self.editor.open_document(
            document_id,
            lambda found: self._show_editor(document_id) if found else self.list_view.reload(),
        )

    def open_for_job(self, job_id: str, kind: DocumentKind = DocumentKind.INVOICE) -> None:
        """A new invoice (or estimate) for the job, starting from its line items."""
        self.editor.open_for_job(
            job_id, kind, lambda found: self.stack.setCurrentWidget(self.editor) if found else None
        )

    def new_document(self, kind: DocumentKind = DocumentKind.INVOICE) -> None:
        self.editor.new_document(
            DocumentKind(kind), opened=lambda _found: self.stack.setCurrentWidget(self.editor)
        )

    def _on_changed(self, changes: Changes) -> None:
        if changes.concerns(*DOCUMENT_KINDS):
            self.reload()

    def _show_editor(self, document_id: str) -> None:
        self.stack.setCurrentWidget(self.editor)
        self.documentOpened.emit(document_id)

    def reload(self) -> None:
        """Read the cache again; the list only when it can be seen (it may hold thousands)."""
        self._stale = True
        if self.stack.currentWidget() is self.editor:
            self.editor.refresh()
        elif self.isVisible():
            self._reload_list()

    def _reload_list(self) -> None:
        self._stale = False
        self.list_view.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.stack.currentWidget() is self.list_view:
            self._reload_list()
