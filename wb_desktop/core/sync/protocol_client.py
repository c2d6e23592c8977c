"""The client side of the wb-server protocol (docs/protocol.md), one typed call per route.

Every reply is checked before anything uses it: a body that is not JSON of the expected
shape (a captive portal's login page, a truncated body, another server) becomes a
:class:`ProtocolError`, a failed attempt with a readable reason that is never applied.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlencode

from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.sync.errors import SyncProblem
from wb_desktop.core.sync.transport import HttpReply, HttpRequest, Transport

PROTOCOL_VERSION = 1
PULL_TIMEOUT_S = 30.0
UPLOAD_TIMEOUT_S = 60.0


class ProtocolError(SyncProblem):
    """The reply cannot be used; the attempt failed and may be retried."""


class IncompatibleServerError(ProtocolError):
    """The server speaks another protocol version: syncing would be unsafe."""


class ServerRefusedError(Exception):
    """The server answered with an error status and its ``{"error", "detail"}`` body."""

    def __init__(
        self, status: int, error: str, detail: str, *, retry_after_s: float | None = None
    ) -> None:
        super().__init__(f"{status} {error}: {detail}")
        self.status = status
        self.error = error
        self.detail = detail
        self.retry_after_s = retry_after_s
        self.headers: Mapping[str, str] = {}

    @property
    def transient(self) -> bool:
        """Worth retrying later: overload, rate limits, timeouts and server faults."""
        return self.status in (408, 425, 429) or self.status >= 500

    @property
    def reason(self) -> str:
        return self.detail or self.error


@dataclass(frozen=True)
class Health:
    protocol: int
    version: str


@dataclass(frozen=True)
class SignIn:
    token: str
    technician_id: str
    email: str
    display_name: str


@dataclass(frozen=True)
class PulledChange:
    seq: int
    record_type: str
    record_id: str
    version: int
    deleted: bool
    data: dict[str, Any] | None
    origin_device_id: str | None


@dataclass(frozen=True)
class PullPage:
    changes: list[PulledChange]
    next_cursor: int
    has_more: bool


@dataclass(frozen=True)
class OpAnswer:
    op_id: str
    seq: int
    result: str
    original_result: str | None
    version: int | None
    record: dict[str, Any] | None
    reason: str | None
    code: str | None = None  # why it was rejected, where the client can act (seq_used, …)
    server_last_seq: int | None = None  # the highest seq the server applied from this device


@dataclass(frozen=True)
class BlobStatus:
    received: int
    complete: bool


TokenSource = Callable[[bool], str]  # called with renew=True after a 401


class SyncApi:
    """Typed calls over a :class:`Transport`; ``token_source`` signs in when asked to."""

    def __init__(self, transport: Transport, token_source: TokenSource | None = None) -> None:
        self.transport = transport
        self.token_source = token_source

    def health(self) -> Health:
        body = _object(self._send("GET", "/health", timeout_s=5.0, auth=False))
        protocol = _field(body, "protocol", int)
        if protocol != PROTOCOL_VERSION:
            raise IncompatibleServerError(
                Text(
                    QT_TRANSLATE_NOOP(
                        "Domain", "the server speaks protocol %1; this app speaks %2"
                    ),
                    protocol,
                    PROTOCOL_VERSION,
                )
            )
        return Health(protocol, str(body.get("version", "")))

    def sign_in(self, email: str, password: str) -> SignIn:
        body = _object(
            self._send(
                "POST", "/v1/auth/sign-in", {"email": email, "password": password}, auth=False
            )
        )
        technician = _field(body, "technician", dict)
        return SignIn(
            _field(body, "token", str),
            _field(technician, "id", str),
            _field(technician, "email", str),
            _field(technician, "display_name", str),
        )

    def pull(self, since: int, limit: int) -> PullPage:
        query = urlencode({"since": since, "limit": limit})
        body = _object(self._send("GET", f"/v1/changes?{query}", timeout_s=PULL_TIMEOUT_S))
        changes = []
        for entry in _field(body, "changes", list):
            if not isinstance(entry, dict):
                raise ProtocolError(
                    Text(QT_TRANSLATE_NOOP("Domain", "a pulled change is not an object"))
                )
            data = entry.get("data")
            deleted = _field(entry, "deleted", bool)
            if not deleted and not isinstance(data, dict):
                raise ProtocolError(
                    Text(QT_TRANSLATE_NOOP("Domain", "a pulled change has no record data"))
                )
            changes.append(
                PulledChange(
                    _field(entry, "seq", int),
                    _field(entry, "record_type", str),
                    _field(entry, "record_id", str),
                    _field(entry, "version", int),
                    deleted,
                    data,
                    entry.get("origin_device_id"),
                )
            )
        return PullPage(changes, _field(body, "next_cursor", int), _field(body, "has_more", bool))

    def push(self, device_id: str, ops: list[dict[str, Any]]) -> list[OpAnswer]:
        body = _object(self._send("POST", "/v1/push", {"device_id": device_id, "ops": ops}))
        last_seq = _field(body, "last_seq", int)
        answers = []
        for entry in _field(body, "results", list):
            if not isinstance(entry, dict):
                raise ProtocolError(
                    Text(QT_TRANSLATE_NOOP("Domain", "a push result is not an object"))
                )
            answers.append(
                OpAnswer(
                    _field(entry, "op_id", str),
                    _field(entry, "seq", int),
                    _field(entry, "result", str),
                    entry.get("original_result"),
                    entry.get("version"),
                    entry.get("record"),
                    entry.get("reason"),
                    entry.get("code"),
                    last_seq,
                )
            )
        sent = [op["op_id"] for op in ops]
        if [a.op_id for a in answers] != sent:
            raise ProtocolError(
                Text(
                    QT_TRANSLATE_NOOP(
                        "Domain", "the push reply does not answer the ops that were sent"
                    )
                )
            )
        return answers

    def start_blob(self, sha256: str, content_type: str, size: int) -> BlobStatus:
        body = {"content_type": content_type, "size": size}
        return _blob_status(_object(self._send("POST", f"/v1/blobs/{sha256}", body)))

    def blob_status(self, sha256: str) -> BlobStatus:
        return _blob_status(_object(self._send("GET", f"/v1/blobs/{sha256}")))

    def send_chunk(self, sha256: str, offset: int, chunk: bytes) -> BlobStatus:
        headers = {"Upload-Offset": str(offset), "Content-Type": "application/octet-stream"}
        reply = self._send(
            "PATCH", f"/v1/blobs/{sha256}", raw=chunk, headers=headers, timeout_s=UPLOAD_TIMEOUT_S
        )
        return _blob_status(_object(reply))

    def blob_content(self, sha256: str) -> bytes:
        return self._send("GET", f"/v1/blobs/{sha256}/content", timeout_s=UPLOAD_TIMEOUT_S).body

    def pay(self, payment: Mapping[str, Any], timeout_s: float) -> dict[str, Any]:
        return _object(self._send("POST", "/v1/payments", dict(payment), timeout_s=timeout_s))

    def send_locations(self, pings: list[dict[str, Any]]) -> dict[str, Any]:
        return _object(self._send("POST", "/v1/locations", {"pings": pings}))

    def _send(
        self,
        method: str,
        path: str,
        json_body: Any = None,
        *,
        raw: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        timeout_s: float = 15.0,
        auth: bool = True,
    ) -> HttpReply:
        all_headers = {"Accept": "application/json", **(headers or {})}
        body = raw if raw is not None else b""
        if json_body is not None:
            body = json.dumps(json_body, separators=(",", ":")).encode()
            all_headers["Content-Type"] = "application/json"
        for renew in (False, True):
            if auth and self.token_source is not None:
                all_headers["Authorization"] = f"Bearer {self.token_source(renew)}"
            request = HttpRequest(method, path, dict(all_headers), body, timeout_s)
            reply = self.transport.send(request)
            if reply.status != 401 or not auth or self.token_source is None or renew:
                break
        if reply.status >= 400:
            raise _refusal(reply)
        return reply


def _object(reply: HttpReply) -> dict[str, Any]:
    content_type = (reply.header("content-type") or "").split(";")[0].strip()
    if content_type != "application/json":
        shown = content_type or "no content type"
        if content_type == "text/html":
            raise ProtocolError(
                Text(
                    QT_TRANSLATE_NOOP(
                        "Domain",
                        "the network answered with a web page instead of the server"
                        " (a Wi-Fi login page?)",
                    )
                )
            )
        raise ProtocolError(Text(QT_TRANSLATE_NOOP("Domain", "the reply is not JSON (%1)"), shown))
    try:
        body = json.loads(reply.body)
    except (ValueError, UnicodeDecodeError):
        raise ProtocolError(
            Text(QT_TRANSLATE_NOOP("Domain", "the reply is not valid JSON (truncated?)"))
        ) from None
    if not isinstance(body, dict):
        raise ProtocolError(Text(QT_TRANSLATE_NOOP("Domain", "the reply is not a JSON object")))
    return body


def _field(body: Mapping[str, Any], key: str, kind: type) -> Any:
    value = body.get(key)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ProtocolError(
            Text(
                QT_TRANSLATE_NOOP("Domain", "the reply's '%1' is missing or not %2"),
                key,
                kind.__name__,
            )
        )
    return value


def _blob_status(body: Mapping[str, Any]) -> BlobStatus:
    return BlobStatus(_field(body, "received", int), _field(body, "complete", bool))


def _refusal(reply: HttpReply) -> ServerRefusedError:
    error, detail = "http_error", f"HTTP {reply.status}"
    try:
        body = json.loads(reply.body)
        if isinstance(body, dict):
            error = str(body.get("error") or error)
            detail = str(body.get("detail") or detail)
    except (ValueError, UnicodeDecodeError):
        pass
    refusal = ServerRefusedError(
        reply.status, error, detail, retry_after_s=_retry_after(reply.header("retry-after"))
    )
    refusal.headers = reply.headers
    return refusal


def _retry_after(value: str | None) -> float | None:
    """``Retry-After`` as seconds; an HTTP date is turned into a delay from its own Date."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
