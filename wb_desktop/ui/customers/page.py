"""The customers screen: a searchable list beside the chosen customer's details.

Search covers name, address and phone and filters as the technician types. Everything is
read from the local cache and edits go through the one write path, so the screen works
the same offline; the list and the details re-read whenever the cache changes.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.core.store.changes import Changes
from wb_desktop.core.store.customer_views import CustomerRow, customer_rows
from wb_desktop.ui.customers.card_delegate import CustomerCardDelegate
from wb_desktop.ui.customers.detail_pane import CustomerDetailPane
from wb_desktop.ui.customers.list_model import CustomerListModel, CustomerRole
from wb_desktop.ui.theme import SPACING_PX, TOUCH_TARGET_PX
from wb_desktop.ui.workday import Workday

LIST_WIDTH_PX = 500
# A card counts the customer's jobs and documents and says what waits to sync.
CUSTOMER_KINDS = ("customer", "job", "document")


class CustomersPage(QWidget):
    """Emits :attr:`jobOpened` / :attr:`documentOpened` with an id when the technician taps
    one of the customer's jobs or documents, so the main window can go there."""

    jobOpened = Signal(str)
    documentOpened = Signal(str)

    def __init__(self, workday: Workday, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workday = workday
        self.model = CustomerListModel(self)
        self.detail = CustomerDetailPane(workday)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setHandleWidth(SPACING_PX)
        self.splitter.addWidget(self._list_side())
        self.splitter.addWidget(self._detail_side())
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([LIST_WIDTH_PX, LIST_WIDTH_PX * 3 // 2])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.search_input.textChanged.connect(self._search)
        self.clear_button.clicked.connect(self.search_input.clear)
        self.list_view.clicked.connect(self._pick)
        self.list_view.activated.connect(self._pick)
        self.detail.jobOpened.connect(self.jobOpened)
        self.detail.documentOpened.connect(self.documentOpened)
        self.detail.shown.connect(self._detail_shown)
        self._stale = True
        workday.runner.changed.connect(self._on_changed)
        QWidget.setTabOrder(self.search_input, self.clear_button)
        QWidget.setTabOrder(self.clear_button, self.list_view)
        QWidget.setTabOrder(self.list_view, self.detail.edit_button)
        self.reload()

    def _list_side(self) -> QWidget:
        side = QWidget(self)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING_PX)
        heading = QLabel(self.tr("Customers"), side)
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        search_row = QHBoxLayout()
        self.search_input = QLineEdit(side)
        hint = self.tr("Search by name, address or phone")
        self.search_input.setPlaceholderText(hint)
        self.search_input.setToolTip(hint)  # the placeholder is cut with "…" when narrow
        self.search_input.setAccessibleName(self.tr("Search customers"))
        self.clear_button = QPushButton(self.tr("Clear"), side)
        self.clear_button.setMinimumSize(TOUCH_TARGET_PX * 2, TOUCH_TARGET_PX)
        search_row.addWidget(self.search_input, 1)
        search_row.addWidget(self.clear_button)
        layout.addLayout(search_row)
        self.count_label = QLabel(side)
        self.count_label.setProperty("role", "muted")
        layout.addWidget(self.count_label)
        self.list_view = QListView(side)
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(CustomerCardDelegate(self.list_view))
        self.list_view.setUniformItemSizes(True)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.setResizeMode(QListView.ResizeMode.Adjust)  # narrower with a scrollbar
        self.list_view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list_view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.list_view.setAccessibleName(self.tr("Customers"))
        layout.addWidget(self.list_view, 1)
        self.empty_label = QLabel(side)
        self.empty_label.setProperty("role", "muted")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_label)
        return side

    def _detail_side(self) -> QWidget:
        self.detail_stack = QStackedWidget(self)
        self.placeholder = QLabel(self.tr("Pick a customer to see their details."), self)
        self.placeholder.setProperty("role", "muted")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_scroll = QScrollArea(self)
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.detail_scroll.setWidget(self.detail)
        self.detail_stack.addWidget(self.placeholder)
        self.detail_stack.addWidget(self.detail_scroll)
        return self.detail_stack

    def reload(self) -> None:
        """Read the customers again (after a local change or a sync), keeping the one shown."""
        self._stale = False
        self._workday.runner.query(customer_rows, self._show_rows, latest_of=self)

    def _show_rows(self, rows: list[CustomerRow]) -> None:
        shown = self.shown_customer_id()
        self.model.set_customers(rows)
        self._after_filter()
        if shown is not None:
            self.show_customer(shown)

    def _on_changed(self, changes: Changes) -> None:
        if changes.concerns(*CUSTOMER_KINDS):
            self.cache_changed()

    def cache_changed(self) -> None:
        """Re-read at once on screen; off screen, only note it for the next show."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._stale = True  # a sync may change the cache while the page is away
        super().hideEvent(event)

    def shown_customer_id(self) -> str | None:
        detail = self.detail.detail
        if self.detail_stack.currentWidget() is not self.detail_scroll or detail is None:
            return None
        return detail.row.customer_id

    def show_customer(self, customer_id: str) -> None:
        """Show one customer's details (read through the op runner) and select them in the
        list if the search shows them; the placeholder if they are gone."""
        self.detail.show_customer(customer_id)

    def _detail_shown(self, customer_id: str, found: bool) -> None:
        if not found:
            self.detail_stack.setCurrentWidget(self.placeholder)
            return
        self.detail_stack.setCurrentWidget(self.detail_scroll)
        row = self.model.row_of(customer_id)
        if row >= 0:
            self.list_view.setCurrentIndex(self.model.index(row))
        else:
            self.list_view.clearSelection()

    def _search(self, text: str) -> None:
        self.model.set_search(text)
        self._after_filter()
        shown = self.shown_customer_id()
        if shown is not None and self.model.row_of(shown) >= 0:
            self.list_view.setCurrentIndex(self.model.index(self.model.row_of(shown)))

    def _after_filter(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_count
        search = self.model.search.strip()
        if total == 0:
            self.empty_label.setText(self.tr("No customers on this tablet yet."))
        elif shown == 0:
            self.empty_label.setText(self.tr("No customer matches “%1”.").replace("%1", search))
        self.empty_label.setVisible(shown == 0)
        if search:
            self.count_label.setText(
                self.tr("%1 of %2 customers")
                .replace("%1", QLocale().toString(shown))
                .replace("%2", QLocale().toString(total))
            )
        else:
            self.count_label.setText(self.tr("%n customer(s)", "", total))

    def _pick(self, index: QModelIndex) -> None:
        customer_id = index.data(CustomerRole.CUSTOMER_ID)
        if customer_id:
            self.show_customer(customer_id)
