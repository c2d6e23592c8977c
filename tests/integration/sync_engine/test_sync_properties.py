"""A technician's day, generated: random work, networks, server faults, lost acks and crashes.

Hypothesis drives a fresh device (one demo technician) against one reference server shared
by every example. Whatever happened, once the device is back online with no faults and has
synced until drained, everything the technician saved is on the server exactly once and
both sides agree on it; the examples that fail are the field reports we never want.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import struct
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from tests.conftest import START
from tests.integration.conftest import ADMIN_TOKEN, DEMO_WEEK, LiveServer
from tests.integration.sync_engine.conftest import ANNA, Technician, connect
from wb_desktop.domain.clock import FixedClock
from wb_desktop.domain.errors import WorkBossError
from wb_desktop.domain.records import DeliveryState, UploadState
from wb_desktop.domain.status import JobStatus, allowed_transitions, is_open
from wb_desktop.domain.sync_state import SyncState
from wb_desktop.paths import DataPaths
from wb_desktop.scenario.office import Office
from wb_desktop.server import auth
from wb_desktop.server import models as server
from wb_desktop.server.app import create_app
from wb_desktop.server.config import ServerConfig
from wb_desktop.server.demo import load_demo
from wb_desktop.server.runner import start_in_thread
from wb_desktop.store.cache import LocalCache, attach_cache, open_cache
from wb_desktop.store.changes import ChangeReceipt
from wb_desktop.store.changes.timeclock import open_entry
from wb_desktop.store.models import (
    Customer,
    Document,
    Job,
    JobLineItem,
    Note,
    OutboxOp,
    OutboxState,
    Photo,
    TimeEntry,
)
from wb_desktop.sync.api import ProtocolError, ServerRefusedError
from wb_desktop.sync.auth import remember_technician
from wb_desktop.sync.transport import TransportError

SOAK = bool(os.environ.get("WB_SOAK"))
EXAMPLES = int(os.environ.get("WB_PROPERTY_EXAMPLES", "5000" if SOAK else "200"))
DRAIN_STEPS = 25  # more than enough once online with no faults; a loop means a bug
SETTINGS = settings(
    max_examples=EXAMPLES,
    stateful_step_count=12,
    deadline=None,
    derandomize=not SOAK,  # CI repeats one fixed run; a soak explores new ones
    database=None if not SOAK else settings.default.database,
)

SYNCED_MODELS = (Customer, Job, JobLineItem, Note, Photo, TimeEntry, Document)
SETTLED = (SyncState.SYNCED, SyncState.CONFLICT)  # a conflict is settled by policy, and shown

PICK = st.integers(0, 1_000)  # an index into whatever is there when the rule runs
NOTE_WORDS = st.one_of(
    st.sampled_from(["Gate code 4711", "  Dog in the garden ", "Parts ordered"]),
    st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"]), max_size=12),
)
LINE = st.fixed_dictionaries(
    {
        "description": st.sampled_from(["Labour", "Call-out", "Radiator valve"]),
        "quantity": st.sampled_from(["1", "2", "0.5"]),
        "unit_price": st.sampled_from(["650.00", "99.50", "1200.00", "0.10"]),
    }
)
FAULTS = st.sampled_from(
    [
        {"kind": "drop_after_commit", "route": "/v1/push"},  # the lost acknowledgement
        {"kind": "drop_after_commit", "route": "/v1/blobs"},
        {"kind": "drop", "route": "/v1/push"},
        {"kind": "drop", "route": "/v1/blobs"},
        {"kind": "drop", "route": "/v1/changes"},
        {"kind": "error_503", "route": "/v1/push"},
        {"kind": "error_503"},  # every route, sign-in included
        {"kind": "rate_limit", "route": "/v1/push", "retry_after_s": 2},
        {"kind": "rate_limit", "retry_after_s": 1},
    ]
)  # no latency or hang: those really sleep on the server
NETWORKS = st.sampled_from(["online", "offline", "captive-portal", "very-bad", "flaky"])


def png(shade: int) -> bytes:
    """A valid 1x1 RGBA PNG; each shade is another image with another SHA-256.

    Few shades on purpose: every later device downloads each distinct image once."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    pixel = zlib.compress(bytes([0, 40 * shade % 256, 255 - shade, 90, 255]))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixel) + chunk(b"IEND", b"")
    )


