"""A technician's day, generated: random work, networks, server faults, lost acks and crashes.

Hypothesis drives a fresh device against one reference server shared by every example; the
office books each example its own two jobs, and the demo technicians take turns (a new
device pulls its technician's whole feed, which every example makes longer). Whatever
happened, once the device is back online with no faults and has synced until drained,
everything the technician saved is on the server exactly once and both sides agree on it.

The default run (and CI) keeps the short form: 60 derandomized examples (each example makes
every later first sync longer, so the cost grows faster than the count: 200 took 2 minutes
of a 7-minute suite). ``WB_PROPERTY_EXAMPLES=200`` runs more of the same fixed run;
``WB_SOAK=1`` explores 5,000 new ones. A failure prints its steps; a replay meets a server
that has moved on, so now and then Hypothesis reports it as flaky, with the original failure
attached.
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
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from tests.conftest import START
from tests.integration.conftest import ADMIN_TOKEN, DEMO_WEEK, LiveServer
from tests.integration.sync_engine.conftest import Technician, connect
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.core.domain.records import DeliveryState, UploadState
from wb_desktop.core.domain.status import JobStatus, allowed_transitions, is_open
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.paths import DataPaths
from wb_desktop.core.store import models as local
from wb_desktop.core.store.cache import LocalCache, attach_cache, open_cache
from wb_desktop.core.store.changes import ChangeReceipt
from wb_desktop.core.store.changes.timeclock import open_entry
from wb_desktop.core.store.models import OutboxDependency, OutboxOp, OutboxState
from wb_desktop.core.sync.auth import remember_technician
from wb_desktop.core.sync.protocol_client import ProtocolError, ServerRefusedError
from wb_desktop.core.sync.transport import TransportError
from wb_desktop.tools.scenario.office import Office, OfficeError
from wb_server import auth
from wb_server import models as server
from wb_server.app import create_app
from wb_server.config import ServerConfig
from wb_server.demo import load_demo
from wb_server.demo_data import DEMO_ACCOUNTS
from wb_server.runner import start_in_thread

SOAK = bool(os.environ.get("WB_SOAK"))
SETTINGS = settings(
    max_examples=int(os.environ.get("WB_PROPERTY_EXAMPLES", "5000" if SOAK else "60")),
    stateful_step_count=10,  # ~12 cost 40% more: each step adds to every later first sync
    deadline=None,
    derandomize=not SOAK,  # CI repeats one fixed run; a soak explores new ones
    database=settings.default.database if SOAK else None,
)
DRAIN_STEPS = 25  # online with no faults a few steps drain anything; more means a loop

# What both sides must hold alike, by id: the fields compared for each record type.
AGREE: dict[str, tuple[str, ...]] = {
    "Job": ("status", "title", "customer_id"),
    "Customer": ("name", "phone", "email", "notes", "address"),
    "Note": ("job_id", "text"),
    "Photo": ("job_id", "sha256"),
    "Signature": ("job_id", "png_sha256"),
    "TimeEntry": ("job_id", "clock_in", "clock_out"),
    "Document": ("delivery_state", "total", "customer_id", "job_id"),
}
SETTLED = (SyncState.SYNCED, SyncState.CONFLICT)  # a conflict is settled by policy, and shown

PICK = st.integers(0, 1_000)  # an index into whatever the schedule holds when the rule runs
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
FAULTS = st.sampled_from(["drop_after_commit", "drop", "error_503", "rate_limit"])  # no hang or
ROUTES = st.sampled_from(["/v1/push", "/v1/blobs", "/v1/changes", None])  # latency: they sleep
STROKES = [[[0, 0, 0.5, 0], [40, 9, 0.6, 30]]]
NETWORKS = st.sampled_from(["online", "offline", "captive-portal", "very-bad", "flaky"])


def png(shade: int) -> bytes:
    """A valid 1x1 RGBA PNG per shade. Few shades: each new device downloads each one once."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0))
    pixel = chunk(b"IDAT", zlib.compress(bytes([0, 40 * shade, 255 - shade, 90, 255])))
    return b"\x89PNG\r\n\x1a\n" + header + pixel + chunk(b"IEND", b"")


@dataclass(frozen=True)
class Person:
    """A demo technician, and two of their customers for the office to book work with."""

    email: str
    technician_id: str
    customer_ids: list[str]


