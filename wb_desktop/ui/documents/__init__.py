"""Invoices and estimates: the list, the editor, and the card payment on an invoice."""

from wb_desktop.ui.documents.editor import DocumentEditor
from wb_desktop.ui.documents.list_model import DocumentListModel, DocumentRole
from wb_desktop.ui.documents.list_view import DocumentListView
from wb_desktop.ui.documents.page import DocumentsPage
from wb_desktop.ui.documents.payment_panel import CardPaymentPanel

__all__ = [
    "CardPaymentPanel",
    "DocumentEditor",
    "DocumentListModel",
    "DocumentListView",
    "DocumentRole",
    "DocumentsPage",
]