@dataclass
class World:
    """What outlives one example: the server, the office, and where the next day starts."""

    server: LiveServer
    office: Office
    devices: Path
    technician_id: str
    examples: int = 0
    next_start: datetime = START


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """One server for every example: Hypothesis cannot take a fresh fixture per example."""
    folder = tmp_path_factory.mktemp("sync-properties")
    clock = FixedClock(datetime(2026, 11, 23, 6, 0, tzinfo=UTC))
    config = ServerConfig(
        database_url=f"sqlite:///{(folder / 'server.sqlite3').as_posix()}",
        blob_dir=folder / "blobs",
        admin_token=ADMIN_TOKEN,
    )
    app = create_app(config, clock)
    with pytest.MonkeyPatch.context() as patch:  # a sign-in per device and per crash: keep
        patch.setattr(auth, "PBKDF2_ITERATIONS", 1_000)  # the hash cheap (it records its rounds)
        load_demo(app.state.context, seed=1, week_of=DEMO_WEEK)
    running = start_in_thread(app)
    office = Office(running.url, ADMIN_TOKEN)
    live = LiveServer(running.url, clock, app.state.context, running)
    try:
        yield World(live, office, folder / "devices", office.technician_id(ANNA))
    finally:
        office.close()
        running.stop()
        app.state.context.engine.dispose()


def new_device(live: LiveServer, paths: DataPaths, clock: FixedClock) -> Technician:
    """Sign in on a new device, as the app's first start does (remember, then reopen)."""
    profile = paths.profile("anna")
    cache = open_cache(profile, clock)
    client = connect(cache, live, clock, ANNA)
    client.sign_in(False)
    assert client.sign_in.signed_in is not None
    remember_technician(cache.database, client.sign_in.signed_in, live.url, clock.now())
    client.close()
    cache, first = attach_cache(cache, clock), cache  # reads whom the notes are by
    first.close()
    return Technician(cache, connect(cache, live, clock, ANNA), live, profile, clock, ANNA)


