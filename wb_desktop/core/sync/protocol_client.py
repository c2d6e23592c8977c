"""The client side of the wb-server protocol (docs/protocol.md), one typed call per route.

Every reply is checked before anything uses it: a body that is not JSON of the expected
shape (a captive portal's login page, a truncated body, another server) becomes a
:class:`ProtocolError`, a failed attempt with a readable reason that is never applied.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TypeVar
from urllib.parse import urlencode

from pydantic import BaseModel, ValidationError

from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.protocol import routes
from wb_desktop.core.protocol.auth import SignInReply, SignInRequest
from wb_desktop.core.protocol.blobs import UPLOAD_OFFSET, BlobState, UploadRequest
from wb_desktop.core.protocol.errors import ErrorBody
from wb_desktop.core.protocol.health import PROTOCOL_VERSION, Health, ProtocolProbe
from wb_desktop.core.protocol.locations import PingIn, PingsIn, PingsOut
from wb_desktop.core.protocol.payments import PaymentIn, PaymentOut
from wb_desktop.core.protocol.pull import ChangeOut, ChangesPage
from wb_desktop.core.protocol.push import OpIn, OpResultOut, PushReply, PushRequest
from wb_desktop.core.protocol.requests_log import REQUEST_ID, new_request_id
from wb_desktop.core.sync.errors import SyncProblem
from wb_desktop.core.sync.transport import HttpReply, HttpRequest, Transport

__all__ = [
    "PROTOCOL_VERSION",
    "BlobState",
    "ChangeOut",
    "ChangesPage",
    "Health",
    "IncompatibleServerError",
    "OpIn",
    "OpResultOut",
    "PaymentOut",
    "PingsOut",
    "ProtocolError",
    "PushReply",
    "ServerRefusedError",
    "SignIn",
    "SyncApi",
]

PULL_TIMEOUT_S = 30.0
UPLOAD_TIMEOUT_S = 60.0
Reply = TypeVar("Reply", bound=BaseModel)


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


class SignIn(SignInReply):
    """The sign-in reply, with the technician's fields where the app reads them."""

    @property
    def technician_id(self) -> str:
        return self.technician.id

    @property
    def email(self) -> str:
        return self.technician.email

    @property
    def display_name(self) -> str:
        return self.technician.display_name


TokenSource = Callable[[bool], str]  # called with renew=True after a 401


