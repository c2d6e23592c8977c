"""Figures for the reports screen, per local day and per ISO week, from the cache alone.

Days are the technician's local days: each day's bounds are worked out in Python (a day is
23 or 25 hours on a DST change) and handed to SQLite as UTC instants, so the database can
put each row in its day with a ``CASE`` and group, even though it knows no time zones.

- **Jobs completed**: the technician's jobs in status *complete*, on the day their status
  changed (the end of their booking if the cache does not know when).
- **Hours logged**: time covered by time entries, a running entry up to "now"; a job entry
  inside a day entry counts once (as on the time clock).
- **Amount invoiced**: invoices the technician has sent (queued to send or sent), on the
  day Send was pressed, summed per currency. Drafts are not invoiced yet and estimates are
  not invoices. Sums are exact: SQLite adds whole minor units (the amount's digits without
  the point) per number of decimals, and only those few sums become Decimals here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from decimal import Decimal
from itertools import pairwise
from typing import Any

from sqlalchemy import ColumnElement, Integer, String, and_, case, cast, func, select, type_coerce
from sqlalchemy.orm import Session

from wb_desktop.core.domain.records import DeliveryState, DocumentKind
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.store.models import Document, Job, TimeEntry
from wb_desktop.core.store.time_queries import day_bounds

MAX_REPORT_DAYS = 800  # a little over two years; keeps the per-day CASE a sensible size
DAYS_PER_WEEK = 7


@dataclass(frozen=True)
class Figures:
    """What one day, week or period adds up to."""

    jobs_completed: int = 0
    worked: timedelta = timedelta(0)
    invoiced: Mapping[str, Decimal] = field(default_factory=dict)  # currency → exact sum

    def __add__(self, other: Figures) -> Figures:
        invoiced = dict(self.invoiced)
        for currency, amount in other.invoiced.items():
            invoiced[currency] = invoiced.get(currency, Decimal(0)) + amount
        return Figures(
            self.jobs_completed + other.jobs_completed,
            self.worked + other.worked,
            invoiced,
        )

    def amount(self, currency: str) -> Decimal:
        return self.invoiced.get(currency, Decimal(0))


@dataclass(frozen=True)
class DayFigures:
    day: date
    figures: Figures


@dataclass(frozen=True)
class WeekFigures:
    """An ISO week (Monday first); ``figures`` covers only its days inside the report."""

    year: int
    week: int
    monday: date
    figures: Figures


@dataclass(frozen=True)
class Report:
    first_day: date
    last_day: date
    days: tuple[DayFigures, ...]
    weeks: tuple[WeekFigures, ...]

    @property
    def total(self) -> Figures:
        return sum((d.figures for d in self.days), Figures())

    def day(self, day: date) -> Figures:
        return next((d.figures for d in self.days if d.day == day), Figures())

    def week_of(self, day: date) -> Figures:
        monday = week_start(day)
        return next((w.figures for w in self.weeks if w.monday == monday), Figures())

    def currencies(self) -> list[str]:
        """Every currency invoiced in the report, the largest total first."""
        totals = self.total.invoiced
        return sorted(totals, key=lambda c: (-totals[c], c))


def week_start(day: date) -> date:
    """The Monday of ``day``'s ISO week."""
    return day - timedelta(days=day.weekday())


def day_range(first_day: date, last_day: date) -> list[date]:
    return [first_day + timedelta(days=n) for n in range((last_day - first_day).days + 1)]


def build_report(
    session: Session,
    first_day: date,
    last_day: date,
    zone: tzinfo,
    now: datetime,
    technician_id: str | None = None,
) -> Report:
    """Figures for each local day from ``first_day`` to ``last_day`` (both included) and
    for each ISO week they touch. ``technician_id`` narrows jobs to that technician's;
    None counts every job in the cache (a cache holds one technician's work)."""
    days = day_range(first_day, last_day)
    if not days:
        raise ValueError(f"the report starts ({first_day}) after it ends ({last_day})")
    if len(days) > MAX_REPORT_DAYS:
        raise ValueError(f"a report covers at most {MAX_REPORT_DAYS} days, not {len(days)}")
    # In UTC: Python subtracts two times of the same zone on the wall clock, ignoring DST.
    local = [day_bounds(day, zone)[0] for day in days] + [day_bounds(days[-1], zone)[1]]
    bounds = [moment.astimezone(UTC) for moment in local]
    jobs = _jobs_completed(session, bounds, technician_id)
    worked = _worked(session, bounds, now)
    invoiced = _invoiced(session, bounds)
    per_day = tuple(
        DayFigures(day, Figures(jobs.get(i, 0), worked[i], invoiced.get(i, {})))
        for i, day in enumerate(days)
    )
    return Report(first_day, last_day, per_day, _weeks(per_day))


