"""When to try again after a failed attempt: exponential backoff with full jitter.

From 0.5 s, doubling per consecutive failure, capped at 60 s, each delay drawn uniformly
from zero to that bound (so many tablets coming back at once do not retry in step). A
server's ``Retry-After`` is a floor (up to five minutes). Success or a reconnect starts over,
and so does a step that made progress before it failed (it answered ops, committed a page or
kept a downloaded file): on a lossy link the next attempt goes soon, not a minute later.

The engine keeps one :class:`Backoff` for its steps; an op that fails on its own (a batch
that kept failing was split until that op was alone) waits by the same rule, counted over
its own failures (:func:`delay_after`).

One exception, for reads only: a GET whose connection was reset (dropped before the reply,
or the reply cut off) is sent again at once, at most ``RESENDS`` times (:func:`resend_if_reset`).
The link lost that one request; it is not down. Offline, refused and timed-out requests are
not resent: the backoff decides when they go again.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TypeVar

from wb_desktop.core.sync.transport import FailureKind, TransportError

BASE_S = 0.5
CAP_S = 60.0
RETRY_AFTER_CAP_S = 300.0
RESENDS = 2

T = TypeVar("T")


def bound_after(failures: int, base_s: float = BASE_S, cap_s: float = CAP_S) -> float:
    """The largest delay after ``failures`` consecutive failures (the first is ``base_s``)."""
    return min(cap_s, base_s * 2 ** max(0, failures - 1))


def delay_after(
    failures: int,
    rng: random.Random,
    retry_after_s: float | None = None,
    base_s: float = BASE_S,
    cap_s: float = CAP_S,
) -> float:
    """A delay drawn with full jitter after ``failures`` consecutive failures."""
    delay = rng.uniform(0, bound_after(failures, base_s, cap_s))
    if retry_after_s is not None:
        delay = max(delay, min(retry_after_s, RETRY_AFTER_CAP_S))
    return delay


class Backoff:
    def __init__(self, rng: random.Random, base_s: float = BASE_S, cap_s: float = CAP_S) -> None:
        self._rng = rng
        self.base_s = base_s
        self.cap_s = cap_s
        self.failures = 0

    def bound(self) -> float:
        """The largest delay the next failure may wait."""
        return bound_after(self.failures, self.base_s, self.cap_s)

    def failed(self, retry_after_s: float | None = None) -> float:
        """Record a failure; return the delay before the next attempt."""
        self.failures += 1
        return delay_after(self.failures, self._rng, retry_after_s, self.base_s, self.cap_s)

    def draw(self, failures: int, retry_after_s: float | None = None) -> float:
        """A delay after ``failures`` failures of something else (one op), from the same
        random source; this backoff's own count is left as it is."""
        return delay_after(failures, self._rng, retry_after_s, self.base_s, self.cap_s)

    def reset(self) -> None:
        self.failures = 0


def resend_if_reset(read: Callable[[], T], resends: int = RESENDS) -> T:
    """``read()`` (an idempotent request), sent again at once when its connection was reset,
    at most ``resends`` times; any other failure, or the last reset, is raised."""
    for attempt in range(resends + 1):
        try:
            return read()
        except TransportError as error:
            if error.kind is not FailureKind.RESET or attempt == resends:
                raise
    raise AssertionError("unreachable")  # pragma: no cover
