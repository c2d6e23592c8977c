"""Server-side faults for QA, applied by an ASGI middleware in front of the protocol routes.

A rule matches a route prefix and/or an op kind inside a push, fires with its probability
from its own seeded random stream (so a run repeats), and stops after ``count`` firings.
Dropping a connection is done the way a real failure looks to a client: the reply starts
and then the connection closes without the rest.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

KINDS = ("latency", "error_500", "error_503", "rate_limit", "drop", "drop_after_commit", "hang")
EXEMPT = ("/health", "/v1/admin", "/openapi.json", "/docs")


class ConnectionDropped(Exception):  # noqa: N818 - it names what the client sees
    """Raised after a reply has started, so the server closes the connection half-way."""


class _QuietInjectedDrops(logging.Filter):
    """A dropped connection QA asked for is not a server error: keep it out of the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], ConnectionDropped))


_QUIET = _QuietInjectedDrops()
logging.getLogger("uvicorn.error").addFilter(_QUIET)


@dataclass
class FaultRule:
    id: str
    kind: str
    route: str | None = None
    op_kind: str | None = None
    probability: float = 1.0
    remaining: int | None = None
    seed: int = 0
    params: dict[str, Any] = field(default_factory=dict)
    fired: int = 0
    _random: random.Random = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)

    def matches(self, path: str, op_kinds: set[str]) -> bool:
        if self.remaining is not None and self.remaining <= 0:
            return False
        if self.route is not None and not path.startswith(self.route):
            return False
        return self.op_kind is None or self.op_kind in op_kinds

    def draw(self) -> bool:
        """One seeded draw per matching request; a hit uses up one of ``remaining``."""
        if self._random.random() >= self.probability:
            return False
        self.fired += 1
        if self.remaining is not None:
            self.remaining -= 1
        return True

    def describe(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "route": self.route,
            "op_kind": self.op_kind,
            "probability": self.probability,
            "remaining": self.remaining,
            "seed": self.seed,
            "params": self.params,
            "fired": self.fired,
        }


class FaultRegistry:
    """The active rules; shared by the admin routes and the middleware (thread-safe)."""

    def __init__(self) -> None:
        self._rules: list[FaultRule] = []
        self._lock = threading.Lock()

    def add(self, rule: FaultRule) -> None:
        with self._lock:
            self._rules.append(rule)

    def clear(self, rule_id: str | None = None) -> int:
        with self._lock:
            before = len(self._rules)
            self._rules = [r for r in self._rules if rule_id is not None and r.id != rule_id]
            return before - len(self._rules)

    def list(self) -> list[dict[str, Any]]:
        with self._lock:
            return [rule.describe() for rule in self._rules]

    def pick(self, path: str, op_kinds: set[str]) -> FaultRule | None:
        with self._lock:
            for rule in self._rules:
                if rule.matches(path, op_kinds) and rule.draw():
                    return rule
            return None

    def active(self) -> bool:
        return bool(self._rules)


async def json_reply(send: Send, status: int, body: dict[str, Any], headers: list) -> None:
    payload = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


async def _drop(send: Send) -> None:
    await send(
        {"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"100")]}
    )
    raise ConnectionDropped("fault injection: connection dropped")


def _op_kinds(body: bytes) -> set[str]:
    try:
        ops = json.loads(body).get("ops", [])
        return {op.get("kind") for op in ops if isinstance(op, dict)} - {None}
    except (ValueError, AttributeError):
        return set()


class FaultMiddleware:
    def __init__(self, app: ASGIApp, registry: FaultRegistry) -> None:
        self.app = app
        self.registry = registry

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not self.registry.active() or path.startswith(EXEMPT):
            await self.app(scope, receive, send)
            return
        body, op_kinds = b"", set()
        if path.startswith("/v1/push"):
            body = await _read_body(receive)
            op_kinds = _op_kinds(body)
            receive = replay_body(body)
        rule = self.registry.pick(path, op_kinds)
        if rule is None:
            await self.app(scope, receive, send)
            return
        await self._apply(rule, scope, receive, send)

    async def _apply(self, rule: FaultRule, scope: Scope, receive: Receive, send: Send) -> None:
        detail = {"error": "injected_fault", "detail": f"fault {rule.id} ({rule.kind})"}
        if rule.kind == "latency":
            await asyncio.sleep(float(rule.params.get("latency_ms", 1000)) / 1000)
            await self.app(scope, receive, send)
        elif rule.kind in ("error_500", "error_503"):
            await json_reply(send, int(rule.kind[-3:]), detail, [])
        elif rule.kind == "rate_limit":
            retry = str(int(rule.params.get("retry_after_s", 2))).encode()
            await json_reply(send, 429, detail, [(b"retry-after", retry)])
        elif rule.kind == "drop":
            await _drop(send)
        elif rule.kind == "drop_after_commit":
            await self.app(scope, receive, _swallow)
            await _drop(send)
        else:  # hang: hold the connection, then drop it
            await asyncio.sleep(float(rule.params.get("hang_s", 120)))
            await _drop(send)


async def _swallow(_message: Message) -> None:
    """The app's real reply, committed and then lost on the way back: a lost acknowledgement."""


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            return b"".join(chunks)


def replay_body(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive
