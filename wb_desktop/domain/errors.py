"""Typed, user-facing errors.

Every refusal the technician can meet is one of these, so the UI can show the message as
it is and tests can tell a refused transition from a malformed amount without parsing text.
"""

from __future__ import annotations

from dataclasses import dataclass


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


class StatusTransitionError(WorkBossError):
    """A job status change that the status machine does not allow."""

    def __init__(self, current: str, requested: str, allowed: list[str], actor: str) -> None:
        self.current = current
        self.requested = requested
        self.allowed = allowed
        self.actor = actor
        options = ", ".join(allowed) if allowed else "none (the job is closed)"
        article = "An" if actor[:1].lower() in "aeiou" else "A"
        super().__init__(
            f"{article} {actor} cannot move a job from '{current}' to '{requested}'. "
            f"Allowed next: {options}."
        )


class NotFoundError(WorkBossError):
    """A record the change refers to is not in the local cache."""

    def __init__(self, record_type: str, record_id: str) -> None:
        self.record_type = record_type
        self.record_id = record_id
        super().__init__(f"No {record_type} with id {record_id} in the local cache.")


class StateError(WorkBossError):
    """A change that is well-formed but not possible in the record's current state."""


class QuotaExceededError(WorkBossError):
    """A write that would take the technician's storage past the quota; nothing was written."""

    def __init__(self, used_bytes: int, needed_bytes: int, limit_bytes: int) -> None:
        self.used_bytes = used_bytes
        self.needed_bytes = needed_bytes
        self.limit_bytes = limit_bytes
        super().__init__(
            f"Storage full: {format_bytes(used_bytes)} of {format_bytes(limit_bytes)} used and "
            f"this needs {format_bytes(needed_bytes)} more. Nothing was saved. Sync and free "
            "space (synced photos can be removed from the device) or ask support to raise the "
            "quota."
        )


def format_bytes(size: int) -> str:
    """Human-readable size with one decimal, in binary units people call MB."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if abs(value) < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")
