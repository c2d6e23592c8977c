"""The scenario file format: JSON and YAML parse to the same typed steps; errors name the step."""

from __future__ import annotations

import dataclasses
import io
import json
import time
import tracemalloc
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import yaml

from wb_desktop.core.sync.profiles import PROFILE_NAMES
from wb_desktop.tools.scenario.actions import ACTIONS, SERVER_ACTIONS
from wb_desktop.tools.scenario.command import run_command
from wb_desktop.tools.scenario.expectations import EXPECTATIONS
from wb_desktop.tools.scenario.file_limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_STEPS
from wb_desktop.tools.scenario.format import (
    ActionStep,
    ClockStep,
    CrashStep,
    ExpectStep,
    NetworkStep,
    Scenario,
    ScenarioError,
    ServerStep,
    SyncStep,
    load_scenario,
    parse_scenario,
)

JOB_ID = "8020b7a4-1c5e-4f0b-9a57-3f2d2f1f9c11"
CUSTOMER_ID = "4065c2de-0b8e-4d7a-a3a5-7a2b1f6e0d42"


def scenario_of(*steps: object, **top: object) -> dict[str, Any]:
    return {"name": "test", "technician": "anna", **top, "steps": list(steps)}


def one_step(step: object) -> Any:
    return parse_scenario(scenario_of(step)).steps[0]


def error_of(data: object) -> ScenarioError:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(data)
    return caught.value


# --- a complete scenario, in JSON and in YAML -------------------------------------------------

WORKDAY = {
    "name": "Offline workday",
    "technician": "anna@demo.workboss.se",
    "seed": 7,
    "description": "Anna works a job in a basement, then syncs.",
    "steps": [
        {"network": "offline", "why": "basement"},
        {"do": "set_status", "job": 1, "status": "en_route"},
        {"do": "add_note", "job": 1, "text": "Valve replaced"},
        {"do": "import_photo", "job": 1, "file": "photos/valve.jpg"},
        {"do": "create_invoice", "job": 1, "lines": [
            {"description": "Valve", "quantity": 2, "unit_price": "650.00", "vat_rate": "25"},
        ]},
        {"server": "assign_job", "technician": "erik", "start": "2026-11-21T08:00:00+01:00"},
        {"clock": "+10m"},
        {"crash": {"during": "push"}},
        {"network": "slow-3g"},
        {"sync": {"timeout": 45}},
        {"expect": [{"pending": 0, "job": {"job": 1, "notes": 1}}, {"online": True}]},
    ],
}  # fmt: skip

WORKDAY_YAML = """\
name: Offline workday
technician: anna@demo.workboss.se
seed: 7
description: Anna works a job in a basement, then syncs.
steps:
  - network: offline
    why: basement
  - {do: set_status, job: 1, status: en_route}
  - {do: add_note, job: 1, text: Valve replaced}
  - {do: import_photo, job: 1, file: photos/valve.jpg}
  - do: create_invoice
    job: 1
    lines:
      - {description: Valve, quantity: 2, unit_price: "650.00", vat_rate: "25"}
  - server: assign_job
    technician: erik
    start: 2026-11-21T08:00:00+01:00   # YAML reads this as a datetime
  - clock: +10m
  - crash: {during: push}
  - network: slow-3g
  - sync: {timeout: 45}
  - expect:
      - pending: 0
        job: {job: 1, notes: 1}
      - online: yes
"""


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "photos" / "valve.jpg"
    path.parent.mkdir()
    path.write_bytes(b"\xff\xd8\xff\xd9")
    return path


def test_the_same_scenario_in_json_and_yaml_gives_equal_objects(
    tmp_path: Path, photo: Path
) -> None:
    (tmp_path / "day.json").write_text(json.dumps(WORKDAY), encoding="utf-8")
    (tmp_path / "day.yaml").write_text(WORKDAY_YAML, encoding="utf-8")

    from_json = load_scenario(tmp_path / "day.json")
    from_yaml = load_scenario(tmp_path / "day.yaml")

    assert from_json == from_yaml
    assert from_json.name == "Offline workday"
    assert (from_json.technician, from_json.seed) == ("anna@demo.workboss.se", 7)
    assert [type(s) for s in from_json.steps] == [
        NetworkStep, ActionStep, ActionStep, ActionStep, ActionStep, ServerStep,
        ClockStep, CrashStep, NetworkStep, SyncStep, ExpectStep,
    ]  # fmt: skip
    assert [s.number for s in from_json.steps] == list(range(1, 12))
    assert from_json.steps[0].why == "basement"
    assert from_json.steps[3].args["file"] == str(photo.resolve())
    assert from_json.steps[5].args["start"] == datetime(
        2026, 11, 21, 8, tzinfo=timezone(timedelta(hours=1))
    )
    assert from_json.steps[-1].checks == {
        "pending": 0,
        "online": True,
        "job": ({"job": 1, "notes": 1},),
    }


