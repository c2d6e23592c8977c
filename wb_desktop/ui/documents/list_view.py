"""The list of invoices and estimates: kind filter, search, and the cards."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.core.domain.records import DocumentKind
from wb_desktop.core.store.document_views import DocumentRow, document_rows
from wb_desktop.ui.documents.card_delegate import DocumentCardDelegate
from wb_desktop.ui.documents.list_model import DocumentListModel, DocumentRole
from wb_desktop.ui.theme import SPACING_PX, TOUCH_TARGET_PX
from wb_desktop.ui.workday import Workday

SEARCH_SETTLE_MS = 150


class DocumentListView(QWidget):
    """Emits :attr:`documentOpened` with a document id, :attr:`newRequested` with a kind."""

    documentOpened = Signal(str)
    newRequested = Signal(object)

    def __init__(self, workday: Workday, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workday = workday
        self.model = DocumentListModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING_PX)
        layout.addLayout(self._top_row())
        layout.addLayout(self._filter_row())
        self.list_view = QListView(self)
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(DocumentCardDelegate(self.list_view))
        self.list_view.setUniformItemSizes(True)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.setResizeMode(QListView.ResizeMode.Adjust)  # cards follow its width
        self.list_view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list_view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.list_view.setAccessibleName(self.tr("Invoices and estimates"))
        layout.addWidget(self.list_view, 1)
        self.empty_label = QLabel(self)
        self.empty_label.setProperty("role", "muted")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_SETTLE_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.apply_filter)
        self.kind_group.idClicked.connect(lambda _id: self.apply_filter())
        self.list_view.clicked.connect(self._open)
        self.list_view.activated.connect(self._open)
        self.model.modelReset.connect(self._after_reload)
        QWidget.setTabOrder(self.new_invoice_button, self.new_estimate_button)
        QWidget.setTabOrder(self.new_estimate_button, self.all_button)
        QWidget.setTabOrder(self.all_button, self.invoices_button)
        QWidget.setTabOrder(self.invoices_button, self.estimates_button)
        QWidget.setTabOrder(self.estimates_button, self.search_edit)
        QWidget.setTabOrder(self.search_edit, self.list_view)

    def _top_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        heading = QLabel(self.tr("Invoices and estimates"), self)
        heading.setProperty("role", "heading")
        row.addWidget(heading, 1)
        self.new_invoice_button = self._button(self.tr("New invoice"))
        self.new_invoice_button.setProperty("primary", True)
        self.new_estimate_button = self._button(self.tr("New estimate"))
        self.new_invoice_button.clicked.connect(
            lambda: self.newRequested.emit(DocumentKind.INVOICE)
        )
        self.new_estimate_button.clicked.connect(
            lambda: self.newRequested.emit(DocumentKind.ESTIMATE)
        )
        row.addWidget(self.new_invoice_button)
        row.addWidget(self.new_estimate_button)
        return row

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.kind_group = QButtonGroup(self)
        self.all_button = self._button(self.tr("All"), checkable=True)
        self.invoices_button = self._button(self.tr("Invoices"), checkable=True)
        self.estimates_button = self._button(self.tr("Estimates"), checkable=True)
        for number, button in enumerate(
            (self.all_button, self.invoices_button, self.estimates_button)
        ):
            self.kind_group.addButton(button, number)
            row.addWidget(button)
        self.all_button.setChecked(True)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search by customer or reference"))
        self.search_edit.setAccessibleName(self.tr("Search by customer or reference"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumHeight(TOUCH_TARGET_PX)
        row.addSpacing(SPACING_PX)
        row.addWidget(self.search_edit, 1)
        return row

    def _button(self, text: str, *, checkable: bool = False) -> QPushButton:
        button = QPushButton(text, self)
        button.setCheckable(checkable)
        button.setMinimumSize(TOUCH_TARGET_PX * 2, TOUCH_TARGET_PX)
        return button

    def selected_kind(self) -> DocumentKind | None:
        if self.invoices_button.isChecked():
            return DocumentKind.INVOICE
        if self.estimates_button.isChecked():
            return DocumentKind.ESTIMATE
        return None

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.kind, self.model.search = self.selected_kind(), self.search_edit.text()
        self.reload()

    def reload(self) -> None:
        """Read the documents again through the op runner, keeping the filter and the
        selected document."""
        kind, search, customer_id = self.model.kind, self.model.search, self.model.customer_id
        self._workday.runner.query(
            lambda session: (
                (kind, search, customer_id),
                document_rows(session, kind=kind, customer_id=customer_id, search=search),
            ),
            self._show_rows,
            latest_of=self,
        )

    def _show_rows(self, answer: tuple[tuple[object, ...], list[DocumentRow]]) -> None:
        asked, rows = answer
        if asked != (self.model.kind, self.model.search, self.model.customer_id):
            return  # the filter changed meanwhile; its rows follow
        selected = self.selected_document_id()
        self.model.set_rows(rows)
        if selected is not None:
            self.select_document(selected)

    def selected_document_id(self) -> str | None:
        indexes = self.list_view.selectionModel().selectedIndexes()
        return indexes[0].data(DocumentRole.DOCUMENT_ID) if indexes else None

    def select_document(self, document_id: str) -> bool:
        row = self.model.row_of(document_id)
        if row < 0:
            return False
        self.list_view.setCurrentIndex(self.model.index(row))
        return True

    def _open(self, index: QModelIndex) -> None:
        document_id = index.data(DocumentRole.DOCUMENT_ID)
        if document_id:
            self.documentOpened.emit(document_id)

    def _after_reload(self) -> None:
        count = self.model.rowCount()
        self.empty_label.setVisible(count == 0)
        search = self.search_edit.text().strip()
        if search:
            self.empty_label.setText(self.tr("Nothing matches “%1”.").replace("%1", search))
        else:
            self.empty_label.setText(
                self.tr("No invoices or estimates yet. Make one from a job or with New invoice.")
            )