@dataclass
class World:
    """What outlives one example: the server, the office, and when the next day starts."""

    server: LiveServer
    office: Office
    devices: Path
    people: list[Person]
    examples: int = 0
    next_start: datetime = START  # each device's clock starts after the last one stopped


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
    with pytest.MonkeyPatch.context() as patch:  # a sign-in per device and per crash: a
        patch.setattr(auth, "PBKDF2_ITERATIONS", 1_000)  # cheap hash (it records its rounds)
        load_demo(app.state.context, seed=1, week_of=DEMO_WEEK)
    running = start_in_thread(app)
    office = Office(running.url, ADMIN_TOKEN)
    live = LiveServer(running.url, clock, app.state.context, running)
    people = []
    for email in sorted(DEMO_ACCOUNTS):
        me = office.technician_id(email)
        people.append(Person(email, me, sorted({j.customer_id for j in office.jobs(me)})[:2]))
    try:
        yield World(live, office, folder / "devices", people)
    finally:
        office.close()
        running.stop()
        app.state.context.engine.dispose()


def new_device(world: World, folder: Path, email: str) -> Technician:
    """Sign in on a new device as the app's first start does: remember who, then reopen."""
    live, clock, profile = world.server, FixedClock(world.next_start), DataPaths(folder).profile()
    cache = open_cache(profile, clock)
    client = connect(cache, live, clock, email)
    client.sign_in(False)
    assert client.sign_in.signed_in is not None
    remember_technician(cache.database, client.sign_in.signed_in, live.url, clock.now())
    client.close()
    cache, first = attach_cache(cache, clock), cache  # the new handle knows the author
    first.close()
    return Technician(cache, connect(cache, live, clock, email), live, profile, clock, email)