def test_a_yml_suffix_is_yaml(tmp_path: Path, photo: Path) -> None:
    (tmp_path / "day.yml").write_text(WORKDAY_YAML, encoding="utf-8")

    assert load_scenario(tmp_path / "day.yml").name == "Offline workday"


def test_parsed_objects_are_immutable() -> None:
    step = one_step({"do": "create_invoice", "job": 1, "lines": [
        {"description": "Valve", "quantity": "1", "unit_price": "650.00"},
    ]})  # fmt: skip

    with pytest.raises(dataclasses.FrozenInstanceError):
        step.action = "add_note"
    with pytest.raises(TypeError):
        step.args["job"] = 2
    with pytest.raises(TypeError):
        step.args["lines"][0]["quantity"] = "2"
    assert isinstance(step.args["lines"], tuple)


# --- defaults and the plain step kinds --------------------------------------------------------


def test_defaults() -> None:
    scenario = parse_scenario({"name": "n", "technician": "sam", "steps": [{"sync": True}]})

    assert scenario == Scenario(
        name="n",
        technician="sam@demo.workboss.se",
        seed=1,
        description="",
        steps=(SyncStep(number=1, timeout_s=30.0, why=""),),
    )


@pytest.mark.parametrize("short", ["anna", "erik", "sam", "Erik", "erik@demo.workboss.se"])
def test_technicians_are_named_by_email_or_short_name(short: str) -> None:
    expected = f"{short.lower().split('@')[0]}@demo.workboss.se"

    assert parse_scenario(scenario_of({"sync": True}, technician=short)).technician == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"network": "offline"}, NetworkStep(1, "offline")),
        ({"network": "gsm", "why": "rural"}, NetworkStep(1, "gsm", why="rural")),
        ({"sync": True}, SyncStep(1, 30.0)),
        ({"sync": {}}, SyncStep(1, 30.0)),
        ({"sync": {"timeout": 600}}, SyncStep(1, 600.0)),
        ({"sync": {"timeout": 0.5}}, SyncStep(1, 0.5)),
        ({"crash": True}, CrashStep(1, None)),
        ({"crash": {"during": "pull"}}, CrashStep(1, "pull")),
        ({"crash": {"during": "upload"}}, CrashStep(1, "upload")),
        ({"clock": "+45s"}, ClockStep(1, timedelta(seconds=45))),
        ({"clock": "+10m"}, ClockStep(1, timedelta(minutes=10))),
        ({"clock": "+3h"}, ClockStep(1, timedelta(hours=3))),
        ({"clock": "+2d"}, ClockStep(1, timedelta(days=2))),
    ],
)
def test_plain_step_kinds(raw: dict[str, Any], expected: object) -> None:
    assert one_step(raw) == expected


@pytest.mark.parametrize("name", PROFILE_NAMES)
def test_every_network_profile_is_accepted(name: str) -> None:
    assert one_step({"network": name}).profile == name


# --- every action and server action -----------------------------------------------------------

