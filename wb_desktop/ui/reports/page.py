"""The reports screen: a day or a week's figures and a bar chart around them.

Everything is computed from the local cache (:func:`build_report`), so reports work
offline and include work not yet synced. A running time clock keeps counting: the page
re-reads once a minute while it is on screen, and whenever the cache changes.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from itertools import pairwise

from PySide6.QtCore import QDate, QLocale, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.core.domain.money import DEFAULT_CURRENCY
from wb_desktop.core.store.changes import Changes
from wb_desktop.core.store.report_queries import Figures, Report, build_report
from wb_desktop.ui.elided_label import ElidedLabel
from wb_desktop.ui.formatting import format_date, format_decimal, format_money
from wb_desktop.ui.job_sections import card
from wb_desktop.ui.reports.bar_chart import Bar, BarChart
from wb_desktop.ui.reports.figures_panel import FiguresPanel
from wb_desktop.ui.reports.periods import Granularity, Period
from wb_desktop.ui.theme import SPACING_PX, TOUCH_TARGET_PX
from wb_desktop.ui.workday import Workday

REFRESH_MS = 60_000
REPORT_KINDS = ("job", "job_line_item", "time_entry", "document")
SECONDS_PER_HOUR = 3600


class Metric(StrEnum):
    HOURS = "hours"
    JOBS = "jobs"
    INVOICED = "invoiced"


def hours_of(figures: Figures) -> Decimal:
    hours = Decimal(int(figures.worked.total_seconds())) / SECONDS_PER_HOUR
    return hours.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def tick_text(value: float) -> str:
    """An axis number in the locale's format, with only the decimals it needs."""
    places = 0 if float(value).is_integer() else 1 if round(value, 1) == value else 2
    return QLocale().toString(float(value), "f", places)


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ReportsPage(QWidget):
    def __init__(self, workday: Workday, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workday = workday
        self._period = Period.containing(Granularity.DAY, workday.today())
        self._metric = Metric.HOURS
        self._report: Report | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING_PX)
        layout.addLayout(self._navigation())
        self.figures = FiguresPanel(self)
        layout.addWidget(self.figures)
        chart_card, chart_layout = card(self.tr("Chart"), self)
        chart_layout.addLayout(self._metric_buttons())
        self.chart = BarChart(chart_card)
        chart_layout.addWidget(self.chart, 1)
        self.chart_note = QLabel(chart_card)
        self.chart_note.setProperty("role", "muted")
        self.chart_note.setWordWrap(True)
        chart_layout.addWidget(self.chart_note)
        layout.addWidget(chart_card, 1)
        footnote = QLabel(
            self.tr(
                "Worked out on this tablet from its own data, so reports work offline and "
                "include changes that have not synced yet."
            ),
            self,
        )
        footnote.setProperty("role", "muted")
        footnote.setWordWrap(True)
        layout.addWidget(footnote)
        self.chart.barClicked.connect(self._open_bar)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self._stale = True
        workday.runner.changed.connect(self._on_changed)
        buttons = [
            self.day_button,
            self.week_button,
            self.previous_button,
            self.next_button,
            self.current_button,
            *self.metric_buttons.values(),
        ]
        for first, second in pairwise(buttons):
            QWidget.setTabOrder(first, second)
        self.refresh()

    def _button(self, text: str, *, checkable: bool = False, wide: int = 2) -> QPushButton:
        button = QPushButton(text, self)
        button.setCheckable(checkable)
        button.setMinimumSize(TOUCH_TARGET_PX * wide, TOUCH_TARGET_PX)
        return button

    def _navigation(self) -> QHBoxLayout:
        row = QHBoxLayout()
        heading = QLabel(self.tr("Reports"), self)
        heading.setProperty("role", "heading")
        row.addWidget(heading)
        row.addSpacing(SPACING_PX)
        self.day_button = self._button(self.tr("Day"), checkable=True)
        self.week_button = self._button(self.tr("Week"), checkable=True)
        group = QButtonGroup(self)
        group.addButton(self.day_button)
        group.addButton(self.week_button)
        self.day_button.setChecked(True)
        self.day_button.clicked.connect(lambda: self.set_granularity(Granularity.DAY))
        self.week_button.clicked.connect(lambda: self.set_granularity(Granularity.WEEK))
        self.previous_button = self._button("◀", wide=1)
        self.next_button = self._button("▶", wide=1)
        self.previous_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(1))
        self.period_label = ElidedLabel("", self)  # a long Swedish date gives way on purpose
        self.period_label.setProperty("role", "heading")
        self.period_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.current_button = self._button("", wide=3)
        self.current_button.clicked.connect(self.go_to_today)
        for widget in (self.day_button, self.week_button, self.previous_button):
            row.addWidget(widget)
        row.addWidget(self.period_label, 1)
        row.addWidget(self.next_button)
        row.addWidget(self.current_button)
        return row

    def _metric_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        group = QButtonGroup(self)
        self.metric_buttons = {
            Metric.HOURS: self._button(self.tr("Hours"), checkable=True),
            Metric.JOBS: self._button(self.tr("Jobs completed"), checkable=True, wide=3),
            Metric.INVOICED: self._button(self.tr("Invoiced"), checkable=True),
        }
        for metric, button in self.metric_buttons.items():
            group.addButton(button)
            button.clicked.connect(lambda _checked=False, m=metric: self.set_metric(m))
            row.addWidget(button)
        row.addStretch(1)
        self.metric_buttons[self._metric].setChecked(True)
        return row

    @property
    def period(self) -> Period:
        return self._period

    @property
    def metric(self) -> Metric:
        return self._metric

    @property
    def report(self) -> Report | None:
        return self._report

    def set_granularity(self, granularity: Granularity) -> None:
        day = self._workday.today() if self._period.contains(self._workday.today()) else None
        self._period = Period.containing(granularity, day or self._period.anchor)
        (self.day_button if granularity is Granularity.DAY else self.week_button).setChecked(True)
        self.refresh()

    def set_metric(self, metric: Metric) -> None:
        self._metric = metric
        self.metric_buttons[metric].setChecked(True)
        self._show_chart()

    def go(self, steps: int) -> None:
        """Move by whole days or weeks; never past the period holding today."""
        shifted = self._period.shifted(steps)
        if shifted.first_day <= self._workday.today():
            self._period = shifted
            self.refresh()

    def go_to_today(self) -> None:
        self._period = Period.containing(self._period.granularity, self._workday.today())
        self.refresh()

    def refresh(self) -> None:
        """Read the figures again through the op runner (cheap: a few grouped queries)."""
        workday, period, now = self._workday, self._period, self._workday.now()
        self._stale = False
        workday.runner.query(
            lambda session: (
                period,
                build_report(
                    session,
                    period.report_first_day,
                    period.report_last_day,
                    workday.zone,
                    now,
                    workday.technician_id,
                ),
            ),
            self._show_report,
            latest_of=self,
        )

    def _show_report(self, answer: tuple[Period, Report]) -> None:
        period, report = answer
        if period != self._period:
            return  # another period was asked for meanwhile; its figures follow
        self._report = report
        self.figures.show_figures(self.period_figures())
        self._show_period()
        self._show_chart()

    def period_figures(self) -> Figures:
        if self._report is None:
            return Figures()
        if self._period.granularity is Granularity.DAY:
            return self._report.day(self._period.anchor)
        return self._report.week_of(self._period.anchor)

    def _show_period(self) -> None:
        today, period = self._workday.today(), self._period
        if period.granularity is Granularity.DAY:
            text = QLocale().toString(qdate(period.anchor), "dddd d MMMM yyyy")
            if period.anchor == today:
                text = self.tr("Today, %1").replace("%1", text)
            self.current_button.setText(self.tr("Today"))
            self.previous_button.setAccessibleName(self.tr("Previous day"))
            self.next_button.setAccessibleName(self.tr("Next day"))
        else:
            text = (
                self.tr("Week %1: %2 – %3")
                .replace("%1", str(period.anchor.isocalendar().week))
                .replace("%2", format_date(period.first_day))
                .replace("%3", format_date(period.last_day))
            )
            self.current_button.setText(self.tr("This week"))
            self.previous_button.setAccessibleName(self.tr("Previous week"))
            self.next_button.setAccessibleName(self.tr("Next week"))
        self.period_label.setText(text)
        self.current_button.setEnabled(not period.contains(today))
        self.next_button.setEnabled(period.shifted(1).first_day <= today)

    def _slot_figures(self, slot: date) -> Figures:
        assert self._report is not None
        if self._period.granularity is Granularity.DAY:
            return self._report.day(slot)
        return self._report.week_of(slot)

    def chart_currency(self) -> str:
        currencies = self._report.currencies() if self._report is not None else []
        return currencies[0] if currencies else DEFAULT_CURRENCY

    def _show_chart(self) -> None:
        if self._report is None:
            return
        currency = self.chart_currency()
        bars = []
        today = self._workday.today()
        for slot in self._period.chart_slots():
            value, text = self._bar_value(self._slot_figures(slot), currency)
            label, spoken = self._slot_names(slot)
            if slot > today:  # a day to come has no figures yet, not zero ones
                value, text = 0.0, ""
            bars.append(Bar(label, value, text, self._period.contains(slot), spoken))
        titles = {
            Metric.HOURS: self.tr("Hours logged"),
            Metric.JOBS: self.tr("Jobs completed"),
            Metric.INVOICED: self.tr("Amount invoiced (%1)").replace("%1", currency),
        }
        title = titles[self._metric]
        self.chart.set_chart(bars, title, tick_text, whole=self._metric is Metric.JOBS)
        self.chart.setAccessibleName(self.tr("Bar chart: %1").replace("%1", title))
        others = [c for c in self._report.currencies() if c != currency]
        note = ""
        if self._metric is Metric.INVOICED and others:
            note = self.tr("The chart shows %1 only; amounts in %2 are in the figures above.")
            note = note.replace("%1", currency).replace("%2", ", ".join(others))
        self.chart_note.setText(note)
        self.chart_note.setVisible(bool(note))

    def _bar_value(self, figures: Figures, currency: str) -> tuple[float, str]:
        if self._metric is Metric.HOURS:
            hours = hours_of(figures)
            return float(hours), self.tr("%1 h").replace("%1", format_decimal(hours, 1))
        if self._metric is Metric.JOBS:
            return float(figures.jobs_completed), QLocale().toString(figures.jobs_completed)
        amount = figures.amount(currency)
        return float(amount), format_money(amount, currency)

    def _slot_names(self, slot: date) -> tuple[str, str]:
        locale = QLocale()
        if self._period.granularity is Granularity.DAY:
            return locale.toString(qdate(slot), "ddd d"), locale.toString(
                qdate(slot), "dddd d MMMM"
            )
        week = str(slot.isocalendar().week)
        return self.tr("W%1").replace("%1", week), self.tr("Week %1").replace("%1", week)

    def _open_bar(self, index: int) -> None:
        """A tapped bar becomes the period shown (a day of the week, or one of the weeks)."""
        slots = self._period.chart_slots()
        if 0 <= index < len(slots) and slots[index] <= self._workday.today():
            self._period = Period.containing(self._period.granularity, slots[index])
            self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.concerns(*REPORT_KINDS):
            self.cache_changed()

    def cache_changed(self) -> None:
        """Re-read at once on screen; off screen, only note it for the next show."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        self.timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        self._stale = True  # a sync may change the cache while the page is away
        super().hideEvent(event)
