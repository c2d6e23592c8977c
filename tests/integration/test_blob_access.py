"""Issue 17: a technician reads, or learns of, only blobs of records they can see, and sends
GPS pings only for their own jobs. Each test is a hole the old server had, over real HTTP,
on SQLite and on PostgreSQL.

Blobs are content-addressed, so knowing a hash must never be enough: possession is proven
by uploading the bytes (see :mod:`wb_server.blobs`).
"""

from __future__ import annotations

import hashlib
import itertools
import os
import uuid
from dataclasses import dataclass, field
from typing import Any

import pytest
import requests
from sqlalchemy import select

from tests.integration.conftest import ADMIN_TOKEN, LiveServer
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.paths import DataPaths
from wb_desktop.core.store.cache import LocalCache, open_cache
from wb_desktop.core.store.models import MediaFile
from wb_desktop.core.sync.auth import remember_technician
from wb_desktop.core.sync.client import SyncClient, build_sync_client
from wb_server.blobs import BlobStore
from wb_server.demo_data import DEMO_ACCOUNTS, make_png
from wb_server.models import Blob, LocationPing

ANNA, ERIK, SAM = sorted(DEMO_ACCOUNTS)
_colours = itertools.count(1)


def unique_png() -> bytes:
    """A real PNG no demo photo and no other test shares."""
    n = next(_colours)
    return make_png((201, n % 256, 7), (3, (n * 37) % 256, 199))


def op(kind: str, payload: dict[str, Any], record_id: str | None = None) -> dict[str, Any]:
    return {
        "kind": kind,
        "record_type": kind.partition(".")[0],
        "record_id": record_id or str(uuid.uuid4()),
        "base_version": 0,
        "payload": payload,
    }


def photo_op(job_id: str, data: bytes, name: str = "IMG_0001.png") -> dict[str, Any]:
    return op(
        "photo.create",
        {
            "job_id": job_id,
            "sha256": hashlib.sha256(data).hexdigest(),
            "content_type": "image/png",
            "byte_size": len(data),
            "original_name": name,
            "taken_at": "2026-11-23T08:00:00+00:00",
        },
    )


def signature_op(job_id: str, data: bytes, signer: str = "Karin Berg") -> dict[str, Any]:
    return op(
        "signature.create",
        {
            "job_id": job_id,
            "signer_name": signer,
            "strokes": [[[10, 10, 0.5, 0], [60, 40, 0.5, 40], [90, 20, 0.5, 80]]],
            "png_sha256": hashlib.sha256(data).hexdigest(),
            "byte_size": len(data),
            "captured_at": "2026-11-23T08:05:00+00:00",
        },
    )


@dataclass
class Tech:
    """A signed-in technician speaking the protocol directly (one device of their own)."""

    server: LiveServer
    email: str
    http: requests.Session
    id: str
    device_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    seq: int = 0

    @property
    def url(self) -> str:
        return self.server.url

    def push(self, *ops: dict[str, Any], device_id: str | None = None) -> list[dict[str, Any]]:
        sent = []
        for item in ops:
            self.seq += 1
            sent.append({"op_id": str(uuid.uuid4()), "seq": self.seq, **item})
        reply = self.http.post(
            f"{self.url}/v1/push", json={"device_id": device_id or self.device_id, "ops": sent}
        )
        assert reply.status_code == 200, reply.text
        return list(reply.json()["results"])

    def push_ok(self, *ops: dict[str, Any]) -> list[dict[str, Any]]:
        results = self.push(*ops)
        assert [r["result"] for r in results] == ["applied"] * len(ops), results
        return results

    def changes(self) -> list[dict[str, Any]]:
        reply = self.http.get(f"{self.url}/v1/changes", params={"since": 0, "limit": 5000})
        assert reply.status_code == 200, reply.text
        assert reply.json()["has_more"] is False
        return list(reply.json()["changes"])

    def records(self, record_type: str) -> dict[str, dict[str, Any]]:
        """The records of one type this technician sees now (the latest of each)."""
        latest: dict[str, dict[str, Any]] = {}
        for change in self.changes():
            if change["record_type"] == record_type:
                latest[change["record_id"]] = change
        return {i: c["data"] for i, c in latest.items() if not c["deleted"]}

    def open_job(self) -> dict[str, Any]:
        jobs = self.records("job").values()
        return next(j for j in jobs if j["status"] not in ("cancelled",))

    def start(self, sha: str, size: int, kind: str = "image/png") -> requests.Response:
        return self.http.post(
            f"{self.url}/v1/blobs/{sha}", json={"content_type": kind, "size": size}
        )

    def chunk(self, sha: str, offset: int, data: bytes) -> requests.Response:
        return self.http.patch(
            f"{self.url}/v1/blobs/{sha}",
            data=data,
            headers={"Upload-Offset": str(offset), "Content-Type": "application/octet-stream"},
        )

    def state(self, sha: str) -> requests.Response:
        return self.http.get(f"{self.url}/v1/blobs/{sha}")

    def content(self, sha: str) -> requests.Response:
        return self.http.get(f"{self.url}/v1/blobs/{sha}/content")

    def upload(self, data: bytes) -> None:
        sha = hashlib.sha256(data).hexdigest()
        started = self.start(sha, len(data))
        assert started.status_code == 200, started.text
        offset = started.json()["received"]
        if not started.json()["complete"]:
            done = self.chunk(sha, offset, data[offset:])
            assert done.status_code == 200 and done.json()["complete"], done.text

    def attach_photo(self, job_id: str, data: bytes, name: str = "IMG_0001.png") -> str:
        """Push a photo of the job and upload its bytes, as the app does; returns the hash."""
        self.push_ok(photo_op(job_id, data, name))
        self.upload(data)
        return hashlib.sha256(data).hexdigest()