class FieldDay(RuleBasedStateMachine):
    """One device's day. The model is what the technician saved: id -> (table, values)."""

    world: ClassVar[World]

    def __init__(self) -> None:
        super().__init__()
        world = self.world
        world.examples += 1
        world.office.clear_faults()  # a failing example may have left some
        self.tag = f"d{world.examples}"
        self.me = world.people[world.examples % len(world.people)]  # each feed grows slower
        self.folder = world.devices / self.tag
        self.tech = new_device(world, self.folder, self.me.email)
        self.crashed: list[LocalCache] = []  # closed at the end only: a crash cleans nothing
        self.network = "online"
        self.kept: dict[str, tuple[type[local.SyncedRecord], dict[str, Any]]] = {}
        self.sent: dict[str, bool] = {}  # invoice id -> Send was pressed
        self.saves = 0
        self.today = [self.book(n) for n in range(2)]
        report = self.tech.client.engine.step()
        assert report.ok, report.reason
        closed = False
        while self.left_open():  # an earlier device's day or job entry
            self.tech.cache.changes.time.clock_out()
            closed = True
        if closed:
            assert self.tech.client.engine.step().ok
        self.open_entries: dict[bool, str | None] = {False: None, True: None}  # on a job?

    def left_open(self) -> bool:
        with self.tech.cache.database.reader() as db:
            return open_entry(db) is not None

    def book(self, n: int) -> str:
        """The office books the day's jobs afresh, so a replayed example (when Hypothesis
        shrinks a failure) meets the same situation on a server that has moved on."""
        start = self.tech.clock.now() + timedelta(hours=1 + n)
        return str(
            self.world.office.create_job(
                customer_id=self.me.customer_ids[n % 2],
                technician_id=self.me.technician_id,
                title=f"Visit {self.tag}.{n}",
                scheduled_start=start.isoformat(),
                scheduled_end=(start + timedelta(minutes=45)).isoformat(),
            ).id
        )

    def job(self, pick: int, *, open_only: bool = False) -> Any:
        """One of the day's jobs: a small set, so the technician and the office often touch
        the same records."""
        query = select(local.Job.id, local.Job.status, local.Job.customer_id)
        query = query.where(local.Job.id.in_(self.today)).order_by(local.Job.scheduled_start)
        with self.tech.cache.database.reader() as db:
            jobs = [j for j in db.execute(query) if is_open(j.status) or not open_only]
        return jobs[pick % len(jobs)] if jobs else None

    def save(self, write: Callable[[], ChangeReceipt]) -> ChangeReceipt | None:
        """A change a minute later; a local refusal is fine and leaves nothing to keep."""
        self.tech.clock.advance(timedelta(minutes=1))
        self.saves += 1
        try:
            return write()
        except WorkBossError:
            return None

    def keep(self, receipt: ChangeReceipt | None, table: type[Any], **values: Any) -> None:
        if receipt is not None and receipt.changed:
            _, kept = self.kept.setdefault(receipt.record_id, (table, {}))
            kept.update(values)

    # -- what the technician does -------------------------------------------------------

    @rule(pick=PICK, words=NOTE_WORDS)
    def add_note(self, pick: int, words: str) -> None:
        job = self.job(pick)
        text = f"{words} [{self.tag}.{self.saves}]"  # unique: a copy would show
        receipt = self.save(lambda: self.tech.cache.changes.jobs.add_note(job.id, text))
        self.keep(receipt, local.Note, job_id=job.id, text=text.strip())

    @rule(pick=PICK, to=st.one_of(st.none(), st.none(), st.sampled_from(JobStatus)))
    def change_status(self, pick: int, to: JobStatus | None) -> None:
        """Mostly the next step of the machine; sometimes any status, which may be refused."""
        job = self.job(pick, open_only=True)
        if job is not None:
            wanted = to or allowed_transitions(job.status)[0]
            receipt = self.save(lambda: self.tech.cache.changes.jobs.set_status(job.id, wanted))
            self.keep(receipt, local.Job, status=wanted)

    @rule(clock_in=st.booleans(), pick=PICK, on_job=st.booleans())
    def punch_clock(self, clock_in: bool, pick: int, on_job: bool) -> None:
        """In (for the day or on a job) or out; punching the same way twice is refused."""
        job = self.job(pick, open_only=True) if on_job else None
        time = self.tech.cache.changes.time
        if clock_in and (receipt := self.save(lambda: time.clock_in(job.id if job else None))):
            assert self.open_entries[job is not None] is None  # one day and one job entry
            self.open_entries[job is not None] = receipt.record_id
            self.keep(receipt, local.TimeEntry, clock_out=None)
        elif not clock_in and (receipt := self.save(time.clock_out)):
            on_job = self.open_entries[True] is not None  # the job entry closes first
            assert receipt.record_id == self.open_entries[on_job]
            self.open_entries[on_job] = None
            self.keep(receipt, local.TimeEntry, clock_out=self.tech.clock.now())

    @rule(pick=PICK, shade=st.integers(0, 3), signature=st.booleans())
    def add_image(self, pick: int, shade: int, signature: bool) -> None:
        """A photo of the work, or the customer's signature (those upload first)."""
        job, data, media = self.job(pick), png(shade), self.tech.cache.changes.media
        sha256 = hashlib.sha256(data).hexdigest()
        if signature:
            receipt = self.save(lambda: media.add_signature(job.id, "Karin Lund", STROKES, data))
            self.keep(receipt, local.Signature, job_id=job.id, png_sha256=sha256)
        else:  # the same photo twice on one job is stored once
            receipt = self.save(lambda: media.add_photo(job.id, data, "boiler.png"))
            self.keep(receipt, local.Photo, job_id=job.id, sha256=sha256)

    @rule(pick=PICK, name=st.sampled_from(["phone", "notes", "address"]), n=st.integers(0, 99))
    def edit_customer(self, pick: int, name: str, n: int) -> None:
        customer_id = self.job(pick).customer_id
        value = {
            "phone": f"+46 70 {n:03d} {self.saves:02d}",
            "notes": f"Key under the mat, {self.tag}.{n}",
            "address": f"Technician's guess {n}, {self.tag}",
        }[name]
        changes = self.tech.cache.changes.customers
        receipt = self.save(lambda: changes.edit(customer_id, {name: value}))
        if name != "address":  # the address is the office's: it may win a conflict
            self.keep(receipt, local.Customer, **{name: value})

    @rule(pick=PICK, lines=st.lists(LINE, min_size=1, max_size=2), send=st.booleans())
    def create_invoice(self, pick: int, lines: list[dict[str, str]], send: bool) -> None:
        job = self.job(pick)
        documents = self.tech.cache.changes.documents
        receipt = self.save(
            lambda: documents.create("invoice", job.customer_id, lines, job_id=job.id)
        )
        if receipt is not None:
            self.keep(receipt, local.Document)
            self.sent[receipt.record_id] = bool(
                send and self.save(lambda: documents.send(receipt.record_id))
            )

    # -- what the network, the server, the office and the hardware do -------------------

    @rule(name=NETWORKS)
    def switch_network(self, name: str) -> None:
        """The service tries at once when the link changes, so each profile meets a step."""
        self.network = name
        self.tech.go(name)
        self.sync(1)

    @rule(kind=FAULTS, route=ROUTES, count=st.integers(1, 3), sure=st.booleans())
    def add_fault(self, kind: str, route: str | None, count: int, sure: bool) -> None:
        """On one route or all (sign-in too), on every request or every other one (seeded), so
        a step can fail half-way; global, but this device is alone on the server."""
        self.world.office.add_fault(
            kind=kind, route=route, count=count, probability=1 if sure else 0.5, retry_after_s=1
        )
        self.sync(1)

    @rule(pick=PICK, what=st.sampled_from(["title", "address", "cancel"]), n=st.integers(0, 99))
    def office_edits(self, pick: int, what: str, n: int) -> None:
        """Office-owned fields; a cancel dead-letters the technician's next status change."""
        job = self.job(pick)
        if what == "title":
            self.world.office.edit_job(job.id, title=f"Office title {self.tag}.{n}")
        elif what == "address":
            self.world.office.edit_customer(job.customer_id, address=f"Office street {n}, Bath")
        else:
            with contextlib.suppress(OfficeError):  # the job is already closed on the server
                self.world.office.cancel_job(job.id)
                self.kept.pop(job.id, None)  # the technician's status no longer stands

    @rule(mid_push=st.booleans())
    def crash(self, mid_push: bool) -> None:
        """The app dies; mid-push, the server may have committed a batch nobody recorded."""
        if mid_push:
            ops = self.tech.client.engine.pusher.claim_batch()
            with contextlib.suppress(TransportError, ProtocolError, ServerRefusedError):
                self.tech.client.api.push(self.tech.cache.device_id, ops)
        self.crashed.append(self.tech.cache)
        self.tech.restart()
        self.tech.go(self.network)  # it comes back on the same network

    @rule(steps=st.integers(1, 3))
    def sync(self, steps: int) -> None:
        """The service's timer: a step, and the next after the delay the engine asks for."""
        for _ in range(steps):
            report = self.tech.client.engine.step()
            if report.retry_in_s:  # its retry times run on the device clock
                self.tech.clock.advance(timedelta(seconds=report.retry_in_s))

    # -- always true ----------------------------------------------------------------------

    @invariant()
    def the_indicator_counts_what_the_server_has_not_accepted(self) -> None:
        """Pending is every unfinished op; blocked are the queued ones behind a dead op."""
        with self.tech.cache.database.reader() as db:
            states = dict(db.execute(select(OutboxOp.op_id, OutboxOp.state)).all())
            waits = db.execute(select(OutboxDependency.op_id, OutboxDependency.depends_on)).all()
        behind_dead: set[str] = set()
        for _ in waits:  # enough rounds to follow the longest chain
            behind_dead |= {
                op for op, on in waits if states[on] is OutboxState.DEAD or on in behind_dead
            }
        blocked = {op for op in behind_dead if states[op] is OutboxState.QUEUED}
        counts = self.tech.client.engine.counts()
        assert counts.pending == sum(state is not OutboxState.DONE for state in states.values())
        assert counts.blocked == len(blocked), (counts, blocked)

    @invariant()
    def nothing_saved_is_lost_or_undone_locally(self) -> None:
        with self.tech.cache.database.reader() as db:
            for record_id, (table, values) in self.kept.items():
                record = db.get(table, record_id)
                assert record is not None, (table.__name__, record_id)
                assert {k: getattr(record, k) for k in values} == values, record

    # -- the end of the day ---------------------------------------------------------------

    def teardown(self) -> None:
        try:
            self.drain()
            self.check_the_end_of_the_day()
        finally:
            self.world.next_start = self.tech.clock.now() + timedelta(minutes=1)
            self.tech.client.close()
            for cache in [*self.crashed, self.tech.cache]:
                cache.close()
            shutil.rmtree(self.folder, ignore_errors=True)

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
            self.tech.cache.database.reader() as mine,
            self.world.server.context.reader() as theirs,
        ):
            stuck = dead_letters_say_why(mine, theirs)
            for name, fields in AGREE.items():
                check_same(name, fields, mine, theirs, self.me.technician_id, stuck)
            self.check_saved_once(mine, theirs, stuck)
        with contextlib.closing(sqlite3.connect(self.tech.profile.database)) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def check_saved_once(self, mine: Session, theirs: Session, stuck: set[str]) -> None:
        """Replays after lost acks and crashes never make a second copy or a second send."""
        texts = [v["text"] for table, v in self.kept.values() if table is local.Note]
        for db, note in ((mine, local.Note), (theirs, server.Note)):
            copies = db.execute(
                select(note.job_id, note.text)
                .where(note.text.in_(texts))
                .group_by(note.job_id, note.text)
                .having(func.count() > 1)
            ).all()
            assert not copies, copies
        for record_id, (table, values) in self.kept.items():
            if table in (local.Photo, local.Signature) and record_id not in stuck:
                assert mine.get(table, record_id).upload_state is UploadState.UPLOADED
                sha256 = values.get("sha256") or values["png_sha256"]
                assert theirs.get(server.Blob, sha256).complete
        deliveries = select(func.count()).select_from(server.OfficeDelivery)
        for document_id, sent in self.sent.items():
            if document_id not in stuck:
                state = mine.get(local.Document, document_id).delivery_state
                assert state is (DeliveryState.SENT if sent else DeliveryState.DRAFT)
                to = server.OfficeDelivery.document_id == document_id
                assert theirs.scalar(deliveries.where(to)) == int(sent)


