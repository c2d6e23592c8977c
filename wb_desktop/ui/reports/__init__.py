"""The reports screen: jobs completed, hours logged and amounts invoiced, per day and week."""

from wb_desktop.ui.reports.bar_chart import Bar, BarChart
from wb_desktop.ui.reports.page import ReportsPage

__all__ = ["Bar", "BarChart", "ReportsPage"]
