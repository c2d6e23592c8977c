"""Replaying a bundle's pending outbox against a server, with the real sync engine.

The sandbox keeps the tablet's device id and sequence numbers, so the server's exactly-once
bookkeeping applies: ops the tablet already delivered (or an earlier replay did) come back
``duplicate`` and change nothing. Support authenticates as the bundle's technician with a
token the admin API issues, never with the technician's password.

A redacted bundle replays its placeholders ("Customer 1") and has no photo files: the
summary says so, and uploads of the left-out pictures are refused in the sandbox only.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from wb_desktop.core.domain.clock import Clock
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.protocol import routes
from wb_desktop.core.store.cache import open_cache
from wb_desktop.core.sync.client import build_sync_client
from wb_desktop.core.sync.step_report import Failure
from wb_desktop.core.sync.transport import HttpReply, HttpRequest, RequestsTransport, Transport
from wb_desktop.tools.diagnostics.errors import ReplayError
from wb_desktop.tools.diagnostics.sandbox import SandboxProfile
from wb_desktop.tools.diagnostics.server_holdings import (
    KindOnServer,
    OfficeViewOf,
    on_server,
    work_of,
)

DEFAULT_MAX_STEPS = 10
DEFAULT_MAX_WAIT_S = 30.0
PUSH_PATH = routes.PUSH

TokenFor = Callable[[str], str]  # technician id -> bearer token


@dataclass(frozen=True)
class ReplaySummary:
    pushed: int  # op answers received (an op retried after a lost reply counts again)
    applied: int
    duplicates: int
    conflicts: int
    rejected: int  # newly dead-lettered by this replay
    dead: int  # dead ops in the sandbox after the replay
    remaining: int  # not yet accepted after the replay (dead ops aside)
    steps: int
    redacted: bool
    not_uploaded: int  # attachments the tablet has not uploaded (redacted pictures included)
    reason: str | None  # why the last step failed, if it did
    on_server: tuple[KindOnServer, ...] | None = None  # asked of the server; None: not asked

    @property
    def drained(self) -> bool:
        return self.remaining == 0

    def as_json(self) -> dict[str, object]:
        return {
            "pushed": self.pushed,
            "applied": self.applied,
            "duplicates": self.duplicates,
            "conflicts": self.conflicts,
            "rejected": self.rejected,
            "dead": self.dead,
            "remaining": self.remaining,
            "steps": self.steps,
            "redacted": self.redacted,
            "not_uploaded": self.not_uploaded,
            "reason": self.reason,
            "on_server": None
            if self.on_server is None
            else [
                {"kind": k.kind, "wanted": k.wanted, "records": k.records, "files": k.files}
                for k in self.on_server
            ],
        }


class PushAnswerCounter:
    """A transport that passes everything through and counts the server's push answers."""

    def __init__(self, inner: Transport) -> None:
        self.inner = inner
        self.results: Counter[str] = Counter()

    def send(self, request: HttpRequest) -> HttpReply:
        reply = self.inner.send(request)
        if request.method == "POST" and request.path.startswith(PUSH_PATH) and reply.status == 200:
            try:
                results = json.loads(reply.body).get("results", [])
            except (ValueError, AttributeError):
                return reply
            self.results.update(
                str(entry.get("result")) for entry in results if isinstance(entry, dict)
            )
        return reply

    def close(self) -> None:
        close = getattr(self.inner, "close", None)
        if close is not None:
            close()


def replay_outbox(
    sandbox: SandboxProfile,
    server_url: str,
    token_for: TokenFor,
    *,
    clock: Clock,
    max_steps: int = DEFAULT_MAX_STEPS,
    max_wait_s: float = DEFAULT_MAX_WAIT_S,
    sleep: Callable[[float], None] = time.sleep,
    office_view: OfficeViewOf | None = None,
) -> ReplaySummary:
    """Sync the sandbox until its outbox is drained, ``max_steps`` steps ran, or waiting for
    the server's backoff would exceed ``max_wait_s``; then, with ``office_view``, ask the
    server what it has of the bundle's work."""
    technician = sandbox.facts().technician
    if technician is None:
        raise ReplayError(
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "The bundle from %1 has no signed-in technician, so its outbox cannot be"
                    " replayed as anyone.",
                ),
                sandbox.manifest.profile,
            )
        )
    token = token_for(technician.id)
    wanted = work_of(sandbox)
    cache = open_cache(sandbox.paths, clock)
    counter = PushAnswerCounter(RequestsTransport(server_url))
    client = build_sync_client(
        cache, server_url, technician.email, None, clock, inner=counter, token=token
    )
    steps, waited, reason = 0, 0.0, None
    try:
        client.engine.reset_backoff()  # the tablet's retry times mean nothing here
        while steps < max_steps:
            report = client.engine.step()
            steps += 1
            reason = None if report.ok else report.reason
            if report.ok and client.engine.counts().drained:
                break
            if report.ok:
                continue
            wait = report.retry_in_s or 1.0
            if report.failure is Failure.AUTH or waited + wait > max_wait_s:
                break
            sleep(wait)
            waited += wait
        counts = client.engine.counts()
    finally:
        client.close()
        cache.close()
    facts = sandbox.facts()
    held = None
    if office_view is not None:
        transport = RequestsTransport(server_url)
        try:
            held = on_server(sandbox, wanted, technician.id, office_view, transport, token)
        finally:
            transport.close()
    return ReplaySummary(
        pushed=sum(counter.results.values()),
        applied=counter.results["applied"],
        duplicates=counter.results["duplicate"],
        conflicts=counter.results["conflict"],
        rejected=counter.results["rejected"],
        dead=counts.dead,
        remaining=counts.pending - counts.dead,
        steps=steps,
        redacted=sandbox.manifest.redacted,
        not_uploaded=len(facts.not_uploaded),
        reason=reason,
        on_server=held,
    )
