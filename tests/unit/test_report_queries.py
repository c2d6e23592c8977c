"""Report figures from a real cache: local days and ISO weeks in Stockholm, across a DST
change, running time entries, and exact Decimal sums per currency."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from wb_desktop.core.domain.records import DeliveryState, DocumentKind
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.models import Document, Job, TimeEntry
from wb_desktop.core.store.report_queries import Figures, build_report, day_range, week_start

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# Sunday 25 October 2026: clocks go back at 03:00 CEST, so the local day has 25 hours.
DST_SUNDAY = date(2026, 10, 25)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def synced(now: datetime) -> dict:
    return {"version": 1, "sync_state": SyncState.SYNCED, "created_at": now, "updated_at": now}


def add_invoice(
    session,
    customer_id: str,
    total: str,
    *,
    queued_at: datetime | None = None,
    sent_at: datetime | None = None,
    currency: str = "SEK",
    kind: DocumentKind = DocumentKind.INVOICE,
    delivery: DeliveryState = DeliveryState.SENT,
) -> None:
    amount = Decimal(total)
    session.add(
        Document(
            id=str(uuid.uuid4()),
            kind=kind,
            reference=f"T-{uuid.uuid4().hex[:12]}",
            customer_id=customer_id,
            currency=currency,
            subtotal=amount,
            vat_total=Decimal("0.00"),
            total=amount,
            delivery_state=delivery,
            queued_at=queued_at,
            sent_at=sent_at,
            **synced(queued_at or sent_at or utc(2026, 1, 1)),
        )
    )


def add_entry(session, clock_in: datetime, clock_out: datetime | None, job_id=None) -> None:
    session.add(
        TimeEntry(
            id=str(uuid.uuid4()),
            job_id=job_id,
            clock_in=clock_in,
            clock_out=clock_out,
            **synced(clock_in),
        )
    )


def complete(session, job_id: str, at: datetime | None) -> None:
    job = session.get(Job, job_id)
    job.status = JobStatus.COMPLETE
    job.status_changed_at = at


def report(cache, first: date, last: date, now: datetime, technician_id=None):
    with cache.database.reader() as session:
        return build_report(session, first, last, STOCKHOLM, now, technician_id)


def test_week_start_and_day_range() -> None:
    assert week_start(date(2026, 11, 29)) == date(2026, 11, 23)  # Sunday → Monday
    assert week_start(date(2026, 11, 23)) == date(2026, 11, 23)
    assert day_range(date(2026, 10, 24), date(2026, 10, 26)) == [
        date(2026, 10, 24),
        DST_SUNDAY,
        date(2026, 10, 26),
    ]


def test_invoices_fall_on_the_local_day_across_the_dst_change(cache, schedule) -> None:
    customer = schedule.customer_ids[0]
    with cache.database.writer() as session, session.begin():
        # 00:30 CEST on Sunday: still Saturday in UTC
        add_invoice(session, customer, "100.10", queued_at=utc(2026, 10, 24, 22, 30))
        # 23:30 CET on Sunday (after the change, UTC+1)
        add_invoice(session, customer, "200.20", queued_at=utc(2026, 10, 25, 22, 30))
        # 00:30 CET on Monday 26: a new day and a new ISO week (44)
        add_invoice(session, customer, "300.30", queued_at=utc(2026, 10, 25, 23, 30))
        # 23:59 CEST on Saturday 24
        add_invoice(session, customer, "1.00", queued_at=utc(2026, 10, 24, 21, 59))

    found = report(cache, date(2026, 10, 24), date(2026, 10, 26), utc(2026, 11, 1))

    assert found.day(date(2026, 10, 24)).invoiced == {"SEK": Decimal("1.00")}
    assert found.day(DST_SUNDAY).invoiced == {"SEK": Decimal("300.30")}
    assert found.day(date(2026, 10, 26)).invoiced == {"SEK": Decimal("300.30")}
    assert [(w.year, w.week, w.monday) for w in found.weeks] == [
        (2026, 43, date(2026, 10, 19)),
        (2026, 44, date(2026, 10, 26)),
    ]
    assert found.week_of(DST_SUNDAY).invoiced == {"SEK": Decimal("301.30")}
    assert found.week_of(date(2026, 10, 30)).invoiced == {"SEK": Decimal("300.30")}
    assert found.total.amount("SEK") == Decimal("601.60")


def test_the_dst_day_has_25_hours_of_clocked_time(cache) -> None:
    with cache.database.writer() as session, session.begin():
        # From Saturday 22:00 to Monday 02:00 local time, one long entry.
        add_entry(session, utc(2026, 10, 24, 20, 0), utc(2026, 10, 26, 1, 0))

    found = report(cache, date(2026, 10, 24), date(2026, 10, 26), utc(2026, 11, 1))

    assert found.day(date(2026, 10, 24)).worked == timedelta(hours=2)
    assert found.day(DST_SUNDAY).worked == timedelta(hours=25)
    assert found.day(date(2026, 10, 26)).worked == timedelta(hours=2)
    assert found.week_of(DST_SUNDAY).worked == timedelta(hours=27)


def test_spring_forward_day_has_23_hours(cache) -> None:
    spring = date(2026, 3, 29)
    with cache.database.writer() as session, session.begin():
        add_entry(session, utc(2026, 3, 28, 12, 0), utc(2026, 3, 30, 12, 0))

    found = report(cache, spring, spring, utc(2026, 4, 1))

    assert found.day(spring).worked == timedelta(hours=23)


def test_an_open_entry_counts_up_to_now_and_overlaps_count_once(cache, schedule) -> None:
    job = schedule.job_ids[0]
    day = date(2026, 11, 23)  # UTC+1
    with cache.database.writer() as session, session.begin():
        add_entry(session, utc(2026, 11, 23, 7, 0), None)  # day entry, still running
        add_entry(session, utc(2026, 11, 23, 8, 0), utc(2026, 11, 23, 9, 30), job)  # inside it
        add_entry(session, utc(2026, 11, 22, 9, 0), utc(2026, 11, 22, 10, 15))  # yesterday

    now = utc(2026, 11, 23, 11, 45)
    found = report(cache, date(2026, 11, 22), day, now)

    assert found.day(day).worked == timedelta(hours=4, minutes=45)
    assert found.day(date(2026, 11, 22)).worked == timedelta(hours=1, minutes=15)
    later = report(cache, day, day, now + timedelta(minutes=30))
    assert later.day(day).worked == timedelta(hours=5, minutes=15)
    # a clock that jumped back before the running entry's clock-in counts only closed time
    jumped = report(cache, day, day, utc(2026, 11, 23, 6, 0))
    assert jumped.day(day).worked == timedelta(hours=1, minutes=30)


def test_jobs_completed_on_the_local_day_their_status_changed(cache, schedule) -> None:
    boiler, leak = schedule.job_ids
    with cache.database.writer() as session, session.begin():
        complete(session, boiler, utc(2026, 11, 23, 23, 30))  # 00:30 on the 24th locally
        complete(session, leak, None)  # unknown change time: the end of its booking counts
        leak_end = session.get(Job, leak).scheduled_end

    found = report(cache, date(2026, 11, 23), date(2026, 11, 24), utc(2026, 11, 25))

    assert found.day(date(2026, 11, 24)).jobs_completed == 1
    assert found.day(leak_end.astimezone(STOCKHOLM).date()).jobs_completed == 1
    assert found.total.jobs_completed == 2
    assert (
        report(cache, date(2026, 11, 23), date(2026, 11, 24), utc(2026, 11, 25), "other").total
        == Figures()
    )


def test_only_sent_invoices_count_and_sums_are_exact_per_currency(cache, schedule) -> None:
    customer = schedule.customer_ids[0]
    monday = utc(2026, 11, 23, 9, 0)
    with cache.database.writer() as session, session.begin():
        for _ in range(10):
            add_invoice(session, customer, "0.10", queued_at=monday)  # floats make 0.99999…
        add_invoice(session, customer, "1234.5", sent_at=monday)  # pulled: sent, not queued
        add_invoice(session, customer, "-0.05", queued_at=monday)
        add_invoice(session, customer, "1E+2", queued_at=monday)  # exponent form
        add_invoice(session, customer, "99.99", queued_at=monday, currency="EUR")
        add_invoice(session, customer, "7.00", queued_at=monday, delivery=DeliveryState.QUEUED)
        add_invoice(session, customer, "500.00", queued_at=monday, delivery=DeliveryState.DRAFT)
        add_invoice(session, customer, "800.00", queued_at=monday, kind=DocumentKind.ESTIMATE)
        add_invoice(session, customer, "900.00")  # never sent: no date at all

    found = report(cache, date(2026, 11, 23), date(2026, 11, 29), utc(2026, 12, 1))

    invoiced = found.day(date(2026, 11, 23)).invoiced
    assert invoiced == {"SEK": Decimal("1342.45"), "EUR": Decimal("99.99")}
    assert all(isinstance(v, Decimal) for v in invoiced.values())
    assert str(invoiced["SEK"]) == "1342.45"
    assert found.currencies() == ["SEK", "EUR"]


def test_invoices_sent_through_the_write_path_count_on_the_day_send_was_pressed(
    cache, clock, schedule
) -> None:
    customer = schedule.customer_ids[0]
    line = {"description": "Labour", "quantity": "1.5", "unit_price": "650", "vat_rate": "25"}
    receipt = cache.changes.documents.create("invoice", customer, [line])
    cache.changes.documents.create("invoice", customer, [line])  # a draft: not invoiced
    cache.changes.documents.send(receipt.record_id)

    today = clock.now().astimezone(STOCKHOLM).date()
    found = report(cache, today, today, clock.now())

    assert found.day(today).invoiced == {"SEK": Decimal("1218.75")}


def test_empty_days_are_listed_with_zero_figures(cache) -> None:
    found = report(cache, date(2026, 11, 23), date(2026, 11, 29), utc(2026, 12, 1))

    assert [d.day for d in found.days] == day_range(date(2026, 11, 23), date(2026, 11, 29))
    assert all(d.figures == Figures() for d in found.days)
    assert found.currencies() == []


def test_a_backwards_or_huge_range_is_refused(cache) -> None:
    with pytest.raises(ValueError, match="after it ends"):
        report(cache, date(2026, 11, 24), date(2026, 11, 23), utc(2026, 12, 1))
    with pytest.raises(ValueError, match="at most"):
        report(cache, date(2020, 1, 1), date(2026, 1, 1), utc(2026, 12, 1))


def test_5000_cached_invoices_sum_to_the_exact_decimal_total(cache, schedule) -> None:
    """The SQL sums in whole minor units agree with Python's Decimal sum to the öre; timing
    belongs to bench/, as DESIGN.md asks."""
    customer = schedule.customer_ids[0]
    start = utc(2026, 1, 1, 8, 0)
    invoices = [
        (Decimal(f"{n % 997}.{n % 100:02d}"), start + timedelta(hours=n * 1.7)) for n in range(5000)
    ]
    with cache.database.writer() as session, session.begin():
        session.execute(
            Document.__table__.insert(),
            [
                {
                    "id": str(uuid.uuid4()),
                    "kind": "invoice",
                    "reference": f"INV-BULK-{n:05d}",
                    "customer_id": customer,
                    "currency": "SEK",
                    "subtotal": total,
                    "vat_total": Decimal(0),
                    "total": total,
                    "notes": "",
                    "delivery_state": "sent",
                    "sent_at": sent_at,
                    **synced(sent_at),
                }
                for n, (total, sent_at) in enumerate(invoices)
            ],
        )
    first = date(2026, 9, 28)
    last = first + timedelta(days=55)
    begins = datetime(2026, 9, 28, tzinfo=STOCKHOLM)
    ends = datetime(2026, 11, 23, tzinfo=STOCKHOLM)

    found = report(cache, first, last, utc(2027, 1, 1))

    expected = sum((total for total, at in invoices if begins <= at < ends), Decimal(0))
    assert len(found.weeks) == 8
    assert found.total.amount("SEK") == expected
    assert sum((w.figures.amount("SEK") for w in found.weeks), Decimal(0)) == expected
