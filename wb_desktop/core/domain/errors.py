"""Typed, user-facing errors.

Every refusal the technician can meet is one of these, so the UI can show the message and
tests can tell a refused transition from a malformed amount without parsing text. Messages
are :class:`~wb_desktop.core.domain.text.Text`: English strings the UI can translate.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text, Value

KIB = 1024


class WorkBossError(Exception):
    """Base of every error a person may read; ``str(error)`` is the message to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field of an input."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(WorkBossError):
    """Input refused before anything was written; lists every problem found, not just the first."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        if not self.problems:
            raise ValueError("ValidationError needs at least one problem")
        super().__init__("; ".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        return cls(Problem(field, message))

    @property
    def fields(self) -> list[str]:
        return [p.field for p in self.problems]


_ACTOR_REFUSALS = {
    "technician": QT_TRANSLATE_NOOP(
        "Domain", "A technician cannot move a job from '%1' to '%2'. Allowed next: %3."
    ),
    "office": QT_TRANSLATE_NOOP(
        "Domain", "An office cannot move a job from '%1' to '%2'. Allowed next: %3."
    ),
}
# The status codes as refusals name them, translated so that a Swedish refusal reads Swedish.
_STATUS_WORDS = {
    "scheduled": QT_TRANSLATE_NOOP("Domain", "scheduled"),
    "en_route": QT_TRANSLATE_NOOP("Domain", "en_route"),
    "in_progress": QT_TRANSLATE_NOOP("Domain", "in_progress"),
    "complete": QT_TRANSLATE_NOOP("Domain", "complete"),
    "cancelled": QT_TRANSLATE_NOOP("Domain", "cancelled"),
}
# What the local cache holds, as "No job with id ..." names it.
_RECORD_WORDS = {
    "job": QT_TRANSLATE_NOOP("Domain", "job"),
    "customer": QT_TRANSLATE_NOOP("Domain", "customer"),
    "invoice": QT_TRANSLATE_NOOP("Domain", "invoice"),
    "estimate": QT_TRANSLATE_NOOP("Domain", "estimate"),
    "document": QT_TRANSLATE_NOOP("Domain", "document"),
    "note": QT_TRANSLATE_NOOP("Domain", "note"),
    "photo": QT_TRANSLATE_NOOP("Domain", "photo"),
    "signature": QT_TRANSLATE_NOOP("Domain", "signature"),
    "time entry": QT_TRANSLATE_NOOP("Domain", "time entry"),
    "payment": QT_TRANSLATE_NOOP("Domain", "payment"),
}


def _word(words: dict[str, str], code: str) -> Value:
    """A known code as a translatable word; anything else as it is."""
    return Text(words[code]) if code in words else code


class StatusTransitionError(WorkBossError):
    """A job status change that the status machine does not allow."""

    def __init__(self, current: str, requested: str, allowed: list[str], actor: str) -> None:
        self.current = current
        self.requested = requested
        self.allowed = allowed
        self.actor = actor
        options = (
            Text.join(", ", [_word(_STATUS_WORDS, status) for status in allowed])
            if allowed
            else Text(QT_TRANSLATE_NOOP("Domain", "none (the job is closed)"))
        )
        words = (_word(_STATUS_WORDS, current), _word(_STATUS_WORDS, requested), options)
        if actor in _ACTOR_REFUSALS:
            super().__init__(Text(_ACTOR_REFUSALS[actor], *words))
            return
        template = QT_TRANSLATE_NOOP(
            "Domain", "The %1 cannot move a job from '%2' to '%3'. Allowed next: %4."
        )
        super().__init__(Text(template, actor, *words))


class NotFoundError(WorkBossError):
    """A record the change refers to is not in the local cache."""

    def __init__(self, record_type: str, record_id: str) -> None:
        self.record_type = record_type
        self.record_id = record_id
        super().__init__(
            Text(
                QT_TRANSLATE_NOOP("Domain", "No %1 with id %2 in the local cache."),
                _word(_RECORD_WORDS, record_type),
                record_id,
            )
        )


class StateError(WorkBossError):
    """A change that is well-formed but not possible in the record's current state."""


class QuotaExceededError(WorkBossError):
    """A write that would take the technician's storage past the quota; nothing was written."""

    def __init__(self, used_bytes: int, needed_bytes: int, limit_bytes: int) -> None:
        self.used_bytes = used_bytes
        self.needed_bytes = needed_bytes
        self.limit_bytes = limit_bytes
        super().__init__(
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "Storage full: %1 of %2 used and this needs %3 more. Nothing was saved. Sync "
                    "and free space (synced photos can be removed from the device) or ask "
                    "support to raise the quota.",
                ),
                format_bytes(used_bytes),
                format_bytes(limit_bytes),
                format_bytes(needed_bytes),
            )
        )


class DeviceStorageFullError(WorkBossError):
    """The tablet's own disk is full (not the quota): the write was rolled back whole, and
    everything saved before it is intact."""

    def __init__(self) -> None:
        super().__init__(
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "The tablet's storage is full, so this was not saved; nothing already "
                    "saved is lost. Free some space on the tablet (synced photos can be removed "
                    "from it) and try again.",
                )
            )
        )


_UNITS = (
    QT_TRANSLATE_NOOP("Domain", "%1 bytes"),
    QT_TRANSLATE_NOOP("Domain", "%1 KB"),
    QT_TRANSLATE_NOOP("Domain", "%1 MB"),
    QT_TRANSLATE_NOOP("Domain", "%1 GB"),
)


def format_bytes(size: int) -> Text:
    """Human-readable size with one decimal, in binary units people call MB."""
    if abs(size) < KIB:
        return Text(_UNITS[0], size)
    value = Decimal(size)
    for unit in _UNITS[1:]:
        value /= KIB
        if abs(value) < KIB or unit == _UNITS[-1]:
            return Text(unit, value.quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN))
    raise AssertionError("unreachable")
