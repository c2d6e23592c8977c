"""Wiring one technician's sync: transport (real, under a link that can go offline), API,
engine.

The app's composition root and the headless scenario runner both build a client here, so
the two run the same engine the same way. QA's network simulator is not imported here: the
builder passes it in (see :mod:`wb_desktop.core.sync.link`).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from wb_desktop.core.domain.clock import Clock
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.sync.auth import PasswordSignIn
from wb_desktop.core.sync.engine import SyncEngine
from wb_desktop.core.sync.link import NetworkLink, SimulatorFactory
from wb_desktop.core.sync.profiles import NetworkProfile, profile_named
from wb_desktop.core.sync.protocol_client import SignIn, SyncApi
from wb_desktop.core.sync.step_report import SyncListener
from wb_desktop.core.sync.trace import TraceListener, TracingTransport
from wb_desktop.core.sync.transport import RequestsTransport, Transport
from wb_desktop.core.sync.uploads import PARALLEL_UPLOADS


@dataclass
class SyncClient:
    api: SyncApi
    network: NetworkLink
    engine: SyncEngine
    sign_in: PasswordSignIn
    owned_cache: LocalCache | None = None  # a worker's own handle, closed with the client
    tracing: TracingTransport | None = None  # add listeners to see every request

    def close(self) -> None:
        close = getattr(self.network.inner, "close", None)
        if close is not None:
            close()
        if self.owned_cache is not None:
            self.owned_cache.close()


def build_sync_client(
    cache: LocalCache,
    server_url: str,
    email: str,
    password: str | None,
    clock: Clock,
    *,
    seed: int = 1,
    profile: NetworkProfile | None = None,
    simulator: SimulatorFactory | None = None,
    listener: SyncListener | None = None,
    inner: Transport | None = None,
    own_cache: bool = False,
    token: str | None = None,
    on_signed_in: Callable[[SignIn], None] | None = None,
    trace: list[TraceListener] | None = None,
    parallel_uploads: int = PARALLEL_UPLOADS,
) -> SyncClient:
    """``seed``: the engine's backoff jitter and the simulated network's dice.
    ``simulator``: QA's network simulator, plugged in when a profile other than online or
    offline, or a scheduled upload cut, is applied; without it those raise
    :class:`~wb_desktop.core.sync.link.SimulatorMissingError`.
    ``own_cache``: the client closes the cache when it closes (a worker's attached one).
    ``token`` and ``on_signed_in``: see :class:`PasswordSignIn`. ``trace``: listeners that
    get every request and reply (the trace file, the console's timeline).
    ``parallel_uploads``: 1 where a run must repeat exactly from its seed (scenarios): two
    uploads at once interleave their requests, and the simulated network's draws, by timing.

    The layers, outermost first: API → trace → link (→ QA's upload cut → simulated network)
    → HTTP.
    """
    network = NetworkLink(
        inner or RequestsTransport(server_url),
        profile or profile_named("online"),
        seed=seed,
        simulator=simulator,
    )
    tracing = TracingTransport(
        network, clock, lambda: network.profile.name, listeners=list(trace or [])
    )
    api = SyncApi(tracing)
    sign_in = PasswordSignIn(api, email, password, token=token, on_signed_in=on_signed_in)
    api.token_source = sign_in
    engine = SyncEngine(
        api=api,
        database=cache.database,
        media=cache.media,
        quota=cache.quota,
        clock=clock,
        device_id=cache.device_id,
        rng=random.Random(seed),
        listener=listener,
        parallel_uploads=parallel_uploads,
    )
    return SyncClient(api, network, engine, sign_in, cache if own_cache else None, tracing)
