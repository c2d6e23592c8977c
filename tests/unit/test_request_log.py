"""The server's request log: one line per request under its id, bounded on disk, and a crash
still answered with the id and logged."""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.protocol.requests_log import RequestLogLine
from wb_server.request_log import RequestLog, RequestLogMiddleware

CLOCK = FixedClock(datetime(2026, 11, 23, 7, 30, tzinfo=UTC))


def _line(request_id: str, status: int = 200) -> RequestLogLine:
    return RequestLogLine(
        at=CLOCK.now().isoformat(),
        request_id=request_id,
        method="GET",
        path="/v1/changes",
        status=status,
        duration_ms=1.0,
    )


def test_the_log_rotates_and_keeps_three_files(tmp_path: Path) -> None:
    log = RequestLog(tmp_path / "logs" / "requests.jsonl", max_bytes=2_000, keep=3)
    for number in range(200):
        log.append(_line(f"r{number}"))
    assert len(log.files()) == 3
    assert sum(path.stat().st_size for path in log.files()) < 3 * 2_000 + 500
    assert [line.request_id for line in log.find({"r199", "r0"}, 10)] == ["r199"]  # r0 rotated out
    assert [line.request_id for line in log.find(None, 2)] == ["r198", "r199"]


def _run(app: Any, headers: list[tuple[bytes, bytes]], log: RequestLog) -> list[dict]:
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/v1/push", "headers": headers}
    asyncio.run(RequestLogMiddleware(app, log, CLOCK)(scope, receive, send))
    return sent


def test_a_crash_is_answered_with_the_request_id_and_logged(tmp_path: Path) -> None:
    async def crashing(scope: dict, receive: Any, send: Any) -> None:
        scope["state"]["device_id"] = "device-1"
        raise RuntimeError("a bug")

    log = RequestLog(tmp_path / "requests.jsonl")
    sent = _run(crashing, [(b"x-request-id", b"abc123")], log)

    start, body = sent
    assert start["status"] == 500 and (b"x-request-id", b"abc123") in start["headers"]
    assert json.loads(body["body"])["error"] == "internal_error"
    (line,) = log.find({"abc123"}, 10)
    assert (line.status, line.error, line.device_id) == (500, "internal_error", "device-1")


def test_a_refusal_is_logged_with_its_code_and_an_odd_id_is_replaced(tmp_path: Path) -> None:
    async def refusing(scope: dict, receive: Any, send: Any) -> None:
        body = json.dumps({"error": "forbidden", "detail": "not yours"}).encode()
        headers = [(b"content-type", b"application/json"), (b"x-request-id", b"spoofed")]
        await send({"type": "http.response.start", "status": 403, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    log = RequestLog(tmp_path / "requests.jsonl")
    sent = _run(refusing, [(b"X-Request-Id", "ä<script>".encode())], log)

    ids = [value for name, value in sent[0]["headers"] if name == b"x-request-id"]
    assert len(ids) == 1 and len(ids[0]) == 32  # one id, made by the server
    (line,) = log.find({ids[0].decode()}, 10)
    assert (line.status, line.error, line.path) == (403, "forbidden", "/v1/push")


def _append_from_a_worker(folder: str, count: int) -> None:
    """One ``wb-server --workers N`` process: its own file, rotated while others write."""
    log = RequestLog(Path(folder) / f"requests-{os.getpid()}.jsonl", max_bytes=20_000, keep=3)
    for number in range(count):
        log.append(_line(f"{os.getpid()}-{number}"))


def test_worker_processes_appending_at_once_lose_no_line_and_any_of_them_reads_all(
    tmp_path: Path,
) -> None:
    """Four processes race to log 300 requests each, rotating as they go. Each writes only
    its own file, so no rotation can move a file another process is appending to; a read
    through any worker's log sees every line of every worker, in time order."""
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_append_from_a_worker, args=(str(tmp_path), 300)) for _ in range(4)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    assert len({p.name.split(".", 1)[0] for p in tmp_path.glob("requests-*")}) == 4
    reader = RequestLog(tmp_path / f"requests-{os.getpid()}.jsonl")  # this process wrote none
    lines = reader.find(None, 10_000)
    ids = [line.request_id for line in lines]
    assert len(ids) == len(set(ids)) == 4 * 300
    assert [line.at for line in lines] == sorted(line.at for line in lines)
    assert len(reader.find({ids[0], ids[-1]}, 10)) == 2
