"""The one write path, against a real migrated SQLite cache.

Every change writes its row and exactly one outbox op in one transaction; a refused change,
or a failure anywhere between the row and the commit, leaves the database and the media
folder exactly as they were.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.orm import Session

from tests.conftest import PNG_1X1
from wb_desktop.core.domain.errors import (
    NotFoundError,
    StateError,
    StatusTransitionError,
    ValidationError,
)
from wb_desktop.core.domain.records import DeliveryState, DocumentKind, UploadState
from wb_desktop.core.domain.status import Actor, JobStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.changes.timeclock import open_entries, open_entry
from wb_desktop.core.store.models import (
    Base,
    Customer,
    Device,
    Document,
    Job,
    Note,
    OutboxDependency,
    OutboxOp,
    OutboxState,
    Photo,
    Signature,
    TimeEntry,
)
from wb_desktop.core.store.outbox import Outbox

STROKES = [[[10, 10, 0.5, 0], [60, 20, 0.6, 16], [120, 35, 0.4, 32]]]
CLEAN_STROKES = [[[10.0, 10.0, 0.5, 0.0], [60.0, 20.0, 0.6, 16.0], [120.0, 35.0, 0.4, 32.0]]]
LINES = [
    {"description": "Labour, per hour", "quantity": "2", "unit_price": "650", "vat_rate": "25"},
    {"description": "Valve", "quantity": "1", "unit_price": "19.99", "vat_rate": "25"},
]
# Tables the media bookkeeping may touch besides the record itself.
MEDIA_BOOKKEEPING = {"media_files", "storage_totals"}
TABLE_OF = {
    "customer": "customers",
    "job": "jobs",
    "note": "notes",
    "photo": "photos",
    "signature": "signatures",
    "time_entry": "time_entries",
    "document": "documents",
}


# --- helpers --------------------------------------------------------------------------------


def dump(cache: LocalCache) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to compare before and after."""
    with cache.database.reader() as session:
        return {
            table.name: sorted((tuple(row) for row in session.execute(select(table))), key=repr)
            for table in Base.metadata.sorted_tables
        }


def changed_tables(before: dict, after: dict) -> dict[str, int]:
    """Tables whose rows differ, with the change in their row count."""
    return {
        name: len(after[name]) - len(before[name]) for name in after if after[name] != before[name]
    }


def media_listing(cache: LocalCache) -> list[str]:
    root = cache.paths.media
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def all_ops(cache: LocalCache) -> list[OutboxOp]:
    with cache.database.reader() as session:
        return list(session.scalars(select(OutboxOp).order_by(OutboxOp.seq)))


def only_op(cache: LocalCache) -> OutboxOp:
    (op,) = all_ops(cache)
    return op


def deps_of(cache: LocalCache, op_id: str) -> list[str]:
    with cache.database.reader() as session:
        return sorted(
            session.scalars(
                select(OutboxDependency.depends_on).where(OutboxDependency.op_id == op_id)
            )
        )


def next_seq(cache: LocalCache) -> int:
    with cache.database.reader() as session:
        return session.scalars(select(Device.next_seq)).one()


def get(cache: LocalCache, model: type, record_id: str) -> Any:
    with cache.database.reader() as session:
        record = session.get(model, record_id)
        assert record is not None
        if model is Document:
            _ = list(record.lines)  # load before the session closes
        return record


def count(cache: LocalCache, model: type) -> int:
    with cache.database.reader() as session:
        return session.scalar(select(func.count()).select_from(model))


def iso(cache: LocalCache) -> str:
    return cache.changes.write_path.now().isoformat()


def set_job_status(cache: LocalCache, job_id: str, status: JobStatus) -> None:
    """As a pull from the server would: no op, synced."""
    with cache.database.writer() as session, session.begin():
        session.get(Job, job_id).status = status


def assert_one_op(
    cache: LocalCache,
    receipt: Any,
    *,
    kind: str,
    record_type: str,
    base_version: int,
    payload: dict[str, Any],
    seq: int = 1,
) -> OutboxOp:
    op = next(o for o in all_ops(cache) if o.op_id == receipt.op_id)
    assert receipt.changed
    assert (receipt.record_type, receipt.seq) == (record_type, seq)
    assert (op.seq, op.kind, op.record_type, op.record_id) == (
        seq,
        kind,
        record_type,
        receipt.record_id,
    )
    assert op.base_version == base_version
    assert op.payload == payload
    assert op.state is OutboxState.QUEUED
    assert op.attempts == 0
    assert op.created_at == cache.changes.write_path.now()
    assert next_seq(cache) == seq + 1
    return op


def assert_refused_without_writes(cache: LocalCache, cases: list[tuple[Any, ...]]) -> None:
    """Each case is (name, call, expected error type, expected fields or None)."""
    before, files, seq = dump(cache), media_listing(cache), next_seq(cache)
    for name, call, error, fields in cases:
        with pytest.raises(error) as caught:
            call()
        if fields is not None:
            assert caught.value.fields == fields, name
        assert dump(cache) == before, name
        assert media_listing(cache) == files, name
        assert next_seq(cache) == seq, name


@pytest.fixture
def changes(cache):
    return cache.changes


@pytest.fixture
def karin(schedule):
    return schedule.customer_ids[0]


@pytest.fixture
def oliver(schedule):
    return schedule.customer_ids[1]


@pytest.fixture
def boiler(schedule):
    """Karin's job."""
    return schedule.job_ids[0]


@pytest.fixture
def leak(schedule):
    """Oliver's job."""
    return schedule.job_ids[1]


# --- customers ------------------------------------------------------------------------------


def test_customer_create_writes_one_local_only_row_and_one_op(cache, changes, clock):
    before = dump(cache)
    receipt = changes.customers.create({"name": " Ada Berg ", "phone": "070-123 45 67"})
    after = dump(cache)
    assert changed_tables(before, after) == {"customers": 1, "outbox": 1, "device": 0}

    customer = get(cache, Customer, receipt.record_id)
    assert (customer.name, customer.phone, customer.email) == ("Ada Berg", "070-123 45 67", "")
    assert customer.sync_state is SyncState.LOCAL_ONLY
    assert customer.version == 0
    assert customer.created_at == customer.updated_at == clock.now()
    assert_one_op(
        cache,
        receipt,
        kind="customer.create",
        record_type="customer",
        base_version=0,
        payload={
            "name": "Ada Berg",
            "phone": "070-123 45 67",
            "email": "",
            "address": "",
            "notes": "",
        },
    )
    assert deps_of(cache, receipt.op_id) == []
    assert receipt.storage_warning is None


def test_customer_edit_on_a_synced_customer_is_pending_with_base_version(
    cache, changes, karin, clock
):
    clock.advance(timedelta(minutes=5))
    before = dump(cache)
    receipt = changes.customers.edit(karin, {"phone": "018-12 34 56", "name": "Karin Lund"})
    assert changed_tables(before, dump(cache)) == {"customers": 0, "outbox": 1, "device": 0}

    customer = get(cache, Customer, karin)
    assert customer.phone == "018-12 34 56"
    assert customer.sync_state is SyncState.PENDING
    assert customer.version == 1
    assert customer.updated_at == clock.now()
    assert customer.created_at == clock.now() - timedelta(minutes=5)
    # The unchanged name is left out of the op.
    assert_one_op(
        cache,
        receipt,
        kind="customer.update",
        record_type="customer",
        base_version=1,
        payload={"fields": {"phone": "018-12 34 56"}, "previous": {"phone": ""}},
    )


def test_customer_edit_that_changes_nothing_writes_nothing(cache, changes, karin):
    before = dump(cache)
    receipt = changes.customers.edit(
        karin, {"name": "Karin Lund", "address": "Storgatan 1, Uppsala"}
    )
    assert not receipt.changed
    assert (receipt.op_id, receipt.seq, receipt.record_id) == (None, None, karin)
    assert dump(cache) == before


def test_editing_a_customer_made_offline_stays_local_only(cache, changes):
    created = changes.customers.create({"name": "Ada"})
    edited = changes.customers.edit(created.record_id, {"email": "ada@example.se"})
    customer = get(cache, Customer, created.record_id)
    assert customer.sync_state is SyncState.LOCAL_ONLY
    op = assert_one_op(
        cache,
        edited,
        kind="customer.update",
        record_type="customer",
        base_version=0,
        payload={"fields": {"email": "ada@example.se"}, "previous": {"email": ""}},
        seq=2,
    )
    assert deps_of(cache, op.op_id) == [created.op_id]


def test_refused_customer_changes_write_nothing(cache, changes, karin):
    customers = changes.customers
    assert_refused_without_writes(
        cache,
        [
            (
                "no name",
                lambda: customers.create({"phone": "070-123 45 67"}),
                ValidationError,
                ["name"],
            ),
            (
                "unknown field",
                lambda: customers.create({"name": "A", "fax": "1"}),
                ValidationError,
                ["fax"],
            ),
            ("edit nothing", lambda: customers.edit(karin, {}), ValidationError, ["fields"]),
            (
                "bad email",
                lambda: customers.edit(karin, {"email": "x@"}),
                ValidationError,
                ["email"],
            ),
            ("blank name", lambda: customers.edit(karin, {"name": ""}), ValidationError, ["name"]),
            ("missing", lambda: customers.edit("no-such-id", {"name": "X"}), NotFoundError, None),
            (
                "empty id",
                lambda: customers.edit("", {"name": "X"}),
                ValidationError,
                ["customer_id"],
            ),
        ],
    )


def test_not_found_names_the_record(changes, schedule):
    with pytest.raises(NotFoundError) as caught:
        changes.customers.edit("0000", {"name": "X"})
    assert (caught.value.record_type, caught.value.record_id) == ("customer", "0000")
    assert str(caught.value) == "No customer with id 0000 in the local cache."


# --- jobs: status and notes -----------------------------------------------------------------


def test_set_status_on_a_synced_job(cache, changes, boiler, clock):
    before = dump(cache)
    receipt = changes.jobs.set_status(boiler, "en_route")
    assert changed_tables(before, dump(cache)) == {"jobs": 0, "outbox": 1, "device": 0}
    job = get(cache, Job, boiler)
    assert job.status is JobStatus.EN_ROUTE
    assert job.status_changed_at == clock.now()
    assert job.sync_state is SyncState.PENDING
    op = assert_one_op(
        cache,
        receipt,
        kind="job.set_status",
        record_type="job",
        base_version=1,
        payload={"status": "en_route", "previous": "scheduled", "changed_at": iso(cache)},
    )
    assert deps_of(cache, op.op_id) == []


def test_status_steps_chain_on_the_same_record(cache, changes, boiler):
    receipts = [
        changes.jobs.set_status(boiler, status)
        for status in (JobStatus.EN_ROUTE, JobStatus.IN_PROGRESS, JobStatus.COMPLETE)
    ]
    assert [r.seq for r in receipts] == [1, 2, 3]
    assert deps_of(cache, receipts[0].op_id) == []
    assert deps_of(cache, receipts[1].op_id) == [receipts[0].op_id]
    assert deps_of(cache, receipts[2].op_id) == [receipts[1].op_id]
    assert get(cache, Job, boiler).status is JobStatus.COMPLETE


def test_office_may_cancel_through_the_write_path(cache, changes, boiler):
    receipt = changes.jobs.set_status(boiler, JobStatus.CANCELLED, Actor.OFFICE)
    assert receipt.changed
    assert get(cache, Job, boiler).status is JobStatus.CANCELLED


