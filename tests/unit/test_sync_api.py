"""The protocol client against recorded replies: what the server and the network can send
back, and what the client makes of each."""

from __future__ import annotations

import json

import pytest

from wb_desktop.core.protocol.push import OpIn
from wb_desktop.core.sync.backoff import Backoff
from wb_desktop.core.sync.protocol_client import (
    IncompatibleServerError,
    ProtocolError,
    ServerRefusedError,
    SyncApi,
)
from wb_desktop.core.sync.transport import HttpReply, HttpRequest

JSON = {"content-type": "application/json"}


class RecordedTransport:
    """Answers each request with the next recorded reply; keeps what was sent."""

    def __init__(self, *replies: HttpReply) -> None:
        self.replies = list(replies)
        self.sent: list[HttpRequest] = []

    def send(self, request: HttpRequest) -> HttpReply:
        self.sent.append(request)
        return self.replies.pop(0)


def reply(body: object, status: int = 200, headers: dict[str, str] | None = None) -> HttpReply:
    return HttpReply(status, {**JSON, **(headers or {})}, json.dumps(body).encode())


def test_health_refuses_another_protocol_version() -> None:
    api = SyncApi(RecordedTransport(reply({"status": "ok", "protocol": 2, "version": "9"})))
    with pytest.raises(IncompatibleServerError, match="protocol 2"):
        api.health()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (HttpReply(200, {"content-type": "text/html"}, b"<html>Sign in</html>"), "web page"),
        (HttpReply(200, JSON, b'{"changes": [{"seq": 1'), "truncated"),
        (reply([1, 2, 3]), "not a JSON object"),
        (reply({"changes": "many", "next_cursor": 1, "has_more": False}), "'changes'"),
        (reply({"changes": [], "next_cursor": "1", "has_more": False}), "'next_cursor'"),
        (
            reply(
                {
                    "changes": [
                        {
                            "seq": 1,
                            "record_type": "job",
                            "record_id": "x",
                            "version": 1,
                            "deleted": False,
                            "data": None,
                            "origin_device_id": None,
                        }
                    ],
                    "next_cursor": 1,
                    "has_more": False,
                }
            ),
            "no record data",
        ),
        (
            reply(
                {
                    "changes": [
                        {
                            "seq": 1,
                            "record_type": "job",
                            "record_id": "x",
                            "version": 1,
                            "deleted": False,
                        }
                    ],
                    "next_cursor": 1,
                    "has_more": False,
                }
            ),
            "'changes.0.data'",
        ),
        (reply({"changes": [], "next_cursor": 1, "has_more": "no"}), "'has_more'"),
        (reply({"changes": [], "next_cursor": True, "has_more": False}), "'next_cursor'"),
        (HttpReply(200, {}, b"{}"), "not JSON"),
    ],
)
def test_an_unusable_pull_reply_is_a_protocol_error(raw: HttpReply, message: str) -> None:
    with pytest.raises(ProtocolError, match=message):
        SyncApi(RecordedTransport(raw)).pull(0, 10)


def test_a_push_reply_that_answers_other_ops_is_never_applied() -> None:
    answer = {"op_id": "other", "seq": 1, "result": "applied"}
    api = SyncApi(RecordedTransport(reply({"results": [answer], "last_seq": 1})))
    op = OpIn.model_construct(op_id="mine", seq=1, kind="note.create")
    with pytest.raises(ProtocolError, match="does not answer the ops"):
        api.push("device", [op])


def test_an_error_reply_carries_its_reason_and_retry_after() -> None:
    refused = reply({"error": "rate_limited", "detail": "slow down"}, 429, {"retry-after": "7"})
    with pytest.raises(ServerRefusedError) as caught:
        SyncApi(RecordedTransport(refused)).pull(0, 10)
    assert (caught.value.status, caught.value.reason, caught.value.retry_after_s) == (
        429,
        "slow down",
        7.0,
    )
    assert caught.value.transient


def test_an_expired_token_signs_in_again_once() -> None:
    tokens: list[bool] = []

    def token(renew: bool) -> str:
        tokens.append(renew)
        return "new" if renew else "old"

    transport = RecordedTransport(
        reply({"error": "unauthorized", "detail": "the token has expired"}, 401),
        reply({"changes": [], "next_cursor": 0, "has_more": False}),
    )
    page = SyncApi(transport, token).pull(0, 10)
    assert page.changes == [] and tokens == [False, True]
    assert [r.headers["Authorization"] for r in transport.sent] == ["Bearer old", "Bearer new"]


class FixedRandom:
    def __init__(self, value: float) -> None:
        self.value = value

    def uniform(self, low: float, high: float) -> float:
        return low + (high - low) * self.value


@pytest.mark.parametrize(
    ("failures", "bound"), [(1, 0.5), (2, 1.0), (3, 2.0), (8, 60.0), (20, 60.0)]
)
def test_backoff_doubles_from_half_a_second_to_a_minute(failures: int, bound: float) -> None:
    backoff = Backoff(FixedRandom(1.0))  # type: ignore[arg-type]
    delays = [backoff.failed() for _ in range(failures)]
    assert delays[-1] == bound


def test_backoff_jitters_and_honours_retry_after() -> None:
    def low() -> Backoff:
        return Backoff(FixedRandom(0.0))  # type: ignore[arg-type]

    assert low().failed() == 0.0  # full jitter: anywhere from zero
    assert low().failed(retry_after_s=7) == 7.0
    backoff = low()
    backoff.failed()
    backoff.reset()
    assert backoff.failures == 0
