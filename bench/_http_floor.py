"""The HTTP floor of the sync benchmarks: the same exchanges against a trivial server.

A measure records each HTTP exchange it makes (method, path, headers, request body, status,
reply body). The floor replays exactly those exchanges, in order, with the same client
(``requests``, one kept-alive session) against a trivial FastAPI app served by the same
uvicorn runner on loopback (``wb_server.runner.start_in_thread``). Its one endpoint
is a plain ``def`` with a ``Body`` parameter, as the real endpoints are, so FastAPI reads the
request and parses a JSON body and the handler runs on the same thread pool; it then returns
the recorded reply bytes. The replaying client parses each JSON reply. The floor is the
median of five such replays (it is short, so one replay is mostly noise). What is left in the
product's time over the floor's is the product's own work: the server's checks and database,
the client's outbox, cache and files.

``Exchange`` and ``replay`` need only ``requests``; FastAPI is imported by ``floor_server``
alone, so a client-only child process can replay without loading the web stack.
"""

from __future__ import annotations

import json
import pickle
import statistics
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

INDEX_HEADER = "x-floor-exchange"
REPLAYS = 5


@dataclass(frozen=True)
class Exchange:
    method: str
    path: str  # query string included
    headers: dict[str, str]
    body: bytes
    status: int
    reply: bytes
    reply_type: str

    @property
    def json_reply(self) -> bool:
        return "json" in self.reply_type


@contextmanager
def floor_server(exchanges: Sequence[Exchange]) -> Iterator[str]:
    """A trivial app on loopback answering exchange n (header ``x-floor-exchange``) with its
    recorded status and reply; yields its URL."""
    from fastapi import Body, FastAPI, Header, Response

    from wb_server.runner import start_in_thread

    # Default-value markers, not Annotated[...]: this module's annotations are strings, and
    # FastAPI resolves them in the module, where the lazily imported names are not.
    app = FastAPI()
    methods = ["GET", "POST", "PUT", "PATCH", "DELETE"]

    @app.api_route("/{path:path}", methods=methods)
    def exchange(
        path: str,
        index: int = Header(alias=INDEX_HEADER),
        body: Any = Body(None),  # noqa: B008
    ) -> Response:
        recorded = exchanges[index]
        return Response(recorded.reply, recorded.status, media_type=recorded.reply_type)

    running = start_in_thread(app)
    try:
        yield running.url
    finally:
        running.stop()


def replay(
    url: str,
    exchanges: Sequence[Exchange],
    first: int = 0,
    session: requests.Session | None = None,
    warm: bool = True,
) -> float:
    """Seconds to send every exchange in order on one kept-alive session and read (and parse,
    for JSON) each reply; ``first`` is the index of ``exchanges[0]`` in the floor server's.
    With ``warm`` the first exchange is sent once before the clock starts, so the connection
    is open, as the product's is when it was used before the timed part."""
    own = session is None
    session = requests.Session() if session is None else session
    try:
        if warm and exchanges:
            _send(session, url, exchanges[0], first)
        started = time.perf_counter()
        for index, recorded in enumerate(exchanges, first):
            _send(session, url, recorded, index)
        return time.perf_counter() - started
    finally:
        if own:
            session.close()


def replay_median(
    url: str, exchanges: Sequence[Exchange], times: int = REPLAYS, **kw: Any
) -> float:
    """The median of ``times`` replays: the floor is short, so one replay is mostly noise."""
    return statistics.median(replay(url, exchanges, **kw) for _ in range(times))


def _send(session: requests.Session, url: str, recorded: Exchange, index: int) -> None:
    reply = session.request(
        recorded.method,
        url + recorded.path,
        headers={**recorded.headers, INDEX_HEADER: str(index)},
        data=recorded.body or None,
        timeout=60,
        allow_redirects=False,
    )
    content = reply.content
    if reply.status_code != recorded.status:
        raise SystemExit(f"floor: {recorded.method} {recorded.path} -> {reply.status_code}")
    if recorded.json_reply and content:
        json.loads(content)


def save(exchanges: Sequence[Exchange], path: Path) -> None:
    with path.open("wb") as file:
        for exchange in exchanges:
            pickle.dump(exchange, file)


def load_all(path: Path) -> list[Exchange]:
    """The exchanges pickled one after another into ``path`` (our own file, just written)."""
    exchanges = []
    with path.open("rb") as file:
        while True:
            try:
                exchanges.append(pickle.load(file))
            except EOFError:
                return exchanges