def test_refused_status_change_writes_nothing(cache, changes, boiler):
    def to(status):
        return lambda: changes.jobs.set_status(boiler, status)

    assert_refused_without_writes(
        cache,
        [
            ("skips two steps", to("complete"), StatusTransitionError, None),
            ("technicians cannot cancel", to("cancelled"), StatusTransitionError, None),
            ("not a transition", to("scheduled"), StatusTransitionError, None),
            ("unknown status", to("finished"), ValidationError, ["status"]),
            ("empty status", to(""), ValidationError, ["status"]),
            (
                "missing job",
                lambda: changes.jobs.set_status("no-such-job", "en_route"),
                NotFoundError,
                None,
            ),
        ],
    )
    assert next_seq(cache) == 1


def test_add_note_to_a_synced_job(cache, changes, boiler, clock):
    before = dump(cache)
    receipt = changes.jobs.add_note(boiler, "  Replaced the pressure valve. ")
    assert changed_tables(before, dump(cache)) == {"notes": 1, "outbox": 1, "device": 0}
    note = get(cache, Note, receipt.record_id)
    assert (note.job_id, note.text, note.author_id) == (
        boiler,
        "Replaced the pressure valve.",
        None,
    )
    assert note.sync_state is SyncState.LOCAL_ONLY
    assert note.version == 0
    assert get(cache, Job, boiler).sync_state is SyncState.SYNCED  # the job itself is untouched
    op = assert_one_op(
        cache,
        receipt,
        kind="note.create",
        record_type="note",
        base_version=0,
        payload={
            "job_id": boiler,
            "text": "Replaced the pressure valve.",
            "created_at": iso(cache),
        },
    )
    assert deps_of(cache, op.op_id) == []


def test_refused_note_writes_nothing(cache, changes, boiler):
    def note(job_id, text):
        return lambda: changes.jobs.add_note(job_id, text)

    assert_refused_without_writes(
        cache,
        [
            ("empty", note(boiler, ""), ValidationError, ["text"]),
            ("blank", note(boiler, "   "), ValidationError, ["text"]),
            ("too long", note(boiler, "n" * 10_001), ValidationError, ["text"]),
            ("missing job", note("no-such-job", "a note"), NotFoundError, None),
            ("no job id", note(None, "a note"), ValidationError, ["job_id"]),
        ],
    )


# --- photos and signatures ------------------------------------------------------------------


def photo_bytes(tag: bytes = b"") -> bytes:
    """A distinct valid PNG per tag (trailing bytes after IEND do not matter to sniffing)."""
    return PNG_1X1 + tag


def test_add_photo_writes_row_file_and_op(cache, changes, boiler, clock):
    data = photo_bytes(b"kitchen")
    before = dump(cache)
    receipt = changes.media.add_photo(boiler, data, "IMG_0001.png", width=1, height=1)
    changed = changed_tables(before, dump(cache))
    assert {k: v for k, v in changed.items() if k not in MEDIA_BOOKKEEPING} == {
        "photos": 1,
        "outbox": 1,
        "device": 0,
    }

    photo = get(cache, Photo, receipt.record_id)
    path = cache.changes.write_path.media.absolute(photo.stored_path)
    assert path.read_bytes() == data
    assert media_listing(cache) == [photo.stored_path]
    assert (photo.job_id, photo.content_type, photo.original_name) == (
        boiler,
        "image/png",
        "IMG_0001.png",
    )
    assert photo.upload_state is UploadState.WAITING
    assert photo.sync_state is SyncState.LOCAL_ONLY
    op = assert_one_op(
        cache,
        receipt,
        kind="photo.create",
        record_type="photo",
        base_version=0,
        payload={
            "job_id": boiler,
            "sha256": photo.sha256,
            "content_type": "image/png",
            "byte_size": len(data),
            "original_name": "IMG_0001.png",
            "width": 1,
            "height": 1,
            "taken_at": None,
        },
    )
    assert deps_of(cache, op.op_id) == []


def test_the_same_image_on_the_same_job_is_stored_once_with_one_op(cache, changes, boiler):
    first = changes.media.add_photo(boiler, photo_bytes(b"a"), "a.png")
    files = media_listing(cache)
    before = dump(cache)
    again = changes.media.add_photo(boiler, photo_bytes(b"a"), "copy of a.png")
    assert not again.changed
    assert (again.record_type, again.record_id, again.op_id) == ("photo", first.record_id, None)
    assert dump(cache) == before
    assert media_listing(cache) == files  # the shared file was not removed
    assert len(all_ops(cache)) == 1


def test_the_same_image_on_another_job_shares_one_file(cache, changes, boiler, leak):
    first = changes.media.add_photo(boiler, photo_bytes(b"same"), "a.png")
    second = changes.media.add_photo(leak, photo_bytes(b"same"), "a.png")
    assert second.changed
    assert second.record_id != first.record_id
    assert [op.seq for op in all_ops(cache)] == [1, 2]
    assert count(cache, Photo) == 2
    assert len(media_listing(cache)) == 1


def test_refused_photo_writes_nothing_and_leaves_no_file(cache, changes, boiler):
    def photo(job_id, data):
        return lambda: changes.media.add_photo(job_id, data, "x.png")

    assert_refused_without_writes(
        cache,
        [
            ("empty", photo(boiler, b""), ValidationError, ["photo"]),
            ("a GIF", photo(boiler, b"GIF89a...."), ValidationError, ["photo"]),
            ("text", photo(boiler, b"just text"), ValidationError, ["photo"]),
            ("missing job", photo("no-such-job", PNG_1X1), NotFoundError, None),
        ],
    )
    assert media_listing(cache) == []


