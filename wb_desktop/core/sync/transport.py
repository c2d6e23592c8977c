"""The HTTP seam of the sync engine: one request in, one reply or one typed failure out.

Everything above it (the protocol client, the engine) sees only :class:`HttpRequest`,
:class:`HttpReply` and :class:`TransportError`, so the simulated network (QA's profiles), the
support console's trace and the tests' recorded replies all slot in here.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

import requests

from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text

DEFAULT_TIMEOUT_S = 15.0


class FailureKind(StrEnum):
    OFFLINE = "offline"  # no link at all (simulated offline, or the OS says no network)
    REFUSED = "refused"  # nothing listens there: the server is down
    RESET = "reset"  # the connection dropped before a reply arrived
    TIMEOUT = "timeout"  # no (complete) reply within the timeout


class TransportError(Exception):
    """The request got no HTTP reply; ``reason`` is for the sync indicator and the log."""

    def __init__(self, kind: FailureKind, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


@dataclass(frozen=True)
class HttpRequest:
    method: str
    path: str  # starts with "/", query string included
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""
    timeout_s: float = DEFAULT_TIMEOUT_S


@dataclass(frozen=True)
class HttpReply:
    status: int
    headers: Mapping[str, str]  # keys in lower case
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


class Transport(Protocol):
    def send(self, request: HttpRequest) -> HttpReply:
        """Send one request; raise :class:`TransportError` when no reply arrives."""
        ...


class RequestsTransport:
    """The real network: ``requests`` with one connection pool per thread that uses it."""

    def __init__(
        self, base_url: str, session_factory: type[requests.Session] = requests.Session
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._session_factory = session_factory
        self._sessions: dict[int, requests.Session] = {}

    def _session(self) -> requests.Session:
        key = threading.get_ident()
        session = self._sessions.get(key)
        if session is None:
            session = self._sessions[key] = self._session_factory()
        return session

    def send(self, request: HttpRequest) -> HttpReply:
        try:
            reply = self._session().request(
                request.method,
                self.base_url + request.path,
                headers=dict(request.headers),
                data=request.body or None,
                timeout=request.timeout_s,
                allow_redirects=False,
            )
            body = reply.content
        except requests.ConnectTimeout as error:
            raise TransportError(
                FailureKind.TIMEOUT,
                Text(QT_TRANSLATE_NOOP("Domain", "connecting timed out: %1"), str(error)),
            ) from None
        except requests.Timeout as error:
            raise TransportError(
                FailureKind.TIMEOUT,
                Text(QT_TRANSLATE_NOOP("Domain", "no reply in time: %1"), str(error)),
            ) from None
        except requests.ConnectionError as error:
            kind = FailureKind.REFUSED if _refused(error) else FailureKind.RESET
            raise TransportError(
                kind, Text(QT_TRANSLATE_NOOP("Domain", "connection failed: %1"), str(error))
            ) from None
        except requests.RequestException as error:
            raise TransportError(
                FailureKind.RESET,
                Text(QT_TRANSLATE_NOOP("Domain", "the request failed: %1"), str(error)),
            ) from None
        headers = {k.lower(): v for k, v in reply.headers.items()}
        return HttpReply(reply.status_code, headers, body)

    def close(self) -> None:
        for session in self._sessions.values():
            session.close()
        self._sessions.clear()


def _refused(error: requests.ConnectionError) -> bool:
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ConnectionRefusedError):
            return True
        cause = cause.__cause__ or cause.__context__
    return "refused" in str(error).lower()
