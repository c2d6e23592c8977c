"""Refuse oversized request bodies with a readable 413 before any route parses them."""

from __future__ import annotations

from dataclasses import dataclass

from wb_desktop.core.protocol import routes
from wb_server.faults import ASGIApp, Receive, Scope, Send, json_reply, replay_body

BODYLESS_METHODS = ("GET", "HEAD", "DELETE")  # their bodies are never read, so never refused
CHUNK_PATHS = routes.BLOBS  # blob chunks, with a limit of their own


@dataclass(frozen=True)
class BodyLimits:
    """JSON routes get ``max_json_bytes``; blob chunks get ``max_chunk_bytes``."""

    max_json_bytes: int
    max_chunk_bytes: int

    def for_path(self, path: str) -> int:
        return self.max_chunk_bytes if path.startswith(CHUNK_PATHS) else self.max_json_bytes


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, limits: BodyLimits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") in BODYLESS_METHODS:
            await self.app(scope, receive, send)
            return
        limit = self.limits.for_path(scope["path"])
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._refuse(send, limit)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await self._refuse(send, limit)
                return
            chunks.append(chunk)
            if not message.get("more_body"):
                break
        await self.app(scope, replay_body(b"".join(chunks)), send)

    @staticmethod
    async def _refuse(send: Send, limit: int) -> None:
        detail = f"the request body is over the {limit // 1024} KB limit"
        await json_reply(send, 413, {"error": "too_large", "detail": detail}, [])