def test_add_signature(cache, changes, boiler, clock):
    before = dump(cache)
    receipt = changes.media.add_signature(boiler, " Karin Lund ", STROKES, PNG_1X1)
    changed = changed_tables(before, dump(cache))
    assert {k: v for k, v in changed.items() if k not in MEDIA_BOOKKEEPING} == {
        "signatures": 1,
        "outbox": 1,
        "device": 0,
    }
    signature = get(cache, Signature, receipt.record_id)
    assert signature.signer_name == "Karin Lund"
    assert signature.strokes == CLEAN_STROKES
    assert signature.captured_at == clock.now()
    assert signature.sync_state is SyncState.LOCAL_ONLY
    path = cache.changes.write_path.media.absolute(signature.png_path)
    assert path.read_bytes() == PNG_1X1
    assert_one_op(
        cache,
        receipt,
        kind="signature.create",
        record_type="signature",
        base_version=0,
        payload={
            "job_id": boiler,
            "signer_name": "Karin Lund",
            "strokes": CLEAN_STROKES,
            "png_sha256": signature.png_sha256,
            "byte_size": len(PNG_1X1),
            "captured_at": iso(cache),
        },
    )


def test_refused_signature_writes_nothing(cache, changes, boiler):
    def sign(name, strokes, png=PNG_1X1, job_id=boiler):
        return lambda: changes.media.add_signature(job_id, name, strokes, png)

    nan_point = [[5, 5, 0.5, 0], [5, float("nan"), 0.5, 1]]
    assert_refused_without_writes(
        cache,
        [
            ("no signer", sign("", STROKES), ValidationError, ["signer_name"]),
            ("no strokes", sign("Karin", []), ValidationError, ["strokes"]),
            ("a tap", sign("Karin", [[[5, 5, 0.5, 0]]]), ValidationError, ["strokes"]),
            ("NaN", sign("Karin", [nan_point]), ValidationError, ["strokes[0][1]"]),
            ("not a PNG", sign("Karin", STROKES, b"\xff\xd8\xff.."), ValidationError, ["png"]),
            ("missing job", sign("Karin", STROKES, job_id="nope"), NotFoundError, None),
        ],
    )
    assert media_listing(cache) == []


# --- time clock -----------------------------------------------------------------------------


def test_clock_in_and_out(cache, changes, boiler, clock):
    started = clock.now()
    before = dump(cache)
    clock_in = changes.time.clock_in(boiler, note=" travel ")
    assert changed_tables(before, dump(cache)) == {"time_entries": 1, "outbox": 1, "device": 0}
    entry = get(cache, TimeEntry, clock_in.record_id)
    assert (entry.job_id, entry.clock_in, entry.clock_out, entry.note) == (
        boiler,
        started,
        None,
        "travel",
    )
    assert entry.sync_state is SyncState.LOCAL_ONLY
    op_in = assert_one_op(
        cache,
        clock_in,
        kind="time_entry.create",
        record_type="time_entry",
        base_version=0,
        payload={"job_id": boiler, "clock_in": started.isoformat(), "note": "travel"},
    )
    assert deps_of(cache, op_in.op_id) == []

    clock.advance(timedelta(hours=1, minutes=30))
    before = dump(cache)
    clock_out = changes.time.clock_out()
    assert changed_tables(before, dump(cache)) == {
        "time_entries": 0,
        "outbox": 1,
        "outbox_dependencies": 1,
        "device": 0,
    }
    assert clock_out.record_id == clock_in.record_id
    entry = get(cache, TimeEntry, clock_in.record_id)
    assert entry.clock_out == clock.now()
    assert entry.sync_state is SyncState.LOCAL_ONLY
    op_out = assert_one_op(
        cache,
        clock_out,
        kind="time_entry.update",
        record_type="time_entry",
        base_version=0,
        payload={"fields": {"clock_out": clock.now().isoformat()}},
        seq=2,
    )
    assert deps_of(cache, op_out.op_id) == [op_in.op_id]


def test_clock_in_for_the_day_without_a_job(cache, changes):
    receipt = changes.time.clock_in()
    assert only_op(cache).payload == {"job_id": None, "clock_in": iso(cache), "note": ""}
    assert get(cache, TimeEntry, receipt.record_id).job_id is None


def test_double_clock_in_is_refused_and_writes_nothing(cache, changes, boiler, leak, clock):
    changes.time.clock_in(boiler)
    clock.advance(timedelta(minutes=10))
    before = dump(cache)
    with pytest.raises(StateError) as caught:
        changes.time.clock_in(leak)
    assert str(caught.value) == (
        "Already clocked in on 'Boiler service' since 07:30 UTC; clock out of it first."
    )
    assert dump(cache) == before


def test_a_second_day_clock_in_is_refused_in_the_callers_zone(cache, changes, clock):
    changes.time.clock_in()
    clock.advance(timedelta(minutes=10))
    before = dump(cache)
    with pytest.raises(StateError) as caught:
        changes.time.clock_in(zone=ZoneInfo("Europe/Stockholm"))
    assert str(caught.value) == "Already clocked in for the day since 08:30; clock out of it first."
    assert dump(cache) == before


def test_a_job_entry_may_be_open_inside_a_day_entry(cache, changes, boiler, clock):
    day = changes.time.clock_in()
    clock.advance(timedelta(minutes=5))
    job = changes.time.clock_in(boiler)
    assert [op.kind for op in all_ops(cache)] == ["time_entry.create"] * 2
    assert [op.payload["job_id"] for op in all_ops(cache)] == [None, boiler]
    with cache.database.reader() as session:
        current = open_entries(session)
        assert (current.day.id, current.job.id) == (day.record_id, job.record_id)
        assert open_entry(session).id == day.record_id