class SyncApi:
    """Typed calls over a :class:`Transport`; ``token_source`` signs in when asked to.

    Requests are the shared models (:mod:`wb_desktop.core.protocol`), which the server
    checks; every reply is validated through its shared model before anything uses it.
    """

    def __init__(self, transport: Transport, token_source: TokenSource | None = None) -> None:
        self.transport = transport
        self.token_source = token_source

    def health(self) -> Health:
        """The version is read first: another version's reply may have another shape."""
        reply = self._send("GET", routes.HEALTH, timeout_s=5.0, auth=False)
        protocol = _validated(reply, ProtocolProbe).protocol
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
        return _validated(reply, Health)

    def sign_in(self, email: str, password: str) -> SignIn:
        request = SignInRequest.model_construct(email=email, password=password)
        return _validated(self._send("POST", routes.SIGN_IN, request, auth=False), SignIn)

    def pull(self, since: int, limit: int) -> ChangesPage:
        query = urlencode({"since": since, "limit": limit})
        reply = self._send("GET", f"{routes.CHANGES}?{query}", timeout_s=PULL_TIMEOUT_S)
        return _validated(reply, ChangesPage)

    def push(self, device_id: str, ops: Sequence[OpIn]) -> PushReply:
        """The answers, checked to be for the ops that were sent, in their order."""
        request = PushRequest.model_construct(device_id=device_id, ops=list(ops))
        reply = _validated(self._send("POST", routes.PUSH, request), PushReply)
        if [answer.op_id for answer in reply.results] != [op.op_id for op in ops]:
            raise ProtocolError(
                Text(
                    QT_TRANSLATE_NOOP(
                        "Domain", "the push reply does not answer the ops that were sent"
                    )
                )
            )
        return reply

    def start_blob(self, sha256: str, content_type: str, size: int) -> BlobState:
        request = UploadRequest.model_construct(content_type=content_type, size=size)
        return _validated(self._send("POST", routes.blob(sha256), request), BlobState)

    def blob_status(self, sha256: str) -> BlobState:
        return _validated(self._send("GET", routes.blob(sha256)), BlobState)

    def send_chunk(self, sha256: str, offset: int, chunk: bytes) -> BlobState:
        headers = {UPLOAD_OFFSET: str(offset), "Content-Type": "application/octet-stream"}
        reply = self._send(
            "PATCH", routes.blob(sha256), raw=chunk, headers=headers, timeout_s=UPLOAD_TIMEOUT_S
        )
        return _validated(reply, BlobState)

    def blob_content(self, sha256: str) -> bytes:
        return self._send("GET", routes.blob_content(sha256), timeout_s=UPLOAD_TIMEOUT_S).body

    def pay(self, payment: PaymentIn, timeout_s: float) -> PaymentOut:
        reply = self._send("POST", routes.PAYMENTS, payment, timeout_s=timeout_s)
        return _validated(reply, PaymentOut)

    def payment_outcome(self, idempotency_key: str, timeout_s: float) -> PaymentOut | None:
        """What the server recorded for this key; None when it charged nothing with it."""
        try:
            reply = self._send("GET", routes.payment(idempotency_key), timeout_s=timeout_s)
        except ServerRefusedError as refusal:
            if refusal.status == 404:
                return None
            raise
        return _validated(reply, PaymentOut)

    def send_locations(self, pings: Sequence[PingIn]) -> PingsOut:
        request = PingsIn.model_construct(pings=list(pings))
        return _validated(self._send("POST", routes.LOCATIONS, request), PingsOut)

    def _send(
        self,
        method: str,
        path: str,
        json_body: BaseModel | None = None,
        *,
        raw: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        timeout_s: float = 15.0,
        auth: bool = True,
    ) -> HttpReply:
        all_headers = {"Accept": "application/json", **(headers or {})}
        body = raw if raw is not None else b""
        if json_body is not None:
            body = json_body.model_dump_json().encode()
            all_headers["Content-Type"] = "application/json"
        for renew in (False, True):
            if auth and self.token_source is not None:
                all_headers["Authorization"] = f"Bearer {self.token_source(renew)}"
            all_headers[REQUEST_ID] = new_request_id()  # per attempt: a resend is its own
            request = HttpRequest(method, path, dict(all_headers), body, timeout_s)
            reply = self.transport.send(request)
            if reply.status != 401 or not auth or self.token_source is None or renew:
                break
        if reply.status >= 400:
            raise _refusal(reply)
        return reply


def _validated(reply: HttpReply, model: type[Reply]) -> Reply:
    """The reply as ``model``, or a :class:`ProtocolError` that says what is wrong with it.

    Strict: a number sent as text, or ``true`` for a number, is not what the contract says.
    """
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
        return model.model_validate_json(reply.body, strict=True)
    except ValidationError as error:
        raise _unusable(error) from None


def _unusable(error: ValidationError) -> ProtocolError:
    first = error.errors()[0]
    if first["type"] == "json_invalid":
        return ProtocolError(
            Text(QT_TRANSLATE_NOOP("Domain", "the reply is not valid JSON (truncated?)"))
        )
    where = ".".join(str(part) for part in first["loc"])
    if not where:
        return ProtocolError(Text(QT_TRANSLATE_NOOP("Domain", "the reply is not a JSON object")))
    return ProtocolError(
        Text(QT_TRANSLATE_NOOP("Domain", "the reply's '%1' is not usable: %2"), where, first["msg"])
    )


def _refusal(reply: HttpReply) -> ServerRefusedError:
    """The refusal's code and reason from its :class:`ErrorBody`; a body that is not one
    (a proxy's page) is still a refusal, named by its status."""
    error, detail = "http_error", f"HTTP {reply.status}"
    try:
        body = ErrorBody.model_validate_json(reply.body)
    except ValidationError:
        pass
    else:
        error, detail = body.error or error, body.detail or detail
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
