"""A pulled record is read only through its type's model in the wire contract.

The server writes exactly the model's fields (``feed.snapshot``); the client refuses a
record the model refuses, naming the record and the field, and moves nothing: the cursor
stays, so the next step asks for the same page again.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from wb_desktop.core.protocol.kinds import RecordType
from wb_desktop.core.protocol.records import (
    DocumentRecord,
    JobRecord,
    RecordBodyError,
    fields_of,
    parse_record,
)
from wb_desktop.core.store.models import Job, PullCursor
from wb_desktop.core.sync.protocol_client import ChangeOut, ChangesPage
from wb_desktop.core.sync.pull import Puller, PullStoppedError


class _OnePage:
    def __init__(self, changes: list[ChangeOut]) -> None:
        self.page = ChangesPage(changes=changes, next_cursor=len(changes), has_more=False)

    def pull(self, since: int, limit: int) -> ChangesPage:
        return self.page


def _job_as_sent(cache, job_id: str, **fields) -> dict:
    with cache.database.reader() as session:
        job = session.get(Job, job_id)
        data = {name: getattr(job, name, None) for name in fields_of(RecordType.JOB)}
    data.update(
        id=job_id,
        version=job.version + 1,
        technician_id="tech-anna",
        status=job.status.value,
        **fields,
    )
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in data.items()}


def _change(data: dict) -> ChangeOut:
    return ChangeOut(
        seq=1,
        record_type="job",
        record_id=data["id"],
        version=7,
        deleted=False,
        data=data,
        origin_device_id=None,
    )


def _cursor(cache) -> int:
    with cache.database.reader() as session:
        return session.scalar(select(PullCursor.server_seq))


def test_a_record_as_the_contract_sends_it_is_stored(cache, clock, schedule) -> None:
    job_id = schedule.job_ids[0]
    data = _job_as_sent(cache, job_id, title="Boiler service (2 units)")
    Puller(_OnePage([_change(data)]), cache.database, cache.media, cache.quota, clock).pull_all()
    with cache.database.reader() as session:
        assert session.get(Job, job_id).title == "Boiler service (2 units)"
    assert _cursor(cache) == 1


@pytest.mark.parametrize(
    ("broken", "named"),
    [
        ({"title": None}, "title"),
        ({"scheduled_start": "yesterday"}, "scheduled_start"),
        ({"scheduled_start": "2026-12-07T09:00:00"}, "scheduled_start"),  # no zone
        ({"version": None}, "version"),
    ],
)
def test_a_record_its_model_refuses_stops_the_pull_naming_the_field(
    cache, clock, schedule, broken: dict, named: str
) -> None:
    job_id = schedule.job_ids[0]
    before = _cursor(cache)
    data = {**_job_as_sent(cache, job_id, title="Changed"), **broken}
    puller = Puller(_OnePage([_change(data)]), cache.database, cache.media, cache.quota, clock)
    with pytest.raises(PullStoppedError) as stopped:
        puller.pull_all()
    assert f"job {job_id}" in str(stopped.value) and named in str(stopped.value)
    assert _cursor(cache) == before
    with cache.database.reader() as session:
        assert session.get(Job, job_id).title != "Changed"


def test_a_missing_field_is_named() -> None:
    with pytest.raises(RecordBodyError, match="customer c-1: phone"):
        parse_record(
            RecordType.CUSTOMER,
            {
                "id": "c-1",
                "version": 1,
                "created_at": "2026-12-06T08:00:00+00:00",
                "updated_at": "2026-12-06T08:00:00+00:00",
                "name": "Karin Lund",
                "email": "",
                "address": "",
                "notes": "",
            },
        )


def test_a_newer_servers_extra_field_is_ignored_and_times_and_money_keep_their_form() -> None:
    moment = "2026-12-06T08:00:00+00:00"
    job = parse_record(
        RecordType.JOB,
        {
            "id": "j-1",
            "version": 2,
            "created_at": moment,
            "updated_at": moment,
            "title": "Heat pump",
            "description": "",
            "address": "",
            "customer_id": "c-1",
            "technician_id": None,
            "scheduled_start": moment,
            "scheduled_end": moment,
            "status": "scheduled",
            "status_changed_at": None,
            "priority": "high",  # a field this client does not know yet
        },
    )
    assert isinstance(job, JobRecord)
    assert job.scheduled_start == datetime(2026, 12, 6, 8, tzinfo=UTC)
    assert job.model_dump(mode="json")["scheduled_start"] == moment
    line = {"description": "Pump", "quantity": "1", "unit_price": "100.00", "vat_rate": "25"}
    priced = {**line, "net": "100.00", "vat": "25.00", "total": "125.00"}
    document = DocumentRecord.model_validate(
        {
            "id": "d-1",
            "version": 1,
            "created_at": moment,
            "updated_at": moment,
            "technician_id": "t-1",
            "kind": "invoice",
            "reference": "INV-1",
            "job_id": None,
            "customer_id": "c-1",
            "currency": "SEK",
            "subtotal": "100.00",
            "vat_total": "25.00",
            "total": "125.00",
            "notes": "",
            "lines": [priced],
            "delivery_state": "draft",
            "sent_at": None,
            "converted_from_id": None,
        }
    )
    assert document.lines[0].total == Decimal("125.00")
    assert document.model_dump(mode="json")["total"] == "125.00"
    with pytest.raises(RecordBodyError, match="total"):
        parse_record(RecordType.DOCUMENT, {**document.model_dump(mode="json"), "total": 125.0})
