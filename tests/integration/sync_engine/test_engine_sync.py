"""The sync engine against the real reference server: what a technician's day needs."""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from tests.conftest import PNG_1X1
from tests.integration.sync_engine.conftest import Technician
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.models import (
    Customer,
    Job,
    Note,
    OutboxOp,
    OutboxState,
    Photo,
    Signature,
)
from wb_desktop.core.sync.client import build_sync_client
from wb_desktop.core.sync.transport import HttpReply, HttpRequest, RequestsTransport
from wb_desktop.tools.netsim.qa_network import QaNetworkFactory
from wb_server.demo_data import DEMO_ACCOUNTS, make_noise_png
from wb_server.models import Note as ServerNote
from wb_server.models import Photo as ServerPhoto


def _jobs(technician: Technician) -> list[Job]:
    with technician.cache.database.reader() as db:
        return list(db.scalars(select(Job).order_by(Job.scheduled_start)))


def test_a_first_sync_fills_an_empty_cache_with_the_schedule(anna: Technician) -> None:
    jobs = _jobs(anna)
    assert len(jobs) > 5
    assert {j.sync_state for j in jobs} == {SyncState.SYNCED}
    with anna.cache.database.reader() as db:
        assert db.scalar(select(func.count()).select_from(Customer)) > 0
        assert db.scalar(select(func.count()).select_from(Photo)) > 0  # earlier photos
    counts = anna.client.engine.counts()
    assert counts.pending == 0 and counts.drained
    assert anna.client.engine.last_success() == anna.clock.now()


def test_offline_work_is_kept_and_syncs_when_back_online(anna: Technician) -> None:
    job = next(j for j in _jobs(anna) if j.status == "scheduled")
    anna.go("offline")
    changes = anna.cache.changes
    changes.jobs.set_status(job.id, "en_route")
    changes.jobs.set_status(job.id, "in_progress")
    note = changes.jobs.add_note(job.id, "Gate code 4711")
    photo = changes.media.add_photo(job.id, PNG_1X1, "meter.png")
    report = anna.client.engine.step()
    assert not report.ok and report.failure == "offline"
    assert anna.client.engine.counts().pending == 4

    anna.go("online")
    report = anna.client.engine.step()
    assert report.ok, report.reason
    assert (report.pushed, report.applied, report.uploaded) == (4, 4, 1)
    assert anna.client.engine.counts().pending == 0
    with anna.cache.database.reader() as db:
        assert db.get(Job, job.id).sync_state is SyncState.SYNCED
        assert db.get(Job, job.id).status == "in_progress"
        assert db.get(Note, note.record_id).sync_state is SyncState.SYNCED
        assert db.get(Photo, photo.record_id).upload_state == "uploaded"
        assert db.scalar(select(func.count()).select_from(Note).where(Note.job_id == job.id)) == 1
    with anna.server.context.reader() as db:
        assert db.get(ServerNote, note.record_id).text == "Gate code 4711"
        assert db.get(ServerPhoto, photo.record_id) is not None


def test_a_lost_acknowledgement_is_answered_duplicate_and_applied_once(anna: Technician) -> None:
    job = _jobs(anna)[0]
    note = anna.cache.changes.jobs.add_note(job.id, "once")
    ops = anna.client.engine.pusher.claim_batch()
    anna.client.api.push(anna.cache.device_id, ops)  # the server commits; the reply is "lost"
    anna.restart()  # the app dies before it records the answer
    with anna.cache.database.reader() as db:
        assert db.get(OutboxOp, ops[0].op_id).state is OutboxState.IN_FLIGHT
    report = anna.client.engine.step()
    assert report.ok and report.applied == 1
    with anna.server.context.reader() as db:
        texts = db.scalars(select(ServerNote.text).where(ServerNote.job_id == job.id)).all()
    assert texts.count("once") == 1
    with anna.cache.database.reader() as db:
        assert db.get(Note, note.record_id).sync_state is SyncState.SYNCED


class CountingTransport:
    """The real transport, noting blob requests in order and how many run at once."""

    def __init__(self, url: str) -> None:
        self.inner = RequestsTransport(url)
        self.lock = threading.Lock()
        self.running = self.most = 0
        self.started: list[str] = []

    def send(self, request: HttpRequest) -> HttpReply:
        blob = request.path.startswith("/v1/blobs/")
        if blob:
            with self.lock:
                self.running += 1
                self.most = max(self.most, self.running)
                if request.method == "POST":
                    self.started.append(request.path.rsplit("/", 1)[1])
        try:
            return self.inner.send(request)
        finally:
            if blob:
                with self.lock:
                    self.running -= 1

    def close(self) -> None:
        self.inner.close()


def test_signatures_upload_before_photos_and_two_at_most(anna: Technician) -> None:
    job = _jobs(anna)[0]
    photos = [
        anna.cache.changes.media.add_photo(job.id, make_noise_png(n, 3_000_000), f"{n}.png")
        for n in range(4)
    ]
    signature = anna.cache.changes.media.add_signature(
        job.id, "Karin", [[[0, 0, 0.5, 0], [9, 9, 0.5, 9]]], PNG_1X1
    )
    counting = CountingTransport(anna.server.url)
    anna.client.close()
    anna.client = build_sync_client(
        anna.cache,
        anna.server.url,
        anna.email,
        DEMO_ACCOUNTS[anna.email],
        anna.clock,
        simulator=QaNetworkFactory(sleep=lambda _s: None),
        inner=counting,
    )
    assert anna.client.engine.step().ok
    with anna.cache.database.reader() as db:
        first = db.get(Signature, signature.record_id).png_sha256
        shas = [db.get(Photo, p.record_id).sha256 for p in photos]
    assert counting.started[0] == first and sorted(counting.started[1:]) == sorted(shas)
    assert 1 <= counting.most <= 2