def test_clock_out_without_arguments_closes_the_job_entry_first(cache, changes, boiler, clock):
    day = changes.time.clock_in()
    job = changes.time.clock_in(boiler)
    clock.advance(timedelta(hours=1))
    assert changes.time.clock_out().record_id == job.record_id
    assert get(cache, TimeEntry, day.record_id).clock_out is None
    clock.advance(timedelta(hours=1))
    assert changes.time.clock_out().record_id == day.record_id
    ops = all_ops(cache)
    assert [op.kind for op in ops[2:]] == ["time_entry.update"] * 2
    assert ops[3].payload == {"fields": {"clock_out": clock.now().isoformat()}}


def test_clock_out_of_the_day_leaves_the_job_entry_open(cache, changes, boiler, clock):
    day = changes.time.clock_in()
    job = changes.time.clock_in(boiler)
    clock.advance(timedelta(hours=1))
    assert changes.time.clock_out(day=True).record_id == day.record_id
    assert get(cache, TimeEntry, job.record_id).clock_out is None
    before = dump(cache)
    with pytest.raises(StateError) as caught:
        changes.time.clock_out(day=True)
    assert str(caught.value) == "Not clocked in for the day, so there is nothing to clock out of."
    assert dump(cache) == before


def test_clock_out_of_a_named_job(cache, changes, boiler, leak, clock):
    changes.time.clock_in()
    job = changes.time.clock_in(boiler)
    clock.advance(timedelta(minutes=20))
    assert_refused_without_writes(
        cache,
        [
            ("other job open", lambda: changes.time.clock_out(leak), StateError, None),
            ("missing job", lambda: changes.time.clock_out("no-such-job"), NotFoundError, None),
            ("both", lambda: changes.time.clock_out(boiler, day=True), ValidationError, ["job_id"]),
        ],
    )
    with pytest.raises(StateError) as caught:
        changes.time.clock_out(leak)
    assert str(caught.value) == (
        "Not clocked in on 'Leaking tap': the open job entry is on 'Boiler service'."
    )
    assert changes.time.clock_out(boiler).record_id == job.record_id
    with pytest.raises(StateError) as caught:
        changes.time.clock_out(boiler)
    assert str(caught.value) == (
        "Not clocked in on 'Boiler service', so there is nothing to clock out of."
    )


def test_a_job_completed_while_clocked_in_can_be_clocked_out_of(cache, changes, boiler, clock):
    job = changes.time.clock_in(boiler)
    set_job_status(cache, boiler, JobStatus.COMPLETE)
    clock.advance(timedelta(minutes=30))
    assert changes.time.clock_out(boiler).record_id == job.record_id


def test_clock_out_without_clock_in_is_refused_and_writes_nothing(cache, changes, schedule):
    before = dump(cache)
    with pytest.raises(StateError) as caught:
        changes.time.clock_out()
    assert "Not clocked in" in str(caught.value)
    assert dump(cache) == before


def test_clock_out_twice_is_refused(cache, changes, clock):
    changes.time.clock_in()
    clock.advance(timedelta(hours=8))
    changes.time.clock_out()
    before = dump(cache)
    with pytest.raises(StateError):
        changes.time.clock_out()
    assert dump(cache) == before


def test_clock_out_before_clock_in_is_refused(cache, changes, clock):
    changes.time.clock_in()
    clock.advance(timedelta(minutes=-5))
    before = dump(cache)
    with pytest.raises(ValidationError) as caught:
        changes.time.clock_out()
    assert caught.value.fields == ["clock_out"]
    assert dump(cache) == before


def test_clock_in_on_a_closed_job_is_refused(cache, changes, boiler):
    for status in (JobStatus.COMPLETE, JobStatus.CANCELLED):
        set_job_status(cache, boiler, status)
        before = dump(cache)
        with pytest.raises(StateError) as caught:
            changes.time.clock_in(boiler)
        assert str(caught.value) == f"Cannot clock in on job 'Boiler service': it is {status}."
        assert dump(cache) == before
    with pytest.raises(NotFoundError):
        changes.time.clock_in("no-such-job")
    assert count(cache, TimeEntry) == 0


# --- invoices and estimates -----------------------------------------------------------------


def test_create_invoice_on_a_synced_customer_and_job(cache, changes, karin, boiler):
    before = dump(cache)
    receipt = changes.documents.create("invoice", karin, LINES, job_id=boiler, notes=" Thanks ")
    changed = changed_tables(before, dump(cache))
    assert changed == {"documents": 1, "document_lines": 2, "outbox": 1, "device": 0}

    document = get(cache, Document, receipt.record_id)
    reference = f"INV-{cache.device_id[:8].upper()}-00001"
    assert document.reference == reference
    assert document.kind is DocumentKind.INVOICE
    assert document.delivery_state is DeliveryState.DRAFT
    assert document.sync_state is SyncState.LOCAL_ONLY
    assert (document.subtotal, document.vat_total, document.total) == (
        Decimal("1319.99"),
        Decimal("330.00"),
        Decimal("1649.99"),
    )
    assert [line.description for line in document.lines] == ["Labour, per hour", "Valve"]
    op = assert_one_op(
        cache,
        receipt,
        kind="document.create",
        record_type="document",
        base_version=0,
        payload={
            "kind": "invoice",
            "reference": reference,
            "job_id": boiler,
            "customer_id": karin,
            "currency": "SEK",
            "subtotal": "1319.99",
            "vat_total": "330.00",
            "total": "1649.99",
            "notes": "Thanks",
            "lines": [
                {
                    "description": "Labour, per hour",
                    "quantity": "2",
                    "unit_price": "650.00",
                    "vat_rate": "25",
                    "net": "1300.00",
                    "vat": "325.00",
                    "total": "1625.00",
                },
                {
                    "description": "Valve",
                    "quantity": "1",
                    "unit_price": "19.99",
                    "vat_rate": "25",
                    "net": "19.99",
                    "vat": "5.00",
                    "total": "24.99",
                },
            ],
        },
    )
    assert deps_of(cache, op.op_id) == []  # customer and job are synced


