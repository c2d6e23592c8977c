"""The virtual clock: jumps only forward, skew within a week, safe to read from any thread."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.virtual_clock import VirtualClock

START = datetime(2026, 11, 23, 7, 30, tzinfo=UTC)


def test_it_follows_the_base_clock_until_moved() -> None:
    base = FixedClock(START)
    clock = VirtualClock(base)
    assert clock.now() == START
    base.advance(timedelta(minutes=3))
    assert clock.now() == START + timedelta(minutes=3)
    assert clock.jumped == timedelta() and clock.skew == timedelta()


def test_jumps_add_up_and_skew_is_on_top() -> None:
    clock = VirtualClock(FixedClock(START))
    clock.jump(timedelta(hours=1))
    clock.jump(timedelta(minutes=5))
    clock.set_skew(timedelta(minutes=-20))
    assert clock.jumped == timedelta(hours=1, minutes=5)
    assert clock.skew == timedelta(minutes=-20)
    assert clock.now() == START + timedelta(minutes=45)
    assert clock.true_now() == START + timedelta(hours=1, minutes=5)
    assert clock.server_clock().now() == clock.true_now()
    assert clock.now().tzinfo is not None


@pytest.mark.parametrize("delta", [timedelta(), timedelta(seconds=-1), timedelta(days=-2)])
def test_a_jump_backwards_or_of_nothing_is_refused(delta: timedelta) -> None:
    clock = VirtualClock(FixedClock(START))
    with pytest.raises(ValueError, match="only jumps ahead"):
        clock.jump(delta)
    assert clock.now() == START


def test_skew_may_be_negative_but_not_beyond_a_week() -> None:
    clock = VirtualClock(FixedClock(START))
    clock.set_skew(timedelta(days=-7))
    assert clock.now() == START - timedelta(days=7)
    with pytest.raises(ValueError, match="7 days"):
        clock.set_skew(timedelta(days=7, seconds=1))
    with pytest.raises(ValueError, match="7 days"):
        clock.set_skew(timedelta(days=-8))
    assert clock.skew == timedelta(days=-7)
    clock.set_skew(timedelta())
    assert clock.now() == START


def test_reads_from_another_thread_see_whole_moves() -> None:
    clock = VirtualClock(FixedClock(START))
    seen: list[datetime] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            seen.append(clock.now())

    reader = threading.Thread(target=read)
    reader.start()
    for _ in range(200):
        clock.jump(timedelta(minutes=1))
    stop.set()
    reader.join(5)
    assert clock.now() == START + timedelta(minutes=200)
    assert all((moment - START) % timedelta(minutes=1) == timedelta() for moment in seen)
    assert seen == sorted(seen)
