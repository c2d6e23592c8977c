"""A first sync on a lossy link finishes: downloaded attachments are kept (issue 18, item 3).

A new device of a technician whose first page of changes refers to 90 photos syncs over a
link that drops 15 % of the requests before the server sees them and cuts 25 % of the
replies after the server answered. Every attachment downloaded is kept, so each step adds
to what is on disk, the cursor moves only with a page whose files are all there, and every
photo arrives once, matching its hash.
"""

from __future__ import annotations

import hashlib
import random
import threading
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from tests.integration.sync_engine.conftest import Technician
from wb_desktop.core.paths import ProfilePaths
from wb_desktop.core.store.cache import LocalCache, open_cache
from wb_desktop.core.store.models import Job, MediaFile, Photo, TechnicianProfile
from wb_desktop.core.sync.client import SyncClient, build_sync_client
from wb_desktop.core.sync.profiles import profile_named
from wb_desktop.core.sync.transport import (
    FailureKind,
    HttpReply,
    HttpRequest,
    RequestsTransport,
    TransportError,
)
from wb_desktop.tools.netsim.qa_network import QaNetworkFactory
from wb_server.demo_data import DEMO_ACCOUNTS, make_noise_png
from wb_server.models import Job as ServerJob
from wb_server.models import Photo as ServerPhoto
from wb_server.models import Technician as ServerTechnician

DROP, CUT = 0.15, 0.25
PHOTOS = 90
MAX_STEPS = 150
PROGRESS_WINDOW = 20  # steps: each window adds files on disk, or the sync is complete
_CONTENT = "/content"


class LossyLink:
    """The real transport under a seeded loss: ``drop`` of the requests never reach the
    server (a reset), ``cut`` of the replies are cut off after the server answered (a reset
    once the server has done the work). ``delivered`` counts the replies that got through."""

    def __init__(self, inner: RequestsTransport, drop: float, cut: float, seed: int) -> None:
        self.inner = inner
        self.drop, self.cut = drop, cut
        self._random = random.Random(seed)
        self._lock = threading.Lock()
        self.delivered: Counter[tuple[str, str]] = Counter()
        self.lost = 0

    def send(self, request: HttpRequest) -> HttpReply:
        with self._lock:
            roll = self._random.random()
        if roll < self.drop:
            self._count_loss()
            raise TransportError(FailureKind.RESET, "connection dropped (lossy test link)")
        reply = self.inner.send(request)
        if roll < self.drop + self.cut:
            self._count_loss()
            raise TransportError(FailureKind.RESET, "the reply was cut off (lossy test link)")
        with self._lock:
            self.delivered[(request.method, request.path.split("?")[0])] += 1
        return reply

    def close(self) -> None:
        self.inner.close()

    def _count_loss(self) -> None:
        with self._lock:
            self.lost += 1


def _new_device(anna: Technician, name: str) -> LocalCache:
    """A second tablet of Anna's: signed in, nothing pulled yet."""
    cache = open_cache(ProfilePaths(anna.profile.folder.parent / name, name), anna.clock)
    with anna.cache.database.reader() as db:
        me = db.scalar(select(TechnicianProfile))
        db.expunge(me)
    with cache.database.writer() as db, db.begin():
        db.merge(me)
    return cache


def _client(anna: Technician, cache: LocalCache, link: LossyLink, seed: int) -> SyncClient:
    return build_sync_client(
        cache,
        anna.server.url,
        anna.email,
        DEMO_ACCOUNTS[anna.email],
        anna.clock,
        seed=seed,
        profile=profile_named("online"),
        simulator=QaNetworkFactory(sleep=lambda _s: None),
        inner=link,
    )


def _server_photos(anna: Technician) -> dict[str, str]:
    """Anna's photos on the server: id → sha256."""
    with anna.server.context.reader() as db:
        me = db.scalar(select(ServerTechnician.id).where(ServerTechnician.email == anna.email))
        rows = db.execute(
            select(ServerPhoto.id, ServerPhoto.sha256)
            .join(ServerJob, ServerJob.id == ServerPhoto.job_id)
            .where(ServerJob.technician_id == me)
        )
        return {photo_id: sha256 for photo_id, sha256 in rows}


def _files_on_disk(cache: LocalCache, wanted: set[str]) -> set[str]:
    return {
        path.stem for path in cache.paths.media.rglob("*") if path.is_file() and path.stem in wanted
    }


@pytest.fixture
def many_photos(anna: Technician) -> dict[str, str]:
    """90 photos on one of Anna's jobs, taken on her first tablet and synced from it."""
    with anna.cache.database.reader() as db:
        job_id = db.scalars(select(Job.id).order_by(Job.scheduled_start)).first()
    for n in range(PHOTOS):
        data = make_noise_png(1000 + n, 6_000)
        anna.cache.changes.media.add_photo(job_id, data, f"IMG_{n:04}.png")
    report = anna.client.engine.step()
    assert report.ok and report.uploaded == PHOTOS, report.reason
    photos = _server_photos(anna)
    assert len(photos) >= PHOTOS
    return photos