def sign_in(server: LiveServer, email: str) -> Tech:
    http = server.sign_in(email, DEMO_ACCOUNTS[email])
    me = http.get(f"{server.url}/v1/me").json()
    return Tech(server, email, http, me["id"])


def admin_session() -> requests.Session:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {ADMIN_TOKEN}"
    return session


def assign(server: LiveServer, job_id: str, technician_id: str | None) -> None:
    reply = admin_session().post(
        f"{server.url}/v1/admin/jobs/{job_id}/assign", json={"technician_id": technician_id}
    )
    assert reply.status_code == 200, reply.text


def unknown_sha() -> str:
    return hashlib.sha256(os.urandom(32)).hexdigest()


def assert_like_unknown(reply: requests.Response, sha: str, unknown: requests.Response) -> None:
    """The same status, headers that matter and body as for a hash nobody ever sent."""
    assert reply.status_code == unknown.status_code == 404
    assert reply.headers["content-type"] == unknown.headers["content-type"]
    other = unknown.url.rstrip("/").split("/")
    sha_of_unknown = next(part for part in other if len(part) == 64)
    assert reply.json() == {
        key: value.replace(sha_of_unknown, sha) for key, value in unknown.json().items()
    }


@pytest.fixture
def anna(live_server: LiveServer) -> Tech:
    return sign_in(live_server, ANNA)


@pytest.fixture
def erik(live_server: LiveServer) -> Tech:
    return sign_in(live_server, ERIK)


def test_a_photo_naming_anothers_hash_never_reads_their_bytes(anna: Tech, erik: Tech) -> None:
    """The hole: Anna pushed photo.create on her own job with the hash of Erik's photo and
    then downloaded Erik's bytes."""
    data, signature = unique_png(), unique_png()
    sha = erik.attach_photo(erik.open_job()["id"], data)
    erik.push_ok(signature_op(erik.open_job()["id"], signature))
    erik.upload(signature)
    signature_sha = hashlib.sha256(signature).hexdigest()

    own_job = anna.open_job()["id"]
    anna.push_ok(photo_op(own_job, data), signature_op(own_job, signature))  # records accepted
    for named in (sha, signature_sha):
        assert_like_unknown(anna.content(named), named, anna.content(unknown_sha()))
        assert named in {p["sha256"] for p in anna.records("photo").values()} | {
            s["png_sha256"] for s in anna.records("signature").values()
        }
    assert erik.content(sha).content == data  # Erik still reads his own


def test_anothers_blob_answers_like_an_unknown_hash(anna: Tech, erik: Tech) -> None:
    """No existence oracle: GET of Erik's blob, and a chunk before any POST, are the 404s of
    a hash the server has never seen."""
    data = unique_png()
    sha = erik.attach_photo(erik.open_job()["id"], data)
    assert erik.state(sha).json()["complete"] is True

    nobody = unknown_sha()
    assert_like_unknown(anna.state(sha), sha, anna.state(nobody))
    assert_like_unknown(anna.chunk(sha, 0, data), sha, anna.chunk(nobody, 0, data))
    assert_like_unknown(anna.content(sha), sha, anna.content(nobody))