ACTION_EXAMPLES: list[tuple[dict[str, Any], dict[str, Any]]] = [
    ({"do": "set_status", "job": 1, "status": "in_progress"}, {}),
    ({"do": "set_status", "job": JOB_ID, "status": "complete"}, {}),
    ({"do": "add_note", "job": 2, "text": "Gate code 1234"}, {}),
    ({"do": "import_photo", "job": 1, "file": "demo:3"}, {}),
    ({"do": "import_photo", "job": 1, "file": "photos/a.jpg"}, {}),
    ({"do": "sign", "job": 1, "signer": "Anders Berg"}, {}),
    ({"do": "clock_in"}, {}),
    ({"do": "clock_in", "job": 1}, {}),
    ({"do": "clock_out"}, {}),
    ({"do": "create_invoice", "job": 1}, {}),
    (
        {"do": "create_estimate", "job": 1, "lines": [
            {"description": "Pump", "quantity": 1, "unit_price": 1200, "vat_rate": 25},
            {"description": "Hours", "quantity": "1.5", "unit_price": "650.00"},
        ]},
        {"lines": (
            {"description": "Pump", "quantity": "1", "unit_price": "1200", "vat_rate": "25"},
            {"description": "Hours", "quantity": "1.5", "unit_price": "650.00"},
        )},
    ),
    ({"do": "send_invoice"}, {}),
    ({"do": "send_invoice", "invoice": 2}, {}),
    ({"do": "send_invoice", "invoice": "INV-0001"}, {}),
    ({"do": "send_estimate", "estimate": 1}, {}),
    ({"do": "collect_payment", "card": "decline"}, {}),
    (
        {"do": "collect_payment", "invoice": 1, "card": "4242 4242 4242 4242"},
        {"card": "4242424242424242"},
    ),
    ({"do": "edit_customer", "customer": 1, "fields": {"phone": "070-123 45 67"}}, {}),
    (
        {"do": "edit_customer", "customer": CUSTOMER_ID,
         "fields": {"name": "A", "email": "a@b.se", "address": "Storgatan 1", "notes": ""}},
        {},
    ),
    ({"do": "wait", "seconds": 2.5}, {}),
    ({"do": "wait", "seconds": 600}, {"seconds": 600.0}),
    ({"server": "assign_job"}, {}),
    ({"server": "assign_job", "job": 3, "technician": "sam"},
     {"technician": "sam@demo.workboss.se"}),
    (
        {"server": "assign_job", "title": "Leak", "customer": 2, "start": "+2h"},
        {"start": timedelta(hours=2)},
    ),
    (
        {"server": "assign_job", "start": "2026-11-21T08:00:00Z"},
        {"start": datetime(2026, 11, 21, 8, tzinfo=UTC)},
    ),
    ({"server": "edit_job", "job": 1, "fields": {"title": "New title", "address": "Kungsg. 2"}},
     {}),
    (
        {"server": "edit_job", "job": 1, "fields": {"scheduled_end": "2026-11-21T17:00+01:00"}},
        {"fields": {"scheduled_end": "2026-11-21T17:00:00+01:00"}},
    ),
    ({"server": "cancel_job", "job": 2}, {}),
    ({"server": "unassign_job", "job": 2}, {}),
    ({"server": "fault", "kind": "error_503"}, {}),
    (
        {"server": "fault", "kind": "rate_limit", "route": "/v1/push", "op_kind": "add_note",
         "probability": 0.5, "count": 3, "seed": 9, "latency_ms": 0, "retry_after_s": 2,
         "hang_s": 1.5},
        {"probability": 0.5, "hang_s": 1.5},
    ),
    ({"server": "fault", "kind": "hang", "probability": 1}, {"probability": 1.0}),
    ({"server": "clear_faults"}, {}),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "normalised"), ACTION_EXAMPLES)
def test_every_action_parses(raw: dict[str, Any], normalised: dict[str, Any]) -> None:
    kind = "do" if "do" in raw else "server"
    step = one_step(raw)

    assert type(step) is (ActionStep if kind == "do" else ServerStep)
    assert step.action == raw[kind]
    assert step.args == {k: v for k, v in raw.items() if k != kind} | normalised


def test_the_examples_cover_every_action() -> None:
    do = {raw["do"] for raw, _ in ACTION_EXAMPLES if "do" in raw}
    server = {raw["server"] for raw, _ in ACTION_EXAMPLES if "server" in raw}

    assert (do, server) == (set(ACTIONS), set(SERVER_ACTIONS))


def test_photo_paths_are_kept_as_written_without_a_file() -> None:
    step = one_step({"do": "import_photo", "job": 1, "file": "photos/a.jpg"})

    assert step.args["file"] == "photos/a.jpg"


