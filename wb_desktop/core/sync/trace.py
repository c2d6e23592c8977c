"""The sync trace: every request and reply, for support and QA.

:class:`TracingTransport` sits between the API and the (simulated) network and records one
:class:`TraceEvent` per request: method, route, status, duration, bytes each way, the op ids
of a push, the network profile in force, the request id (which the server logs too) and, for
a refusal, the server's own ``{error, detail}`` (bounded), so an injected fault, a server bug
and a proxy's page can be told apart afterwards. Events go to a :class:`TraceLog` (a JSON-lines
file that rotates, so a diagnostics bundle can take it along) and to listeners (the console's
live timeline). Bodies are never written: they hold customer data.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from wb_desktop.core.domain.clock import Clock
from wb_desktop.core.persistence.json_lines import RotatingJsonLines
from wb_desktop.core.protocol import routes
from wb_desktop.core.protocol.errors import ErrorBody
from wb_desktop.core.protocol.locations import PingsIn
from wb_desktop.core.protocol.push import PushRequest
from wb_desktop.core.protocol.requests_log import REQUEST_ID
from wb_desktop.core.sync.transport import (
    FailureKind,
    HttpReply,
    HttpRequest,
    Transport,
    TransportError,
)

TRACE_MAX_BYTES = 5 * 1024 * 1024
TRACE_KEEP = 3  # the current file and two rotated ones
MAX_DETAIL_CHARS = 2048  # what is kept of a refusal's detail (a proxy's page can be huge)
MAX_CODE_CHARS = 100
HTTP_ERROR_FROM = 400
NOT_AN_ERROR_BODY = "not_an_error_body"  # the refusal was not the server's {error, detail}
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TraceEvent:
    at: datetime
    method: str
    route: str  # the path without its query string
    status: int | None  # None: no reply (the error says why)
    duration_ms: float
    bytes_sent: int
    bytes_received: int
    profile: str
    op_ids: tuple[str, ...] = ()
    query: str = ""
    error: str | None = None  # why there was no reply
    request_id: str | None = None  # the X-Request-Id sent; the server logs the same id
    server_error: str | None = None  # a refusal's code (``injected_fault``, ``internal_error``…)
    server_detail: str | None = None  # a refusal's detail, at most MAX_DETAIL_CHARS
    error_kind: str | None = None  # a TransportError's kind: offline, refused, reset, timeout
    records: int | None = None  # changes a pull received, or positions a location post sent

    @property
    def ok(self) -> bool:
        return self.status is not None and self.status < 400

    @property
    def offline(self) -> bool:
        """Not sent: the link was down (Work offline, or a profile with no link). Not a
        failure of anything; a trace of an offline morning is not a trace of errors."""
        if self.error_kind is not None:
            return self.error_kind == FailureKind.OFFLINE
        return self.status is None and (self.error or "").startswith("offline")  # older lines

    @property
    def failed(self) -> bool:
        return not self.ok and not self.offline

    def to_json(self) -> dict[str, Any]:
        record = asdict(self)
        record["at"] = self.at.isoformat()
        record["op_ids"] = list(self.op_ids)
        record["duration_ms"] = round(self.duration_ms, 1)
        return record

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> TraceEvent:
        return cls(
            at=datetime.fromisoformat(str(record["at"])),
            method=str(record["method"]),
            route=str(record["route"]),
            status=None if record.get("status") is None else int(record["status"]),
            duration_ms=float(record.get("duration_ms", 0.0)),
            bytes_sent=int(record.get("bytes_sent", 0)),
            bytes_received=int(record.get("bytes_received", 0)),
            profile=str(record.get("profile", "")),
            op_ids=tuple(str(op) for op in record.get("op_ids", ())),
            query=str(record.get("query", "")),
            error=_text_or_none(record.get("error")),
            request_id=_text_or_none(record.get("request_id")),
            server_error=_text_or_none(record.get("server_error")),
            server_detail=_text_or_none(record.get("server_detail")),
            error_kind=_text_or_none(record.get("error_kind")),
            records=None if record.get("records") is None else int(record["records"]),
        )


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def _bounded(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def server_said(status: int, content_type: str, body: bytes) -> tuple[str | None, str | None]:
    """A refusal's ``(error, detail)`` as the server sent them, bounded; a body that is not
    the server's error body (a proxy's or a portal's page) is named as such, with the start
    of its text, so support sees that the server never answered."""
    if status < 400:
        return None, None
    try:
        said = ErrorBody.model_validate_json(body)
    except ValidationError:
        text = " ".join(body[: MAX_DETAIL_CHARS * 4].decode("utf-8", errors="replace").split())
        shown = f"{content_type or 'no content type'}, {len(body)} bytes: {text}".rstrip(": ")
        return NOT_AN_ERROR_BODY, _bounded(shown, MAX_DETAIL_CHARS)
    return _bounded(said.error, MAX_CODE_CHARS), _bounded(said.detail, MAX_DETAIL_CHARS)


class TraceLog:
    """Appends events to ``path`` as JSON lines; at ``max_bytes`` the file moves to
    ``<stem>.1.jsonl`` (and that to ``.2``), so the trace never fills the tablet. A full
    disk must not stop sync: the line is logged as lost and the live timeline still shows
    it."""

    def __init__(
        self, path: Path, max_bytes: int = TRACE_MAX_BYTES, keep: int = TRACE_KEEP
    ) -> None:
        self.path = path
        self._file = RotatingJsonLines(path, max_bytes, keep, "sync trace")

    def files(self) -> list[Path]:
        """The trace files, oldest first."""
        return self._file.files()

    def append(self, event: TraceEvent) -> None:
        self._file.append_line(json.dumps(event.to_json(), ensure_ascii=False))

    def events(self) -> Iterator[TraceEvent]:
        """Every event still on disk, oldest first; unreadable lines are skipped."""
        for line in self._file.raw_lines():
            try:
                yield TraceEvent.from_json(json.loads(line))
            except (ValueError, KeyError, TypeError):
                continue


TraceListener = Callable[[TraceEvent], None]


@dataclass
class TracingTransport:
    """Records every request that goes through it; the requests themselves are unchanged."""

    inner: Transport
    clock: Clock
    profile_name: Callable[[], str]
    listeners: list[TraceListener] = field(default_factory=list)
    monotonic: Callable[[], float] = time.perf_counter

    def send(self, request: HttpRequest) -> HttpReply:
        started_at, started = self.clock.now(), self.monotonic()
        profile = self.profile_name()
        try:
            reply = self.inner.send(request)
        except TransportError as error:
            self._emit(request, started_at, started, profile, None, error)
            raise
        self._emit(request, started_at, started, profile, reply)
        return reply

    def _emit(
        self,
        request: HttpRequest,
        started_at: datetime,
        started: float,
        profile: str,
        reply: HttpReply | None,
        error: TransportError | None = None,
    ) -> None:
        route, _, query = request.path.partition("?")
        status = None if reply is None else reply.status
        said: tuple[str | None, str | None] = (None, None)
        if reply is not None:
            said = server_said(reply.status, reply.header("content-type") or "", reply.body)
        request_id = _header(request, REQUEST_ID)
        if request_id is None and reply is not None:
            request_id = reply.header(REQUEST_ID)  # the server made one
        event = TraceEvent(
            at=started_at,
            method=request.method,
            route=route,
            status=status,
            duration_ms=(self.monotonic() - started) * 1000,
            bytes_sent=len(request.body),
            bytes_received=0 if reply is None else len(reply.body),
            profile=profile,
            op_ids=_op_ids(request),
            query=query,
            error=None if error is None else error.reason,
            error_kind=None if error is None else str(error.kind),
            request_id=request_id,
            server_error=said[0],
            server_detail=said[1],
            records=_records(request.method, route, request, reply),
        )
        for listener in list(self.listeners):
            try:
                listener(event)
            except Exception:  # a broken listener must not fail a sync request
                _log.exception("a sync trace listener failed")


def _header(request: HttpRequest, name: str) -> str | None:
    wanted = name.lower()
    return next((v for k, v in request.headers.items() if k.lower() == wanted), None)


def _op_ids(request: HttpRequest) -> tuple[str, ...]:
    """The op ids a push carries, read through the shared push model (nothing else is kept;
    a body that is not a push the server would read carries none)."""
    if request.method != "POST" or not request.path.startswith(routes.PUSH) or not request.body:
        return ()
    try:
        push = PushRequest.model_validate_json(request.body)
    except ValidationError:
        return ()
    return tuple(str(op.op_id) for op in push.ops)


def _records(method: str, route: str, request: HttpRequest, reply: HttpReply | None) -> int | None:
    """How many changes a pull's reply held, or positions a location post carried: a pull
    or a GPS post names no photo or op, so its count is what the trace can say it was about.
    Only the count is kept, never a record."""
    if method == "GET" and route == routes.CHANGES:
        if reply is None or reply.status >= HTTP_ERROR_FROM or not reply.body:
            return None
        try:  # the engine validates the page; here only its length is wanted
            changes = json.loads(reply.body).get("changes")
        except (ValueError, AttributeError, RecursionError):
            return None
        return len(changes) if isinstance(changes, list) else None
    if method == "POST" and route == routes.LOCATIONS and request.body:
        try:
            return len(PingsIn.model_validate_json(request.body).pings)
        except ValidationError:
            return None
    return None
