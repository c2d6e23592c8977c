"""The sync client's link: online and offline on its own, QA's simulator only when asked for,
and the product path's sync modules load neither the simulator nor the server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from wb_desktop.core.sync.link import NetworkLink, OnCut, SimulatorMissingError
from wb_desktop.core.sync.profiles import PROFILES, NetworkProfile
from wb_desktop.core.sync.transport import (
    FailureKind,
    HttpReply,
    HttpRequest,
    Transport,
    TransportError,
)
from wb_desktop.tools.netsim.qa_network import QaNetwork, QaNetworkFactory

SHA = "ab" * 32
GET = HttpRequest("GET", "/v1/changes")


class Server:
    """Records what reached it; keeps the bytes each upload chunk delivered."""

    def __init__(self) -> None:
        self.requests: list[HttpRequest] = []
        self.received = 0

    def send(self, request: HttpRequest) -> HttpReply:
        self.requests.append(request)
        if request.method == "PATCH":
            self.received += len(request.body)
        return HttpReply(200, {"content-type": "application/json"}, b"{}")


class CountingFactory:
    """The QA simulator, counting how often it is plugged in."""

    def __init__(self) -> None:
        self.built: list[QaNetwork] = []

    def __call__(
        self, inner: Transport, profile: NetworkProfile, *, seed: int, on_cut: OnCut
    ) -> QaNetwork:
        network = QaNetworkFactory(sleep=lambda _s: None)(inner, profile, seed=seed, on_cut=on_cut)
        self.built.append(network)
        return network


def test_online_passes_straight_through_and_offline_never_reaches_the_server() -> None:
    server = Server()
    link = NetworkLink(server)
    assert link.send(GET).status == 200

    link.set_profile(PROFILES["offline"])
    with pytest.raises(TransportError) as caught:
        link.send(GET)

    assert caught.value.kind is FailureKind.OFFLINE and "offline" in caught.value.reason
    assert len(server.requests) == 1 and not link.simulating
    link.set_profile(PROFILES["online"])
    assert link.send(GET).status == 200


def test_a_qa_profile_needs_the_simulator() -> None:
    link = NetworkLink(Server())
    with pytest.raises(SimulatorMissingError, match="slow-3g"):
        link.set_profile(PROFILES["slow-3g"])
    with pytest.raises(SimulatorMissingError):
        link.arm_upload_cut(0.5)
    assert link.profile.name == "online"  # nothing changed
    with pytest.raises(SimulatorMissingError):
        NetworkLink(Server(), PROFILES["captive-portal"])


def test_the_simulator_is_plugged_in_once_on_the_first_qa_profile_and_then_kept() -> None:
    factory = CountingFactory()
    link = NetworkLink(Server(), seed=3, simulator=factory)
    link.set_profile(PROFILES["offline"])
    link.set_profile(PROFILES["online"])
    assert factory.built == []

    link.set_profile(PROFILES["captive-portal"])
    assert b"Wi-Fi" in link.send(GET).body
    link.set_profile(PROFILES["online"])
    assert link.send(GET).body == b"{}"
    link.set_profile(PROFILES["offline"])
    with pytest.raises(TransportError, match="offline"):
        link.send(GET)

    assert len(factory.built) == 1 and link.simulating
    assert factory.built[0].simulated.profile is PROFILES["offline"]


def test_a_scheduled_cut_takes_the_link_offline_and_tells_the_listener() -> None:
    server, cuts, factory = Server(), [], CountingFactory()
    link = NetworkLink(server, simulator=factory)
    link.on_cut = cuts.append
    link.arm_upload_cut(0.4)
    assert len(factory.built) == 1

    link.send(HttpRequest("POST", f"/v1/blobs/{SHA}", body=json.dumps({"size": 1000}).encode()))
    chunk = HttpRequest("PATCH", f"/v1/blobs/{SHA}", {"Upload-Offset": "0"}, bytes(1000))
    with pytest.raises(TransportError, match="40 %"):
        link.send(chunk)

    assert cuts == [0.4] and server.received == 400
    assert link.profile.name == "offline"
    with pytest.raises(TransportError, match="offline"):
        link.send(GET)


def test_a_disarmed_cut_lets_the_upload_through() -> None:
    server = Server()
    link = NetworkLink(server, simulator=CountingFactory())
    link.disarm_upload_cut()  # nothing plugged in yet: nothing to do
    link.arm_upload_cut(0.4)
    link.disarm_upload_cut()
    link.send(HttpRequest("POST", f"/v1/blobs/{SHA}", body=json.dumps({"size": 10}).encode()))
    link.send(HttpRequest("PATCH", f"/v1/blobs/{SHA}", {"Upload-Offset": "0"}, bytes(10)))
    assert server.received == 10


def test_the_sync_adapter_and_the_connection_load_no_tool_and_no_server() -> None:
    code = textwrap.dedent(
        """
        import sys
        import wb_desktop.app.connection, wb_desktop.app.sync_service, wb_desktop.app.sync_worker
        import wb_desktop.core.sync.client
        tools = ("fastapi", "uvicorn", "starlette", "yaml", "wb_server", "wb_desktop.tools")
        print(sorted(m for m in sys.modules if m.startswith(tools)))
        """
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    ).stdout.strip()
    assert loaded == "[]"
