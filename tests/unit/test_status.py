"""The job status machine: the full transition matrix for both actors, and its errors."""

from __future__ import annotations

import itertools

import pytest

from wb_desktop.core.domain.errors import StatusTransitionError, ValidationError, WorkBossError
from wb_desktop.core.domain.status import (
    Actor,
    JobStatus,
    allowed_transitions,
    check_transition,
    is_open,
    parse_status,
)

S = JobStatus

# The whole rule, written out by hand so the test does not re-derive it from the code.
ALLOWED: dict[Actor, set[tuple[JobStatus, JobStatus]]] = {
    Actor.TECHNICIAN: {
        (S.SCHEDULED, S.EN_ROUTE),
        (S.EN_ROUTE, S.IN_PROGRESS),
        (S.IN_PROGRESS, S.COMPLETE),
    },
    Actor.OFFICE: {
        (S.SCHEDULED, S.EN_ROUTE),
        (S.EN_ROUTE, S.IN_PROGRESS),
        (S.IN_PROGRESS, S.COMPLETE),
        (S.SCHEDULED, S.CANCELLED),
        (S.EN_ROUTE, S.CANCELLED),
        (S.IN_PROGRESS, S.CANCELLED),
    },
}

MATRIX = [
    pytest.param(actor, current, requested, id=f"{actor}:{current}->{requested}")
    for actor in Actor
    for current, requested in itertools.product(JobStatus, JobStatus)
]


def test_matrix_covers_every_pair_for_both_actors():
    assert len(MATRIX) == 2 * len(JobStatus) ** 2 == 50


@pytest.mark.parametrize(("actor", "current", "requested"), MATRIX)
def test_every_transition_is_allowed_or_refused_as_specified(actor, current, requested):
    expected_allowed = (current, requested) in ALLOWED[actor]
    assert (requested in allowed_transitions(current, actor)) is expected_allowed
    if expected_allowed:
        assert check_transition(current, requested, actor) is None
    else:
        with pytest.raises(StatusTransitionError) as caught:
            check_transition(current, requested, actor)
        error = caught.value
        assert error.current == current.value
        assert error.requested == requested.value
        assert error.actor == actor.value
        assert error.allowed == [s.value for s in allowed_transitions(current, actor)]
        assert isinstance(error, WorkBossError)


@pytest.mark.parametrize(
    ("current", "actor", "expected"),
    [
        (S.SCHEDULED, Actor.TECHNICIAN, (S.EN_ROUTE,)),
        (S.EN_ROUTE, Actor.TECHNICIAN, (S.IN_PROGRESS,)),
        (S.IN_PROGRESS, Actor.TECHNICIAN, (S.COMPLETE,)),
        (S.COMPLETE, Actor.TECHNICIAN, ()),
        (S.CANCELLED, Actor.TECHNICIAN, ()),
        (S.SCHEDULED, Actor.OFFICE, (S.EN_ROUTE, S.CANCELLED)),
        (S.EN_ROUTE, Actor.OFFICE, (S.IN_PROGRESS, S.CANCELLED)),
        (S.IN_PROGRESS, Actor.OFFICE, (S.COMPLETE, S.CANCELLED)),
        (S.COMPLETE, Actor.OFFICE, ()),
        (S.CANCELLED, Actor.OFFICE, ()),
    ],
)
def test_allowed_transitions_in_workflow_order(current, actor, expected):
    assert allowed_transitions(current, actor) == expected


def test_default_actor_is_the_technician():
    assert allowed_transitions(S.SCHEDULED) == (S.EN_ROUTE,)
    with pytest.raises(StatusTransitionError) as caught:
        check_transition(S.SCHEDULED, S.CANCELLED)
    assert caught.value.actor == "technician"


def test_technician_cannot_skip_a_step_and_message_says_what_is_allowed():
    with pytest.raises(StatusTransitionError) as caught:
        check_transition(S.SCHEDULED, S.COMPLETE, Actor.TECHNICIAN)
    assert str(caught.value) == (
        "A technician cannot move a job from 'scheduled' to 'complete'. Allowed next: en_route."
    )
    assert caught.value.message == str(caught.value)


def test_technician_cannot_cancel():
    with pytest.raises(StatusTransitionError) as caught:
        check_transition(S.IN_PROGRESS, S.CANCELLED, Actor.TECHNICIAN)
    assert caught.value.allowed == ["complete"]
    assert "'in_progress' to 'cancelled'" in str(caught.value)


def test_office_message_lists_both_options_and_reads_well():
    with pytest.raises(StatusTransitionError) as caught:
        check_transition(S.SCHEDULED, S.COMPLETE, Actor.OFFICE)
    assert caught.value.allowed == ["en_route", "cancelled"]
    assert str(caught.value) == (
        "An office cannot move a job from 'scheduled' to 'complete'. "
        "Allowed next: en_route, cancelled."
    )


@pytest.mark.parametrize("closed", [S.COMPLETE, S.CANCELLED])
@pytest.mark.parametrize("actor", list(Actor))
def test_closed_job_message_says_it_is_closed(closed, actor):
    with pytest.raises(StatusTransitionError) as caught:
        check_transition(closed, S.SCHEDULED, actor)
    assert caught.value.allowed == []
    assert str(caught.value).endswith("Allowed next: none (the job is closed).")


@pytest.mark.parametrize("status", list(JobStatus))
def test_staying_in_the_same_status_is_not_a_transition(status):
    for actor in Actor:
        with pytest.raises(StatusTransitionError):
            check_transition(status, status, actor)


def test_plain_strings_are_treated_as_the_enum_members():
    # StrEnum values compare equal to their text; "office" must act as the office, not
    # silently fall back to the technician's rules (and must not crash building the error).
    assert allowed_transitions("scheduled", "office") == (S.EN_ROUTE, S.CANCELLED)
    assert check_transition("en_route", "cancelled", "office") is None
    with pytest.raises(StatusTransitionError) as caught:
        check_transition("complete", "cancelled", "office")
    assert caught.value.actor == "office"
    assert caught.value.current == "complete"


@pytest.mark.parametrize("value", list(JobStatus))
def test_parse_status_accepts_every_status_and_its_text(value):
    assert parse_status(value) is value
    assert parse_status(value.value) is value


@pytest.mark.parametrize(
    "value", ["", "done", "Scheduled", " scheduled", "en-route", "CANCELLED", None, 3]
)
def test_parse_status_refuses_unknown_values_naming_the_field(value):
    with pytest.raises(ValidationError) as caught:
        parse_status(value)
    assert caught.value.fields == ["status"]
    message = str(caught.value)
    assert message.startswith(f"status: '{value}' is not a job status")
    for known in JobStatus:
        assert known.value in message


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (S.SCHEDULED, True),
        (S.EN_ROUTE, True),
        (S.IN_PROGRESS, True),
        (S.COMPLETE, False),
        (S.CANCELLED, False),
    ],
)
def test_is_open(status, expected):
    assert is_open(status) is expected
