"""Where the table base used to live; it is :mod:`wb_desktop.ui.row_models` now. Kept only
for the modules that still import it from here (job_sections, customers.records_models)."""

from __future__ import annotations

from wb_desktop.ui.row_models import RowTableModel

__all__ = ["RowTableModel"]
