"""The simulated GPS: stable made-up coordinates and a plausible drive through the day."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from wb_desktop.core.domain.route import (
    ACCURACY_MOVING_M,
    ACCURACY_STILL_M,
    AREA_RADIUS_M,
    HOME_BASE,
    TRAVEL_SPEED_MPS,
    Fix,
    GeoPoint,
    Visit,
    distance_m,
    plan_route,
    position_at,
    simulated_geocode,
)

EIGHT = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
ADDRESSES = [
    "Storgatan 1, 753 20 Uppsala",
    "12 High St, Bath BA1 5AQ",
    "Björkvägen 7, 123 45 Farsta",
    "Sveavägen 44, 113 59 Stockholm",
]


def day_route(*, gap_hours: float = 1.0):
    """Three two-hour jobs with ``gap_hours`` between one's end and the next one's start."""
    visits = []
    start = EIGHT
    for n, address in enumerate(ADDRESSES[:3]):
        visits.append(Visit(f"job-{n}", address, start, start + timedelta(hours=2)))
        start += timedelta(hours=2 + gap_hours)
    return plan_route(visits), visits


def point_of(fix: Fix) -> GeoPoint:
    return GeoPoint(fix.latitude, fix.longitude)


def every_minute(first: datetime, last: datetime) -> list[datetime]:
    minutes = int((last - first).total_seconds() // 60)
    return [first + timedelta(minutes=m) for m in range(minutes + 1)]


def test_an_address_gets_the_same_point_every_time_whatever_its_case_and_spacing() -> None:
    point = simulated_geocode("Storgatan 1, 753 20 Uppsala")
    assert simulated_geocode("  storgatan 1,   753 20 UPPSALA ") == point
    assert point.latitude == pytest.approx(59.26096, abs=1e-5)  # pinned: SHA-256, not hash()
    assert point.longitude == pytest.approx(18.07094, abs=1e-5)


def test_the_point_is_the_same_in_another_process_with_another_hash_seed() -> None:
    code = (
        "from wb_desktop.core.domain.route import simulated_geocode as g;"
        "p = g('Storgatan 1, 753 20 Uppsala'); print(repr((p.latitude, p.longitude)))"
    )
    other = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
    )
    point = simulated_geocode("Storgatan 1, 753 20 Uppsala")
    assert other.stdout.strip() == repr((point.latitude, point.longitude))


def test_addresses_land_apart_and_within_the_area() -> None:
    points = [simulated_geocode(f"Storgatan {n}, Uppsala") for n in range(200)]
    assert len(set(points)) == 200
    assert all(distance_m(HOME_BASE, point) <= AREA_RADIUS_M + 1 for point in points)
    assert max(distance_m(HOME_BASE, point) for point in points) > AREA_RADIUS_M / 2


def test_an_empty_day_stays_at_the_depot() -> None:
    fix = position_at(plan_route([]), EIGHT)
    assert (fix.latitude, fix.longitude) == (HOME_BASE.latitude, HOME_BASE.longitude)
    assert (fix.moving, fix.job_id, fix.travelled_m) == (False, None, 0.0)


def test_at_each_stop_during_its_window_with_the_job_named() -> None:
    route, visits = day_route()
    for visit in visits:
        point = simulated_geocode(visit.address)
        for moment in every_minute(visit.start, visit.end - timedelta(minutes=1)):
            fix = position_at(route, moment)
            assert (fix.latitude, fix.longitude) == (point.latitude, point.longitude)
            assert (fix.job_id, fix.moving, fix.accuracy_m) == (
                visit.job_id,
                False,
                ACCURACY_STILL_M,
            )


def test_progress_along_the_path_never_goes_back_and_speed_is_plausible() -> None:
    route, visits = day_route()
    moments = every_minute(EIGHT - timedelta(hours=2), visits[-1].end + timedelta(hours=2))
    fixes = [position_at(route, moment) for moment in moments]
    travelled = [fix.travelled_m for fix in fixes]
    assert travelled == sorted(travelled)
    assert travelled[0] == 0.0 and travelled[-1] > 0
    for before, after in itertools.pairwise(fixes):
        hop = distance_m(point_of(before), point_of(after))
        assert hop <= TRAVEL_SPEED_MPS * 60 * 1.01  # one minute at the travel speed
    assert any(fix.moving and fix.accuracy_m == ACCURACY_MOVING_M for fix in fixes)
    last = fixes[-1]
    assert (last.latitude, last.longitude) == (HOME_BASE.latitude, HOME_BASE.longitude)


def test_it_leaves_in_time_to_arrive_at_the_first_start_and_drives_between_jobs() -> None:
    route, visits = day_route()
    first = simulated_geocode(visits[0].address)
    drive = timedelta(seconds=distance_m(HOME_BASE, first) / TRAVEL_SPEED_MPS)
    halfway = position_at(route, visits[0].start - drive / 2)
    assert halfway.moving and halfway.job_id is None
    assert halfway.travelled_m == pytest.approx(distance_m(HOME_BASE, first) / 2, rel=1e-6)
    before_leaving = position_at(route, visits[0].start - drive - timedelta(minutes=1))
    assert before_leaving.travelled_m == 0.0 and not before_leaving.moving

    between = position_at(route, visits[1].start - timedelta(seconds=30))
    assert between.moving and between.job_id is None


def test_a_late_arrival_is_not_at_the_job_before_it_gets_there() -> None:
    """Back-to-back jobs far apart: the technician arrives late and stays the full window."""
    route, visits = day_route(gap_hours=0)
    second = visits[1]
    assert position_at(route, second.start).moving  # still on the road at the start
    fix = position_at(route, second.end - timedelta(minutes=1))
    assert fix.job_id == second.job_id and not fix.moving


def test_the_route_takes_stops_in_start_order_whatever_order_they_come_in() -> None:
    _, visits = day_route()
    assert plan_route(reversed(visits)) == plan_route(visits)
    assert [visit.job_id for visit, _ in plan_route(reversed(visits)).stops] == [
        "job-0",
        "job-1",
        "job-2",
    ]


def test_the_same_day_gives_the_same_positions_on_every_run() -> None:
    moments = every_minute(EIGHT, EIGHT + timedelta(hours=9))
    one = [position_at(day_route()[0], moment) for moment in moments]
    two = [position_at(day_route()[0], moment) for moment in moments]
    assert one == two
