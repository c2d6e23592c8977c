"""The server's request log: one JSON line per request, for support.

Every request gets a request id: the client's :data:`REQUEST_ID` header when it sent a
usable one, a new one otherwise. The id is echoed on the reply and written, with the method,
path, status, duration, the pushing device (when known) and a refusal's error code, to
``requests.jsonl`` in the server's log folder (``requests-<pid>.jsonl`` per worker process
with ``--workers N``: one writer per file). Each file rotates at 1 MB (three kept), so a
long-running server never fills its disk. Support matches a tablet's trace row to the line
here by the id (``GET /v1/admin/requests?request_id=…``), which tells an injected fault, a
server bug and a proxy apart: a proxy's reply has no line here at all.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from wb_desktop.core.domain.clock import Clock
from wb_desktop.core.persistence.json_lines import RotatingJsonLines
from wb_desktop.core.protocol.requests_log import (
    REQUEST_ID,
    RequestLogLine,
    new_request_id,
    usable_request_id,
)
from wb_server.errors import CRASHED
from wb_server.faults import (
    ASGIApp,
    ConnectionDropped,
    Message,
    Receive,
    Scope,
    Send,
    json_reply,
)

MAX_BYTES = 1024 * 1024
KEEP = 3  # the current file and two rotated ones
ERROR_BODY_PEEK = 4096  # enough of a refusal's body to read its error code
_HEADER = REQUEST_ID.lower().encode("latin-1")
_log = logging.getLogger(__name__)


class RequestLog:
    """The JSON-lines file, rotated by size; safe to use from several threads. A full disk
    must not fail the request it describes: the line is logged as lost."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, keep: int = KEEP) -> None:
        self.path = path
        self._file = RotatingJsonLines(path, max_bytes, keep, "request log")

    def files(self) -> list[Path]:
        """Oldest first."""
        return self._file.files()

    def append(self, line: RequestLogLine) -> None:
        self._file.append_line(line.model_dump_json())

    def lines(self) -> Iterator[RequestLogLine]:
        """Every line this process wrote still on disk, oldest first; unreadable lines are
        skipped."""
        yield from _parsed(self._file.raw_lines())

    def find(self, request_ids: set[str] | None, limit: int) -> list[RequestLogLine]:
        """The lines of ``request_ids`` (all lines when None), the newest ``limit``, from
        every request log in the folder: the worker answering may not be the one that
        served the request."""
        found = [
            line
            for line in self._every_process_lines()
            if request_ids is None or line.request_id in request_ids
        ]
        found.sort(key=lambda line: line.at)  # ISO times in UTC: text order is time order
        return found[-limit:]

    def _every_process_lines(self) -> Iterator[RequestLogLine]:
        if self.path.name == "requests.jsonl":  # one process writes the one file
            yield from self.lines()
            return
        # requests-<pid>.jsonl and its rotated requests-<pid>.<n>.jsonl: one log per process
        writers = {path.name.split(".", 1)[0] for path in self.path.parent.glob("requests-*")}
        for writer in sorted(writers):
            log = RotatingJsonLines(self.path.with_name(f"{writer}.jsonl"), 0, KEEP, "")
            yield from _parsed(log.raw_lines())


def _parsed(raws: Iterator[str]) -> Iterator[RequestLogLine]:
    for raw in raws:
        try:
            yield RequestLogLine.model_validate_json(raw)
        except ValueError:
            continue


def _request_id(scope: Scope) -> str:
    for name, value in scope.get("headers", []):
        if name.lower() == _HEADER:
            text = value.decode("latin-1")
            return text if usable_request_id(text) else new_request_id()
    return new_request_id()


def _error_code(content_type: str, body: bytes) -> str | None:
    if not content_type.startswith("application/json"):
        return "not_json"
    try:
        code = json.loads(body).get("error")
    except (ValueError, AttributeError):
        return None
    return str(code)[:100] if code is not None else None


class RequestLogMiddleware:
    """Gives every request its id (echoed on the reply) and logs it when it ends."""

    def __init__(self, app: ASGIApp, log: RequestLog, clock: Clock) -> None:
        self.app = app
        self.log = log
        self.clock = clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _request_id(scope)
        state: dict[str, Any] = scope.setdefault("state", {})
        state["request_id"] = request_id
        arrived, started = self.clock.now(), time.perf_counter()
        seen: dict[str, Any] = {"status": None, "content_type": "", "body": b""}

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != _HEADER]
                headers.append((_HEADER, request_id.encode("latin-1")))
                message["headers"] = headers
                seen["status"] = int(message["status"])
                for name, value in headers:
                    if name.lower() == b"content-type":
                        seen["content_type"] = value.decode("latin-1")
            elif message["type"] == "http.response.body" and (seen["status"] or 0) >= 400:
                seen["body"] = (seen["body"] + message.get("body", b""))[:ERROR_BODY_PEEK]
            await send(message)

        error: str | None = None
        try:
            await self.app(scope, receive, send_with_id)
        except ConnectionDropped:
            error = "injected_drop"
            raise
        except Exception:
            if seen["status"] is not None:  # the reply had started: nothing more to send
                error = "crashed"
                raise
            # A bug: the same body as the app's own handler, with the request id on it.
            _log.exception("request %s crashed", request_id)
            await json_reply(send_with_id, 500, CRASHED, [])
        finally:
            status = seen["status"]
            if error is None and status is not None and status >= 400:
                error = _error_code(seen["content_type"], seen["body"])
            self.log.append(
                RequestLogLine(
                    at=arrived.isoformat(),
                    request_id=request_id,
                    method=str(scope.get("method", "")),
                    path=str(scope.get("path", "")),
                    status=None if error == "injected_drop" else status,
                    duration_ms=round((time.perf_counter() - started) * 1000, 1),
                    device_id=state.get("device_id"),
                    error=error,
                )
            )
