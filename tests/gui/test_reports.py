"""The reports screen: figures for a day and a week from the cache alone, navigation, and a
bar chart with the right bars in the normal and the high-contrast theme."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from tests.conftest import Schedule
from tests.gui.conftest import TECHNICIAN
from tests.gui.waiting import settle
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.records import DeliveryState, DocumentKind
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.models import Document, Job
from wb_desktop.ui.formatting import format_money
from wb_desktop.ui.reports import BarChart, ReportsPage
from wb_desktop.ui.reports.bar_chart import Bar, nice_ticks
from wb_desktop.ui.reports.page import Metric
from wb_desktop.ui.reports.periods import Granularity, Period
from wb_desktop.ui.theme import HIGH_CONTRAST, NORMAL, TOUCH_TARGET_PX, apply_theme
from wb_desktop.ui.workday import Workday

LINE = {"description": "Labour", "quantity": "2", "unit_price": "650", "vat_rate": "25"}
# The clock fixture: Monday 23 November 2026, 08:30 in Stockholm (ISO week 48).


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.fixture
def themed() -> Iterator[None]:
    """Leave the application's look as it was found, whatever theme a test applies."""
    app = QApplication.instance()
    sheet, palette, font = app.styleSheet(), app.palette(), app.font()
    high_contrast = app.property("wb_high_contrast")
    yield
    app.setStyleSheet(sheet)
    app.setPalette(palette)
    app.setFont(font)
    app.setProperty("wb_high_contrast", high_contrast)


@pytest.fixture
def worked_week(cache: LocalCache, clock: FixedClock, schedule: Schedule) -> Schedule:
    """Last Friday and today: time on the clock, a completed job, sent invoices."""
    boiler, _leak = schedule.job_ids
    karin = schedule.customer_ids[0]
    with cache.database.writer() as session, session.begin():
        job = session.get(Job, boiler)
        job.status, job.status_changed_at = JobStatus.COMPLETE, utc(2026, 11, 20, 14, 0)
        job.assigned_technician_id = TECHNICIAN  # the workday's: the report counts its jobs
        session.add(
            Document(
                id=str(uuid.uuid4()),
                kind=DocumentKind.INVOICE,
                reference="INV-OFFICE-00001",
                customer_id=karin,
                currency="SEK",
                subtotal=Decimal("800.00"),
                vat_total=Decimal("200.00"),
                total=Decimal("1000.00"),
                delivery_state=DeliveryState.SENT,
                sent_at=utc(2026, 11, 20, 15, 0),
                version=1,
                sync_state=SyncState.SYNCED,
                created_at=utc(2026, 11, 20, 15, 0),
                updated_at=utc(2026, 11, 20, 15, 0),
            )
        )
    time_clock = cache.changes.time
    clock.advance(utc(2026, 11, 20, 7, 0) - clock.now())  # Friday 08:00 local
    time_clock.clock_in()
    clock.advance(timedelta(hours=8))
    time_clock.clock_out()
    clock.advance(utc(2026, 11, 23, 6, 30) - clock.now())  # today 07:30 local
    time_clock.clock_in()  # still running
    clock.advance(utc(2026, 11, 23, 7, 30) - clock.now())
    receipt = cache.changes.documents.create("invoice", karin, [LINE])
    cache.changes.documents.send(receipt.record_id)  # queued offline: SEK 1 625.00
    return schedule


def make_page(qtbot: QtBot, workday: Workday) -> ReportsPage:
    page = ReportsPage(workday)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot, workday)
    return page


def values(chart: BarChart) -> list[str]:
    return [bar.value_text for bar in chart.bars]


