"""Exceptions shared by the engine's parts."""

from __future__ import annotations


class StepInterruptedError(Exception):
    """The service asked the step to stop (the app is closing); what is done stays done."""


class SyncProblem(Exception):  # noqa: N818 - the base of the sync's readable failures
    """A failure whose ``reason`` is a sentence for the sync indicator and the log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
