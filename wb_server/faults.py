"""Server-side faults for QA, applied by an ASGI middleware in front of the protocol routes.

A rule matches a route prefix and/or an op kind inside a push, fires with its probability
from its own seeded random stream (so a run repeats), and stops after ``count`` firings.
Rules live in the server's database, so every process of a scaled-out server applies them.
Dropping a connection is done the way a real failure looks to a client: the reply starts
and then the connection closes without the rest.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import random
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

import anyio
from sqlalchemy import case, delete, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from wb_desktop.core.domain.clock import Clock
from wb_desktop.core.protocol import routes
from wb_desktop.core.protocol.kinds import FaultKind
from wb_server.models import FaultRuleRow

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

EXEMPT = (routes.HEALTH, routes.ADMIN, routes.OPENAPI, routes.DOCS)


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
    kind: FaultKind
    route: str | None = None
    op_kind: str | None = None
    probability: float = 1.0
    remaining: int | None = None
    seed: int = 0
    params: dict[str, Any] = field(default_factory=dict)
    fired: int = 0

    def matches(self, path: str, op_kinds: set[str]) -> bool:
        if self.remaining is not None and self.remaining <= 0:
            return False
        if self.route is not None and not path.startswith(self.route):
            return False
        return self.op_kind is None or self.op_kind in op_kinds

    def hits(self, draw: int) -> bool:
        """Draw number ``draw`` of this rule: the same seed gives the same hits, in any
        process."""
        return random.Random(f"{self.seed}:{draw}").random() < self.probability

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


def _rule(row: FaultRuleRow) -> FaultRule:
    return FaultRule(
        id=row.id,
        kind=FaultKind(row.kind),
        route=row.route,
        op_kind=row.op_kind,
        probability=row.probability,
        remaining=row.remaining,
        seed=row.seed,
        params=dict(row.params),
        fired=row.fired,
    )


class FaultRegistry:
    """The active rules, kept in the server's database so that every process of a scaled-out
    server (``wb-server --workers N``) applies and counts the same ones.

    Whether any rule exists is re-read at most every ``recheck_s`` (a process sees a rule
    another process added within that time; the one that added it, at once), so a server with
    no faults pays no query per request. A matching request draws and fires in one short
    transaction: ``count`` is taken down in the UPDATE, so it holds across processes.
    """

    def __init__(
        self, writer: sessionmaker[Session], clock: Clock, recheck_s: float = 0.25
    ) -> None:
        self._writer = writer
        self._clock = clock
        self._recheck_s = recheck_s
        self._lock = threading.Lock()
        self._active = False
        self._checked_at = -math.inf

    def add(self, rule: FaultRule) -> None:
        with self._writer() as session, session.begin():
            session.add(
                FaultRuleRow(
                    id=rule.id,
                    kind=rule.kind,
                    route=rule.route,
                    op_kind=rule.op_kind,
                    probability=rule.probability,
                    remaining=rule.remaining,
                    seed=rule.seed,
                    params=rule.params,
                    fired=0,
                    draws=0,
                    created_at=self._clock.now(),
                )
            )
        self._forget()

    def clear(self, rule_id: str | None = None) -> int:
        with self._writer() as session, session.begin():
            query = delete(FaultRuleRow)
            if rule_id is not None:
                query = query.where(FaultRuleRow.id == rule_id)
            cleared = session.execute(query).rowcount
        self._forget()
        return int(cleared or 0)

    def list(self) -> list[dict[str, Any]]:
        with self._writer() as session:
            rows = session.scalars(select(FaultRuleRow).order_by(FaultRuleRow.created_at))
            return [_rule(row).describe() for row in rows]

    def pick(self, path: str, op_kinds: set[str]) -> FaultRule | None:
        with self._writer() as session, session.begin():
            rows = session.scalars(
                select(FaultRuleRow).order_by(FaultRuleRow.created_at, FaultRuleRow.id)
            ).all()
            for row in rows:
                rule = _rule(row)
                if not rule.matches(path, op_kinds):
                    continue
                draw = session.execute(
                    update(FaultRuleRow)
                    .where(FaultRuleRow.id == rule.id)
                    .values(draws=FaultRuleRow.draws + 1)
                    .returning(FaultRuleRow.draws)
                ).scalar_one()
                if not rule.hits(draw):
                    continue
                fired = session.execute(
                    update(FaultRuleRow)
                    .where(
                        FaultRuleRow.id == rule.id,
                        or_(FaultRuleRow.remaining.is_(None), FaultRuleRow.remaining > 0),
                    )
                    .values(
                        fired=FaultRuleRow.fired + 1,
                        remaining=case(
                            (FaultRuleRow.remaining.is_(None), None),
                            else_=FaultRuleRow.remaining - 1,
                        ),
                    )
                    .returning(FaultRuleRow.fired, FaultRuleRow.remaining)
                ).first()
                if fired is not None:  # another process may have used up the last one
                    rule.fired, rule.remaining = fired
                    return rule
        return None

    def known_active(self) -> bool | None:
        """Whether any rule exists, from the last read if it is fresh; None: read again."""
        with self._lock:
            if time.monotonic() - self._checked_at < self._recheck_s:
                return self._active
        return None

    def active(self) -> bool:
        known = self.known_active()
        if known is not None:
            return known
        with self._writer() as session:
            found = session.scalar(select(FaultRuleRow.id).limit(1)) is not None
        with self._lock:
            self._active, self._checked_at = found, time.monotonic()
        return found

    def _forget(self) -> None:
        with self._lock:
            self._checked_at = -math.inf


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
        if scope["type"] != "http" or path.startswith(EXEMPT) or not await self._active():
            await self.app(scope, receive, send)
            return
        body, op_kinds = b"", set()
        if path.startswith(routes.PUSH):
            body = await _read_body(receive)
            op_kinds = _op_kinds(body)
            receive = replay_body(body)
        rule = await anyio.to_thread.run_sync(self.registry.pick, path, op_kinds)
        if rule is None:
            await self.app(scope, receive, send)
            return
        await self._apply(rule, scope, receive, send)

    async def _active(self) -> bool:
        """No thread hop while the last read is fresh (nearly every request)."""
        known = self.registry.known_active()
        if known is not None:
            return known
        return await anyio.to_thread.run_sync(self.registry.active)

    async def _apply(self, rule: FaultRule, scope: Scope, receive: Receive, send: Send) -> None:
        detail = {"error": "injected_fault", "detail": f"fault {rule.id} ({rule.kind})"}
        if rule.kind == FaultKind.LATENCY:
            await asyncio.sleep(float(rule.params.get("latency_ms", 1000)) / 1000)
            await self.app(scope, receive, send)
        elif rule.kind in (FaultKind.ERROR_500, FaultKind.ERROR_503):
            await json_reply(send, int(rule.kind[-3:]), detail, [])
        elif rule.kind == FaultKind.RATE_LIMIT:
            retry = str(int(rule.params.get("retry_after_s", 2))).encode()
            await json_reply(send, 429, detail, [(b"retry-after", retry)])
        elif rule.kind == FaultKind.DROP:
            await _drop(send)
        elif rule.kind == FaultKind.DROP_AFTER_COMMIT:
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