def test_today_shows_the_days_figures_and_the_week_around_it(
    qtbot: QtBot, workday: Workday, worked_week: Schedule
) -> None:
    page = make_page(qtbot, workday)

    assert page.period == Period(Granularity.DAY, workday.today())
    assert page.period_label.text().startswith("Today")
    assert page.figures.jobs_card.value_label.text() == "0"
    assert page.figures.hours_card.value_label.text() == "1 h 00 min"  # running since 07:30
    assert page.figures.invoiced_card.value_label.text() == format_money(Decimal("1625"), "SEK")

    chart = page.chart
    assert chart.bars[0].label.endswith("23")
    assert len(chart.bars) == 7
    assert [bar.current for bar in chart.bars] == [True] + [False] * 6
    assert values(chart) == ["1.0 h", "", "", "", "", "", ""]  # days to come have no figures
    assert chart.axis_title == "Hours logged"
    assert "1.0 h" in chart.accessibleDescription()
    assert chart.accessibleName() == "Bar chart: Hours logged"
    assert not page.next_button.isEnabled()
    assert not page.current_button.isEnabled()


def test_previous_day_and_back_to_today(
    qtbot: QtBot, workday: Workday, worked_week: Schedule
) -> None:
    page = make_page(qtbot, workday)

    for _ in range(3):
        qtbot.mouseClick(page.previous_button, Qt.MouseButton.LeftButton)
        settle(qtbot, workday)

    assert page.period.anchor == workday.today() - timedelta(days=3)  # Friday
    assert page.figures.jobs_card.value_label.text() == "1"
    assert page.figures.hours_card.value_label.text() == "8 h 00 min"
    assert page.figures.invoiced_card.value_label.text() == format_money(Decimal("1000"), "SEK")
    assert [bar.current for bar in page.chart.bars] == [False] * 4 + [True, False, False]
    assert values(page.chart)[4] == "8.0 h"
    assert page.current_button.isEnabled()

    qtbot.mouseClick(page.current_button, Qt.MouseButton.LeftButton)
    settle(qtbot, workday)
    assert page.period.anchor == workday.today()


def test_week_view_has_eight_weekly_bars_and_each_metric(
    qtbot: QtBot, workday: Workday, worked_week: Schedule
) -> None:
    page = make_page(qtbot, workday)

    qtbot.mouseClick(page.week_button, Qt.MouseButton.LeftButton)
    settle(qtbot, workday)
    assert page.period == Period(Granularity.WEEK, workday.today())
    assert page.period_label.text().startswith("Week 48")
    assert [bar.label for bar in page.chart.bars] == [f"W{n}" for n in range(41, 49)]
    assert [bar.current for bar in page.chart.bars] == [False] * 7 + [True]
    assert values(page.chart)[-2:] == ["8.0 h", "1.0 h"]  # last Friday, and today so far
    assert page.figures.hours_card.value_label.text() == "1 h 00 min"

    qtbot.mouseClick(page.metric_buttons[Metric.JOBS], Qt.MouseButton.LeftButton)
    settle(qtbot, workday)
    assert values(page.chart)[-2:] == ["1", "0"]
    assert page.chart.axis_title == "Jobs completed"

    qtbot.mouseClick(page.metric_buttons[Metric.INVOICED], Qt.MouseButton.LeftButton)
    settle(qtbot, workday)
    assert values(page.chart)[-2:] == [
        format_money(Decimal("1000.00"), "SEK"),
        format_money(Decimal("1625.00"), "SEK"),
    ]
    assert page.chart.axis_title == "Amount invoiced (SEK)"

    qtbot.mouseClick(page.previous_button, Qt.MouseButton.LeftButton)
    settle(qtbot, workday)
    assert page.period_label.text().startswith("Week 47")
    assert page.figures.jobs_card.value_label.text() == "1"
    assert [bar.label for bar in page.chart.bars][-1] == "W47"


def test_tapping_a_bar_opens_that_day(qtbot: QtBot, workday: Workday, worked_week: Schedule):
    page = make_page(qtbot, workday)
    qtbot.mouseClick(page.previous_button, Qt.MouseButton.LeftButton)  # Sunday: last week
    settle(qtbot, workday)
    friday = page.chart.bar_rects()[4]

    with qtbot.waitSignal(page.chart.barClicked) as clicked:
        qtbot.mouseClick(
            page.chart, Qt.MouseButton.LeftButton, pos=QPoint(int(friday.center().x()), 20)
        )

    assert clicked.args == [4]
    assert page.period.anchor == workday.today() - timedelta(days=3)


