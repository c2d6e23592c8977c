"""The convergence check on hand-made sides: what counts as the same, and why a difference
is there."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

from wb_desktop.core.domain.records import PaymentStatus
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.tools.diagnostics.convergence import (
    LocalSnapshot,
    Presence,
    Why,
    convergence_report,
    normalise,
    record_label,
)

JOB = "11111111-1111-4111-8111-111111111111"
OTHER_JOB = "22222222-2222-4222-8222-222222222222"
CUSTOMER = "33333333-3333-4333-8333-333333333333"
NOTE = "44444444-4444-4444-8444-444444444444"
DOCUMENT = "55555555-5555-4555-8555-555555555555"
TECHNICIAN = "66666666-6666-4666-8666-666666666666"
START = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
CET = timezone(timedelta(hours=1))


def office_job(**changes: object) -> dict:
    job = {
        "id": JOB,
        "version": 3,
        "title": "Boiler service",
        "description": "",
        "address": "Storgatan 1, Uppsala",
        "customer_id": CUSTOMER,
        "technician_id": TECHNICIAN,
        "scheduled_start": "2026-11-23T08:00:00+00:00",
        "scheduled_end": "2026-11-23T09:30:00+00:00",
        "status": "scheduled",
        "status_changed_at": None,
        "created_at": "2026-11-20T10:00:00+00:00",
        "updated_at": "2026-11-20T10:00:00+00:00",
    }
    return {**job, **changes}


def local_job(**changes: object) -> dict:
    """The same job as the cache holds it: Python values, another zone, an enum."""
    job = {
        "id": JOB,
        "version": 3,
        "title": "Boiler service",
        "description": "",
        "address": "Storgatan 1, Uppsala",
        "customer_id": CUSTOMER,
        "technician_id": TECHNICIAN,
        "scheduled_start": START.astimezone(CET),
        "scheduled_end": START + timedelta(minutes=90),
        "status": JobStatus.SCHEDULED,
        "status_changed_at": None,
        "sync_state": "synced",
    }
    return {**job, **changes}


def customer(**changes: object) -> dict:
    base = {
        "id": CUSTOMER,
        "version": 1,
        "name": "Karin Lund",
        "phone": "",
        "email": "",
        "address": "Storgatan 1, Uppsala",
        "notes": "",
    }
    return {**base, **changes}


def office(**kinds: list) -> dict:
    return {"jobs": [office_job()], "customers": [customer()], **kinds}


def local(waiting: dict | None = None, refused: frozenset = frozenset(), **kinds: list):
    records = {"jobs": [local_job()], "customers": [customer(sync_state="synced")], **kinds}
    return LocalSnapshot(records, waiting or {}, refused)


def test_the_same_records_in_other_representations_converge() -> None:
    report = convergence_report(local(), office())
    assert report.converged
    assert report.differences == ()
    assert (report.records, report.agreeing) == (2, 2)


def test_empty_sides_converge() -> None:
    report = convergence_report(LocalSnapshot({}), {})
    assert report.converged and report.records == 0


def test_amounts_times_and_enums_are_compared_by_value() -> None:
    assert normalise("total", Decimal("450.00")) == normalise("total", "450")
    assert normalise("amount", "1.50") == normalise("amount", 1.5)
    assert normalise("clock_in", "2026-11-23T09:00:00+01:00") == normalise(
        "clock_in", datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    )
    assert normalise("clock_in", datetime(2026, 11, 23, 8, 0)) == normalise(
        "clock_in", "2026-11-23T08:00:00Z"
    )
    assert normalise("status", PaymentStatus.APPROVED) == "approved"
    assert normalise("total", "450.00") != normalise("total", "450.01")
    assert normalise("reference", "INV-1") == "INV-1"


def test_an_office_edit_not_pulled_yet_is_one_field_difference() -> None:
    edited = office(jobs=[office_job(title="Boiler replaced", version=4)])
    report = convergence_report(local(), edited)
    assert len(report.differences) == 1
    difference = report.differences[0]
    assert difference.presence is Presence.BOTH
    assert (difference.kind, difference.record_id, difference.field) == ("jobs", JOB, "title")
    assert (difference.local_value, difference.office_value) == (
        "Boiler service",
        "Boiler replaced",
    )
    assert difference.why is Why.NOT_PULLED_YET and difference.expected
    assert difference.label == "Boiler service"
    assert (report.records, report.agreeing) == (2, 1)
    assert not report.converged


def test_a_local_change_in_the_outbox_is_waiting_to_sync() -> None:
    mine = local(
        waiting={("job", JOB): frozenset({"status", "status_changed_at"})},
        jobs=[local_job(status=JobStatus.EN_ROUTE, status_changed_at=START, sync_state="pending")],
    )
    report = convergence_report(mine, office())
    assert {(d.field, d.why) for d in report.differences} == {
        ("status", Why.WAITING_TO_SYNC),
        ("status_changed_at", Why.WAITING_TO_SYNC),
    }
    assert all(d.expected for d in report.differences)


def test_a_difference_nothing_explains_is_unexplained() -> None:
    report = convergence_report(local(jobs=[local_job(address="Elsewhere 2")]), office())
    assert [(d.field, d.why) for d in report.differences] == [("address", Why.UNEXPLAINED)]
    assert not report.differences[0].expected
    assert report.unexplained == report.differences


def test_a_field_the_outbox_does_not_touch_is_not_explained_by_it() -> None:
    mine = local(
        waiting={("job", JOB): frozenset({"status"})},
        jobs=[local_job(title="Typed locally")],
    )
    report = convergence_report(mine, office())
    assert [(d.field, d.why) for d in report.differences] == [("title", Why.UNEXPLAINED)]


def test_records_only_here_say_whether_they_wait_for_sync() -> None:
    note = {"id": NOTE, "version": 0, "job_id": JOB, "text": "Gate code 4711", "author_id": None}
    waiting_note = {**note, "sync_state": "local_only"}
    report = convergence_report(
        local(waiting={("note", NOTE): frozenset({"*"})}, notes=[waiting_note]), office()
    )
    [difference] = report.differences
    assert (difference.kind, difference.presence, difference.why) == (
        "notes",
        Presence.HERE_ONLY,
        Why.WAITING_TO_SYNC,
    )
    assert difference.expected and difference.label == "Gate code 4711"

    refused = convergence_report(
        local(refused=frozenset({("note", NOTE)}), notes=[{**note, "sync_state": "failed"}]),
        office(),
    )
    assert [d.why for d in refused.differences] == [Why.REFUSED]
    assert not refused.differences[0].expected

    lost = convergence_report(
        local(notes=[{**note, "version": 2, "sync_state": "synced"}]), office()
    )
    assert [d.why for d in lost.differences] == [Why.UNEXPLAINED]


def test_a_job_the_office_took_away_is_gone_at_the_office_with_its_notes() -> None:
    note = {"id": NOTE, "version": 1, "job_id": JOB, "text": "x", "sync_state": "synced"}
    report = convergence_report(local(notes=[note]), {"jobs": [], "customers": [customer()]})
    assert [(d.kind, d.presence, d.why) for d in report.differences] == [
        ("jobs", Presence.HERE_ONLY, Why.GONE_AT_OFFICE),
        ("notes", Presence.HERE_ONLY, Why.GONE_AT_OFFICE),
    ]


def test_records_only_at_the_office_are_not_pulled_yet() -> None:
    new_job = office_job(id=OTHER_JOB, title="Emergency: no hot water", version=1)
    report = convergence_report(local(), office(jobs=[office_job(), new_job]))
    [difference] = report.differences
    assert (difference.kind, difference.record_id) == ("jobs", OTHER_JOB)
    assert (difference.presence, difference.why) == (Presence.OFFICE_ONLY, Why.NOT_PULLED_YET)
    assert difference.label == "Emergency: no hot water"


def test_only_the_customers_the_technician_has_are_compared() -> None:
    stranger = customer(id="77777777-7777-4777-8777-777777777777", name="Someone Else")
    report = convergence_report(local(), office(customers=[customer(), stranger]))
    assert report.converged and report.records == 2


def test_a_conflict_is_named_as_one() -> None:
    mine = local(customers=[customer(phone="070-1", sync_state="conflict")])
    report = convergence_report(mine, office(customers=[customer(phone="070-2", version=2)]))
    assert [(d.field, d.why) for d in report.differences] == [("phone", Why.CONFLICT)]


def test_document_lines_and_totals_compare_by_value() -> None:
    line = {"description": "Labour", "quantity": "1.5", "unit_price": "650.00", "vat_rate": "25"}
    totals = {"net": "975.00", "vat": "243.75", "total": "1218.75"}
    office_document = {
        "id": DOCUMENT,
        "version": 1,
        "kind": "invoice",
        "reference": "INV-1",
        "job_id": JOB,
        "customer_id": CUSTOMER,
        "currency": "SEK",
        "subtotal": "975.00",
        "vat_total": "243.75",
        "total": "1218.75",
        "notes": "",
        "delivery_state": "sent",
        "sent_at": "2026-11-23T10:00:00+00:00",
        "converted_from_id": None,
        "lines": [{**line, **totals}],
    }
    local_line = {k: Decimal(v) if k != "description" else v for k, v in {**line, **totals}.items()}
    local_document = {
        **office_document,
        "subtotal": Decimal("975"),
        "vat_total": Decimal("243.750"),
        "total": Decimal("1218.75"),
        "sent_at": datetime(2026, 11, 23, 11, 0, tzinfo=CET),
        "lines": [local_line],
        "sync_state": "synced",
    }
    assert convergence_report(
        local(documents=[local_document]), office(documents=[office_document])
    ).converged
    changed = {**local_line, "quantity": Decimal("2")}
    report = convergence_report(
        local(documents=[{**local_document, "lines": [changed]}]),
        office(documents=[office_document]),
    )
    assert [(d.field, d.why) for d in report.differences] == [("lines", Why.UNEXPLAINED)]


def test_payments_are_matched_by_their_idempotency_key() -> None:
    key = "88888888-8888-4888-8888-888888888888"
    at_office = {
        "idempotency_key": key,
        "id": "99999999-9999-4999-8999-999999999999",  # the server's own id
        "document_id": DOCUMENT,
        "technician_id": TECHNICIAN,
        "amount": "1218.75",
        "currency": "SEK",
        "status": "approved",
        "card_last4": "4242",
        "reason": "",
        "created_at": "2026-11-23T10:00:00+00:00",
    }
    here = {
        "id": "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa",
        "idempotency_key": key,
        "document_id": DOCUMENT,
        "amount": Decimal("1218.75"),
        "currency": "SEK",
        "status": PaymentStatus.APPROVED,
        "card_last4": "4242",
        "reason": "",
        "sync_state": "synced",
    }
    assert convergence_report(local(payments=[here]), office(payments=[at_office])).converged
    unanswered = {**here, "status": PaymentStatus.UNKNOWN, "sync_state": "local_only"}
    report = convergence_report(local(payments=[unanswered]), office())
    assert [(d.kind, d.why) for d in report.differences] == [("payments", Why.WAITING_TO_SYNC)]


def test_labels_are_short_and_on_one_line() -> None:
    note = {"text": "A very long note\nthat goes on and on about the boiler and its pressure"}
    label = record_label("notes", note)
    assert "\n" not in label and len(label) <= 40 and label.endswith("…")
    assert record_label("time_entries", {"clock_in": "2026-11-23T08:00:00+00:00"}) == (
        "2026-11-23 08:00"
    )
