"""The job status machine.

Technicians walk a job forward one step at a time; only the office cancels. Keeping the
table here (not in widgets or the server) lets the app offer exactly the allowed buttons and
the server refuse the same transitions.
"""

from __future__ import annotations

from enum import StrEnum

from wb_desktop.core.domain.errors import StatusTransitionError, ValidationError
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text


class JobStatus(StrEnum):
    SCHEDULED = "scheduled"
    EN_ROUTE = "en_route"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"
    CANCELLED = "cancelled"


class Actor(StrEnum):
    TECHNICIAN = "technician"
    OFFICE = "office"


_TECHNICIAN_STEPS: dict[JobStatus, tuple[JobStatus, ...]] = {
    JobStatus.SCHEDULED: (JobStatus.EN_ROUTE,),
    JobStatus.EN_ROUTE: (JobStatus.IN_PROGRESS,),
    JobStatus.IN_PROGRESS: (JobStatus.COMPLETE,),
    JobStatus.COMPLETE: (),
    JobStatus.CANCELLED: (),
}

TECHNICIAN_STATUSES: tuple[JobStatus, ...] = tuple(
    dict.fromkeys(step for steps in _TECHNICIAN_STEPS.values() for step in steps)
)
"""The statuses a technician sets (en route, in progress, complete), in workflow order."""

_OPEN = (JobStatus.SCHEDULED, JobStatus.EN_ROUTE, JobStatus.IN_PROGRESS)


def allowed_transitions(
    current: JobStatus, actor: Actor = Actor.TECHNICIAN
) -> tuple[JobStatus, ...]:
    """The statuses ``actor`` may move a job to from ``current``, in workflow order."""
    current, actor = JobStatus(current), Actor(actor)  # a plain "office" must not act as tech
    steps = _TECHNICIAN_STEPS[current]
    if actor is Actor.OFFICE and current in _OPEN:
        return (*steps, JobStatus.CANCELLED)
    return steps


def parse_status(value: str | JobStatus) -> JobStatus:
    try:
        return JobStatus(value)
    except ValueError:
        names = ", ".join(s.value for s in JobStatus)
        raise ValidationError.single(
            "status",
            Text(
                QT_TRANSLATE_NOOP("Domain", "'%1' is not a job status (expected one of: %2)"),
                str(value),
                names,
            ),
        ) from None


def check_transition(
    current: JobStatus, requested: JobStatus, actor: Actor = Actor.TECHNICIAN
) -> None:
    """Raise :class:`StatusTransitionError` unless ``actor`` may move the job to ``requested``."""
    current, requested, actor = JobStatus(current), JobStatus(requested), Actor(actor)
    allowed = allowed_transitions(current, actor)
    if requested not in allowed:
        raise StatusTransitionError(
            current.value, requested.value, [s.value for s in allowed], actor.value
        )


def is_open(status: JobStatus) -> bool:
    """Whether work can still be recorded against a job in this status."""
    return status in _OPEN