def test_references_count_per_kind(cache, changes, karin):
    device = cache.device_id[:8].upper()
    refs = [
        get(cache, Document, changes.documents.create(kind, karin, LINES).record_id).reference
        for kind in ("invoice", "estimate", "invoice")
    ]
    assert refs == [f"INV-{device}-00001", f"EST-{device}-00001", f"INV-{device}-00002"]


def test_a_removed_document_never_frees_its_reference(cache, changes, karin):
    first = changes.documents.create("invoice", karin, LINES).record_id
    second = changes.documents.create("invoice", karin, LINES).record_id
    with cache.database.writer() as session, session.begin():
        session.delete(session.get(Document, first))  # as a server tombstone would
    third = changes.documents.create("invoice", karin, LINES).record_id
    references = {get(cache, Document, d).reference[-5:] for d in (second, third)}
    assert references == {"00002", "00003"}


def test_a_photo_time_without_a_zone_is_refused(cache, changes, boiler):
    naive = datetime(2026, 11, 23, 9, 15)
    with pytest.raises(ValidationError) as refused:
        changes.media.add_photo(boiler, PNG_1X1, "meter.png", taken_at=naive)
    assert refused.value.fields == ["taken_at"]


@pytest.mark.parametrize(
    "call",
    [
        lambda c, job: c.time.clock_in(job, note=42),
        lambda c, job: c.time.clock_in(job, note="x" * 1001),
        lambda c, job: c.media.add_photo(job, PNG_1X1, original_name=b"bytes.png"),
    ],
)
def test_non_text_or_overlong_free_text_is_refused(cache, changes, boiler, call):
    with pytest.raises(ValidationError):
        call(changes, boiler)


def test_edit_a_draft_replaces_lines_and_totals(cache, changes, karin, clock):
    created = changes.documents.create("estimate", karin, LINES)
    clock.advance(timedelta(minutes=1))
    before = dump(cache)
    edited = changes.documents.edit(
        created.record_id,
        lines=[{"description": "Callout", "quantity": "1", "unit_price": "500"}],
        notes="valid 30 days",
    )
    changed = changed_tables(before, dump(cache))
    assert changed == {
        "documents": 0,
        "document_lines": -1,
        "outbox": 1,
        "outbox_dependencies": 1,
        "device": 0,
    }
    document = get(cache, Document, created.record_id)
    assert [(line.description, line.total) for line in document.lines] == [
        ("Callout", Decimal("625.00"))
    ]
    assert document.total == Decimal("625.00")
    assert document.notes == "valid 30 days"
    assert document.sync_state is SyncState.LOCAL_ONLY
    assert document.updated_at == clock.now()
    op = assert_one_op(
        cache,
        edited,
        kind="document.update",
        record_type="document",
        base_version=0,
        payload={**only_payload_of(cache, edited.op_id)},
        seq=2,
    )
    assert op.payload["total"] == "625.00"
    assert op.payload["notes"] == "valid 30 days"
    assert [line["description"] for line in op.payload["lines"]] == ["Callout"]
    assert deps_of(cache, op.op_id) == [created.op_id]


def only_payload_of(cache: LocalCache, op_id: str) -> dict[str, Any]:
    return next(op.payload for op in all_ops(cache) if op.op_id == op_id)


def test_edit_currency_only_reprices_the_existing_lines(cache, changes, karin):
    created = changes.documents.create(
        "invoice", karin, [{"description": "Work", "quantity": "3", "unit_price": "333"}]
    )
    changes.documents.edit(created.record_id, currency="JPY")
    document = get(cache, Document, created.record_id)
    assert document.currency == "JPY"
    assert (document.subtotal, document.vat_total, document.total) == (
        Decimal("999"),
        Decimal("250"),
        Decimal("1249"),
    )


def test_send_queues_once_and_a_second_send_is_a_no_op(cache, changes, karin, clock):
    created = changes.documents.create("invoice", karin, LINES)
    clock.advance(timedelta(minutes=2))
    before = dump(cache)
    sent = changes.documents.send(created.record_id)
    assert changed_tables(before, dump(cache)) == {
        "documents": 0,
        "outbox": 1,
        "outbox_dependencies": 1,
        "device": 0,
    }
    document = get(cache, Document, created.record_id)
    assert document.delivery_state is DeliveryState.QUEUED
    assert document.queued_at == clock.now()
    op = assert_one_op(
        cache,
        sent,
        kind="document.send",
        record_type="document",
        base_version=0,
        payload={"queued_at": iso(cache)},
        seq=2,
    )
    assert deps_of(cache, op.op_id) == [created.op_id]

    clock.advance(timedelta(seconds=3))
    before = dump(cache)
    again = changes.documents.send(created.record_id)
    assert not again.changed
    assert (again.record_id, again.seq) == (created.record_id, None)
    assert dump(cache) == before
    assert [o.kind for o in all_ops(cache)] == ["document.create", "document.send"]


def test_editing_a_queued_document_is_refused(cache, changes, karin):
    created = changes.documents.create("invoice", karin, LINES)
    changes.documents.send(created.record_id)
    reference = get(cache, Document, created.record_id).reference
    before = dump(cache)
    with pytest.raises(StateError) as caught:
        changes.documents.edit(created.record_id, notes="too late")
    assert str(caught.value) == (
        f"{reference} is queued and can no longer be edited; make a new one instead."
    )
    assert dump(cache) == before