def _weeks(days: Iterable[DayFigures]) -> tuple[WeekFigures, ...]:
    weeks: dict[date, Figures] = {}
    for day in days:
        monday = week_start(day.day)
        weeks[monday] = weeks.get(monday, Figures()) + day.figures
    return tuple(
        WeekFigures(monday.isocalendar().year, monday.isocalendar().week, monday, figures)
        for monday, figures in weeks.items()
    )


def _bucket(moment: ColumnElement[Any], bounds: list[datetime]) -> ColumnElement[Any]:
    """The index of the day ``moment`` falls in; rows outside are filtered by the caller."""
    return case(*((moment < bound, index) for index, bound in enumerate(bounds[1:])))


def _within(moment: ColumnElement[Any], bounds: list[datetime]) -> ColumnElement[bool]:
    return and_(moment >= bounds[0], moment < bounds[-1])


def _jobs_completed(
    session: Session, bounds: list[datetime], technician_id: str | None
) -> dict[int, int]:
    when = func.coalesce(Job.status_changed_at, Job.scheduled_end)
    bucket = _bucket(when, bounds).label("bucket")
    query = select(bucket, func.count()).where(
        Job.status == JobStatus.COMPLETE, _within(when, bounds)
    )
    if technician_id is not None:
        query = query.where(Job.assigned_technician_id == technician_id)
    return {int(index): int(count) for index, count in session.execute(query.group_by(bucket))}


def _invoiced(session: Session, bounds: list[datetime]) -> dict[int, dict[str, Decimal]]:
    when = func.coalesce(Document.queued_at, Document.sent_at)
    text = type_coerce(Document.total, String())  # the stored digits, not a Decimal bind
    point = func.instr(text, ".")
    sent = (
        select(
            _bucket(when, bounds).label("bucket"),
            Document.currency.label("currency"),
            text.label("total"),
            case(
                (func.instr(func.upper(text), "E") > 0, -1),  # exponent form: summed in Python
                (point == 0, 0),
                else_=func.length(text) - point,
            ).label("places"),
        )
        .where(
            Document.kind == DocumentKind.INVOICE,
            Document.delivery_state != DeliveryState.DRAFT,
            _within(when, bounds),
        )
        .subquery()
    )
    whole = sent.c.places >= 0
    query = select(
        sent.c.bucket,
        sent.c.currency,
        sent.c.places,
        func.sum(case((whole, cast(func.replace(sent.c.total, ".", ""), Integer)))),
        func.group_concat(case((~whole, sent.c.total)), " "),
    ).group_by(sent.c.bucket, sent.c.currency, sent.c.places)
    sums: dict[int, dict[str, Decimal]] = {}
    for index, currency, decimals, minor_units, odd in session.execute(query):
        if decimals >= 0:
            amount = Decimal(int(minor_units)).scaleb(-int(decimals))
        else:
            amount = sum((Decimal(value) for value in str(odd).split()), Decimal(0))
        per_currency = sums.setdefault(int(index), {})
        per_currency[currency] = per_currency.get(currency, Decimal(0)) + amount
    return sums


def _worked(session: Session, bounds: list[datetime], now: datetime) -> list[timedelta]:
    start, end = bounds[0], bounds[-1]
    query = select(TimeEntry.clock_in, TimeEntry.clock_out).where(
        TimeEntry.clock_in < end,
        TimeEntry.clock_out.is_(None) | (TimeEntry.clock_out > start),
    )
    covered = _union((clock_in, clock_out or now) for clock_in, clock_out in session.execute(query))
    worked = []
    for day_start, day_end in pairwise(bounds):
        total = timedelta(0)
        for span_start, span_end in covered:
            overlap = min(span_end, day_end) - max(span_start, day_start)
            if overlap > timedelta(0):
                total += overlap
        worked.append(total)
    return worked


def _union(spans: Iterable[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    """Overlapping spans merged, so time covered by a day and a job entry counts once.
    A span that ends before it starts (a clock that jumped back) covers nothing."""
    merged: list[tuple[datetime, datetime]] = []
    for span_start, span_end in sorted(s for s in spans if s[1] > s[0]):
        if merged and span_start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], span_end))
        else:
            merged.append((span_start, span_end))
    return merged