def test_anothers_complete_blob_is_uploaded_from_0_and_readable_only_after(
    anna: Tech, erik: Tech, live_server: LiveServer
) -> None:
    data = unique_png()
    sha = erik.attach_photo(erik.open_job()["id"], data)
    stored = BlobStore(live_server.context.config.blob_dir).path(sha)
    before = stored.stat()

    started = anna.start(sha, len(data))  # what a fresh hash answers, not Erik's state
    assert started.status_code == 200
    fresh = anna.start(unknown_sha(), len(data)).json()
    assert (
        started.json()
        == {**fresh, "sha256": sha}
        == {
            "sha256": sha,
            "content_type": "image/png",
            "size": len(data),
            "received": 0,
            "complete": False,
        }
    )
    assert anna.state(sha).json()["received"] == 0
    half = len(data) // 2
    wrong_offset = anna.chunk(sha, half, data[half:])  # Erik's offset means nothing to her
    assert wrong_offset.status_code == 409 and wrong_offset.headers["Upload-Offset"] == "0"
    assert anna.chunk(sha, 0, data[:half]).json() == {**started.json(), "received": half}
    assert anna.content(sha).status_code == 404  # half the bytes prove nothing
    assert erik.state(sha).json()["complete"] is True  # her upload is hers alone

    done = anna.chunk(sha, half, data[half:])
    assert done.status_code == 200 and done.json()["complete"] is True
    assert anna.content(sha).content == data
    assert anna.start(sha, len(data)).json()["complete"] is True  # never sent twice
    after = stored.stat()  # the shared bytes were not rewritten
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    with live_server.context.reader() as db:
        assert db.get(Blob, sha).uploaded_by == erik.id


def test_wrong_bytes_for_anothers_hash_are_a_mismatch_and_give_nothing(
    anna: Tech, erik: Tech
) -> None:
    data = unique_png()
    sha = erik.attach_photo(erik.open_job()["id"], data)
    forged = data[:-1] + bytes([data[-1] ^ 0xFF])
    assert anna.start(sha, len(forged)).json()["received"] == 0
    refused = anna.chunk(sha, 0, forged)
    assert refused.status_code == 422 and refused.json()["error"] == "hash_mismatch"
    assert anna.state(sha).json() == {
        "sha256": sha,
        "content_type": "image/png",
        "size": len(data),
        "received": 0,
        "complete": False,
    }
    assert anna.content(sha).status_code == 404
    assert erik.content(sha).content == data  # Erik's blob is untouched


def test_a_reassigned_jobs_attachments_are_readable_by_the_new_technician(
    live_server: LiveServer, anna: Tech, erik: Tech
) -> None:
    """The office moves Erik's job to Anna: she may read the bytes of its photos and
    signature (Erik uploaded them, so they are vouched for). A photo Anna attached naming a
    hash she never uploaded gives nobody access, also not the technician her job goes to."""
    job = erik.open_job()["id"]
    photo, signature = unique_png(), unique_png()
    photo_sha = erik.attach_photo(job, photo)
    erik.push_ok(signature_op(job, signature))
    erik.upload(signature)
    signature_sha = hashlib.sha256(signature).hexdigest()
    assert anna.content(photo_sha).status_code == 404

    assign(live_server, job, anna.id)
    assert anna.content(photo_sha).content == photo
    assert anna.content(signature_sha).content == signature
    assert anna.state(photo_sha).json()["complete"] is True
    assert erik.content(photo_sha).content == photo  # he uploaded it: still his to read

    secret = unique_png()
    secret_sha = erik.attach_photo(erik.open_job()["id"], secret)
    anna_job = anna.open_job()["id"]
    anna.push_ok(photo_op(anna_job, secret))
    sam = sign_in(live_server, SAM)
    assign(live_server, anna_job, sam.id)
    assert sam.content(secret_sha).status_code == 404
    assert anna.content(secret_sha).status_code == 404


def test_demo_photos_stay_readable_to_their_technician_only(anna: Tech, erik: Tech) -> None:
    annas = {p["sha256"] for p in anna.records("photo").values()}
    eriks = {p["sha256"] for p in erik.records("photo").values()}
    assert annas and eriks
    for sha in annas:
        reply = anna.content(sha)
        assert reply.status_code == 200 and hashlib.sha256(reply.content).hexdigest() == sha
    for sha in annas - eriks:
        assert erik.content(sha).status_code == 404
        assert erik.state(sha).status_code == 404


def _ping(job_id: str | None, minute: int = 0) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "recorded_at": f"2026-11-23T08:{minute:02d}:00+00:00",
        "latitude": 59.33,
        "longitude": 18.06,
        "accuracy_m": 5.0,
        "job_id": job_id,
    }


