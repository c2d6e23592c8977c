"""Demo data for ``wb-server --demo``: deterministic, plausible and internally consistent."""

from __future__ import annotations

import hashlib
import os
import struct
import subprocess
import sys
import zlib
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from wb_desktop.core.domain.money import LineInput, price_document
from wb_desktop.core.domain.status import JobStatus
from wb_server.demo_data import (
    DEMO_ACCOUNTS,
    DEMO_TIMEZONE,
    DemoData,
    build_demo_data,
    demo_days,
)

TZ = ZoneInfo(DEMO_TIMEZONE)
REPO_ROOT = Path(__file__).resolve().parents[2]
WEDNESDAY = date(2026, 4, 1)
WEEKS = [
    WEDNESDAY,
    date(2026, 3, 30),  # Monday right after the spring DST change (UTC+2)
    date(2026, 10, 26),  # Monday right after the autumn DST change (UTC+1)
    date(2026, 3, 27),  # Friday before the spring change
    date(2026, 10, 25),  # the Sunday of the autumn change: the week before it
    date(2024, 12, 31),  # ISO week spanning New Year
]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# One whole week, Monday 30 March to Sunday 5 April 2026: the demo must work on each day.
EVERY_DAY = [date(2026, 3, 30) + timedelta(days=n) for n in range(7)]
SATURDAY, SUNDAY = date(2026, 4, 4), date(2026, 4, 5)
OPEN = {"scheduled", "en_route", "in_progress"}
STARTABLE = {"scheduled", "en_route"}


def digest(data: DemoData) -> str:
    """A stable fingerprint: the dataclasses' reprs hold every field, bytes and Decimals exactly."""
    return hashlib.sha256(repr(data).encode()).hexdigest()


def local(moment: datetime) -> datetime:
    return moment.astimezone(TZ)


def day_of(job) -> date:
    return local(job.scheduled_start).date()


def annas_jobs(data: DemoData) -> list:
    anna = data.technicians[0]
    assert anna.display_name == "Anna Lindqvist"
    return [job for job in data.jobs if job.technician_id == anna.id]


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@pytest.mark.parametrize("week_of", [WEDNESDAY, SATURDAY, SUNDAY])
def test_same_inputs_give_equal_data(week_of):
    first, second = build_demo_data(7, week_of), build_demo_data(7, week_of)
    assert first == second
    assert digest(first) == digest(second)


