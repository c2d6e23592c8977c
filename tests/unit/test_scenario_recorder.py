"""The scenario recorder: outbox ops become scenario steps, and a recording saves as a file
the scenario format accepts, with its photos beside it."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from tests.conftest import PNG_1X1, Schedule
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.records import DocumentKind
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.models import Customer, OutboxOp
from wb_desktop.core.store.seed import add_server_job
from wb_desktop.tools.scenario.describe import step_as_dict, step_text
from wb_desktop.tools.scenario.format import (
    ActionStep,
    ScenarioError,
    load_scenario,
    parse_scenario,
)
from wb_desktop.tools.scenario.recorder import (
    References,
    ScenarioRecorder,
    card_for,
    format_delta,
    localise_server_step,
    payment_step,
    state_checks,
    steps_for_ops,
)

ZONE = ZoneInfo("Europe/Stockholm")
TECHNICIAN = "7e1c6a8e-5d0b-4a55-9a55-0c2a3f4b5d6e"
LINES = [{"description": "Valve", "quantity": "1", "unit_price": "420.00", "vat_rate": "25"}]


@pytest.fixture
def refs(cache: LocalCache, clock: FixedClock) -> References:
    return References(TECHNICIAN, ZONE, lambda: clock.now().astimezone(ZONE).date(), cache.media)


class Ops:
    """Reads the ops written since the last look, as the console does after each change."""

    def __init__(self, cache: LocalCache, refs: References) -> None:
        self.cache, self.refs, self.seen = cache, refs, 0

    def steps(self) -> list[dict[str, Any]]:
        with self.cache.database.reader() as session:
            ops = session.scalars(select(OutboxOp).where(OutboxOp.seq > self.seen)).all()
            self.seen = max([self.seen, *(op.seq for op in ops)])
            return steps_for_ops(ops, session, self.refs)


@pytest.fixture
def ops(cache: LocalCache, refs: References) -> Ops:
    return Ops(cache, refs)


def assigned_job(cache: LocalCache, clock: FixedClock, schedule: Schedule) -> str:
    """A job of today's schedule for the technician (the fixture's jobs are unassigned)."""
    now = clock.now()
    with cache.database.writer() as session, session.begin():
        customer = session.get(Customer, schedule.customer_ids[0])
        assert customer is not None
        job = add_server_job(
            session, now, customer, "Radiator", now + timedelta(hours=2), technician_id=TECHNICIAN
        )
        return job.id


def valid(step: dict[str, Any]) -> ActionStep:
    parsed = parse_scenario({"name": "t", "technician": "anna", "steps": [step]}).steps[0]
    assert isinstance(parsed, ActionStep)
    return parsed


# --- op → step, one kind at a time -------------------------------------------------------------


def test_a_status_change_and_a_note(cache: LocalCache, schedule: Schedule, ops: Ops) -> None:
    job = schedule.job_ids[0]
    cache.changes.jobs.set_status(job, "en_route")
    cache.changes.jobs.add_note(job, "Gate code 1234")
    steps = ops.steps()
    assert steps == [
        {"do": "set_status", "job": job, "status": "en_route"},
        {"do": "add_note", "job": job, "text": "Gate code 1234"},
    ]
    assert all(valid(step) for step in steps)
    assert ops.steps() == []  # nothing new since the last look


def test_a_job_in_todays_schedule_is_named_by_position(
    cache: LocalCache, clock: FixedClock, schedule: Schedule, ops: Ops, refs: References
) -> None:
    job = assigned_job(cache, clock, schedule)
    cache.changes.jobs.add_note(job, "Radiator bleeds")
    assert ops.steps() == [{"do": "add_note", "job": 1, "text": "Radiator bleeds"}]
    assert refs.jobs_touched == [job]


def test_a_photo_names_the_media_file(cache: LocalCache, schedule: Schedule, ops: Ops) -> None:
    cache.changes.media.add_photo(schedule.job_ids[0], PNG_1X1, "valve.png")
    [step] = ops.steps()
    assert step["do"] == "import_photo" and step["job"] == schedule.job_ids[0]
    assert Path(step["file"]).is_absolute() and Path(step["file"]).read_bytes() == PNG_1X1


def test_a_signature(cache: LocalCache, schedule: Schedule, ops: Ops) -> None:
    strokes = [[[10 + n * 7, 20 + n, 0.6, n * 16] for n in range(12)]]
    cache.changes.media.add_signature(schedule.job_ids[0], "Anders Berg", strokes, PNG_1X1)
    assert ops.steps() == [{"do": "sign", "job": schedule.job_ids[0], "signer": "Anders Berg"}]


def test_clocking_in_and_out(cache: LocalCache, schedule: Schedule, ops: Ops) -> None:
    cache.changes.time.clock_in()
    cache.changes.time.clock_in(schedule.job_ids[1])
    cache.changes.time.clock_out()
    steps = ops.steps()
    assert steps == [
        {"do": "clock_in"},
        {"do": "clock_in", "job": schedule.job_ids[1]},
        {"do": "clock_out"},
    ]
    assert all(valid(step) for step in steps)


def test_invoices_and_estimates_are_named_by_the_order_they_were_made(
    cache: LocalCache, schedule: Schedule, ops: Ops, refs: References
) -> None:
    job, customer = schedule.job_ids[0], schedule.customer_ids[0]
    invoice = cache.changes.documents.create("invoice", customer, LINES, job_id=job)
    estimate = cache.changes.documents.create("estimate", customer, LINES, job_id=job)
    cache.changes.documents.send(invoice.record_id)
    cache.changes.documents.send(estimate.record_id)
    steps = ops.steps()
    assert steps == [
        {"do": "create_invoice", "job": job, "lines": LINES},
        {"do": "create_estimate", "job": job, "lines": LINES},
        {"do": "send_invoice", "invoice": 1},
        {"do": "send_estimate", "estimate": 1},
    ]
    assert all(valid(step) for step in steps)
    assert refs.invoices == [invoice.record_id] and refs.estimates == [estimate.record_id]


def test_a_document_made_before_recording_is_named_by_its_reference(
    cache: LocalCache, schedule: Schedule, ops: Ops
) -> None:
    invoice = cache.changes.documents.create(
        "invoice", schedule.customer_ids[0], LINES, job_id=schedule.job_ids[0]
    )
    ops.steps()
    fresh = Ops(ops.cache, References(None, ZONE, ops.refs.today, ops.cache.media))
    fresh.seen = ops.seen
    cache.changes.documents.send(invoice.record_id)
    [step] = fresh.steps()
    assert step["do"] == "send_invoice" and str(step["invoice"]).startswith("INV-")


def test_a_customer_edit(cache: LocalCache, schedule: Schedule, ops: Ops) -> None:
    customer = schedule.customer_ids[0]
    cache.changes.customers.edit(customer, {"phone": "070-123 45 67"})
    step = {"do": "edit_customer", "customer": customer, "fields": {"phone": "070-123 45 67"}}
    assert ops.steps() == [step]
    assert valid(step)


def test_changes_no_scenario_action_repeats_are_listed_not_guessed(
    cache: LocalCache, schedule: Schedule, ops: Ops, refs: References
) -> None:
    cache.changes.customers.create({"name": "New Customer AB"})
    draft = cache.changes.documents.create("invoice", schedule.customer_ids[0], LINES)
    cache.changes.documents.edit(draft.record_id, notes="Thanks")
    assert ops.steps() == []
    assert len(refs.skipped) == 3
    assert "customer.create" in refs.skipped[0]
    assert "without a job" in refs.skipped[1]
    assert "document.update" in refs.skipped[2]


# --- payments, office steps, the final check ---------------------------------------------------


@pytest.mark.parametrize(
    ("status", "last4", "card"),
    [
        ("approved", "4242", "approve"),
        ("declined", "0002", "decline"),
        ("pending", "0119", "timeout"),
        ("declined", "", "decline"),
        ("approved", "", "approve"),
        ("unknown", "", "timeout"),
    ],
)
def test_the_test_card_follows_the_card_or_the_outcome(status: str, last4: str, card: str) -> None:
    assert card_for(status, last4) == card


def test_a_payment_names_the_invoice_made_while_recording(
    cache: LocalCache, schedule: Schedule, ops: Ops, refs: References
) -> None:
    job, customer = schedule.job_ids[0], schedule.customer_ids[0]
    invoice = cache.changes.documents.create("invoice", customer, LINES, job_id=job)
    ops.steps()
    with cache.database.reader() as session:
        step = payment_step(session, refs, invoice.record_id, "approve")
        assert refs.document(session, invoice.record_id, DocumentKind.INVOICE) == 1
    assert step == {"do": "collect_payment", "invoice": 1, "card": "approve"}
    assert valid(step)


def test_an_office_step_names_a_job_of_today_by_position(
    cache: LocalCache, clock: FixedClock, schedule: Schedule, refs: References
) -> None:
    job = assigned_job(cache, clock, schedule)
    with cache.database.reader() as session:
        step = localise_server_step({"server": "cancel_job", "job": job}, session, refs)
        other = localise_server_step({"server": "clear_faults"}, session, refs)
    assert step == {"server": "cancel_job", "job": 1}
    assert other == {"server": "clear_faults"}


def test_the_final_check_holds_what_the_technician_sees(
    cache: LocalCache, clock: FixedClock, schedule: Schedule, ops: Ops, refs: References
) -> None:
    job = assigned_job(cache, clock, schedule)
    cache.changes.jobs.set_status(job, "en_route")
    cache.changes.jobs.add_note(job, "On my way")
    cache.changes.media.add_photo(job, PNG_1X1, "a.png")
    ops.steps()
    with cache.database.reader() as session:
        step = state_checks(session, refs, pending=3)
    assert step == {
        "expect": {
            "pending": 3,
            "job": [
                {
                    "job": 1,
                    "status": "en_route",
                    "sync_state": "pending",
                    "notes": 1,
                    "photos": 1,
                    "signatures": 0,
                    "time_entries": 0,
                }
            ],
        }
    }
    recorder = ScenarioRecorder("final", "anna")
    assert recorder.expect(step["expect"]) == step


# --- the recorder and its file -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(seconds=45), "+45s"),
        (timedelta(minutes=5), "+5m"),
        (timedelta(minutes=90), "+90m"),
        (timedelta(hours=1), "+1h"),
        (timedelta(days=1), "+1d"),
        (timedelta(hours=25), "+25h"),
    ],
)
def test_clock_steps_use_the_largest_whole_unit(delta: timedelta, text: str) -> None:
    assert format_delta(delta) == text


@pytest.mark.parametrize("delta", [timedelta(), timedelta(minutes=-5), timedelta(seconds=1.5)])
def test_a_clock_step_is_whole_seconds_forward(delta: timedelta) -> None:
    with pytest.raises(ValueError, match="whole number of seconds"):
        format_delta(delta)


def test_network_steps_are_written_only_when_the_profile_changes() -> None:
    recorder = ScenarioRecorder("net", "anna@demo.workboss.se")
    assert recorder.network("online") is None
    assert recorder.network("offline") == {"network": "offline"}
    assert recorder.network("offline") is None
    assert recorder.network("online") == {"network": "online"}
    assert len(recorder.steps) == 2


def test_two_syncs_in_a_row_are_one() -> None:
    recorder = ScenarioRecorder("sync", "erik")
    recorder.sync()
    recorder.sync()
    recorder.clock(timedelta(hours=1))
    recorder.sync()
    assert [next(iter(s)) for s in recorder.steps] == ["sync", "clock", "sync"]


def test_a_bad_step_is_refused_with_its_number_and_nothing_is_added() -> None:
    recorder = ScenarioRecorder("bad", "sam")
    recorder.network("offline")
    with pytest.raises(ScenarioError) as caught:
        recorder.action({"do": "fly", "job": 1})
    assert str(caught.value).startswith("step 2: unknown action 'fly'")
    with pytest.raises(ScenarioError, match="step 2: unknown network profile 'moon'"):
        recorder.network("moon")
    with pytest.raises(ScenarioError, match="step 2: a 'server' step needs"):
        recorder.server({"do": "add_note", "job": 1, "text": "x"})
    assert recorder.steps == [{"network": "offline"}]
    assert recorder.profile == "offline"


def test_only_a_demo_technician_can_be_recorded() -> None:
    with pytest.raises(ScenarioError, match="'technician' must be one of anna, erik, sam"):
        ScenarioRecorder("x", "someone@example.com")


def full_recording(photo: Path) -> ScenarioRecorder:
    recorder = ScenarioRecorder("Round trip", "anna", seed=7, description="Ticket 42")
    recorder.network("offline")
    recorder.action({"do": "set_status", "job": 1, "status": "complete"})
    recorder.action({"do": "add_note", "job": 1, "text": "yes"})
    recorder.action({"do": "import_photo", "job": 1, "file": str(photo)})
    recorder.action({"do": "import_photo", "job": 2, "file": str(photo)})
    recorder.action({"do": "create_invoice", "job": 1, "lines": LINES})
    recorder.action({"do": "collect_payment", "invoice": 1, "card": "approve"})
    recorder.server({"server": "fault", "kind": "error_503", "count": 1})
    recorder.clock(timedelta(minutes=5))
    recorder.network("online")
    recorder.sync()
    recorder.expect({"pending": 0, "job": [{"job": 1, "status": "complete", "notes": 1}]})
    return recorder


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_saved_recording_loads_back_as_the_same_scenario(tmp_path: Path, suffix: str) -> None:
    photo = tmp_path / "media" / "abc123.png"
    photo.parent.mkdir()
    photo.write_bytes(PNG_1X1)
    recorder = full_recording(photo)
    (tmp_path / "out").mkdir()
    path = recorder.save(tmp_path / "out" / f"day{suffix}")
    scenario = load_scenario(path)
    assert scenario.name == "Round trip" and scenario.seed == 7
    assert scenario.technician == "anna@demo.workboss.se"
    assert scenario.description == "Ticket 42"
    assert len(scenario.steps) == len(recorder.steps) == 12
    copied = tmp_path / "out" / "day-photos" / "photo-01.png"
    assert copied.read_bytes() == PNG_1X1
    assert sorted(p.name for p in copied.parent.iterdir()) == ["photo-01.png"]
    photo_step = scenario.steps[3]
    assert isinstance(photo_step, ActionStep) and photo_step.args["file"] == str(copied.resolve())
    raw = path.read_text(encoding="utf-8")
    assert "day-photos/photo-01.png" in raw and str(photo) not in raw
    if suffix == ".json":
        assert json.loads(raw)["steps"][1] == {"do": "set_status", "job": 1, "status": "complete"}
    else:
        assert "text: 'yes'" in raw  # YAML would read a bare yes as true
    assert recorder.steps[3]["file"] == str(photo)  # the recording itself is unchanged


def test_the_start_time_goes_into_the_description(clock: FixedClock) -> None:
    recorder = ScenarioRecorder("t", "anna", started_at=clock.now())
    recorder.sync()
    assert "Recorded in the support console at 2026-11-23T07:30:00+00:00" in str(
        recorder.to_document()["description"]
    )


def test_saving_refuses_a_wrong_suffix_or_an_empty_recording(tmp_path: Path) -> None:
    recorder = ScenarioRecorder("t", "anna")
    with pytest.raises(ScenarioError, match="nothing was recorded"):
        recorder.save(tmp_path / "a.yaml")
    recorder.sync()
    suffix_error = re.escape("must end in .yaml, .yml or .json, not '.txt'")
    with pytest.raises(ScenarioError, match=suffix_error):
        recorder.save(tmp_path / "a.txt")
    assert list(tmp_path.iterdir()) == []


def test_a_photo_that_is_gone_is_named_with_its_step(tmp_path: Path) -> None:
    recorder = ScenarioRecorder("t", "anna")
    recorder.action({"do": "import_photo", "job": 1, "file": str(tmp_path / "gone.png")})
    with pytest.raises(ScenarioError, match=re.escape("step 1: cannot copy the photo gone.png")):
        recorder.save(tmp_path / "a.yaml")
    assert not (tmp_path / "a.yaml").exists()


# --- steps shown as written --------------------------------------------------------------------

LIBRARY = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("file", LIBRARY, ids=[f.stem for f in LIBRARY])
def test_a_parsed_step_written_back_parses_to_the_same_step(file: Path) -> None:
    scenario = load_scenario(file)
    written = [step_as_dict(step) for step in scenario.steps]
    again = parse_scenario({"name": "again", "technician": "anna", "steps": written})
    assert again.steps == scenario.steps
    assert all(step_text(step).startswith("{") for step in written)


def test_a_step_reads_as_one_line_of_the_scenario_language() -> None:
    assert step_text({"do": "add_note", "job": 1, "text": "yes", "why": "x"}) == (
        "{do: add_note, job: 1, text: 'yes'}"
    )
    assert step_text({"sync": True}) == "{sync: true}"
