"""Which days a report shows: one day in the context of its week, or one ISO week in the
context of the weeks before it. Plain dates, so the rules are tested without widgets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from wb_desktop.core.store.report_queries import DAYS_PER_WEEK, week_start

WEEKS_IN_CHART = 8


class Granularity(StrEnum):
    DAY = "day"
    WEEK = "week"


@dataclass(frozen=True)
class Period:
    """The day or the ISO week (``anchor`` is then its Monday) the figures are for."""

    granularity: Granularity
    anchor: date

    @classmethod
    def containing(cls, granularity: Granularity, day: date) -> Period:
        return cls(granularity, day if granularity is Granularity.DAY else week_start(day))

    @property
    def first_day(self) -> date:
        return self.anchor

    @property
    def last_day(self) -> date:
        if self.granularity is Granularity.DAY:
            return self.anchor
        return self.anchor + timedelta(days=DAYS_PER_WEEK - 1)

    def shifted(self, steps: int) -> Period:
        days = steps if self.granularity is Granularity.DAY else steps * DAYS_PER_WEEK
        return Period(self.granularity, self.anchor + timedelta(days=days))

    def contains(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day

    def chart_slots(self) -> list[date]:
        """The bars: the seven days of the day's week, or the Mondays of the last weeks up
        to this one."""
        if self.granularity is Granularity.DAY:
            monday = week_start(self.anchor)
            return [monday + timedelta(days=n) for n in range(DAYS_PER_WEEK)]
        return [
            self.anchor - timedelta(weeks=WEEKS_IN_CHART - 1 - n) for n in range(WEEKS_IN_CHART)
        ]

    @property
    def report_first_day(self) -> date:
        return self.chart_slots()[0]

    @property
    def report_last_day(self) -> date:
        return self.chart_slots()[-1] + timedelta(
            days=0 if self.granularity is Granularity.DAY else DAYS_PER_WEEK - 1
        )