def test_a_first_sync_of_90_photos_on_a_lossy_link_completes(
    anna: Technician, many_photos: dict[str, str]
) -> None:
    first_page = anna.server.sign_in(anna.email, DEMO_ACCOUNTS[anna.email]).get(
        f"{anna.server.url}/v1/changes", params={"since": 0, "limit": 1000}, timeout=10
    )
    page = first_page.json()
    in_first_page = {c["data"]["sha256"] for c in page["changes"] if c["record_type"] == "photo"}
    assert len(in_first_page) >= 85 and not page["has_more"]
    head = page["next_cursor"]

    cache = _new_device(anna, "tablet-2")
    link = LossyLink(RequestsTransport(anna.server.url), DROP, CUT, seed=18)
    client = _client(anna, cache, link, seed=18)
    wanted = set(many_photos.values())
    on_disk, window_start, steps, retried_from_disk = 0, 0, 0, False
    try:
        for steps in range(1, MAX_STEPS + 1):
            report = client.engine.step()
            now_on_disk = len(_files_on_disk(cache, wanted))
            assert now_on_disk >= on_disk, "a step threw away files it had downloaded"
            if now_on_disk > on_disk:
                window_start = steps
            on_disk = now_on_disk
            if report.ok:
                break
            retried_from_disk |= 0 < on_disk < len(wanted)
            assert steps - window_start < PROGRESS_WINDOW, (
                f"no new file in {PROGRESS_WINDOW} steps ({on_disk} of {len(wanted)} on disk)"
            )
            anna.clock.advance(timedelta(seconds=report.retry_in_s or 0))
        assert report.ok, f"not synced in {MAX_STEPS} steps: {report.reason}"
        assert client.engine.puller.cursor() == head
        assert link.lost > 0  # the link did lose requests
        assert retried_from_disk  # a step failed with part of the page's files kept

        with cache.database.reader() as db:
            rows = db.execute(select(Photo.id, Photo.sha256, Photo.stored_path)).all()
            local = {photo_id: (sha256, stored) for photo_id, sha256, stored in rows}
            registered = db.scalar(
                select(func.count()).select_from(MediaFile).where(MediaFile.sha256.in_(wanted))
            )
        assert {pid: sha for pid, (sha, _) in local.items() if pid in many_photos} == many_photos
        assert registered == len(wanted)  # one file per hash
        for sha256, stored in local.values():
            assert hashlib.sha256(cache.media.absolute(stored).read_bytes()).hexdigest() == sha256
        downloads = {
            path: n for (method, path), n in link.delivered.items() if path.endswith(_CONTENT)
        }
        assert all(downloads.get(f"/v1/blobs/{sha}{_CONTENT}", 0) <= 1 for sha in wanted), (
            "a photo that had arrived was downloaded again"
        )
        assert cache.sweep_media() == 0  # no file left over that no row refers to
    finally:
        client.close()
        cache.close()


def test_kept_files_of_an_unfinished_page_are_swept_at_close_and_fetched_again(
    anna: Technician, many_photos: dict[str, str]
) -> None:
    cache = _new_device(anna, "tablet-3")
    link = LossyLink(RequestsTransport(anna.server.url), 0.0, 0.0, seed=1)
    client = _client(anna, cache, link, seed=1)
    wanted = set(many_photos.values())
    sent = 0
    real_send = link.inner.send

    def cut_after_30_downloads(request: HttpRequest) -> HttpReply:
        nonlocal sent
        if request.path.endswith(_CONTENT):
            sent += 1
            if sent > 30:
                raise TransportError(FailureKind.OFFLINE, "the link went down")
        return real_send(request)

    link.inner.send = cut_after_30_downloads  # type: ignore[method-assign]
    try:
        report = client.engine.step()
        assert not report.ok and report.failure == "offline"
        assert sent == 31  # no link: nothing resent, and no download tried after that one
        assert client.engine.puller.cursor() == 0  # the page did not commit
        assert len(_files_on_disk(cache, wanted)) == 30  # but its files are kept
        client.close()
        assert cache.sweep_media() == 30  # the app closes: nothing refers to them, they go
        assert _files_on_disk(cache, wanted) == set()

        link = LossyLink(RequestsTransport(anna.server.url), 0.0, 0.0, seed=2)
        client = _client(anna, cache, link, seed=2)
        report = client.engine.step()
        assert report.ok, report.reason
        assert _files_on_disk(cache, wanted) == wanted
        assert cache.sweep_media() == 0
    finally:
        client.close()
        cache.close()