def test_a_missing_photo_file_is_an_error_when_loading(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    steps = [{"sync": True}, {"do": "import_photo", "job": 1, "file": "nope.jpg"}]
    path.write_text(json.dumps(scenario_of(*steps)), encoding="utf-8")

    with pytest.raises(ScenarioError, match=r"^step 2: 'file': no such file .*nope\.jpg"):
        load_scenario(path)


# --- expectations -----------------------------------------------------------------------------


def test_every_expectation_parses() -> None:
    checks = {
        "online": False,
        "pending": 0,
        "dead": 1,
        "conflicts": 0,
        "job": {"job": 1, "status": "complete", "sync_state": "synced", "notes": 1,
                "photos": 1, "signatures": 1, "time_entries": 2},
        "server_job": {"job": JOB_ID, "status": "cancelled", "notes": 0, "photos": 0,
                       "signatures": 0, "time_entries": 0},
        "invoice": {"invoice": 1, "delivery_state": "queued", "sync_state": "local_only"},
        "server_invoices": {"sent": 1, "total": 2},
        "payment": {"status": "refused_offline"},
        "schedule_size": 4,
        "uploads_waiting": 0,
        "last_error": "503",
    }  # fmt: skip
    step = one_step({"expect": checks})

    assert set(checks) == set(EXPECTATIONS)
    assert step.checks["job"] == (checks["job"],)
    assert step.checks["payment"] == ({"status": "refused_offline"},)
    assert step.checks["server_invoices"] == {"sent": 1, "total": 2}
    assert {k: step.checks[k] for k in ("online", "pending", "last_error")} == {
        "online": False,
        "pending": 0,
        "last_error": "503",
    }


def test_a_list_of_expectations_is_merged_and_records_collect() -> None:
    step = one_step({"expect": [
        {"job": {"job": 1, "status": "complete"}, "pending": 0},
        {"job": [{"job": 2}, {"job": 3, "notes": 0}]},
    ]})  # fmt: skip

    assert step.checks == {
        "pending": 0,
        "job": ({"job": 1, "status": "complete"}, {"job": 2}, {"job": 3, "notes": 0}),
    }


# --- errors in steps: the step number and what is wrong ---------------------------------------

STEP_ERRORS: list[tuple[object, str]] = [
    # the step itself
    (["do", "add_note"], "a step must be an object with one of network, do, server"),
    ({"why": "no kind"}, "a step needs one of network, do, server, sync, crash, clock, expect"),
    ({"fly": "away"}, "a step needs one of network, do, server, sync, crash, clock, expect"),
    ({"do": "clock_out", "sync": True}, "both 'do' and 'sync'"),
    ({"network": "online", "speed": 3}, "unknown key 'speed' in a 'network' step"),
    ({"sync": True, "why": 3}, "'why' must be text"),
    # actions
    ({"do": "fly"}, "unknown action 'fly' (known: add_note, clock_in, clock_out,"),
    ({"do": 3}, "'do' must name an action, got a number"),
    ({"server": None}, "'server' must name a server action, got nothing"),
    ({"server": "reboot"}, "unknown server action 'reboot' (known: assign_job, cancel_job,"),
    ({"do": "add_note", "job": 1}, "'add_note' needs 'text'"),
    ({"do": "set_status", "status": "complete"}, "'set_status' needs 'job'"),
    ({"server": "fault"}, "'fault' needs 'kind'"),
    (
        {"do": "set_status", "job": 1, "status": "complete", "colour": "red"},
        "unknown field 'colour' for 'set_status' (known: job, status)",
    ),
    ({"do": "clock_out", "job": 1}, "'clock_out' takes no fields, got 'job'"),
    ({"do": "set_status", "job": 1, "status": "done"}, "'status' must be one of en_route,"),
    ({"do": "add_note", "job": 1, "text": ""}, "'text' must be non-empty text"),
    ({"do": "add_note", "job": 1, "text": 5}, "'text' must be non-empty text, got 5"),
    ({"do": "wait", "seconds": 0}, "'seconds' must be a number > 0 and ≤ 600, got 0"),
    ({"do": "wait", "seconds": "5"}, "'seconds' must be a number > 0 and ≤ 600"),
    ({"do": "wait", "seconds": 601}, "'seconds' must be a number > 0 and ≤ 600"),
    ({"do": "import_photo", "job": 1, "file": "demo:10"}, "'demo:1' to 'demo:9'"),
    ({"do": "collect_payment", "card": "1234"}, "'card' must be one of approve, decline"),
    ({"do": "collect_payment", "card": 4242424242424242}, "16-digit card number written as"),
    ({"do": "edit_customer", "customer": 1, "fields": {}}, "'fields' must be a non-empty obj"),
    (
        {"do": "edit_customer", "customer": 1, "fields": {"vip": "yes"}},
        "'fields' cannot change 'vip' (allowed: name, phone, email, address, notes)",
    ),
    ({"do": "edit_customer", "customer": 0, "fields": {"name": "A"}}, "'customer' must be a"),
    ({"server": "edit_job", "job": 1, "fields": {"title": 3}}, "'fields.title' must be text"),
    (
        {"server": "edit_job", "job": 1, "fields": {"scheduled_start": "2026-11-21T08:00"}},
        "'fields.scheduled_start' must be an ISO 8601 time with a zone",
    ),
    ({"server": "assign_job", "technician": "bob"}, "'technician' must be one of anna, erik, sam"),
    ({"server": "assign_job", "start": "tomorrow"}, "'start' must be an ISO 8601 time"),
    ({"server": "assign_job", "start": "-1h"}, "'start': time only moves forward"),
    ({"server": "fault", "kind": "gremlins"}, "'kind' must be one of latency, error_500,"),
    ({"server": "fault", "kind": "drop", "route": "v1/push"}, "'route' must be a path"),
    ({"server": "fault", "kind": "drop", "probability": 0}, "'probability' must be a number > 0"),
    ({"server": "fault", "kind": "drop", "count": 0}, "'count' must be a whole number > 0"),
    ({"server": "fault", "kind": "latency", "latency_ms": -1}, "'latency_ms' must be a whole"),
    ({"server": "fault", "kind": "hang", "hang_s": True}, "'hang_s' must be a number ≥ 0"),
    # references
    (
        {"do": "add_note", "job": -1, "text": "x"},
        "'job' must be a position in today's schedule (1 is the first) or a job id, got -1",
    ),
    ({"do": "add_note", "job": 0, "text": "x"}, "'job' must be a position"),
    ({"do": "add_note", "job": True, "text": "x"}, "'job' must be a position"),
    ({"do": "add_note", "job": "job-1", "text": "x"}, "'job' must be a position"),
    ({"do": "add_note", "job": JOB_ID[:-1] + "z", "text": "x"}, "'job' must be a position"),
    ({"do": "send_invoice", "invoice": 0}, "'invoice' must be a number (1 is the first invoice"),
    ({"do": "send_estimate", "estimate": ""}, "'estimate' must be a number"),
    # money
    (
        {"do": "create_invoice", "job": 1, "lines": [
            {"description": "Valve", "quantity": 1, "unit_price": "650.00"},
            {"description": "Hours", "quantity": 1, "unit_price": 650.5},
        ]},
        "'lines' item 2: 'unit_price' is 650.5: amounts must be written as strings like "
        '"650.00" to stay exact',
    ),
    (
        {"do": "create_invoice", "job": 1, "lines": [
            {"description": "V", "quantity": 1.0, "unit_price": "1"},
        ]},
        "'lines' item 1: 'quantity' is 1.0: amounts must be written as strings",
    ),
    (
        {"do": "create_invoice", "job": 1, "lines": [
            {"description": "V", "quantity": "two", "unit_price": "1"},
        ]},
        "'lines' item 1: 'quantity' must be a number written as text",
    ),
    (
        {"do": "create_invoice", "job": 1, "lines": [{"description": "V", "quantity": "1"}]},
        "'lines' item 1 needs 'unit_price'",
    ),
    ({"do": "create_invoice", "job": 1, "lines": []}, "'lines' must be a non-empty list"),
    # network, sync, crash, clock
    (
        {"network": "wifi"},
        f"unknown network profile 'wifi' (known: {', '.join(PROFILE_NAMES)})",
    ),
    ({"sync": {"timeout": 0}}, "sync 'timeout' must be a number of seconds > 0 and ≤ 600, got 0"),
    ({"sync": {"timeout": 601}}, "sync 'timeout' must be a number of seconds > 0 and ≤ 600"),
    ({"sync": {"timeout": "45"}}, "sync 'timeout' must be a number of seconds"),
    ({"sync": False}, "'sync' must be true or an object like {timeout: …}"),
    ({"sync": {"timout": 45}}, "unknown option 'timout' for 'sync' (known: timeout)"),
    ({"crash": {"during": "sync"}}, "crash 'during' must be one of push, pull, upload, got 'sync'"),
    ({"crash": "push"}, "'crash' must be true or an object like {during: …}"),
    ({"clock": "-5m"}, "'clock': time only moves forward: '-5m' is negative"),
    ({"clock": "10m"}, "'clock': expected a time step like '+30s', '+10m', '+2h' or '+1d'"),
    ({"clock": "+0m"}, "expected a time step like"),
    ({"clock": "+1.5h"}, "expected a time step like"),
    ({"clock": "+1w"}, "expected a time step like"),
    ({"clock": 600}, "expected a time step like"),
    # expectations
    ({"expect": {"pendng": 0}}, "unknown expectation 'pendng' (known: conflicts, dead, invoice,"),
    ({"expect": {"pending": -1}}, "'pending' must be a whole number ≥ 0, got -1"),
    ({"expect": {"online": "yes"}}, "'online' must be true or false"),
    ({"expect": {"last_error": 503}}, "'last_error' must be non-empty text"),
    ({"expect": {"job": {"status": "complete"}}}, "expectation 'job' needs 'job'"),
    (
        {"expect": {"job": {"job": 1, "state": "synced"}}},
        "unknown field 'state' for expectation 'job' (known: job, status, sync_state,",
    ),
    ({"expect": {"job": {"job": 1, "notes": "1"}}}, "expectation 'job': 'notes' must be a whole"),
    (
        {"expect": {"server_job": {"job": 1, "sync_state": "synced"}}},
        "unknown field 'sync_state' for expectation 'server_job'",
    ),
    ({"expect": {"invoice": {"invoice": 1, "delivery_state": "mailed"}}}, "'delivery_state' must"),
    (
        {"expect": {"payment": {"status": "ok"}}},
        "'status' must be one of pending, approved, declined, unknown, refused,",
    ),
    ({"expect": {"server_invoices": {"paid": 1}}}, "unknown field 'paid' for 'server_invoices'"),
    ({"expect": [{"pending": 0}, {"pending": 1}]}, "expectation 'pending' is given twice"),
    ({"expect": {}}, "'expect' must be an object of checks"),
    ({"expect": []}, "'expect' needs at least one check"),
    ({"expect": 3}, "'expect' must be an object of checks, got a number"),
]  # fmt: skip


@pytest.mark.parametrize(("bad", "message"), STEP_ERRORS)
def test_a_bad_step_is_refused_with_its_number_and_the_problem(bad: object, message: str) -> None:
    steps = [{"network": "offline"}, {"do": "clock_in"}, bad, {"sync": True}]

    error = error_of(scenario_of(*steps))

    assert error.step == 3
    assert message in error.message
    assert str(error) == f"step 3: {error.message}"


def test_only_the_first_error_is_reported() -> None:
    error = error_of(scenario_of({"sync": True}, {"clock": "soon"}, {"network": "wifi"}))

    assert error.step == 2


# --- errors in the scenario as a whole --------------------------------------------------------

TOP_LEVEL_ERRORS: list[tuple[object, str]] = [
    ([], "a scenario must be an object with name, technician and steps, got a list"),
    (None, "got nothing"),
    (scenario_of({"sync": True}, colour="red"), "unknown top-level key 'colour' (known: name,"),
    ({"technician": "anna", "steps": [{"sync": True}]}, "a scenario needs 'name'"),
    ({"name": "n", "steps": [{"sync": True}]}, "a scenario needs 'technician'"),
    ({"name": "n", "technician": "anna"}, "a scenario needs 'steps'"),
    (scenario_of({"sync": True}, name=" "), "'name' must be non-empty text"),
    (scenario_of({"sync": True}, technician="bob"), "'technician' must be one of anna, erik, sam"),
    (scenario_of({"sync": True}, technician="bob@demo.workboss.se"), "got 'bob@demo.workboss.se'"),
    (scenario_of({"sync": True}, seed="1"), "'seed' must be a whole number"),
    (scenario_of({"sync": True}, seed=True), "'seed' must be a whole number"),
    (scenario_of({"sync": True}, description=3), "'description' must be text"),
    (scenario_of(), "'steps' is empty"),
    ({"name": "n", "technician": "anna", "steps": {"sync": True}}, "'steps' must be a list"),
]


@pytest.mark.parametrize(("data", "message"), TOP_LEVEL_ERRORS)
def test_a_bad_scenario_is_refused_without_a_step_number(data: object, message: str) -> None:
    error = error_of(data)

    assert error.step is None
    assert message in str(error)
    assert str(error) == error.message


def test_scenario_error_is_a_value_error() -> None:
    assert issubclass(ScenarioError, ValueError)


# --- errors reading the file ------------------------------------------------------------------


def test_an_unknown_suffix_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "day.txt"
    path.write_text("{}", encoding="utf-8")

    with pytest.raises(ScenarioError, match=r"must end in \.json, \.yaml or \.yml, not '\.txt'"):
        load_scenario(path)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="no such scenario file"):
        load_scenario(tmp_path / "missing.yaml")