def test_work_saved_offline_and_a_running_clock_update_the_figures(
    qtbot: QtBot, workday: Workday, clock: FixedClock, worked_week: Schedule
) -> None:
    page = make_page(qtbot, workday)
    assert page.timer.isActive()  # a running clock keeps counting while the page shows
    karin = worked_week.customer_ids[0]

    receipt = workday.write("", lambda changes: changes.documents.create("invoice", karin, [LINE]))
    settle(qtbot, workday)
    assert page.figures.invoiced_card.value_label.text() == format_money(Decimal("1625"), "SEK")
    workday.write("", lambda changes: changes.documents.send(receipt.record_id))
    settle(qtbot, workday)
    assert page.figures.invoiced_card.value_label.text() == format_money(Decimal("3250"), "SEK")

    clock.advance(timedelta(minutes=30))
    page.refresh()
    settle(qtbot, workday)
    assert page.figures.hours_card.value_label.text() == "1 h 30 min"
    page.hide()
    assert not page.timer.isActive()

    more = workday.write("", lambda changes: changes.documents.create("invoice", karin, [LINE]))
    settle(qtbot, workday)
    workday.write("", lambda changes: changes.documents.send(more.record_id))
    settle(qtbot, workday)
    assert page.figures.invoiced_card.value_label.text() == format_money(Decimal("3250"), "SEK")
    page.show()  # off screen it only noted the change; it reads again when shown
    settle(qtbot, workday)
    assert page.figures.invoiced_card.value_label.text() == format_money(Decimal("4875"), "SEK")


@pytest.mark.parametrize("colours", [NORMAL, HIGH_CONTRAST], ids=["normal", "high-contrast"])
def test_the_chart_paints_with_the_themes_colours(qtbot: QtBot, themed: None, colours) -> None:
    apply_theme(QApplication.instance(), high_contrast=colours is HIGH_CONTRAST)
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(700, 320)
    bars = [Bar("Mon", 4, "4", False), Bar("Tue", 8, "8", True), Bar("Wed", 0, "0")]
    chart.set_chart(bars, "Jobs", lambda v: f"{v:g}", whole=True)

    image = chart.grab().toImage()
    old, current = chart.bar_rects()[0], chart.bar_rects()[1]

    def colour_at(rect) -> str:
        return QColor(image.pixel(int(rect.center().x()), int(rect.bottom() - 5))).name()

    assert colour_at(current) == colours.accent
    assert colour_at(old) == colours.muted
    assert QColor(image.pixel(image.width() - 2, 2)).name() == colours.surface
    assert current.height() == pytest.approx(2 * old.height())
    assert chart.bar_rects()[2].height() == 0
    assert chart.ticks() == [0, 2, 4, 6, 8]
    assert "Tue: 8" in chart.accessibleDescription()


def test_nice_ticks() -> None:
    assert nice_ticks(0) == [0.0, 1.0]
    assert nice_ticks(9) == [0, 5, 10]
    assert nice_ticks(8) == [0, 2, 4, 6, 8]
    assert nice_ticks(3, whole=True) == [0, 1, 2, 3]
    assert nice_ticks(0.7) == pytest.approx([0, 0.2, 0.4, 0.6, 0.8])
    assert nice_ticks(602_151.60)[-1] == 800_000


def test_controls_are_touch_sized(qtbot: QtBot, workday: Workday) -> None:
    page = make_page(qtbot, workday)
    for button in page.findChildren(QPushButton):
        assert button.height() >= TOUCH_TARGET_PX, button.text()
        assert button.width() >= TOUCH_TARGET_PX, button.text()
    assert page.chart.width() / len(page.chart.bars) >= TOUCH_TARGET_PX
