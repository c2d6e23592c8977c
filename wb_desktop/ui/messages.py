"""Turning a refusal into the sentence the technician reads."""

from __future__ import annotations

from wb_desktop.domain.errors import ValidationError, WorkBossError


def user_message(error: WorkBossError) -> str:
    """The error's message; for input problems, the problems as sentences without the
    internal field names (the widget already shows which field it is)."""
    if isinstance(error, ValidationError):
        sentences = [problem.message for problem in error.problems]
        return " ".join(s[:1].upper() + s[1:] + ("" if s.endswith(".") else ".") for s in sentences)
    return error.message