def test_invalid_json_reports_the_line(tmp_path: Path) -> None:
    path = tmp_path / "day.json"
    path.write_text('{\n  "name": "x",\n  "technician": "anna"\n  "steps": []\n}', encoding="utf-8")

    with pytest.raises(ScenarioError, match=r"invalid JSON at line 4, column 3: Expecting ','"):
        load_scenario(path)


def test_a_tab_in_yaml_reports_the_line(tmp_path: Path) -> None:
    path = tmp_path / "day.yaml"
    path.write_text("name: x\ntechnician: anna\nsteps:\n\t- sync: true\n", encoding="utf-8")

    with pytest.raises(ScenarioError, match=r"invalid YAML at line 4, column 1: .*'\\t'") as err:
        load_scenario(path)
    assert err.value.step is None


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("list.json", "[1, 2]", "must be an object with name, technician and steps, got a list"),
        ("text.yaml", "just words", "must be an object with name, technician and steps, got text"),
        ("empty.yaml", "", "got nothing"),
    ],
)
def test_the_top_level_must_be_an_object(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")

    with pytest.raises(ScenarioError, match=message):
        load_scenario(path)


def test_a_file_error_knows_its_source(tmp_path: Path) -> None:
    path = tmp_path / "day.yaml"
    path.write_text("name: x\ntechnician: anna\nsteps:\n  - clock: later\n", encoding="utf-8")

    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    assert (err.value.step, err.value.source) == (1, str(path))


# --- limits on what a file may be -------------------------------------------------------------

HEAD = "name: x\ntechnician: anna\n"


def _refused(path: Path, text: str | bytes) -> ScenarioError:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    started, _ = time.monotonic(), tracemalloc.start()
    try:
        with pytest.raises(ScenarioError) as refused:
            load_scenario(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 5
    assert peak < 64 * 1024 * 1024
    assert refused.value.step is None and refused.value.source == str(path)
    assert str(path) in refused.value.message
    return refused.value


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 100_000])
def test_deeply_nested_yaml_is_refused_naming_the_depth_limit(tmp_path: Path, levels: int):
    nested = "[" * levels + "]" * levels
    error = _refused(tmp_path / "deep.yaml", f"{HEAD}steps:\n  - expect: {nested}\n")

    assert "nested more than 32 levels deep at line 4" in error.message


