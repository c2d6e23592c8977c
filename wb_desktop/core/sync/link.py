"""The sync client's link to the server, which the technician can switch offline.

On its own the link knows two states: online (requests pass straight through) and offline
(the "Work offline" toggle: every request fails at once, without touching the network). Any
other profile — a slow or lossy mobile link, a captive portal — and QA's scheduled upload cut
need the network simulator of ``wb_desktop.tools.netsim``. The core never imports it: whoever
builds the client (the composition root, a scenario) passes a :class:`SimulatorFactory`, and
the link plugs the simulator in the first time such a profile or cut is asked for. Once in,
it stays for the client's life, so its seeded dice run on as one stream.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.sync.profiles import Behaviour, NetworkProfile, profile_named
from wb_desktop.core.sync.transport import (
    FailureKind,
    HttpReply,
    HttpRequest,
    Transport,
    TransportError,
)

OnCut = Callable[[float], None]
"""Told the fraction of the upload at which a scheduled cut dropped the link."""


class NetworkSimulator(Protocol):
    """QA's simulated network between the link and the real transport."""

    def send(self, request: HttpRequest) -> HttpReply: ...

    def set_profile(self, profile: NetworkProfile) -> None: ...

    def arm_upload_cut(self, fraction: float) -> None: ...

    def disarm_upload_cut(self) -> None: ...


class SimulatorFactory(Protocol):
    """Builds the simulator over ``inner``; ``on_cut`` is called when a scheduled cut fires."""

    def __call__(
        self, inner: Transport, profile: NetworkProfile, *, seed: int, on_cut: OnCut
    ) -> NetworkSimulator: ...


class SimulatorMissingError(ValueError):
    """A QA profile or cut was asked of a link that was given no network simulator."""


def offline_error(profile: NetworkProfile) -> TransportError:
    """The failure of every request while the link is switched offline."""
    return TransportError(
        FailureKind.OFFLINE,
        Text(QT_TRANSLATE_NOOP("Domain", "offline (simulated network profile '%1')"), profile.name),
    )


def passes_straight_through(profile: NetworkProfile) -> bool:
    """Whether the link can play ``profile`` without the simulator."""
    if profile.behaviour is Behaviour.OFFLINE:
        return True
    return profile.behaviour is Behaviour.NORMAL and (
        profile.latency_ms,
        profile.jitter_ms,
        profile.down_kbps,
        profile.up_kbps,
        profile.loss_pct,
    ) == (0, 0, None, None, 0)


class NetworkLink:
    """Online or offline by itself; QA's simulator plugged in on first need. Thread-safe:
    uploads send from a pool while the sync thread switches profiles."""

    def __init__(
        self,
        inner: Transport,
        profile: NetworkProfile | None = None,
        *,
        seed: int = 1,
        simulator: SimulatorFactory | None = None,
    ) -> None:
        self._inner = inner
        self._profile = profile or profile_named("online")
        self._seed = seed
        self._make_simulator = simulator
        self._simulator: NetworkSimulator | None = None
        self._lock = threading.Lock()
        self.on_cut: OnCut | None = None  # the sync worker listens for scheduled cuts
        if not passes_straight_through(self._profile):
            self._plug_in()

    @property
    def inner(self) -> Transport:
        """The real transport under the link."""
        return self._inner

    @property
    def profile(self) -> NetworkProfile:
        """The profile the next request will get."""
        with self._lock:
            return self._profile

    @property
    def simulating(self) -> bool:
        """Whether QA's simulator has been plugged in."""
        with self._lock:
            return self._simulator is not None

    def set_profile(self, profile: NetworkProfile) -> None:
        """Switch for the next request; :class:`SimulatorMissingError` when ``profile`` needs
        the simulator and none was given."""
        with self._lock:
            simulator = self._simulator
            if simulator is None and not passes_straight_through(profile):
                simulator = self._plug_in_locked(profile)
            self._profile = profile
        if simulator is not None:
            simulator.set_profile(profile)

    def arm_upload_cut(self, fraction: float) -> None:
        """Drop the link once the next upload passes ``fraction`` (0 < fraction < 1)."""
        if not 0 < fraction < 1:
            raise ValueError(f"the cut must be between 0 and 1 of the upload, not {fraction}")
        self._plug_in().arm_upload_cut(fraction)

    def disarm_upload_cut(self) -> None:
        with self._lock:
            simulator = self._simulator
        if simulator is not None:
            simulator.disarm_upload_cut()

    def send(self, request: HttpRequest) -> HttpReply:
        with self._lock:
            profile, simulator = self._profile, self._simulator
        if simulator is not None:
            return simulator.send(request)
        if profile.behaviour is Behaviour.OFFLINE:
            raise offline_error(profile)
        return self._inner.send(request)

    def _plug_in(self) -> NetworkSimulator:
        with self._lock:
            return self._simulator or self._plug_in_locked(self._profile)

    def _plug_in_locked(self, profile: NetworkProfile) -> NetworkSimulator:
        """Build the simulator on ``profile``; the caller holds the lock."""
        if self._make_simulator is None:
            raise SimulatorMissingError(
                f"the network profile {profile.name!r} and scheduled cuts need the network"
                " simulator (wb_desktop.tools.netsim), and this client was built without one"
            )
        self._simulator = self._make_simulator(
            self._inner, profile, seed=self._seed, on_cut=self._cut
        )
        return self._simulator

    def _cut(self, fraction: float) -> None:
        """A scheduled cut fired (on the upload's thread): the link goes down at once."""
        self.set_profile(profile_named("offline"))
        listener = self.on_cut
        if listener is not None:
            listener(fraction)
