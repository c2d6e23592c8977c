"""Resumable, content-addressed uploads over real HTTP."""

from __future__ import annotations

import hashlib

import requests

from tests.integration.conftest import LiveServer
from wb_server.demo_data import DEMO_ACCOUNTS, make_png

ANNA, ERIK = sorted(DEMO_ACCOUNTS)[:2]


def _signed(server: LiveServer, email: str = ANNA) -> requests.Session:
    return server.sign_in(email, DEMO_ACCOUNTS[email])


def _photo() -> bytes:
    return make_png((200, 40, 40), (20, 40, 200))


def _start(session: requests.Session, url: str, data: bytes, kind: str = "image/png") -> dict:
    sha = hashlib.sha256(data).hexdigest()
    reply = session.post(f"{url}/v1/blobs/{sha}", json={"content_type": kind, "size": len(data)})
    assert reply.status_code == 200, reply.text
    return reply.json()


def _chunk(session: requests.Session, url: str, sha: str, offset: int, data: bytes):
    return session.patch(
        f"{url}/v1/blobs/{sha}",
        data=data,
        headers={"Upload-Offset": str(offset), "Content-Type": "application/octet-stream"},
    )


def test_an_interrupted_upload_resumes_from_the_servers_offset(live_server: LiveServer) -> None:
    session, data = _signed(live_server), _photo()
    sha = _start(session, live_server.url, data)["sha256"]
    half = len(data) // 2
    assert _chunk(session, live_server.url, sha, 0, data[:half]).json()["received"] == half
    # ... the connection drops; after a restart the client asks where to go on from
    offset = session.get(f"{live_server.url}/v1/blobs/{sha}").json()["received"]
    assert offset == half
    done = _chunk(session, live_server.url, sha, offset, data[offset:]).json()
    assert done["complete"] is True
    content = session.get(f"{live_server.url}/v1/blobs/{sha}/content")
    assert content.content == data
    assert _start(session, live_server.url, data)["complete"] is True  # never sent twice


def test_a_chunk_at_the_wrong_offset_is_refused_with_the_right_one(live_server) -> None:
    session, data = _signed(live_server), _photo()
    sha = _start(session, live_server.url, data)["sha256"]
    _chunk(session, live_server.url, sha, 0, data[:10])
    wrong = _chunk(session, live_server.url, sha, 4, data[4:20])
    assert wrong.status_code == 409
    assert wrong.headers["Upload-Offset"] == "10"
    assert session.get(f"{live_server.url}/v1/blobs/{sha}").json()["received"] == 10


def test_bytes_that_do_not_match_the_hash_are_discarded(live_server: LiveServer) -> None:
    session, data = _signed(live_server), _photo()
    sha = _start(session, live_server.url, data)["sha256"]
    tampered = data[:-1] + bytes([data[-1] ^ 0xFF])
    reply = _chunk(session, live_server.url, sha, 0, tampered)
    assert reply.status_code == 422 and reply.json()["error"] == "hash_mismatch"
    state = session.get(f"{live_server.url}/v1/blobs/{sha}").json()
    assert state == {**state, "received": 0, "complete": False}
    assert _chunk(session, live_server.url, sha, 0, data).json()["complete"] is True


def test_a_file_that_is_not_the_declared_image_is_refused(live_server: LiveServer) -> None:
    session = _signed(live_server)
    text = b"%PDF-1.4 this is not a picture" * 10
    sha = _start(session, live_server.url, text, "image/jpeg")["sha256"]
    reply = _chunk(session, live_server.url, sha, 0, text)
    assert reply.status_code == 415 and reply.json()["error"] == "wrong_content"


def test_oversized_and_unsupported_uploads_are_refused_up_front(live_server) -> None:
    session, url = _signed(live_server), live_server.url
    sha = "a" * 64
    huge = session.post(f"{url}/v1/blobs/{sha}", json={"content_type": "image/png", "size": 10**10})
    assert huge.status_code == 413 and "limit" in huge.json()["detail"]
    exe = session.post(
        f"{url}/v1/blobs/{sha}", json={"content_type": "application/x-exe", "size": 9}
    )
    assert exe.status_code == 415
    assert session.post(f"{url}/v1/blobs/NOTHEX", json={}).status_code == 422


def test_another_technician_cannot_read_my_upload(live_server: LiveServer) -> None:
    session, data = _signed(live_server), _photo()
    sha = _start(session, live_server.url, data)["sha256"]
    _chunk(session, live_server.url, sha, 0, data)
    erik = _signed(live_server, ERIK).get(f"{live_server.url}/v1/blobs/{sha}/content")
    assert erik.status_code == 404
    assert requests.get(f"{live_server.url}/v1/blobs/{sha}/content").status_code == 401
