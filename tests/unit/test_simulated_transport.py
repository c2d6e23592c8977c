"""The simulated network QA uses: every profile, determinism by seed, time scale, threads."""

from __future__ import annotations

import threading

import pytest

from wb_desktop.core.sync.profiles import PROFILE_NAMES, PROFILES, Behaviour, NetworkProfile
from wb_desktop.core.sync.transport import FailureKind, HttpReply, HttpRequest, TransportError
from wb_desktop.tools.netsim.simulated import SimulatedTransport

Outcome = tuple[str, ...]


class FakeInner:
    """The server side: records what reached it, answers a canned reply or raises an error."""

    def __init__(self, body_size: int = 0, error: TransportError | None = None) -> None:
        self.requests: list[HttpRequest] = []
        self.reply = HttpReply(200, {"content-type": "application/json"}, b"x" * body_size)
        self.error = error
        self._lock = threading.Lock()

    def send(self, request: HttpRequest) -> HttpReply:
        with self._lock:
            self.requests.append(request)
        if self.error is not None:
            raise self.error
        return self.reply


def make(
    profile: str, *, seed: int = 7, inner: FakeInner | None = None, time_scale: float = 1.0
) -> tuple[SimulatedTransport, FakeInner, list[float]]:
    """A transport on ``profile`` whose sleeps are recorded instead of slept."""
    inner = inner if inner is not None else FakeInner()
    sleeps: list[float] = []
    transport = SimulatedTransport(
        inner, PROFILES[profile], seed=seed, sleep=sleeps.append, time_scale=time_scale
    )
    return transport, inner, sleeps


def outcome(transport: SimulatedTransport, request: HttpRequest) -> Outcome:
    try:
        reply = transport.send(request)
    except TransportError as error:
        return ("error", error.kind.value, error.reason)
    return ("ok", str(reply.status))


GET = HttpRequest("GET", "/api/jobs")
UPLOADS = {"slow-3g", "slow-4g", "fast-4g", "3g", "edge"}  # steady links: latency + transfer
SPECIAL = {"online", "offline", "half-open", "captive-portal", "gsm", "very-bad", "flaky"}


def test_every_profile_is_covered_here() -> None:
    assert set(PROFILE_NAMES) == UPLOADS | SPECIAL


def test_online_passes_straight_through() -> None:
    transport, inner, sleeps = make("online", inner=FakeInner(body_size=50_000))
    assert transport.send(GET) is inner.reply
    assert inner.requests == [GET]
    assert sleeps == []


def test_offline_fails_at_once_and_never_reaches_the_server() -> None:
    transport, inner, sleeps = make("offline")
    with pytest.raises(TransportError) as caught:
        transport.send(GET)
    assert caught.value.kind is FailureKind.OFFLINE
    assert caught.value.reason == "offline (simulated network profile 'offline')"
    assert inner.requests == []
    assert sleeps == []


def test_half_open_waits_the_whole_timeout_then_times_out() -> None:
    transport, inner, sleeps = make("half-open")
    with pytest.raises(TransportError) as caught:
        transport.send(HttpRequest("POST", "/api/ops", body=b"{}", timeout_s=7.5))
    assert caught.value.kind is FailureKind.TIMEOUT
    assert "half-open" in caught.value.reason
    assert "no data" in caught.value.reason
    assert sleeps == [7.5]
    assert inner.requests == []


def test_captive_portal_answers_a_login_page_without_reaching_the_server() -> None:
    transport, inner, sleeps = make("captive-portal")
    reply = transport.send(GET)
    assert reply.status == 200
    assert reply.header("Content-Type") == "text/html; charset=utf-8"
    assert b"Sign in to Wi-Fi" in reply.body
    assert b"<html" in reply.body
    assert inner.requests == []
    assert sleeps == []


def test_slow_3g_sleeps_latency_then_upload_then_download() -> None:
    transport, inner, sleeps = make("slow-3g", inner=FakeInner(body_size=5_000))
    request = HttpRequest("POST", "/api/ops", body=b"y" * 1_000)
    assert transport.send(request) is inner.reply
    # 2000 ms; 1,000 bytes up and 5,000 bytes down at 400 kbps.
    assert sleeps == pytest.approx([2.0, 0.02, 0.1])
    assert inner.requests == [request]


@pytest.mark.parametrize("name", sorted(UPLOADS))
def test_steady_profiles_sleep_their_figures(name: str) -> None:
    profile = PROFILES[name]
    assert profile.up_kbps is not None
    assert profile.down_kbps is not None
    transport, _, sleeps = make(name, inner=FakeInner(body_size=20_000))
    transport.send(HttpRequest("POST", "/api/ops", body=b"y" * 3_000))
    assert sleeps == pytest.approx(
        [
            profile.latency_ms / 1000,
            3_000 * 8 / (profile.up_kbps * 1000),
            20_000 * 8 / (profile.down_kbps * 1000),
        ]
    )


