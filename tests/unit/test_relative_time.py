"""The "… ago" words of the sync indicator, from an injected now and the technician's zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from wb_desktop.ui.relative_time import clock_time, local_timestamp, relative_time

STOCKHOLM = ZoneInfo("Europe/Stockholm")  # UTC+1 in November
NOW = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)  # 15:00 in Stockholm


@pytest.mark.parametrize(
    ("age", "words"),
    [
        (timedelta(0), "just now"),
        (timedelta(seconds=59), "just now"),
        (timedelta(seconds=-30), "just now"),  # a clock set back: never "-1 min ago"
        (timedelta(minutes=1), "1 min ago"),
        (timedelta(minutes=2, seconds=59), "2 min ago"),
        (timedelta(minutes=59, seconds=59), "59 min ago"),
        (timedelta(hours=1), "1 h ago"),
        (timedelta(hours=14, minutes=59), "14 h ago"),  # 00:01 today, Stockholm time
        (timedelta(hours=15, minutes=1), "yesterday 23:59"),
        (timedelta(hours=22, minutes=20), "yesterday 16:40"),
        (timedelta(hours=20), "yesterday 19:00"),
        (timedelta(days=2, hours=1), "2026-11-21"),
        (timedelta(days=400), "2025-10-19"),
    ],
)
def test_words_for_each_age(age: timedelta, words: str) -> None:
    assert relative_time(NOW - age, NOW, STOCKHOLM) == words


def test_minutes_win_over_yesterday_just_after_midnight() -> None:
    now = datetime(2026, 11, 22, 23, 10, tzinfo=UTC)  # 00:10 on the 23rd in Stockholm
    assert relative_time(now - timedelta(minutes=20), now, STOCKHOLM) == "20 min ago"
    assert relative_time(now - timedelta(minutes=90), now, STOCKHOLM) == "yesterday 22:40"


def test_the_zone_decides_what_today_and_yesterday_are() -> None:
    moment = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)  # the 23rd in Stockholm already
    now = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    assert relative_time(moment, now, STOCKHOLM) == "2 h ago"
    assert relative_time(moment, now, UTC) == "yesterday 23:30"


def test_yesterday_shows_the_local_wall_clock_across_a_dst_change() -> None:
    now = datetime(2026, 10, 25, 12, 0, tzinfo=UTC)  # summer time ended at 03:00 that night
    moment = datetime(2026, 10, 24, 14, 40, tzinfo=UTC)  # 16:40 summer time
    assert relative_time(moment, now, STOCKHOLM) == "yesterday 16:40"


def test_naive_moments_are_taken_as_utc() -> None:
    naive = datetime(2026, 11, 23, 13, 58)
    assert relative_time(naive, NOW, STOCKHOLM) == "2 min ago"


def test_local_timestamp_and_clock_time_are_in_the_zone() -> None:
    moment = datetime(2026, 11, 23, 15, 40, tzinfo=UTC)
    assert local_timestamp(moment, STOCKHOLM) == "2026-11-23 16:40"
    assert clock_time(moment, STOCKHOLM) == "16:40"
    assert local_timestamp(moment, UTC) == "2026-11-23 15:40"
