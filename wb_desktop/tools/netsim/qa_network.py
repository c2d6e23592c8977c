"""QA's network, as the sync client's link plugs it in: a scheduled upload cut in front of
the simulated profile (see :mod:`wb_desktop.core.sync.link`, which asks for it only when a QA
profile or a cut is applied)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from wb_desktop.core.sync.link import OnCut
from wb_desktop.core.sync.profiles import NetworkProfile
from wb_desktop.core.sync.transport import HttpReply, HttpRequest, Transport
from wb_desktop.tools.netsim.link_cut import UploadCutTransport
from wb_desktop.tools.netsim.simulated import SimulatedTransport


class QaNetwork:
    """Requests pass the upload cut, then the simulated profile, then ``inner``."""

    def __init__(
        self,
        inner: Transport,
        profile: NetworkProfile,
        *,
        seed: int,
        on_cut: OnCut,
        sleep: Callable[[float], None] = time.sleep,
        time_scale: float = 1.0,
    ) -> None:
        self.simulated = SimulatedTransport(
            inner, profile, seed=seed, sleep=sleep, time_scale=time_scale
        )
        self.upload_cut = UploadCutTransport(self.simulated, on_cut)

    def send(self, request: HttpRequest) -> HttpReply:
        return self.upload_cut.send(request)

    def set_profile(self, profile: NetworkProfile) -> None:
        self.simulated.set_profile(profile)

    def arm_upload_cut(self, fraction: float) -> None:
        self.upload_cut.arm(fraction)

    def disarm_upload_cut(self) -> None:
        self.upload_cut.disarm()


@dataclass(frozen=True)
class QaNetworkFactory:
    """A :class:`~wb_desktop.core.sync.link.SimulatorFactory`: ``sleep`` and ``time_scale``
    say how simulated time passes (tests and scenarios skip or shorten the waits)."""

    sleep: Callable[[float], None] = time.sleep
    time_scale: float = 1.0

    def __call__(
        self, inner: Transport, profile: NetworkProfile, *, seed: int, on_cut: OnCut
    ) -> QaNetwork:
        return QaNetwork(
            inner, profile, seed=seed, on_cut=on_cut, sleep=self.sleep, time_scale=self.time_scale
        )