def test_gsm_jitter_stays_within_200_ms_of_the_latency() -> None:
    transport, _, sleeps = make("gsm")
    for _ in range(500):
        transport.send(GET)
    assert len(sleeps) == 500  # empty bodies: only the latency is slept
    assert all(0.150 <= s <= 0.550 for s in sleeps)
    assert min(sleeps) < 0.2 < 0.5 < max(sleeps)


def test_very_bad_loses_about_ten_percent_both_before_and_after_the_server() -> None:
    transport, inner, sleeps = make("very-bad")
    request = HttpRequest("POST", "/api/ops", body=b"{}", timeout_s=9.0)
    outcomes = [outcome(transport, request) for _ in range(2_000)]
    ok = outcomes.count(("ok", "200"))
    before = sum(1 for o in outcomes if o[:2] == ("error", "reset"))
    after = sum(1 for o in outcomes if o[:2] == ("error", "timeout"))
    assert ok + before + after == 2_000
    assert 140 <= before + after <= 260  # 7-13 %
    assert before > 0
    assert after > 0
    # A reply lost after the server got the request still reached the server.
    assert len(inner.requests) == ok + after
    assert sleeps.count(9.0) == after  # ... and then the client waited its whole timeout


def test_flaky_has_outages_of_one_to_six_requests_and_is_mostly_online() -> None:
    transport, inner, _ = make("flaky", seed=3)
    results: list[bool] = []
    lengths: list[int] = []
    remaining = 0
    for _ in range(3_000):
        result = outcome(transport, GET)
        online = result[0] == "ok"
        results.append(online)
        if remaining:
            assert not online
            remaining -= 1
            continue
        if not online:
            assert result == ("error", "offline", "link down (simulated flaky network)")
            remaining = transport._outage_left
            lengths.append(remaining + 1)
    assert set(lengths) == {1, 2, 3, 4, 5, 6}
    assert 0.55 < sum(results) / len(results) < 0.8
    assert len(inner.requests) == sum(results)
    while transport._outage_left == 0:
        outcome(transport, GET)
    transport.set_profile(PROFILES["flaky"])
    assert transport._outage_left == 0  # a profile change ends the outage


def script(seed: int) -> tuple[list[Outcome], list[float]]:
    """500 requests over a rotation of profiles; what came out and what was slept."""
    transport, _, sleeps = make("flaky", seed=seed, inner=FakeInner(body_size=2_000))
    rotation = ["flaky", "very-bad", "gsm", "offline", "slow-3g", "half-open", "captive-portal"]
    outcomes: list[Outcome] = []
    for i in range(500):
        if i % 40 == 0:
            transport.set_profile(PROFILES[rotation[i // 40 % len(rotation)]])
        outcomes.append(outcome(transport, HttpRequest("POST", "/api/ops", body=b"z" * i)))
    return outcomes, sleeps


def test_the_same_seed_repeats_exactly() -> None:
    first, second = script(11), script(11)
    assert first == second
    assert len({o[:2] for o in first[0]}) >= 4  # the run exercised several kinds of outcome


def test_different_seeds_differ() -> None:
    assert script(11) != script(12)


def test_time_scale_scales_every_sleep() -> None:
    transport, _, sleeps = make("slow-3g", inner=FakeInner(body_size=5_000), time_scale=0.01)
    transport.send(HttpRequest("POST", "/api/ops", body=b"y" * 1_000))
    assert sleeps == pytest.approx([0.02, 0.0002, 0.001])
    transport.set_profile(PROFILES["half-open"])
    with pytest.raises(TransportError):
        transport.send(HttpRequest("GET", "/", timeout_s=20.0))
    assert sleeps[-1] == pytest.approx(0.2)


def test_set_profile_takes_effect_for_the_next_request() -> None:
    transport, inner, _ = make("online")
    transport.send(GET)
    transport.set_profile(PROFILES["offline"])
    assert transport.profile is PROFILES["offline"]
    with pytest.raises(TransportError):
        transport.send(GET)
    transport.set_profile(NetworkProfile("custom", behaviour=Behaviour.CAPTIVE_PORTAL))
    assert transport.send(GET).header("content-type") == "text/html; charset=utf-8"
    transport.set_profile(PROFILES["online"])
    assert transport.send(GET) is inner.reply
    assert inner.requests == [GET, GET]


@pytest.mark.parametrize("name", ["online", "gsm"])
def test_two_threads_can_send_at_once(name: str) -> None:
    transport, inner, _ = make(name)
    errors: list[BaseException] = []

    def upload() -> None:
        for _ in range(300):
            try:
                transport.send(GET)
            except BaseException as error:
                errors.append(error)

    threads = [threading.Thread(target=upload) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(inner.requests) == 600


def test_an_error_from_the_server_side_passes_through_unchanged() -> None:
    error = TransportError(FailureKind.REFUSED, "connection refused")
    transport, _, _ = make("slow-3g", inner=FakeInner(error=error))
    with pytest.raises(TransportError) as caught:
        transport.send(GET)
    assert caught.value is error
