"""A clock QA can move: jump ahead (a retry that is due tomorrow, a job that starts in an
hour) and skew (a tablet whose clock is wrong), over the real clock.

The sync worker reads it on its own thread while the console moves it on the GUI thread,
so every read and write holds one lock.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from wb_desktop.core.domain.clock import Clock

MAX_SKEW = timedelta(days=7)


class VirtualClock:
    """``now()`` is the base clock's time plus every jump so far plus the device skew.

    Jumps only go forward (time that passed cannot un-pass); the skew is a setting that may
    be negative, within ±7 days, because a tablet's clock is usually off by minutes, and a
    larger value is more likely a typing error than a real device.
    """

    def __init__(self, base: Clock) -> None:
        self._base = base
        self._lock = threading.Lock()
        self._jumped = timedelta()
        self._skew = timedelta()

    def now(self) -> datetime:
        with self._lock:
            return self._base.now() + self._jumped + self._skew

    def true_now(self) -> datetime:
        """The time without the skew: what a correct clock says after the jumps (for a
        server that shares the app's time but not its wrong clock)."""
        with self._lock:
            return self._base.now() + self._jumped

    def server_clock(self) -> Clock:
        """A clock that follows this one's jumps but not its skew."""
        return _TrueClock(self)

    @property
    def jumped(self) -> timedelta:
        with self._lock:
            return self._jumped

    @property
    def skew(self) -> timedelta:
        with self._lock:
            return self._skew

    def jump(self, delta: timedelta) -> None:
        """Move time forward by ``delta``; a zero or negative jump is a ValueError."""
        if delta <= timedelta():
            raise ValueError(
                f"the clock only jumps ahead: {delta} is not after now; "
                "give a positive time such as 5 minutes"
            )
        with self._lock:
            self._jumped += delta

    def set_skew(self, delta: timedelta) -> None:
        """Make the device clock run ``delta`` ahead (negative: behind) of the true time."""
        if abs(delta) > MAX_SKEW:
            raise ValueError(
                f"a device clock skew of {delta} is more than the allowed 7 days either way"
            )
        with self._lock:
            self._skew = delta


class _TrueClock:
    def __init__(self, clock: VirtualClock) -> None:
        self._clock = clock

    def now(self) -> datetime:
        return self._clock.true_now()