def test_a_job_of_another_customer_is_refused(cache, changes, karin, leak):
    before = dump(cache)
    with pytest.raises(ValidationError) as caught:
        changes.documents.create("invoice", karin, LINES, job_id=leak)
    assert caught.value.problems[0].field == "job_id"
    assert str(caught.value) == "job_id: the job belongs to another customer"
    assert dump(cache) == before


def test_refused_document_create_writes_nothing(cache, changes, karin):
    def create(kind="invoice", lines=LINES, customer_id=karin, **kwargs):
        return lambda: changes.documents.create(kind, customer_id, lines, **kwargs)

    bad_line = {"description": "", "quantity": "-1", "unit_price": "1,5"}
    assert_refused_without_writes(
        cache,
        [
            ("kind", create(kind="receipt"), ValidationError, ["kind"]),
            ("no lines", create(lines=[]), ValidationError, ["lines"]),
            ("currency", create(currency="XYZ"), ValidationError, ["currency"]),
            (
                "missing key",
                create(lines=[{"description": "x", "quantity": "1"}]),
                ValidationError,
                ["lines[0].unit_price"],
            ),
            (
                "unknown key",
                create(lines=[{"description": "x", "qty": "1"}]),
                ValidationError,
                ["lines[0]"],
            ),
            ("not a line", create(lines=["a line?"]), ValidationError, ["lines[0]"]),
            (
                "every problem",
                create(lines=[LINES[0], bad_line]),
                ValidationError,
                ["lines[1].description", "lines[1].quantity", "lines[1].unit_price"],
            ),
            ("missing job", create(job_id="no-such-job"), NotFoundError, None),
            ("missing customer", create(customer_id="no-such-customer"), NotFoundError, None),
        ],
    )


def test_refused_document_edit_writes_nothing(cache, changes, karin):
    created = changes.documents.create("invoice", karin, LINES)

    def edit(**kwargs):
        return lambda: changes.documents.edit(created.record_id, **kwargs)

    float_line = [{"description": "x", "quantity": 0.5, "unit_price": "1"}]
    assert_refused_without_writes(
        cache,
        [
            ("nothing", edit(), ValidationError, ["fields"]),
            ("no lines", edit(lines=[]), ValidationError, ["lines"]),
            # 19.99 has öre; yen have no minor unit.
            ("currency", edit(currency="JPY"), ValidationError, ["lines[1].unit_price"]),
            ("float", edit(lines=float_line), ValidationError, ["lines[0].quantity"]),
            (
                "missing",
                lambda: changes.documents.edit("nope", notes="x"),
                NotFoundError,
                None,
            ),
        ],
    )


# --- sequence numbers -----------------------------------------------------------------------


def test_seq_is_strictly_increasing_across_every_kind_of_change(
    cache, changes, karin, boiler, clock
):
    receipts = []
    receipts.append(changes.customers.create({"name": "Ada"}))
    receipts.append(changes.customers.edit(karin, {"notes": "gate code 1234"}))
    receipts.append(changes.jobs.set_status(boiler, "en_route"))
    receipts.append(changes.jobs.add_note(boiler, "on my way"))
    with pytest.raises(StatusTransitionError):
        changes.jobs.set_status(boiler, "complete")
    receipts.append(changes.media.add_photo(boiler, PNG_1X1, "p.png"))
    receipts.append(changes.media.add_signature(boiler, "Karin", STROKES, PNG_1X1))
    receipts.append(changes.time.clock_in(boiler))
    clock.advance(timedelta(hours=1))
    receipts.append(changes.time.clock_out())
    receipts.append(changes.documents.create("invoice", receipts[0].record_id, LINES))
    receipts.append(changes.documents.edit(receipts[-1].record_id, notes="n"))
    receipts.append(changes.documents.send(receipts[-1].record_id))
    seqs = [r.seq for r in receipts]
    assert seqs == list(range(1, len(receipts) + 1))
    assert [op.seq for op in all_ops(cache)] == seqs
    assert [op.op_id for op in all_ops(cache)] == [r.op_id for r in receipts]
    assert len({r.op_id for r in receipts}) == len(receipts)
    assert next_seq(cache) == len(receipts) + 1


# --- atomicity ------------------------------------------------------------------------------


class InjectedError(Exception):
    pass


class FlushThenFail(Outbox):
    """Fails after the row is flushed into the transaction, before the op is queued."""

    def __init__(self) -> None:
        self.rows_in_transaction: int | None = None

    def enqueue(self, session: Session, spec: Any, now: Any) -> Any:
        session.flush()
        table = TABLE_OF[spec.record_type]
        self.rows_in_transaction = (
            session.connection()
            .execute(text(f"SELECT count(*) FROM {table} WHERE id = :id"), {"id": spec.record_id})
            .scalar_one()
        )
        raise InjectedError("power cut before the op was written")


class FailAfterInsert(Outbox):
    """Queues the op (and bumps the device seq), then fails before the commit."""

    def __init__(self) -> None:
        self.ops_in_transaction: int | None = None

    def enqueue(self, session: Session, spec: Any, now: Any) -> Any:
        op = super().enqueue(session, spec, now)
        session.flush()
        self.ops_in_transaction = (
            session.connection()
            .execute(text("SELECT count(*) FROM outbox WHERE op_id = :id"), {"id": op.op_id})
            .scalar_one()
        )
        raise InjectedError("power cut after the op was written")


class FailAtCommit(Outbox):
    """Queues the op normally; the commit itself then fails."""

    def enqueue(self, session: Session, spec: Any, now: Any) -> Any:
        op = super().enqueue(session, spec, now)

        def refuse(_session: Session) -> None:
            raise InjectedError("disk full at commit")

        event.listen(session, "before_commit", refuse, once=True)
        return op


