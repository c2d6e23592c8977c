"""The sync trace records every request without its body, and its file never grows past
its limit."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.sync.trace import TraceEvent, TraceLog, TracingTransport
from wb_desktop.core.sync.transport import FailureKind, HttpReply, HttpRequest, TransportError

START = datetime(2026, 11, 23, 7, 30, tzinfo=UTC)


class RecordedReplies:
    """A fake network: answers from a list, or raises the error given for a path."""

    def __init__(self, reply: HttpReply, failing: str | None = None) -> None:
        self.reply = reply
        self.failing = failing

    def send(self, request: HttpRequest) -> HttpReply:
        if self.failing and request.path.startswith(self.failing):
            raise TransportError(FailureKind.RESET, "connection reset (simulated loss)")
        return self.reply


class Ticks:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 0.25
        return self.now


def tracing(inner: RecordedReplies) -> tuple[TracingTransport, list[TraceEvent]]:
    events: list[TraceEvent] = []
    transport = TracingTransport(
        inner, FixedClock(START), lambda: "slow-3g", [events.append], monotonic=Ticks()
    )
    return transport, events


def test_a_push_is_traced_with_its_op_ids_and_no_body() -> None:
    transport, events = tracing(RecordedReplies(HttpReply(200, {}, b'{"results": []}')))
    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    ops = [
        {
            "op_id": op_id,
            "seq": seq,
            "kind": "note.create",
            "record_type": "note",
            "record_id": str(uuid.uuid4()),
            "base_version": 0,
            "payload": {},
        }
        for seq, op_id in enumerate((first, second), start=1)
    ]
    body = json.dumps({"device_id": str(uuid.uuid4()), "ops": ops}).encode()

    transport.send(HttpRequest("POST", "/v1/push", body=body))

    [event] = events
    assert (event.method, event.route, event.status) == ("POST", "/v1/push", 200)
    assert event.op_ids == (first, second) and event.profile == "slow-3g"
    assert event.bytes_sent == len(body) and event.bytes_received == 15
    assert event.duration_ms == pytest.approx(250.0) and event.at == START
    assert "device_id" not in json.dumps(event.to_json())


def test_a_failed_request_is_traced_and_still_fails() -> None:
    transport, events = tracing(RecordedReplies(HttpReply(200, {}, b"{}"), failing="/v1/changes"))

    with pytest.raises(TransportError):
        transport.send(HttpRequest("GET", "/v1/changes?after=12&limit=500"))

    [event] = events
    assert event.route == "/v1/changes" and event.query == "after=12&limit=500"
    assert event.status is None and not event.ok
    assert event.error == "connection reset (simulated loss)"


def test_a_broken_listener_does_not_fail_the_request() -> None:
    def broken(_event: TraceEvent) -> None:
        raise RuntimeError("listener bug")

    transport = TracingTransport(
        RecordedReplies(HttpReply(204, {}, b"")), FixedClock(START), lambda: "online", [broken]
    )
    assert transport.send(HttpRequest("GET", "/health")).status == 204


def test_the_log_round_trips_and_rotates_at_its_limit(tmp_path: Path) -> None:
    log = TraceLog(tmp_path / "trace" / "sync-trace.jsonl", max_bytes=600, keep=3)
    event = TraceEvent(START, "GET", "/v1/changes", 200, 12.5, 0, 1234, "online", ("x",))

    for _ in range(30):
        log.append(event)

    files = log.files()
    assert [f.name for f in files] == [
        "sync-trace.2.jsonl",
        "sync-trace.1.jsonl",
        "sync-trace.jsonl",
    ]
    assert all(f.stat().st_size <= 600 + 300 for f in files)
    events = list(log.events())
    assert events and all(e == event for e in events)


def test_unreadable_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "sync-trace.jsonl"
    good = TraceEvent(START, "GET", "/health", 200, 1.0, 0, 2, "online")
    path.write_text("not json\n" + json.dumps(good.to_json()) + "\n{}\n", encoding="utf-8")

    assert list(TraceLog(path).events()) == [good]


def test_a_refusal_keeps_the_servers_code_and_detail_bounded_and_redactable() -> None:
    from wb_desktop.core.protocol.requests_log import REQUEST_ID
    from wb_desktop.core.sync.trace import MAX_DETAIL_CHARS
    from wb_desktop.tools.diagnostics.redact import Redactor

    detail = "customer Greta Garbo <greta@example.com> on Bearer abc.def " + "x" * 10_000
    body = json.dumps({"error": "internal_error", "detail": detail}).encode()
    transport, events = tracing(
        RecordedReplies(HttpReply(500, {"content-type": "application/json"}, body))
    )
    transport.send(HttpRequest("POST", "/v1/blobs/abc", {REQUEST_ID: "r1"}, b"{}"))

    (event,) = events
    assert (event.status, event.server_error, event.request_id) == (500, "internal_error", "r1")
    assert event.server_detail is not None
    assert len(event.server_detail) <= MAX_DETAIL_CHARS
    assert event.server_detail.startswith("customer Greta Garbo")
    redactor = Redactor(enabled=True)
    redactor.add("name", "Greta Garbo")
    line = redactor.json_line(json.dumps(event.to_json()))
    assert "Greta" not in line and "greta@example.com" not in line and "abc.def" not in line
    assert "Customer 1" in line and json.loads(line)["server_error"] == "internal_error"
    assert TraceEvent.from_json(json.loads(line)).request_id == "r1"


def test_a_proxys_page_is_recorded_as_not_the_servers_reply() -> None:
    page = b"<html><body><h1>502 Bad Gateway</h1>" + b"<p>nginx</p>" * 2000 + b"</body></html>"
    transport, events = tracing(
        RecordedReplies(HttpReply(502, {"content-type": "text/html"}, page))
    )
    transport.send(HttpRequest("GET", "/v1/changes"))

    (event,) = events
    assert event.server_error == "not_an_error_body"
    assert event.server_detail is not None and len(event.server_detail) <= 2048
    assert event.server_detail.startswith(f"text/html, {len(page)} bytes: <html><body><h1>502")
    assert event.request_id is None  # sent without one, and nobody answered with one


def _change(seq: int) -> dict[str, object]:
    return {
        "seq": seq,
        "record_type": "job",
        "record_id": str(uuid.uuid4()),
        "version": 1,
        "deleted": False,
        "data": {"title": "seq 9 is not counted twice"},
        "origin_device_id": None,
    }


def test_a_pull_keeps_how_many_changes_came_back_and_a_gps_post_its_positions(
    tmp_path: Path,
) -> None:
    changes = [_change(seq) for seq in range(1521, 1533)]
    page = json.dumps({"changes": changes, "next_cursor": 1532, "has_more": False}).encode()
    transport, events = tracing(RecordedReplies(HttpReply(200, {}, page)))
    transport.send(HttpRequest("GET", "/v1/changes?since=1520&limit=500"))
    ping = {"recorded_at": START.isoformat(), "latitude": 59.3, "longitude": 18.1}
    pings = [{"id": str(uuid.uuid4()), **ping} for _ in range(3)]
    body = json.dumps({"pings": pings}).encode()
    transport.send(HttpRequest("POST", "/v1/locations", body=body))
    transport.send(HttpRequest("POST", "/v1/push", body=b"{}"))  # neither: no count

    pull, gps, push = events
    assert (pull.route, pull.query, pull.records) == ("/v1/changes", "since=1520&limit=500", 12)
    assert gps.records == 3 and push.records is None
    assert "59.3" not in json.dumps(gps.to_json())  # the count only, never a position
    log = TraceLog(tmp_path / "trace.jsonl")
    for event in events:
        log.append(event)
    assert list(log.events()) == events  # the count survives the file (and a bundle)


def test_a_failed_or_unreadable_pull_has_no_count() -> None:
    refused, events = tracing(RecordedReplies(HttpReply(500, {}, b'{"changes": []}')))
    refused.send(HttpRequest("GET", "/v1/changes?since=3"))
    garbled, more = tracing(RecordedReplies(HttpReply(200, {}, b"<html>portal</html>")))
    garbled.send(HttpRequest("GET", "/v1/changes?since=3"))
    lost, none = tracing(RecordedReplies(HttpReply(200, {}, b""), failing="/v1/changes"))
    with pytest.raises(TransportError):
        lost.send(HttpRequest("GET", "/v1/changes?since=3"))
    assert [e.records for e in (*events, *more, *none)] == [None, None, None]
