"""Refuse oversized request headers with a readable JSON 431, like every other refusal.

uvicorn's HTTP parser (h11) answers a request whose head is over its buffer limit with a
plain-text 400 before the app sees it. The server is started with that limit raised to
:data:`PARSER_MAX_HEAD_BYTES` (:func:`uvicorn_options`), so a request with large headers
reaches :class:`HeaderLimitMiddleware`, which refuses anything over :data:`MAX_HEADER_BYTES`
for one header or :data:`MAX_HEADERS_BYTES` for all of them with ``431 headers_too_large``.
Only a head over the parser's own limit still gets the parser's plain 400.
"""

from __future__ import annotations

from typing import Any

from wb_server.faults import ASGIApp, Receive, Scope, Send, json_reply

MAX_HEADER_BYTES = 8 * 1024  # one header: name and value
MAX_HEADERS_BYTES = 32 * 1024  # all of a request's headers together
PARSER_MAX_HEAD_BYTES = 1024 * 1024  # request line and headers, as uvicorn's h11 buffers them


def uvicorn_options() -> dict[str, Any]:
    """What every ``uvicorn.Config``/``uvicorn.run`` of the server is given."""
    return {"h11_max_incomplete_event_size": PARSER_MAX_HEAD_BYTES}


def oversized(headers: list[tuple[bytes, bytes]]) -> str | None:
    """Why the headers are refused, or None when they are within the limits."""
    total = 0
    for name, value in headers:
        size = len(name) + len(value)
        if size > MAX_HEADER_BYTES:
            return (
                f"the {name.decode('latin-1')} header is {size} bytes; "
                f"one header may have at most {MAX_HEADER_BYTES} bytes"
            )
        total += size
    if total > MAX_HEADERS_BYTES:
        return f"the headers are {total} bytes together; at most {MAX_HEADERS_BYTES} bytes"
    return None


class HeaderLimitMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        reason = oversized(scope.get("headers", [])) if scope["type"] == "http" else None
        if reason is None:
            await self.app(scope, receive, send)
            return
        body = {"error": "headers_too_large", "detail": reason}
        await json_reply(send, 431, body, [(b"connection", b"close")])