class FieldDay(RuleBasedStateMachine):
    """One device's day; the model is what the technician saved and expects to see kept."""

    world: ClassVar[World]

    def __init__(self) -> None:
        super().__init__()
        world = self.world
        world.examples += 1
        world.office.clear_faults()  # an earlier failing example may have left some
        self.tag = f"d{world.examples}"
        self.paths = DataPaths(world.devices / self.tag)
        self.tech = new_device(world.server, self.paths, FixedClock(world.next_start))
        self.crashed: list[LocalCache] = []  # closed only at the end: a crash cleans nothing
        self.network = "online"
        self.saved = 0
        self.notes: dict[str, tuple[str, str]] = {}  # id -> (job id, text)
        self.photos: dict[str, tuple[str, str]] = {}  # id -> (job id, sha256)
        self.entries: dict[str, datetime | None] = {}  # id -> expected clock_out
        self.documents: dict[str, bool] = {}  # id -> sent
        self.statuses: dict[str, JobStatus] = {}  # job id -> expected status
        self.customers: dict[str, dict[str, str]] = {}  # id -> technician-owned fields
        self.first_sync()

    def first_sync(self) -> None:
        report = self.tech.client.engine.step()
        assert report.ok, report.reason
        jobs = self.jobs(open_only=True)
        if len(jobs) < 2:  # earlier examples finished the week: the office books more work
            start = self.tech.clock.now() + timedelta(hours=2)
            for n in range(2):
                self.world.office.create_job(
                    customer_id=self.jobs()[n].customer_id,
                    technician_id=self.world.technician_id,
                    title=f"Follow-up visit {self.tag}.{n}",
                    scheduled_start=(start + timedelta(hours=n)).isoformat(),
                    scheduled_end=(start + timedelta(hours=n, minutes=45)).isoformat(),
                )
            assert self.tech.client.engine.step().ok
        with self.tech.cache.database.reader() as db:
            entry = open_entry(db)  # a day an earlier device left clocked in
            self.open_entry = entry.id if entry is not None else None

    # -- what the technician does -------------------------------------------------------

    def jobs(self, *, open_only: bool = False) -> list[Any]:
        """The schedule as it is now: (id, status, customer_id) rows in a stable order."""
        query = select(Job.id, Job.status, Job.customer_id).order_by(Job.scheduled_start, Job.id)
        with self.tech.cache.database.reader() as db:
            jobs = db.execute(query).all()
        return [j for j in jobs if is_open(j.status)] if open_only else jobs

    def job(self, pick: int, *, open_only: bool = False) -> Any:
        jobs = self.jobs(open_only=open_only)
        return jobs[pick % len(jobs)] if jobs else None

    def save(self, write: Callable[[], ChangeReceipt]) -> ChangeReceipt | None:
        """A change made a minute later; a local refusal is fine and leaves no trace."""
        self.tech.clock.advance(timedelta(minutes=1))
        self.saved += 1
        try:
            return write()
        except WorkBossError:
            return None

    @rule(pick=PICK, words=NOTE_WORDS)
    def add_note(self, pick: int, words: str) -> None:
        job = self.job(pick)
        text = f"{words} [{self.tag}.{self.saved}]"  # unique, so a duplicate is visible
        receipt = self.save(lambda: self.tech.cache.changes.jobs.add_note(job.id, text))
        if receipt is not None:
            self.notes[receipt.record_id] = (job.id, text.strip())

    @rule(pick=PICK, to=st.one_of(st.none(), st.none(), st.sampled_from(JobStatus)))
    def change_status(self, pick: int, to: JobStatus | None) -> None:
        job = self.job(pick, open_only=True)
        if job is None:
            return
        wanted = to or allowed_transitions(job.status)[0]
        if self.save(lambda: self.tech.cache.changes.jobs.set_status(job.id, wanted)):
            self.statuses[job.id] = wanted

    @rule(punch=st.sampled_from(["in", "out"]), pick=PICK, on_job=st.booleans())
    def punch_clock(self, punch: str, pick: int, on_job: bool) -> None:
        """In (for the day or on a job) or out; punching twice the same way is refused."""
        job = self.job(pick, open_only=True) if on_job else None
        job_id = job.id if job is not None else None
        time = self.tech.cache.changes.time
        if punch == "in" and (receipt := self.save(lambda: time.clock_in(job_id))):
            assert self.open_entry is None
            self.entries[receipt.record_id] = None
            self.open_entry = receipt.record_id
        elif punch == "out" and (receipt := self.save(time.clock_out)):
            assert receipt.record_id == self.open_entry
            self.entries[receipt.record_id] = self.tech.clock.now()
            self.open_entry = None

    @rule(pick=PICK, shade=st.integers(0, 3))
    def add_photo(self, pick: int, shade: int) -> None:
        job = self.job(pick)
        data = png(shade)
        receipt = self.save(lambda: self.tech.cache.changes.media.add_photo(job.id, data, "a.png"))
        if receipt is not None and receipt.changed:  # the same image twice is stored once
            self.photos[receipt.record_id] = (job.id, hashlib.sha256(data).hexdigest())

    @rule(pick=PICK, name=st.sampled_from(["phone", "notes", "address"]), n=st.integers(0, 99))
    def edit_customer(self, pick: int, name: str, n: int) -> None:
        customer_id = self.job(pick).customer_id
        value = {
            "phone": f"+46 70 {n:03d} {self.saved:02d}",
            "notes": f"Key under the mat, {self.tag}.{n}",
            "address": f"Technician's guess {n}, Uppsala",
        }[name]
        changes = self.tech.cache.changes.customers
        receipt = self.save(lambda: changes.edit(customer_id, {name: value}))
        if receipt is not None and name != "address":  # the office's: it may win a conflict
            self.customers.setdefault(customer_id, {})[name] = value

    @rule(pick=PICK, lines=st.lists(LINE, min_size=1, max_size=2), send=st.booleans())
    def create_invoice(self, pick: int, lines: list[dict[str, str]], send: bool) -> None:
        job = self.job(pick)
        documents = self.tech.cache.changes.documents
        receipt = self.save(
            lambda: documents.create("invoice", job.customer_id, lines, job_id=job.id)
        )
        if receipt is None:
            return
        self.documents[receipt.record_id] = False
        if send and self.save(lambda: documents.send(receipt.record_id)):
            self.documents[receipt.record_id] = True

    # -- what the network, the server and the office do ---------------------------------

    @rule(name=NETWORKS)
    def switch_network(self, name: str) -> None:
        """The service tries at once when the link changes, so each profile meets a step."""
        self.network = name
        self.tech.go(name)
        self.sync(1)

    @rule(fault=FAULTS, count=st.integers(1, 2))
    def add_fault(self, fault: dict[str, Any], count: int) -> None:
        """Armed for the next requests (faults are global: this device is alone on them)."""
        self.world.office.add_fault(**fault, count=count)
        self.sync(1)

    @rule(pick=PICK, title=st.booleans(), n=st.integers(0, 99))
    def office_edits(self, pick: int, title: bool, n: int) -> None:
        job = self.job(pick)
        if title:
            self.world.office.edit_job(job.id, title=f"Office title {self.tag}.{n}")
        else:
            self.world.office.edit_customer(job.customer_id, address=f"Office street {n}, Bath")

    @rule(mid_push=st.booleans())
    def crash(self, mid_push: bool) -> None:
        """The app dies; mid-push, the server may have committed a batch nobody recorded."""
        if mid_push:
            ops = self.tech.client.engine.pusher.claim_batch()
            with contextlib.suppress(TransportError, ProtocolError, ServerRefusedError):
                self.tech.client.api.push(self.tech.cache.device_id, ops)
        self.crashed.append(self.tech.cache)
        self.tech.restart()
        self.tech.go(self.network)  # the device comes back on the same network

    @rule(steps=st.integers(1, 3))
    def sync(self, steps: int) -> None:
        """The service's timer: a step, and the next one after the delay it asks for."""
        for _ in range(steps):
            report = self.tech.client.engine.step()
            if report.retry_in_s:  # the engine's retry times run on the device clock
                self.tech.clock.advance(timedelta(seconds=report.retry_in_s))

    # -- always true ----------------------------------------------------------------------

    @invariant()
    def pending_counts_every_unfinished_op(self) -> None:
        with self.tech.cache.database.reader() as db:
            unfinished = db.scalar(
                select(func.count()).select_from(OutboxOp).where(OutboxOp.state != OutboxState.DONE)
            )
        assert self.tech.client.engine.counts().pending == unfinished

    @invariant()
    def nothing_saved_disappears_locally(self) -> None:
        with self.tech.cache.database.reader() as db:
            for note_id, (job_id, text) in self.notes.items():
                note = db.get(Note, note_id)
                assert note is not None and (note.job_id, note.text) == (job_id, text)
            for photo_id, (job_id, sha256) in self.photos.items():
                photo = db.get(Photo, photo_id)
                assert photo is not None and (photo.job_id, photo.sha256) == (job_id, sha256)
            for entry_id, clock_out in self.entries.items():
                entry = db.get(TimeEntry, entry_id)
                assert entry is not None and entry.clock_out == clock_out
            for document_id in self.documents:
                assert db.get(Document, document_id) is not None
            for job_id, status in self.statuses.items():
                assert db.get(Job, job_id).status == status  # a pull never undoes it
            for customer_id, fields in self.customers.items():
                customer = db.get(Customer, customer_id)
                assert {k: getattr(customer, k) for k in fields} == fields

    # -- the end of the day -------------------------------------------------------------

    def teardown(self) -> None:
        try:
            self.drain()
            self.check_the_end_of_the_day()
        finally:
            self.world.next_start = self.tech.clock.now() + timedelta(minutes=1)
            self.tech.client.close()
            for cache in [*self.crashed, self.tech.cache]:
                cache.close()
            shutil.rmtree(self.paths.root, ignore_errors=True)

    def drain(self) -> None:
        self.world.office.clear_faults()
        self.tech.go("online")
        engine = self.tech.client.engine
        for _ in range(DRAIN_STEPS):
            report = engine.step()
            if report.ok and engine.counts().drained and not engine.uploader.waiting():
                return
            self.tech.clock.advance(timedelta(seconds=report.retry_in_s or 1))
        raise AssertionError(f"not drained online: {engine.counts()}, last step {report}")

    def check_the_end_of_the_day(self) -> None:
        assert self.tech.client.engine.counts().in_flight == 0
        with (
            self.tech.cache.database.reader() as local,
            self.world.server.context.reader() as remote,
        ):
            stuck = self.check_dead_letters_say_why(local)
            for name, mine, theirs in agreement(self.world.technician_id):
                check_same(name, local.execute(mine), remote.execute(theirs), stuck)
            self.check_saved_once(local, remote, stuck)
        with contextlib.closing(sqlite3.connect(self.tech.profile.database)) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def check_dead_letters_say_why(self, local: Session) -> set[str]:
        """Records held back by a dead op say so, with the reason; all others are settled."""
        unfinished = select(OutboxOp.record_id).where(OutboxOp.state != OutboxState.DONE)
        stuck = set(local.scalars(unfinished))
        for model in SYNCED_MODELS:
            unsettled = model.sync_state.not_in(SETTLED) | model.id.in_(stuck)
            for record in local.scalars(select(model).where(unsettled)):
                assert record.id in stuck and record.sync_state is SyncState.FAILED, record
                assert record.sync_error, record
        return stuck

    def check_saved_once(self, local: Session, remote: Session, stuck: set[str]) -> None:
        """Replays after lost acks and crashes never make a second copy or a second send."""
        texts = [text for _job, text in self.notes.values()]
        for db, note in ((local, Note), (remote, server.Note)):
            copies = db.execute(
                select(note.job_id, note.text, func.count())
                .where(note.text.in_(texts))
                .group_by(note.job_id, note.text)
                .having(func.count() > 1)
            ).all()
            assert not copies, copies
        for photo_id, (_job, sha256) in self.photos.items():
            if photo_id not in stuck:
                assert local.get(Photo, photo_id).upload_state is UploadState.UPLOADED
                assert remote.get(server.Blob, sha256).complete
        delivery = select(func.count()).select_from(server.OfficeDelivery)
        for document_id, sent in self.documents.items():
            if document_id not in stuck:
                state = local.get(Document, document_id).delivery_state
                assert state is (DeliveryState.SENT if sent else DeliveryState.DRAFT)
                where = server.OfficeDelivery.document_id == document_id
                assert remote.scalar(delivery.where(where)) == int(sent)