def test_deep_block_style_yaml_is_refused(tmp_path: Path) -> None:
    lines = "".join("  " * level + "- \n" for level in range(1, 100))
    error = _refused(tmp_path / "deep.yaml", f"{HEAD}steps:\n{lines}")

    assert "nested more than 32 levels deep" in error.message


def test_the_depth_limit_leaves_room_for_real_scenarios(tmp_path: Path) -> None:
    # the scenario, its steps, a step and its expectations: 4 levels, then lists to the limit
    nested = "[" * (MAX_DEPTH - 4) + "]" * (MAX_DEPTH - 4)
    path = tmp_path / "deep.yaml"
    path.write_text(f"{HEAD}steps:\n  - expect: {{pending: {nested}}}\n", encoding="utf-8")

    with pytest.raises(ScenarioError, match=r"^step 1: ") as error:
        load_scenario(path)  # a step error: the nesting itself was accepted
    assert "nested" not in error.value.message


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 100_000])
def test_deeply_nested_json_is_refused_naming_the_depth_limit(tmp_path: Path, levels: int):
    nested = "[" * levels + "]" * levels
    text = f'{{"name": "x", "technician": "anna", "steps": [{{"expect": {nested}}}]}}'
    error = _refused(tmp_path / "deep.json", text)

    assert "nested more than 32 levels deep" in error.message


