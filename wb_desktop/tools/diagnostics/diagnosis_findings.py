"""The findings of a diagnosis, as data: what was refused, what waits, when the tablet
was offline; :mod:`wb_desktop.tools.diagnostics.diagnosis` gathers them from a bundle and
:mod:`wb_desktop.tools.diagnostics.diagnosis_words` says them in plain words.

Qt-free, like the rest of the diagnostics command line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from wb_desktop.core.protocol import routes


@dataclass(frozen=True)
class DiagnosisLine:
    text: str
    request_ids: tuple[str, ...] = ()  # the trace rows behind the line


@dataclass(frozen=True)
class RecordRef:
    """A record a refused request was about, named as the technician knows it."""

    record_type: str  # photo, signature, note, job, …
    record_id: str
    name: str  # the photo's file name, or the op kind
    job_title: str


@dataclass(frozen=True)
class RefusedRequests:
    """Requests to one route (or one op kind) that the server answered with one status."""

    route: str  # the route the fault would be injected on (``/v1/blobs``, ``/v1/push``)
    op_kind: str | None
    status: int | None  # None: no reply at all (reset, timeout)
    server_error: str | None
    fault_kind: str | None  # the injected fault, when the server said so
    tries: int
    first_at: datetime
    last_at: datetime
    request_ids: tuple[str, ...]
    records: tuple[RecordRef, ...] = ()
    recovered: bool = False  # a later request to the same route went through


@dataclass(frozen=True)
class WaitingChanges:
    pending: int  # ops not accepted yet (dead ones aside)
    dead: int
    blocked: int  # of ``pending``, those waiting behind an op not yet accepted


@dataclass(frozen=True)
class OfflinePeriod:
    start: datetime
    end: datetime
    requests: int
    request_ids: tuple[str, ...]


@dataclass
class Diagnosis:
    lines: list[DiagnosisLine] = field(default_factory=list)
    refused: list[RefusedRequests] = field(default_factory=list)
    waiting: WaitingChanges = WaitingChanges(0, 0, 0)
    uploads_waiting: tuple[RecordRef, ...] = ()
    last_sync: datetime | None = None
    last_sync_request: str | None = None
    offline: list[OfflinePeriod] = field(default_factory=list)
    offline_at_end: bool = False  # the last request of the trace was not sent: no link
    zone: str = ""
    made_at: datetime | None = None  # the bundle's creation, by the tablet's clock
    log_warnings: list[str] = field(default_factory=list)
    log_warning_count: int = 0

    @property
    def faults(self) -> list[RefusedRequests]:
        """The refusals a scenario can repeat: injected faults still failing at the end."""
        return [r for r in self.refused if r.fault_kind is not None and not r.recovered]


def fault_route(route: str) -> str:
    """The route a fault is injected on: a blob's own path counts as ``/v1/blobs``."""
    if route.startswith(routes.BLOBS + "/"):
        return routes.BLOBS
    return route