def test_same_digest_in_another_process_with_another_hash_seed():
    code = (
        "import hashlib, datetime; from wb_server.demo_data import build_demo_data; "
        "d = build_demo_data(3, datetime.date(2026, 4, 1)); "
        "print(hashlib.sha256(repr(d).encode()).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "4242", "PYTHONPATH": str(REPO_ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stdout.strip() == digest(build_demo_data(3, WEDNESDAY))


def test_a_different_seed_differs_but_keeps_the_accounts():
    one, two = build_demo_data(1, WEDNESDAY), build_demo_data(2, WEDNESDAY)
    assert one.technicians == two.technicians
    assert [(j.customer_id, j.title) for j in one.jobs] != [
        (j.customer_id, j.title) for j in two.jobs
    ]
    assert [c.name for c in one.customers] != [c.name for c in two.customers]
    assert {j.id for j in one.jobs}.isdisjoint(j.id for j in two.jobs)


def test_different_weeks_get_different_job_ids_but_the_same_customers():
    this, next_week = build_demo_data(1, WEDNESDAY), build_demo_data(1, WEDNESDAY + timedelta(7))
    assert this.customers == next_week.customers
    assert {j.id for j in this.jobs}.isdisjoint(j.id for j in next_week.jobs)


def test_three_documented_technicians():
    data = build_demo_data(5, WEDNESDAY)
    assert {t.email: t.password for t in data.technicians} == DEMO_ACCOUNTS
    assert DEMO_ACCOUNTS == {
        "anna@demo.workboss.se": "anna-demo",
        "erik@demo.workboss.se": "erik-demo",
        "sam@demo.workboss.se": "sam-demo",
    }
    assert [t.display_name for t in data.technicians] == [
        "Anna Lindqvist",
        "Erik Johansson",
        "Sam Carter",
    ]


def test_forty_plausible_customers():
    customers = build_demo_data(1, WEDNESDAY).customers
    assert len(customers) == 40
    assert len({c.name for c in customers}) == 40
    assert len({c.phone for c in customers}) == 40
    assert all(c.phone.startswith(("+46 ", "+44 ")) for c in customers)
    assert {c.phone[:3] for c in customers} == {"+46", "+44"}
    assert all(c.email.count("@") == 1 and c.email.endswith((".se", ".example")) for c in customers)
    assert all(c.address and c.name for c in customers)
    assert any(c.notes for c in customers)
    assert any(not c.notes for c in customers)
    assert any(c.name.endswith(" AB") for c in customers)


@pytest.mark.parametrize("week_of", WEEKS)
def test_a_working_week_of_jobs_per_technician(week_of):
    data = build_demo_data(1, week_of)
    monday = monday_of(week_of)
    per_day: dict[tuple[str, date], int] = defaultdict(int)
    for job in data.jobs:
        per_day[job.technician_id, day_of(job)] += 1
    expected_days = {monday + timedelta(days=n) for n in range(5)}
    if week_of.weekday() >= 5:  # the on-call shift today and the next week's Mon–Fri
        expected_days |= {week_of} | {monday + timedelta(days=7 + n) for n in range(5)}
    elif week_of.weekday() == 4:  # a Friday: the next working days are next week's
        expected_days |= {monday + timedelta(days=7 + n) for n in range(5)}
    assert {day for _, day in per_day} == expected_days == set(demo_days(week_of))
    assert {tech for tech, _ in per_day} == {t.id for t in data.technicians}
    assert len(per_day) == 3 * len(expected_days)
    for (_, day), count in per_day.items():
        assert (2 <= count <= 3) if day.weekday() >= 5 else (3 <= count <= 5)


@pytest.mark.parametrize("week_of", WEEKS)
def test_times_are_utc_inside_the_stockholm_working_day(week_of):
    for job in build_demo_data(4, week_of).jobs:
        for moment in (job.scheduled_start, job.scheduled_end):
            assert moment.tzinfo is not None
            assert moment.utcoffset() == timedelta(0)
        start, end = local(job.scheduled_start), local(job.scheduled_end)
        assert start.date() == end.date()
        assert time(7, 30) <= start.time() and end.time() <= time(17, 0)
        assert timedelta(hours=1) <= end - start <= timedelta(hours=3)


@pytest.mark.parametrize(
    ("week_of", "utc_offset_hours"), [(date(2026, 3, 30), 2), (date(2026, 10, 26), 1)]
)
def test_dst_weeks_use_the_right_offset(week_of, utc_offset_hours):
    jobs = build_demo_data(1, week_of).jobs
    assert all(
        local(j.scheduled_start).utcoffset() == timedelta(hours=utc_offset_hours) for j in jobs
    )
    earliest = min(j.scheduled_start for j in jobs)
    assert earliest.hour >= 7 - utc_offset_hours


@pytest.mark.parametrize("seed", range(1, 21))
def test_no_overlapping_jobs_per_technician(seed):
    by_technician = defaultdict(list)
    for job in build_demo_data(seed, WEDNESDAY).jobs:
        by_technician[job.technician_id].append((job.scheduled_start, job.scheduled_end))
    for slots in by_technician.values():
        slots.sort()
        for (_, previous_end), (next_start, _) in pairwise(slots):
            assert previous_end <= next_start


@pytest.mark.parametrize("week_of", EVERY_DAY, ids=lambda day: f"{day:%a}")
def test_statuses_follow_the_day(week_of):
    data = build_demo_data(1, week_of)
    allowed = {s.value for s in JobStatus}
    first_today: dict[str, datetime] = {}
    for job in data.jobs:
        if local(job.scheduled_start).date() == week_of:
            current = first_today.get(job.technician_id, job.scheduled_start)
            first_today[job.technician_id] = min(current, job.scheduled_start)
    for job in data.jobs:
        assert job.status in allowed
        day = local(job.scheduled_start).date()
        if day < week_of:
            assert job.status in {"complete", "cancelled"}
        elif day > week_of:
            assert job.status == "scheduled"
        elif job.scheduled_start == first_today[job.technician_id]:
            assert job.status in {"scheduled", "en_route", "in_progress"}
        else:
            assert job.status == "scheduled"
    today = [j.status for j in data.jobs if local(j.scheduled_start).date() == week_of]
    assert today.count("scheduled") > len(today) / 2
    assert {"en_route", "in_progress"} <= set(today)


def test_history_is_mostly_complete_with_a_rare_cancellation():
    statuses = [
        j.status
        for seed in range(1, 6)
        for j in build_demo_data(seed, SUNDAY).jobs
        if day_of(j) < SUNDAY
    ]
    assert set(statuses) == {"complete", "cancelled"}
    assert statuses.count("cancelled") < len(statuses) / 10


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
@pytest.mark.parametrize("today", EVERY_DAY, ids=lambda day: f"{day:%a}")
def test_anna_has_open_work_today_on_any_day(today, seed):
    """Issue 16/7: whatever day the demo first starts, the offline workday can be walked."""
    jobs = annas_jobs(build_demo_data(seed, today))
    todays = [job.status for job in jobs if day_of(job) == today]
    assert todays, "Anna's schedule today is not empty"
    assert set(todays) <= OPEN
    assert set(todays) & STARTABLE, "Anna has a job today she can start"
    assert {job.status for job in jobs if day_of(job) < today} <= {"complete", "cancelled"}
    assert {job.status for job in jobs if day_of(job) > today} <= {"scheduled"}


@pytest.mark.parametrize("today", EVERY_DAY, ids=lambda day: f"{day:%a}")
def test_open_work_reaches_the_next_working_days(today):
    """A weekday plans the rest of its week; a Friday or a weekend the following Mon–Fri."""
    later = {day_of(job) for job in build_demo_data(1, today).jobs if day_of(job) > today}
    if today.weekday() >= 4:
        expected = {date(2026, 4, 6) + timedelta(days=n) for n in range(5)}
    else:
        expected = {today + timedelta(days=n) for n in range(1, 5 - today.weekday())}
    assert later == expected


@pytest.mark.parametrize("today", [SATURDAY, SUNDAY], ids=["Sat", "Sun"])
def test_a_weekend_is_an_on_call_shift_between_a_done_week_and_a_planned_one(today):
    data = build_demo_data(1, today)
    done_week = {date(2026, 3, 30) + timedelta(days=n) for n in range(5)}
    next_week = {date(2026, 4, 6) + timedelta(days=n) for n in range(5)}
    assert {day_of(j) for j in data.jobs} == done_week | {today} | next_week
    assert {j.status for j in data.jobs if day_of(j) in done_week} <= {"complete", "cancelled"}
    assert {j.status for j in data.jobs if day_of(j) in next_week} == {"scheduled"}
    call_outs = [j for j in data.jobs if day_of(j) == today]
    for technician in data.technicians:
        mine = [j for j in call_outs if j.technician_id == technician.id]
        assert 2 <= len(mine) <= 3
        assert all(j.scheduled_end - j.scheduled_start <= timedelta(minutes=90) for j in mine)
    assert all(j.title.startswith(("Call-out:", "Jour:")) for j in call_outs)
    assert not any(
        j.title.startswith(("Call-out:", "Jour:")) for j in data.jobs if j not in call_outs
    )
    statuses = [j.status for j in call_outs]
    assert statuses.count("in_progress") == statuses.count("en_route") == 1
    labour = {j.line_items[0].description: j.line_items[0].unit_price for j in call_outs}
    assert set(labour.values()) == {Decimal("975.00")}
    assert set(labour) <= {"Call-out labour, per hour", "Jourarbete, per timme"}
    photographed = {p.job_id for p in data.photos}
    assert photographed and {day_of(j) for j in data.jobs if j.id in photographed} <= done_week


def test_a_saturday_and_a_sunday_are_different_days_of_the_same_week():
    saturday, sunday = build_demo_data(1, SATURDAY), build_demo_data(1, SUNDAY)
    assert saturday.customers == sunday.customers
    done = [(j.id, j.status) for j in saturday.jobs if day_of(j) < SATURDAY]
    assert done == [(j.id, j.status) for j in sunday.jobs if day_of(j) < SATURDAY]
    assert saturday.photos == sunday.photos
    on_call = {j.id for j in saturday.jobs if day_of(j) == SATURDAY}
    assert on_call.isdisjoint(j.id for j in sunday.jobs)


@pytest.mark.parametrize("week_of", [WEDNESDAY, SUNDAY])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_jobs_reference_their_customer_and_a_technician(seed, week_of):
    data = build_demo_data(seed, week_of)
    customers = {c.id: c for c in data.customers}
    technicians = {t.id for t in data.technicians}
    ids = [c.id for c in data.customers] + [j.id for j in data.jobs] + [p.id for p in data.photos]
    ids += [item.id for j in data.jobs for item in j.line_items]
    assert len(set(ids)) == len(ids)
    for job in data.jobs:
        assert job.customer_id in customers
        assert job.address == customers[job.customer_id].address
        assert job.technician_id in technicians
        assert job.title and job.description


@pytest.mark.parametrize("week_of", [WEDNESDAY, SATURDAY])
def test_line_items_are_valid_money(week_of):
    jobs = build_demo_data(1, week_of).jobs
    for job in jobs:
        assert 1 <= len(job.line_items) <= 4
        assert [item.position for item in job.line_items] == list(range(len(job.line_items)))
        for item in job.line_items:
            assert isinstance(item.quantity, Decimal) and item.quantity > 0
            assert isinstance(item.unit_price, Decimal) and item.unit_price >= 0
            assert -item.quantity.as_tuple().exponent <= 3
            assert -item.unit_price.as_tuple().exponent <= 2
            assert item.vat_rate in {Decimal(25), Decimal(12), Decimal(6)}
            assert item.description
        lines = [
            LineInput(i.description, str(i.quantity), str(i.unit_price), str(i.vat_rate))
            for i in job.line_items
        ]
        assert price_document(lines).total > 0
    labour = [j.line_items[0] for j in jobs if day_of(j).weekday() < 5]
    assert all(item.unit_price == Decimal("650.00") for item in labour)
    assert any(len(j.line_items) > 1 for j in jobs)


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """Split a PNG into chunks, checking each CRC as a decoder would."""
    assert data.startswith(PNG_SIGNATURE)
    chunks, offset = [], len(PNG_SIGNATURE)
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        payload = data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])
        assert crc == zlib.crc32(kind + payload) & 0xFFFFFFFF
        chunks.append((kind, payload))
        offset += 12 + length
    return chunks


