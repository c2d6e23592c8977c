"""QA's "drop the link at 40 % of the upload": the server keeps exactly the bytes before
the cut, the request fails like a reset, and the cut happens once."""

from __future__ import annotations

import json

import pytest

from wb_desktop.core.sync.transport import HttpReply, HttpRequest, TransportError
from wb_desktop.tools.netsim.link_cut import UploadCutTransport

SHA = "ab" * 32


class BlobServer:
    """A fake server that keeps what each PATCH delivered."""

    def __init__(self) -> None:
        self.received = bytearray()
        self.paths: list[str] = []

    def send(self, request: HttpRequest) -> HttpReply:
        self.paths.append(f"{request.method} {request.path}")
        if request.method == "PATCH":
            self.received += request.body
        body = {"received": len(self.received), "complete": len(self.received) == 1000}
        return HttpReply(200, {"content-type": "application/json"}, json.dumps(body).encode())


def start(transport: UploadCutTransport) -> None:
    body = json.dumps({"content_type": "image/jpeg", "size": 1000}).encode()
    transport.send(HttpRequest("POST", f"/v1/blobs/{SHA}", body=body))


def chunk(offset: int, data: bytes) -> HttpRequest:
    return HttpRequest("PATCH", f"/v1/blobs/{SHA}", {"Upload-Offset": str(offset)}, data)


def test_the_chunk_crossing_the_mark_is_cut_at_the_mark() -> None:
    server, cuts = BlobServer(), []
    transport = UploadCutTransport(server, cuts.append)
    transport.arm(0.4)
    start(transport)

    with pytest.raises(TransportError) as caught:
        transport.send(chunk(0, bytes(1000)))

    assert len(server.received) == 400 and cuts == [0.4]
    assert "40 %" in caught.value.reason and transport.armed_at is None
    assert transport.send(chunk(400, bytes(600))).status == 200  # resumes, no second cut
    assert len(server.received) == 1000


def test_chunks_before_the_mark_and_other_requests_pass() -> None:
    server, cuts = BlobServer(), []
    transport = UploadCutTransport(server, cuts.append)
    transport.arm(0.5)
    start(transport)

    transport.send(chunk(0, bytes(300)))
    transport.send(HttpRequest("GET", "/v1/changes?after=0"))
    with pytest.raises(TransportError):
        transport.send(chunk(300, bytes(700)))

    assert len(server.received) == 500 and cuts == [0.5]


def test_an_unarmed_cut_or_an_unknown_size_changes_nothing() -> None:
    server = BlobServer()
    transport = UploadCutTransport(server, lambda _f: pytest.fail("no cut expected"))
    start(transport)
    transport.send(chunk(0, bytes(500)))
    transport.arm(0.9)
    transport.disarm()
    transport.send(chunk(500, bytes(500)))
    assert len(server.received) == 1000


@pytest.mark.parametrize("fraction", [0.0, 1.0, -0.1, 1.5])
def test_a_cut_outside_the_upload_is_refused(fraction: float) -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        UploadCutTransport(BlobServer(), lambda _f: None).arm(fraction)
