"""Request ids and the server's request log: how support matches a client's trace row with
the server's own line for the same request.

The client sends :data:`REQUEST_ID` (a fresh uuid4 hex per attempt) on every request; the
server echoes it on the reply (making one when a request came without), and writes one
:class:`RequestLogLine` per request, which support reads at :data:`routes.REQUEST_LOG`.
"""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict, Field

REQUEST_ID = "X-Request-Id"
MAX_REQUEST_ID_CHARS = 64  # a longer (or odd) id from a client is replaced, not echoed
MAX_LOG_LINES = 1000  # the most one read of the log returns


def new_request_id() -> str:
    """One attempt's id: a uuid4 in hex (32 characters, no dashes)."""
    return uuid.uuid4().hex


def usable_request_id(value: str | None) -> bool:
    """Whether a received id may be echoed and logged as it is (short, letters, digits, -)."""
    if not value or len(value) > MAX_REQUEST_ID_CHARS:
        return False
    return all(c.isascii() and (c.isalnum() or c in "-_.") for c in value)


class RequestLogLine(BaseModel):
    """What the server recorded of one request: enough to tell a fault, a bug and a proxy
    apart (a proxy's reply never reaches the server's log)."""

    model_config = ConfigDict(extra="forbid")

    at: str = Field(description="when the request arrived (ISO 8601, UTC)")
    request_id: str
    method: str
    path: str = Field(description="the path, without its query string")
    status: int | None = Field(description="the reply's status; null: no reply was sent")
    duration_ms: float
    device_id: str | None = Field(default=None, description="the device, when a push named it")
    error: str | None = Field(default=None, description="the error code of a refusal")


class RequestLogPage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    lines: list[RequestLogLine]