@pytest.mark.parametrize("week_of", [WEDNESDAY, date(2026, 3, 31), date(2026, 4, 5)])
def test_photos_are_valid_pngs_on_completed_jobs(week_of):
    data = build_demo_data(1, week_of)
    jobs = {j.id: j for j in data.jobs}
    assert 4 <= len(data.photos) <= 8
    for photo in data.photos:
        job = jobs[photo.job_id]
        assert job.status == "complete"
        assert photo.content_type == "image/png"
        assert photo.filename.endswith(".png")
        assert photo.taken_at.utcoffset() == timedelta(0)
        assert job.scheduled_start <= photo.taken_at <= job.scheduled_end
        chunks = png_chunks(photo.data)
        assert [kind for kind, _ in chunks] == [b"IHDR", b"IDAT", b"IEND"]
        width, height, depth, colour = struct.unpack(">IIBB", chunks[0][1][:10])
        assert (depth, colour) == (8, 2)
        assert len(zlib.decompress(chunks[1][1])) == height * (1 + 3 * width)


def test_a_monday_has_no_history_so_no_photos():
    assert build_demo_data(1, date(2026, 3, 30)).photos == ()


def test_default_week_is_the_current_stockholm_week():
    before = datetime.now(TZ).date()
    data = build_demo_data(9)
    after = datetime.now(TZ).date()
    assert data in (build_demo_data(9, before), build_demo_data(9, after))
