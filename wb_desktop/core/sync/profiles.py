"""The network profiles QA can put the app on, with figures from the public tools.

A profile says how the simulated link behaves: per-request latency and jitter, bandwidth
each way, packet loss (as resets and timeouts), or a special behaviour. The table is the one
in DESIGN.md; the simulated transport applies it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Behaviour(StrEnum):
    NORMAL = "normal"
    OFFLINE = "offline"  # no link: every request fails at once
    HALF_OPEN = "half-open"  # the connection opens, then no data until the timeout
    CAPTIVE_PORTAL = "captive-portal"  # every request answers 200 with an HTML login page
    FLAKY = "flaky"  # online, with outages of random length (seeded)


@dataclass(frozen=True)
class NetworkProfile:
    name: str
    latency_ms: float = 0.0
    jitter_ms: float = 0.0
    down_kbps: float | None = None  # None: as fast as the machine
    up_kbps: float | None = None
    loss_pct: float = 0.0
    behaviour: Behaviour = Behaviour.NORMAL
    source: str = ""

    @property
    def online(self) -> bool:
        """Whether the link can carry a request at all (a flaky link mostly can)."""
        return self.behaviour is not Behaviour.OFFLINE

    def figures(self) -> str:
        """One line for the profile picker and the trace."""
        if self.behaviour is Behaviour.OFFLINE:
            return "no connection"
        if self.behaviour is Behaviour.HALF_OPEN:
            return "connects, then no data until the timeout"
        if self.behaviour is Behaviour.CAPTIVE_PORTAL:
            return "every request answers an HTML login page"
        parts = [f"{self.latency_ms:g} ms"]
        if self.jitter_ms:
            parts[0] += f" ± {self.jitter_ms:g}"
        if self.down_kbps is not None or self.up_kbps is not None:
            parts.append(f"↓ {_rate(self.down_kbps)} ↑ {_rate(self.up_kbps)}")
        if self.loss_pct:
            parts.append(f"{self.loss_pct:g} % loss")
        if self.behaviour is Behaviour.FLAKY:
            parts.append("outages of random length")
        return ", ".join(parts)


def _rate(kbps: float | None) -> str:
    return "unlimited" if kbps is None else f"{kbps:g} kbps"


PROFILES: dict[str, NetworkProfile] = {
    p.name: p
    for p in (
        NetworkProfile("online"),
        NetworkProfile("offline", 0, 0, 0, 0, 100, Behaviour.OFFLINE),
        NetworkProfile("slow-3g", 2000, 0, 400, 400, source="browser devtools"),
        NetworkProfile("slow-4g", 563, 0, 1440, 675, source="browser devtools"),
        NetworkProfile("fast-4g", 165, 0, 8100, 1350, source="browser devtools"),
        NetworkProfile("3g", 200, 0, 780, 330, source="macOS link conditioner"),
        NetworkProfile("edge", 840, 0, 240, 200, source="link conditioner replica"),
        NetworkProfile("very-bad", 1000, 0, 1000, 1000, 10, source="macOS link conditioner"),
        NetworkProfile("gsm", 350, 200, 14.4, 14.4, source="Android emulator"),
        NetworkProfile("half-open", behaviour=Behaviour.HALF_OPEN, source="Toxiproxy timeout"),
        NetworkProfile("captive-portal", behaviour=Behaviour.CAPTIVE_PORTAL),
        NetworkProfile("flaky", 50, 30, behaviour=Behaviour.FLAKY),
    )
}
PROFILE_NAMES: tuple[str, ...] = tuple(PROFILES)


def profile_named(name: str) -> NetworkProfile:
    """The profile of that name; an unknown name is a ValueError that lists the known ones."""
    try:
        return PROFILES[name]
    except (KeyError, TypeError):
        raise ValueError(
            f"unknown network profile {name!r} (known: {', '.join(PROFILE_NAMES)})"
        ) from None