BILLION_LAUGHS = (
    'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    + "".join(
        f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
        for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
    )
)


def test_a_billion_laughs_is_refused_fast_in_bounded_memory(tmp_path: Path) -> None:
    error = _refused(tmp_path / "laughs.yaml", f"{HEAD}{BILLION_LAUGHS}steps:\n  - expect: *i\n")

    assert "more than 1,000,000 values once its aliases (*name) are expanded" in error.message
    assert "at line 9" in error.message  # g: 9**6 lol, counted as it is composed


def test_an_alias_inside_its_own_anchor_is_refused(tmp_path: Path) -> None:
    error = _refused(tmp_path / "loop.yaml", f"{HEAD}steps: &loop [*loop]\n")

    assert "nested more than 32 levels deep" in error.message


def test_a_chain_of_aliases_counts_the_depth_it_expands_to(tmp_path: Path) -> None:
    chain = "".join(f"k{n}: &k{n} [{f'*k{n - 1}' if n else 1}]\n" for n in range(40))
    error = _refused(tmp_path / "chain.yaml", f"{HEAD}{chain}steps: [{{sync: true}}]\n")

    assert "nested more than 32 levels deep" in error.message


def test_200000_aliased_steps_are_refused_at_the_step_limit(tmp_path: Path) -> None:
    steps = "  - *step\n" * 200_000
    error = _refused(tmp_path / "many.yaml", f"{HEAD}steps:\n  - &step {{sync: true}}\n{steps}")

    assert error.message.endswith(
        "more than 10,000 steps (step 10,001 is at line 10004, column 5);"
        " a scenario may have at most 10,000 steps"
    )


