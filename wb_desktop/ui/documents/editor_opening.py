"""How the document editor opens what it shows: a new document, one for a job, a saved one,
and the shown one read again. Each read goes through the op runner; an answer to a read
asked before the newest one is not shown.

Kept apart from the form and the writes of
:class:`~wb_desktop.ui.documents.editor.DocumentEditor`, which inherits these methods. They
translate nothing (a translated string must stay in the class that shows it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wb_desktop.core.domain.money import LineInput
from wb_desktop.core.domain.records import DocumentKind
from wb_desktop.core.store.document_views import (
    DocumentDetail,
    JobStart,
    customer_choices,
    document_detail,
    job_start,
)

if TYPE_CHECKING:  # what the editor provides: the contract of these methods, written down
    from typing import Protocol

    from wb_desktop.ui.documents.editor_parts import EditorHeader
    from wb_desktop.ui.documents.payment_panel import CardPaymentPanel
    from wb_desktop.ui.workday import Workday

    class Editor(Protocol):
        header: EditorHeader
        payment: CardPaymentPanel
        document_id: str | None
        _workday: Workday
        _request: int
        _currency: str

        def _start(
            self,
            kind: DocumentKind,
            document_id: str | None,
            job_id: str | None,
            customer_id: str | None,
        ) -> None: ...
        def _show_lines(self, lines: list[LineInput], notes: str) -> None: ...
        def _show_detail(self, detail: DocumentDetail, *, lines_too: bool) -> None: ...
        def _read(
            self: Editor, query: Callable[[Any], Any], show: Callable[[Any], None]
        ) -> None: ...


NEW_LINE = LineInput("", "1", "", "25")
Opened = Callable[[bool], None]  # told whether the document (or job) was found


class DocumentOpening:
    """The editor's reads; the editor provides the fields and ``_start``, ``_show_lines``
    and ``_show_detail`` that show an answer (``Editor``, the type of ``self`` here)."""

    def new_document(
        self: Editor,
        kind: DocumentKind = DocumentKind.INVOICE,
        customer_id: str | None = None,
        opened: Opened | None = None,
    ) -> None:
        """A new document from scratch; the technician picks the customer."""

        def show(customers: list[tuple[str, str]]) -> None:
            picked = next((c for c in customers if c[0] == customer_id), None)
            self._start(kind, None, None, None)
            self.header.show_new(kind, customers, picked, None)
            self._show_lines([NEW_LINE], "")
            if opened is not None:
                opened(True)

        self._read(customer_choices, show)

    def open_for_job(
        self: Editor,
        job_id: str,
        kind: DocumentKind = DocumentKind.INVOICE,
        opened: Opened | None = None,
    ) -> None:
        """A new document for a job's customer, starting from the job's line items;
        ``opened(False)`` when the job is gone."""

        def show(start: JobStart | None) -> None:
            if start is not None:
                self._start(kind, None, job_id, start.customer_id)
                self.header.show_new(
                    kind, None, (start.customer_id, start.customer_name), start.job_title
                )
                self._show_lines(list(start.lines) or [NEW_LINE], "")
            if opened is not None:
                opened(start is not None)

        self._read(lambda session: job_start(session, job_id), show)

    def open_document(self: Editor, document_id: str, opened: Opened | None = None) -> None:
        """Show a saved document; ``opened(False)`` when it is gone."""

        def show(detail: DocumentDetail | None) -> None:
            if detail is not None:
                row = detail.row
                self._start(row.kind, row.id, row.job_id, row.customer_id)
                self._currency = row.currency
                self._show_detail(detail, lines_too=True)
            if opened is not None:
                opened(detail is not None)

        self._read(lambda session: document_detail(session, document_id), show)

    def _read(self: Editor, query: Callable[[Any], Any], show: Callable[[Any], None]) -> None:
        self._request += 1
        request = self._request
        self._workday.runner.query(
            query, lambda answer: show(answer) if request == self._request else None
        )

    def refresh(self: Editor) -> None:
        """Read the shown document's states again (after a sync or a payment); typed but
        unsaved changes are kept."""
        document_id = self.document_id
        if document_id is None:
            self.payment.show_invoice(None)
            return

        request = self._request  # a document opened meanwhile wins over this refresh

        def show(detail: DocumentDetail | None) -> None:
            if request == self._request and detail is not None and detail.row.id == document_id:
                self._show_detail(detail, lines_too=False)

        self._workday.runner.query(
            lambda session: document_detail(session, document_id), show, latest_of=(self, "states")
        )
