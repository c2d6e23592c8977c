"""Exceptions shared by the engine's parts."""

from __future__ import annotations


class StepInterruptedError(Exception):
    """The service asked the step to stop (the app is closing); what is done stays done."""