def _pings_on(server: LiveServer, job_id: str) -> list[tuple[str, str]]:
    with server.context.reader() as db:
        rows = db.execute(
            select(LocationPing.id, LocationPing.technician_id).where(LocationPing.job_id == job_id)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


def test_a_gps_ping_on_anothers_job_is_refused_and_a_resend_is_accepted(
    live_server: LiveServer, anna: Tech, erik: Tech
) -> None:
    url = live_server.url
    own, eriks = anna.open_job()["id"], erik.open_job()["id"]
    pings = [_ping(own, 1), _ping(eriks, 2), _ping(None, 3)]
    first = anna.http.post(f"{url}/v1/locations", json={"pings": pings})
    assert first.status_code == 200
    detail = f"job {eriks} does not exist or is not yours"
    refusal = {"id": pings[1]["id"], "error": "not_found", "detail": detail}
    assert first.json() == {"stored": 2, "already_had": 0, "refused": [refusal]}
    assert _pings_on(live_server, eriks) == []
    again = anna.http.post(f"{url}/v1/locations", json={"pings": pings})  # a lost reply
    assert again.json() == {"stored": 0, "already_had": 2, "refused": [refusal]}

    assign(live_server, own, erik.id)  # her stored pings stay hers; a resend is accepted
    assert anna.http.post(f"{url}/v1/locations", json={"pings": pings[:1]}).json() == {
        "stored": 0,
        "already_had": 1,
    }
    late = _ping(own, 4)  # recorded before the reassignment reached her, sent after
    assert anna.http.post(f"{url}/v1/locations", json={"pings": [late]}).json()["refused"] == [
        {
            "id": late["id"],
            "error": "not_found",
            "detail": f"job {own} does not exist or is not yours",
        }
    ]
    assert _pings_on(live_server, own) == [(pings[0]["id"], anna.id)]

    eriks_ping = _ping(eriks, 5)
    assert erik.http.post(f"{url}/v1/locations", json={"pings": [eriks_ping]}).json() == {
        "stored": 1,
        "already_had": 0,
    }
    reused = anna.http.post(f"{url}/v1/locations", json={"pings": [{**eriks_ping, "job_id": None}]})
    assert reused.json()["stored"] == 0 and reused.json()["refused"][0]["error"] == "id_in_use"
    assert _pings_on(live_server, eriks) == [(eriks_ping["id"], erik.id)]


def _synced_cache(
    server: LiveServer, data_paths: DataPaths, name: str, email: str, clock: FixedClock
) -> LocalCache:
    """A new tablet's cache after its first sync with the real engine."""
    profile = data_paths.profile(name)

    def connect(cache: LocalCache) -> SyncClient:
        password = DEMO_ACCOUNTS[email]
        return build_sync_client(cache, server.url, email, password, clock)

    cache = open_cache(profile, clock)
    client = connect(cache)
    client.sign_in(False)
    assert client.sign_in.signed_in is not None
    remember_technician(cache.database, client.sign_in.signed_in, server.url, clock.now())
    client.close()
    cache.close()
    cache = open_cache(profile, clock)
    client = connect(cache)
    try:
        report = client.engine.step()
        assert report.ok, report.reason
    finally:
        client.close()
    return cache


def test_a_first_sync_downloads_the_attachments_the_technician_sees(
    live_server: LiveServer, anna: Tech, erik: Tech, data_paths: DataPaths, clock: FixedClock
) -> None:
    """A new tablet's first pull fetches every attachment in its feed: Anna's own uploads
    (also bytes Erik uploaded before her) and the demo's photos of her jobs."""
    own, signature, shared = unique_png(), unique_png(), unique_png()
    job = anna.open_job()["id"]
    own_sha = anna.attach_photo(job, own)
    anna.push_ok(signature_op(job, signature))
    anna.upload(signature)
    erik.attach_photo(erik.open_job()["id"], shared)
    shared_sha = anna.attach_photo(job, shared, "IMG_0002.png")  # she uploads them herself

    cache = _synced_cache(live_server, data_paths, "anna-new-tablet", ANNA, clock)
    try:
        with cache.database.reader() as db:
            have = set(db.scalars(select(MediaFile.sha256)))
    finally:
        cache.close()
    photos = {p["sha256"] for p in anna.records("photo").values()}
    signatures = {s["png_sha256"] for s in anna.records("signature").values()}
    assert {own_sha, shared_sha} < photos
    assert photos | signatures <= have
