"""A transport that plays a network profile in front of the real one, for QA.

QA has to reproduce field conditions on a desk: a slow or lossy mobile link, a dead link, a
half-open connection, a hotel captive portal, a link that keeps dropping. The simulated transport
wraps the real transport and applies a :class:`NetworkProfile` to every request: it sleeps for
latency and transfer time, loses requests before or after the server saw them, and fails the way
the real network would. All its dice come from one seeded generator, so a run that found a bug
repeats exactly with the same seed.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from wb_desktop.core.sync.link import offline_error
from wb_desktop.core.sync.profiles import Behaviour, NetworkProfile
from wb_desktop.core.sync.transport import (
    FailureKind,
    HttpReply,
    HttpRequest,
    Transport,
    TransportError,
)

FLAKY_OUTAGE_CHANCE = 0.15  # chance that a request on a flaky link starts an outage
FLAKY_OUTAGE_MAX = 6  # the longest outage, in requests

CAPTIVE_PORTAL_PAGE = b"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in to Wi-Fi</title></head>
<body>
<h1>Sign in to Wi-Fi</h1>
<p>Accept the terms of use to get on the internet.</p>
<form method="post" action="/login">
<label>Room number <input name="room"></label>
<button type="submit">Connect</button>
</form>
</body>
</html>
"""


class _Loss(Enum):
    NONE = "none"
    BEFORE = "before"  # lost on the way to the server: it never saw the request
    AFTER = "after"  # the server handled it, the reply got lost


@dataclass(frozen=True)
class _Plan:
    """What the dice decided for one request: drawn under the lock, acted on outside it."""

    profile: NetworkProfile
    outage: bool = False
    latency_s: float = 0.0
    loss: _Loss = _Loss.NONE


class SimulatedTransport:
    """Wraps ``inner`` and applies a network profile to every request, deterministically.

    QA uses it to reproduce field conditions; every random choice comes from one
    ``random.Random(seed)``, so the same seed and the same requests and profile changes give
    the same outcomes and sleeps. Safe to call from several threads at once.
    """

    def __init__(
        self,
        inner: Transport,
        profile: NetworkProfile,
        *,
        seed: int,
        sleep: Callable[[float], None] = time.sleep,
        time_scale: float = 1.0,
    ) -> None:
        if time_scale < 0:
            raise ValueError(f"time_scale must not be negative, got {time_scale}")
        self._inner = inner
        self._profile = profile
        self._random = random.Random(seed)
        self._sleep = sleep
        self._time_scale = time_scale
        self._outage_left = 0
        self._lock = threading.Lock()

    @property
    def inner(self) -> Transport:
        return self._inner

    @property
    def profile(self) -> NetworkProfile:
        """The profile the next request will get."""
        with self._lock:
            return self._profile

    def set_profile(self, profile: NetworkProfile) -> None:
        """Switch profile for the next request; ends a flaky outage, keeps the random stream."""
        with self._lock:
            self._profile = profile
            self._outage_left = 0

    def send(self, request: HttpRequest) -> HttpReply:
        """Send ``request`` over the simulated link; raise :class:`TransportError` as it would."""
        plan = self._plan()
        profile = plan.profile
        if profile.behaviour is Behaviour.OFFLINE:
            raise offline_error(profile)
        if profile.behaviour is Behaviour.HALF_OPEN:
            self._pause(request.timeout_s)
            raise TransportError(
                FailureKind.TIMEOUT,
                "the connection opened but no data arrived before the timeout "
                "(simulated half-open link)",
            )
        if profile.behaviour is Behaviour.CAPTIVE_PORTAL:
            return HttpReply(200, {"content-type": "text/html; charset=utf-8"}, CAPTIVE_PORTAL_PAGE)
        if plan.outage:
            raise TransportError(FailureKind.OFFLINE, "link down (simulated flaky network)")
        self._pause(plan.latency_s)
        self._pause(_transfer_s(len(request.body), profile.up_kbps))
        if plan.loss is _Loss.BEFORE:
            raise TransportError(FailureKind.RESET, "connection reset (simulated loss)")
        if plan.loss is _Loss.AFTER:
            self._inner.send(request)
            self._pause(request.timeout_s)
            raise TransportError(
                FailureKind.TIMEOUT,
                "no reply before the timeout (simulated loss after the server got the request)",
            )
        reply = self._inner.send(request)
        self._pause(_transfer_s(len(reply.body), profile.down_kbps))
        return reply

    def _plan(self) -> _Plan:
        """Draw everything random for one request, in a fixed order, under the lock."""
        with self._lock:
            profile = self._profile
            if profile.behaviour not in (Behaviour.NORMAL, Behaviour.FLAKY):
                return _Plan(profile)
            if profile.behaviour is Behaviour.FLAKY and self._in_outage():
                return _Plan(profile, outage=True)
            latency_ms = profile.latency_ms
            if profile.jitter_ms > 0:
                latency_ms += self._random.uniform(-profile.jitter_ms, profile.jitter_ms)
            loss = _Loss.NONE
            if profile.loss_pct > 0 and self._random.random() < profile.loss_pct / 100:
                loss = _Loss.BEFORE if self._random.random() < 0.5 else _Loss.AFTER
            return _Plan(profile, latency_s=max(0.0, latency_ms) / 1000, loss=loss)

    def _in_outage(self) -> bool:
        """Count down the current outage or maybe start one; the caller holds the lock."""
        if self._outage_left > 0:
            self._outage_left -= 1
            return True
        if self._random.random() < FLAKY_OUTAGE_CHANCE:
            self._outage_left = self._random.randint(1, FLAKY_OUTAGE_MAX) - 1
            return True
        return False

    def _pause(self, seconds: float) -> None:
        """Sleep for ``seconds`` of simulated time, scaled; never with the lock held."""
        scaled = seconds * self._time_scale
        if scaled > 0:
            self._sleep(scaled)


def _transfer_s(size: int, kbps: float | None) -> float:
    """Seconds to move ``size`` bytes at ``kbps``; 0 when the link has no bandwidth limit."""
    if kbps is None or kbps <= 0:
        return 0.0
    return size * 8 / (kbps * 1000)
