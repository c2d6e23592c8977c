"""The dispatcher's input checks and the scenario steps it records."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from wb_desktop.core.protocol.records import JobRecord
from wb_desktop.tools.console.dispatch_input import (
    DraftError,
    cancel_job_step,
    changed_fields,
    check_texts,
    check_window,
    default_window,
    edit_job_step,
    new_job_step,
    parse_line_items,
    reassign_step,
    wall_time,
)
from wb_desktop.tools.scenario.format import ServerStep, parse_scenario

STOCKHOLM = ZoneInfo("Europe/Stockholm")
JOB = "11111111-1111-4111-8111-111111111111"
CUSTOMER = "33333333-3333-4333-8333-333333333333"


def test_the_default_window_is_the_next_whole_hour_for_an_hour() -> None:
    start, end = default_window(datetime(2026, 11, 23, 7, 30, tzinfo=UTC), STOCKHOLM)
    assert start == datetime(2026, 11, 23, 9, 0, tzinfo=STOCKHOLM)
    assert end - start == timedelta(hours=1)


def test_wall_time_is_in_the_dispatchers_zone() -> None:
    moment = wall_time(date(2026, 7, 1), time(10, 15, 42), STOCKHOLM)
    assert moment.astimezone(UTC) == datetime(2026, 7, 1, 8, 15, tzinfo=UTC)


def test_a_job_must_end_after_it_starts() -> None:
    start = datetime(2026, 11, 23, 10, 0, tzinfo=STOCKHOLM)
    check_window(start, start + timedelta(minutes=1))
    for end in (start, start - timedelta(hours=1)):
        with pytest.raises(DraftError) as refused:
            check_window(start, end)
        assert refused.value.field == "end"
        assert "end after it starts" in str(refused.value.message)


def test_texts_are_cleaned_and_a_title_is_required() -> None:
    texts = check_texts("  Boiler   service ", " Check the valve \n", " Storgatan 1 ")
    assert (texts.title, texts.description, texts.address) == (
        "Boiler service",
        "Check the valve",
        "Storgatan 1",
    )
    with pytest.raises(DraftError, match="needs a title") as refused:
        check_texts("   ", "", "")
    assert refused.value.field == "title"
    with pytest.raises(DraftError, match="address is over 500"):
        check_texts("Title", "", "x" * 501)


def test_line_items_are_read_one_per_line() -> None:
    items = parse_line_items("Call-out; 1; 450,00\n\n  Labour ; 1.5 ; 650 ; 25 %\n")
    assert items == [
        {"description": "Call-out", "quantity": "1", "unit_price": "450.00"},
        {"description": "Labour", "quantity": "1.5", "unit_price": "650", "vat_rate": "25"},
    ]
    assert parse_line_items("  \n") == []


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Call-out 1 450", "Line item 1: write it as"),
        ("Ok; 1; 1\nValve; two; 450", "Line item 2: “two” is not a number"),
        ("Valve; 0; 450", "Line item 1: “0” is too small"),
        ("Valve; 1; -5", "“-5” is too small"),
        ("Valve; 1; 4.505", "“4.505” has more than 2 decimals"),
        ("Valve; 1; 450; 120", "VAT is at most 100 %"),
    ],
)
def test_bad_line_items_name_the_line_and_the_reason(text: str, reason: str) -> None:
    with pytest.raises(DraftError) as refused:
        parse_line_items(text)
    assert refused.value.field == "lines"
    assert reason in str(refused.value.message)


def test_an_edit_sends_only_what_changed() -> None:
    job = JobRecord.model_validate(
        {
            "id": JOB,
            "version": 1,
            "created_at": "2026-11-20T08:00:00+00:00",
            "updated_at": "2026-11-20T08:00:00+00:00",
            "title": "Boiler service",
            "description": "",
            "address": "Storgatan 1",
            "customer_id": CUSTOMER,
            "technician_id": None,
            "scheduled_start": "2026-11-23T09:00:00+00:00",
            "scheduled_end": "2026-11-23T10:00:00+00:00",
            "status": "scheduled",
            "status_changed_at": None,
        }
    )
    start = datetime(2026, 11, 23, 10, 0, tzinfo=STOCKHOLM)  # the same moment as 09:00 UTC
    texts = check_texts("Boiler service", "", "Storgatan 1")
    assert changed_fields(job, texts, start, start + timedelta(hours=1)) == {}
    later = start + timedelta(hours=3)
    moved = changed_fields(job, check_texts("Boiler", "", "Storgatan 1"), start, later)
    assert moved == {"title": "Boiler", "scheduled_end": "2026-11-23T13:00:00+01:00"}


def test_the_recorded_steps_are_valid_scenario_steps() -> None:
    start = datetime(2026, 11, 23, 13, 0, tzinfo=STOCKHOLM)
    steps = [
        new_job_step(
            "No hot water", CUSTOMER, start, start + timedelta(hours=1), "anna@demo.workboss.se", 0
        ),
        new_job_step(
            "Long one", CUSTOMER, start, start + timedelta(hours=3), "erik@demo.workboss.se", 2
        ),
        edit_job_step(JOB, {"title": "Boiler", "scheduled_end": "2026-11-23T13:00:00+01:00"}),
        cancel_job_step(JOB),
        reassign_step(JOB, "sam@demo.workboss.se"),
        reassign_step(JOB, None),
    ]
    assert "why" not in steps[0]
    assert (start + timedelta(hours=3)).isoformat() in steps[1]["why"]
    assert "2 line item" in steps[1]["why"]
    scenario = parse_scenario({"name": "dispatcher", "technician": "anna", "steps": steps})
    parsed = scenario.steps
    assert all(isinstance(step, ServerStep) for step in parsed)
    assert [step.action for step in parsed] == [
        "assign_job",
        "assign_job",
        "edit_job",
        "cancel_job",
        "assign_job",
        "unassign_job",
    ]
    assert parsed[0].args["start"] == start
    assert parsed[0].args["customer"] == CUSTOMER
    assert parsed[4].args == {"job": JOB, "technician": "sam@demo.workboss.se"}


def test_unassigning_is_a_step_of_its_own() -> None:
    assert reassign_step(JOB, None) == {"server": "unassign_job", "job": JOB}
