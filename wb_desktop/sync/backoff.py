"""When to try again after a failed attempt: exponential backoff with full jitter.

From 0.5 s, doubling per consecutive failure, capped at 60 s, each delay drawn uniformly
from zero to that bound (so many tablets coming back at once do not retry in step). A
server's ``Retry-After`` is a floor (up to five minutes). Success or a reconnect starts over.
"""

from __future__ import annotations

import random

BASE_S = 0.5
CAP_S = 60.0
RETRY_AFTER_CAP_S = 300.0


class Backoff:
    def __init__(self, rng: random.Random, base_s: float = BASE_S, cap_s: float = CAP_S) -> None:
        self._rng = rng
        self.base_s = base_s
        self.cap_s = cap_s
        self.failures = 0

    def bound(self) -> float:
        """The largest delay the next failure may wait."""
        return min(self.cap_s, self.base_s * 2 ** max(0, self.failures - 1))

    def failed(self, retry_after_s: float | None = None) -> float:
        """Record a failure; return the delay before the next attempt."""
        self.failures += 1
        delay = self._rng.uniform(0, self.bound())
        if retry_after_s is not None:
            delay = max(delay, min(retry_after_s, RETRY_AFTER_CAP_S))
        return delay

    def reset(self) -> None:
        self.failures = 0
