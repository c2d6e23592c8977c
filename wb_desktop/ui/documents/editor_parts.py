"""Pieces of the document editor: state chips and the header with the customer."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from wb_desktop.core.domain.records import DeliveryState, DocumentKind
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.document_views import DocumentDetail
from wb_desktop.ui.documents.labels import (
    delivery_colour,
    delivery_label,
    kind_label,
    sync_colour,
    sync_mark,
)
from wb_desktop.ui.labels import sync_state_label
from wb_desktop.ui.schedule_view import current_colours
from wb_desktop.ui.theme import SPACING_PX, TOUCH_TARGET_PX

CHIP_HEIGHT_PX = 34


class Chip(QLabel):
    """A rounded state label: filled for delivery, outlined for sync (as in the list)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumHeight(CHIP_HEIGHT_PX)
        self.setMinimumWidth(140)

    def show_state(self, text: str, colour: str, *, filled: bool) -> None:
        self.setText(text)
        fill = f"background: {colour}; color: #ffffff;" if filled else f"color: {colour};"
        self.setStyleSheet(
            f"QLabel {{ {fill} border: 2px solid {colour}; border-radius: {CHIP_HEIGHT_PX // 2}px;"
            " padding: 2px 14px; font-weight: 700; }"
        )


class EditorHeader(QWidget):
    """Back, the document's name, its chips, and who it is for (picked for a new one)."""

    backRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(SPACING_PX // 2)
        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("◀ All documents"), self)
        self.back_button.setMinimumSize(TOUCH_TARGET_PX * 3, TOUCH_TARGET_PX)
        self.back_button.clicked.connect(self.backRequested)
        self.title_label = QLabel(self)
        self.title_label.setProperty("role", "heading")
        self.delivery_chip = Chip(self)
        self.sync_chip = Chip(self)
        top.addWidget(self.back_button)
        top.addSpacing(SPACING_PX)
        top.addWidget(self.title_label, 1)
        top.addWidget(self.delivery_chip)
        top.addWidget(self.sync_chip)
        outer.addLayout(top)
        who = QHBoxLayout()
        self.customer_caption = QLabel(self.tr("Customer:"), self)
        self.customer_label = QLabel(self)
        self.customer_combo = QComboBox(self)
        self.customer_combo.setMinimumSize(TOUCH_TARGET_PX * 6, TOUCH_TARGET_PX)
        self.customer_combo.setAccessibleName(self.tr("Customer"))
        self.job_label = QLabel(self)
        self.job_label.setProperty("role", "muted")
        who.addWidget(self.customer_caption)
        who.addWidget(self.customer_label)
        who.addWidget(self.customer_combo)
        who.addSpacing(SPACING_PX * 2)
        who.addWidget(self.job_label, 1)
        outer.addLayout(who)
        self.customer_error_label = QLabel(self)
        self.customer_error_label.setProperty("role", "error")
        self.customer_error_label.hide()
        outer.addWidget(self.customer_error_label)
        self.customer_combo.currentIndexChanged.connect(
            lambda _index: self.customer_error_label.hide()
        )

    def show_new(
        self,
        kind: DocumentKind,
        customers: list[tuple[str, str]] | None,
        customer: tuple[str, str] | None,
        job_title: str | None,
    ) -> None:
        """A document not saved yet; ``customers`` to pick from, or the one it is for."""
        title = self.tr("New invoice") if kind is DocumentKind.INVOICE else self.tr("New estimate")
        self.title_label.setText(title)
        self.delivery_chip.show_state(
            delivery_label(DeliveryState.DRAFT),
            delivery_colour(DeliveryState.DRAFT, current_colours()),
            filled=True,
        )
        self.sync_chip.show_state(self.tr("Not saved yet"), current_colours().muted, filled=False)
        self.customer_combo.clear()
        self.customer_combo.addItem(self.tr("Pick a customer…"), None)
        for customer_id, name in customers or []:
            self.customer_combo.addItem(name, customer_id)
        picking = customers is not None
        if picking and customer is not None:
            self.customer_combo.setCurrentIndex(max(0, self.customer_combo.findData(customer[0])))
        self.customer_combo.setVisible(picking)
        self.customer_label.setVisible(not picking)
        self.customer_label.setText(customer[1] if customer else "")
        self._show_job(job_title)
        self.customer_error_label.hide()

    def show_detail(self, detail: DocumentDetail) -> None:
        row = detail.row
        self.title_label.setText(f"{kind_label(row.kind)} {row.reference}")
        colours = current_colours()
        self.delivery_chip.show_state(
            delivery_label(row.delivery_state),
            delivery_colour(row.delivery_state, colours),
            filled=True,
        )
        self.show_sync(row.sync_state)
        self.customer_combo.hide()
        self.customer_label.show()
        self.customer_label.setText(row.customer_name)
        self._show_job(row.job_title)
        self.customer_error_label.hide()

    def show_sync(self, state: SyncState) -> None:
        self.sync_chip.show_state(
            sync_mark(state) + sync_state_label(state),
            sync_colour(state, current_colours()),
            filled=False,
        )

    def _show_job(self, job_title: str | None) -> None:
        self.job_label.setText(self.tr("Job: %1").replace("%1", job_title) if job_title else "")

    def picked_customer_id(self) -> str | None:
        data = self.customer_combo.currentData()
        return data if isinstance(data, str) else None

    def show_customer_error(self, text: str) -> None:
        self.customer_error_label.setText(text)
        self.customer_error_label.show()