@dataclass(frozen=True)
class Action:
    name: str
    record_type: str
    setup: Callable[[Any, Any], Any]
    act: Callable[[Any, Any, Any], Any]


def _nothing(changes, schedule):
    return None


def _draft(changes, schedule):
    return changes.documents.create("invoice", schedule.customer_ids[0], LINES).record_id


ACTIONS = [
    Action(
        "customer.create", "customer", _nothing, lambda c, s, x: c.customers.create({"name": "A"})
    ),
    Action(
        "customer.update",
        "customer",
        _nothing,
        lambda c, s, x: c.customers.edit(s.customer_ids[0], {"phone": "018-12 34 56"}),
    ),
    Action(
        "job.set_status",
        "job",
        _nothing,
        lambda c, s, x: c.jobs.set_status(s.job_ids[0], "en_route"),
    ),
    Action("note.create", "note", _nothing, lambda c, s, x: c.jobs.add_note(s.job_ids[0], "n")),
    Action(
        "photo.create",
        "photo",
        _nothing,
        lambda c, s, x: c.media.add_photo(s.job_ids[0], photo_bytes(b"atomic"), "p.png"),
    ),
    Action(
        "signature.create",
        "signature",
        _nothing,
        lambda c, s, x: c.media.add_signature(s.job_ids[0], "Karin", STROKES, PNG_1X1),
    ),
    Action("time_entry.create", "time_entry", _nothing, lambda c, s, x: c.time.clock_in()),
    Action(
        "time_entry.update",
        "time_entry",
        lambda c, s: c.time.clock_in(),
        lambda c, s, x: c.time.clock_out(),
    ),
    Action(
        "document.create",
        "document",
        _nothing,
        lambda c, s, x: c.documents.create("invoice", s.customer_ids[0], LINES),
    ),
    Action("document.update", "document", _draft, lambda c, s, x: c.documents.edit(x, notes="n")),
    Action("document.send", "document", _draft, lambda c, s, x: c.documents.send(x)),
]


@pytest.mark.parametrize("action", ACTIONS, ids=[a.name for a in ACTIONS])
def test_a_failure_between_row_and_commit_leaves_nothing(
    cache, changes, schedule, monkeypatch, action
):
    prepared = action.setup(changes, schedule)
    before, files, seq = dump(cache), media_listing(cache), next_seq(cache)

    for failure in (FlushThenFail, FailAfterInsert, FailAtCommit):
        outbox = failure()
        monkeypatch.setattr(changes.write_path, "outbox", outbox)
        with pytest.raises(InjectedError):
            action.act(changes, schedule, prepared)

        # The failure really happened with the row (and, for two of them, the op) in the
        # transaction; afterwards neither is there, the seq is unchanged and no file is left.
        if isinstance(outbox, FlushThenFail):
            assert outbox.rows_in_transaction == 1
        if isinstance(outbox, FailAfterInsert):
            assert outbox.ops_in_transaction == 1
        assert dump(cache) == before, failure.__name__
        assert media_listing(cache) == files, failure.__name__
        assert next_seq(cache) == seq, failure.__name__

    # The cache is still usable, and the next op takes the seq the failed one would have had.
    monkeypatch.setattr(changes.write_path, "outbox", Outbox())
    receipt = action.act(changes, schedule, prepared)
    assert receipt.seq == seq
    assert all_ops(cache)[-1].kind == action.name


def test_a_failed_photo_keeps_a_file_another_photo_uses(cache, changes, boiler, leak, monkeypatch):
    changes.media.add_photo(boiler, photo_bytes(b"shared"), "a.png")
    files = media_listing(cache)
    assert len(files) == 1
    before = dump(cache)
    monkeypatch.setattr(changes.write_path, "outbox", FailAfterInsert())
    with pytest.raises(InjectedError):
        changes.media.add_photo(leak, photo_bytes(b"shared"), "a.png")
    assert dump(cache) == before
    assert media_listing(cache) == files


def test_a_failure_during_the_mutation_leaves_the_seq_unchanged(
    cache, changes, boiler, leak, karin
):
    changes.customers.create({"name": "First"})
    assert next_seq(cache) == 2
    assert_refused_without_writes(
        cache,
        [
            (
                "transition",
                lambda: changes.jobs.set_status(boiler, "complete"),
                StatusTransitionError,
                None,
            ),
            ("missing job", lambda: changes.jobs.add_note("no-such-job", "n"), NotFoundError, None),
            ("not clocked in", lambda: changes.time.clock_out(), StateError, None),
            (
                "other customer's job",
                lambda: changes.documents.create("invoice", karin, LINES, job_id=leak),
                ValidationError,
                ["job_id"],
            ),
            (
                "photo on missing job",
                lambda: changes.media.add_photo("no-such-job", PNG_1X1, "p.png"),
                NotFoundError,
                None,
            ),
        ],
    )
    assert next_seq(cache) == 2
    assert changes.customers.create({"name": "Second"}).seq == 2


def test_outbox_is_one_transaction_with_the_row_even_when_read_concurrently(
    cache, changes, boiler, monkeypatch
):
    """A reader during the write sees neither the row nor the op (no dirty reads)."""
    seen: dict[str, int] = {}

    class Peek(Outbox):
        def enqueue(self, session, spec, now):
            op = super().enqueue(session, spec, now)
            session.flush()
            with cache.database.reader() as other:
                seen["notes"] = other.scalar(select(func.count()).select_from(Note))
                seen["ops"] = other.scalar(select(func.count()).select_from(OutboxOp))
            return op

    monkeypatch.setattr(changes.write_path, "outbox", Peek())
    changes.jobs.add_note(boiler, "n")
    assert seen == {"notes": 0, "ops": 0}
    assert (count(cache, Note), count(cache, OutboxOp)) == (1, 1)