def dead_letters_say_why(mine: Session, theirs: Session) -> set[str]:
    """Only the office's cancel dead-letters a change here; what it holds back is FAILED, with
    the reason, and every other record is settled."""
    stuck = set(mine.scalars(select(OutboxOp.record_id).where(OutboxOp.state != OutboxState.DONE)))
    for name in (*AGREE, "JobLineItem"):
        table = getattr(local, name)
        unsettled = table.sync_state.not_in(SETTLED) | table.id.in_(stuck)
        for record in mine.scalars(select(table).where(unsettled)):
            assert record.id in stuck and record.sync_state is SyncState.FAILED, record
            cancelled = table is local.Job and theirs.get(server.Job, record.id).status
            assert cancelled == "cancelled", f"{record} dead-lettered: {record.sync_error}"
    return stuck


def check_same(
    name: str, fields: tuple[str, ...], mine: Session, theirs: Session, me: str, stuck: set[str]
) -> None:
    """The technician's rows of one table, alike on both sides (dead-lettered ones aside)."""

    def rows(db: Session, table: Any, where: Any) -> dict[str, tuple[Any, ...]]:
        query = select(table.id, *(getattr(table, f) for f in fields)).where(where)
        return {r[0]: tuple(r[1:]) for r in db.execute(query) if r[0] not in stuck}

    ours = rows(mine, getattr(local, name), true())
    remote = rows(theirs, getattr(server, name), visible_to(name, getattr(server, name), me))
    pairs = {k: (ours.get(k), remote.get(k)) for k in ours.keys() | remote.keys()}
    differ = {k: pair for k, pair in pairs.items() if pair[0] != pair[1]}
    assert not differ, f"{name} (local, server): {differ}"


def visible_to(name: str, table: Any, me: str) -> Any:
    """What the server lets the technician see of a table (their jobs and what hangs on them)."""
    my_jobs = server.Job.technician_id == me
    if name == "Customer":
        return table.id.in_(select(server.Job.customer_id).where(my_jobs))
    if name in ("Note", "Photo", "Signature"):
        return table.job_id.in_(select(server.Job.id).where(my_jobs))
    return table.technician_id == me


@pytest.mark.slow
def test_a_day_of_random_work_ends_in_agreement(world: World) -> None:
    run_state_machine_as_test(type("Day", (FieldDay,), {"world": world}), settings=SETTINGS)
