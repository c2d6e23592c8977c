"""The admin-API client hands on the contract's models, and names a reply outside it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
import requests

from wb_desktop.core.protocol.records import JobRecord
from wb_desktop.tools.scenario.office import Office, OfficeError

JOB = {
    "id": "11111111-1111-4111-8111-111111111111",
    "version": 3,
    "created_at": "2026-11-20T08:00:00+00:00",
    "updated_at": "2026-11-21T08:00:00+00:00",
    "title": "Boiler service",
    "description": "",
    "address": "Storgatan 1",
    "customer_id": "33333333-3333-4333-8333-333333333333",
    "technician_id": None,
    "scheduled_start": "2026-11-23T09:00:00+00:00",
    "scheduled_end": "2026-11-23T10:00:00+00:00",
    "status": "scheduled",
    "status_changed_at": None,
}


def answering(status: int, body: Any) -> Office:
    office = Office("http://office.invalid", "admin")

    def request(*_args: Any, **_kwargs: Any) -> requests.Response:
        answer = requests.Response()
        answer.status_code = status
        answer._content = json.dumps(body).encode()
        return answer

    office._session.request = request  # type: ignore[method-assign]
    return office


def test_jobs_come_as_records_with_typed_fields() -> None:
    [job] = answering(200, [JOB]).jobs()
    assert isinstance(job, JobRecord)
    assert job.scheduled_start == datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    assert job.technician_id is None


def test_a_reply_outside_the_contract_is_named() -> None:
    with pytest.raises(OfficeError, match=r"(?s)outside the contract.*scheduled_start"):
        answering(200, [{**JOB, "scheduled_start": "soon"}]).jobs()
    with pytest.raises(OfficeError, match="outside the contract"):
        answering(200, {"not": "a token"}).technician_token("t1")


def test_a_refusal_carries_the_servers_reason() -> None:
    with pytest.raises(OfficeError, match="404 no such job"):
        answering(404, {"detail": "no such job"}).cancel_job("j1")