def test_too_many_json_steps_are_refused(tmp_path: Path) -> None:
    text = json.dumps(scenario_of(*[{"sync": True}] * (MAX_STEPS + 1)))
    error = _refused(tmp_path / "many.json", text)

    assert "10,001 steps; a scenario may have at most 10,000 steps" in error.message


def test_the_step_limit_is_inclusive() -> None:
    assert len(parse_scenario(scenario_of(*[{"sync": True}] * MAX_STEPS)).steps) == MAX_STEPS
    with pytest.raises(ScenarioError, match="at most 10,000 steps"):
        parse_scenario(scenario_of(*[{"sync": True}] * (MAX_STEPS + 1)))


def test_aliases_within_the_limits_still_work(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text(
        f"{HEAD}steps:\n  - &go {{network: online}}\n  - {{sync: true}}\n  - *go\n",
        encoding="utf-8",
    )

    assert [type(step) for step in load_scenario(path).steps] == [
        NetworkStep,
        SyncStep,
        NetworkStep,
    ]


@pytest.mark.parametrize("name", ["big.yaml", "big.json"])
def test_an_oversized_file_is_refused_before_it_is_parsed(tmp_path: Path, name: str) -> None:
    padding = "#" * MAX_FILE_BYTES if name.endswith(".yaml") else " " * MAX_FILE_BYTES
    error = _refused(tmp_path / name, f"{padding}\n{{}}")

    assert error.message.endswith("the file is 2.0 MB; scenario files up to 2.0 MB are accepted")


def test_a_file_at_the_size_limit_is_read(tmp_path: Path) -> None:
    text = HEAD + "steps: [{sync: true}]\n"
    path = tmp_path / "padded.yaml"
    path.write_text(text + "#" * (MAX_FILE_BYTES - len(text) - 1) + "\n", encoding="utf-8")

    assert path.stat().st_size == MAX_FILE_BYTES
    assert load_scenario(path).steps == (SyncStep(1),)


@pytest.mark.parametrize(
    ("name", "text", "words"),
    [
        ("digits.json", '{"seed": ' + "1" * 5000 + "}", "invalid JSON: Exceeds the limit"),
        ("digits.yaml", "seed: " + "1" * 5000, "invalid YAML: Exceeds the limit"),
        ("date.yaml", "when: 2026-13-45", "invalid YAML: month must be in 1..12"),
    ],
)
def test_values_python_cannot_build_are_format_errors(
    tmp_path: Path, name: str, text: str, words: str
) -> None:
    assert words in _refused(tmp_path / name, text).message


def test_the_command_reports_a_limit_like_any_format_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()

    code = run_command(
        path, server_url=None, admin_token=None, data_dir=None, as_json=False, out=out, err=err
    )

    assert code == 2 and out.getvalue() == ""
    assert err.getvalue() == (
        f"wb-desktop scenario: {path}: objects and lists are nested more than 32 levels deep;"
        " a scenario may nest at most 32\n"
    )


LIBRARY = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.y*ml"))


@pytest.mark.parametrize("path", LIBRARY, ids=[path.stem for path in LIBRARY])
def test_the_library_loads_within_the_limits(path: Path) -> None:
    assert load_scenario(path).steps


# --- the documentation's examples -------------------------------------------------------------

DOCS = Path(__file__).resolve().parents[2] / "docs" / "scenarios.md"


def _yaml_blocks() -> list[str]:
    text = DOCS.read_text(encoding="utf-8")
    return [block.split("```", 1)[0] for block in text.split("```yaml\n")[1:]]


@pytest.mark.parametrize("block", _yaml_blocks())
def test_the_examples_in_the_docs_are_valid(block: str) -> None:
    data = yaml.safe_load(block)
    if isinstance(data, list):  # a few steps, not a whole scenario
        data = scenario_of(*data)

    assert parse_scenario(data).steps
