"""The customers screen: search, details, offline edits, each customer's jobs and documents."""

from wb_desktop.ui.customers.page import CustomersPage

__all__ = ["CustomersPage"]
