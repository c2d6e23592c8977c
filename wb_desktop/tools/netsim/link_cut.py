"""A scheduled outage QA asks for: "drop the link when the photo upload reaches 40 %".

:class:`UploadCutTransport` watches the resumable uploads that pass through it. Once armed,
the chunk that would carry an upload past the fraction is cut short at exactly that byte:
the server keeps what arrived (as after a real drop mid-transfer), the request fails with a
reset, and ``on_cut`` takes the link down. Back online, the upload resumes from the server's
offset, which is what QA wants to see.
"""

from __future__ import annotations

import contextlib
import json
import math
import threading
from collections.abc import Callable
from dataclasses import replace

from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.protocol import routes
from wb_desktop.core.sync.transport import (
    FailureKind,
    HttpReply,
    HttpRequest,
    Transport,
    TransportError,
)

_BLOBS = f"{routes.BLOBS}/"


class UploadCutTransport:
    def __init__(self, inner: Transport, on_cut: Callable[[float], None]) -> None:
        self.inner = inner
        self.on_cut = on_cut  # replaceable: the sync worker also tells the window
        self._sizes: dict[str, int] = {}
        self._fraction: float | None = None
        self._lock = threading.Lock()

    @property
    def armed_at(self) -> float | None:
        with self._lock:
            return self._fraction

    def arm(self, fraction: float) -> None:
        """Cut the next upload that passes ``fraction`` (0 < fraction < 1) of its size."""
        if not 0 < fraction < 1:
            raise ValueError(f"the cut must be between 0 and 1 of the upload, not {fraction}")
        with self._lock:
            self._fraction = fraction

    def disarm(self) -> None:
        with self._lock:
            self._fraction = None

    def send(self, request: HttpRequest) -> HttpReply:
        sha256 = _blob_of(request)
        if sha256 is None:
            return self.inner.send(request)
        if request.method == "POST":
            self._remember_size(sha256, request.body)
            return self.inner.send(request)
        cut_at = self._cut_point(sha256, request) if request.method == "PATCH" else None
        if cut_at is None:
            return self.inner.send(request)
        offset = int(request.headers.get("Upload-Offset", "0"))
        if cut_at > offset:
            with contextlib.suppress(TransportError):  # the link is going down anyway
                self.inner.send(replace(request, body=request.body[: cut_at - offset]))
        fraction = self._take()
        self.on_cut(fraction)
        raise TransportError(
            FailureKind.RESET,
            Text(
                QT_TRANSLATE_NOOP("Domain", "the link dropped at %1 % of an upload (scheduled)"),
                round(fraction * 100),
            ),
        )

    def _remember_size(self, sha256: str, body: bytes) -> None:
        try:
            size = json.loads(body).get("size")
        except (ValueError, AttributeError):
            return
        if isinstance(size, int) and size > 0:
            with self._lock:
                self._sizes[sha256] = size

    def _cut_point(self, sha256: str, request: HttpRequest) -> int | None:
        """The byte to stop at if this chunk crosses the armed fraction, else None."""
        with self._lock:
            fraction, size = self._fraction, self._sizes.get(sha256)
        if fraction is None or size is None:
            return None
        try:
            offset = int(request.headers.get("Upload-Offset", "0"))
        except ValueError:
            return None
        cut_at = math.ceil(size * fraction)
        return cut_at if offset <= cut_at < offset + len(request.body) else None

    def _take(self) -> float:
        with self._lock:
            fraction, self._fraction = self._fraction or 0.0, None
            return fraction


def _blob_of(request: HttpRequest) -> str | None:
    path = request.path.partition("?")[0]
    if not path.startswith(_BLOBS):
        return None
    rest = path[len(_BLOBS) :]
    return rest if rest and "/" not in rest else None
