"""Refuse oversized request bodies with a readable 413 before any route parses them."""

from __future__ import annotations

from wb_desktop.server.faults import ASGIApp, Receive, Scope, Send, json_reply, replay_body


class BodyLimitMiddleware:
    """JSON routes get ``max_json_bytes``; blob chunks have their own limit in their route."""

    def __init__(self, app: ASGIApp, max_json_bytes: int, max_chunk_bytes: int) -> None:
        self.app = app
        self.max_json_bytes = max_json_bytes
        self.max_chunk_bytes = max_chunk_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "DELETE"):
            await self.app(scope, receive, send)
            return
        limit = (
            self.max_chunk_bytes if scope["path"].startswith("/v1/blobs") else self.max_json_bytes
        )
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