def agreement(me: str) -> list[tuple[str, Select[Any], Select[Any]]]:
    """The same rows, local and on the server, of everything the technician sees."""
    on_my_jobs = server.Job.technician_id == me
    return [
        (
            "jobs",
            select(Job.id, Job.status, Job.title, Job.customer_id),
            select(
                server.Job.id, server.Job.status, server.Job.title, server.Job.customer_id
            ).where(on_my_jobs),
        ),
        (
            "customers",
            select(Customer.id, Customer.name, Customer.phone, Customer.notes, Customer.address),
            select(
                *(getattr(server.Customer, c) for c in ("id", "name", "phone", "notes", "address"))
            ).where(server.Customer.id.in_(select(server.Job.customer_id).where(on_my_jobs))),
        ),
        (
            "notes",
            select(Note.id, Note.job_id, Note.text),
            select(server.Note.id, server.Note.job_id, server.Note.text)
            .join(server.Job, server.Job.id == server.Note.job_id)
            .where(on_my_jobs),
        ),
        (
            "photos",
            select(Photo.id, Photo.job_id, Photo.sha256),
            select(server.Photo.id, server.Photo.job_id, server.Photo.sha256)
            .join(server.Job, server.Job.id == server.Photo.job_id)
            .where(on_my_jobs),
        ),
        (
            "time entries",
            select(TimeEntry.id, TimeEntry.job_id, TimeEntry.clock_in, TimeEntry.clock_out),
            select(
                *(getattr(server.TimeEntry, c) for c in ("id", "job_id", "clock_in", "clock_out"))
            ).where(server.TimeEntry.technician_id == me),
        ),
        (
            "documents",
            select(Document.id, Document.delivery_state, Document.total, Document.customer_id),
            select(
                *(
                    getattr(server.Document, c)
                    for c in ("id", "delivery_state", "total", "customer_id")
                )
            ).where(server.Document.technician_id == me),
        ),
    ]


def check_same(name: str, mine: Any, theirs: Any, stuck: set[str]) -> None:
    """Row by row by id, leaving out records a dead op holds back (they say why)."""
    local = {row[0]: tuple(row[1:]) for row in mine if row[0] not in stuck}
    remote = {row[0]: tuple(row[1:]) for row in theirs if row[0] not in stuck}
    pairs = {k: (local.get(k), remote.get(k)) for k in local.keys() | remote.keys()}
    differ = {k: pair for k, pair in pairs.items() if pair[0] != pair[1]}
    assert not differ, f"{name} differ (local, server): {differ}"


@pytest.mark.slow
def test_a_day_of_random_work_ends_in_agreement(world: World) -> None:
    class Day(FieldDay):
        pass

    Day.world = world
    run_state_machine_as_test(Day, settings=SETTINGS)
