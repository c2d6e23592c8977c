"""What a scenario file becomes: the ``Scenario``, its typed and immutable steps, and the
``ScenarioError`` raised when a file cannot become one.

Apart from the parser (``wb_desktop.tools.scenario.format``) so that the file readers can
raise the error without importing the parser.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

DEFAULT_SYNC_TIMEOUT_S = 30.0


class ScenarioError(ValueError):
    """A scenario that cannot be run; ``step`` is 1-based, or None for the file itself."""

    def __init__(self, message: str, *, step: int | None = None, source: str = "") -> None:
        self.message = message
        self.step = step
        self.source = source
        super().__init__(f"step {step}: {message}" if step is not None else message)


@dataclass(frozen=True)
class NetworkStep:
    """Put the client on a network profile (a name from ``PROFILE_NAMES``)."""

    number: int
    profile: str
    why: str = ""


@dataclass(frozen=True)
class ActionStep:
    """Something the technician does in the app (``do``)."""

    number: int
    action: str
    args: Mapping[str, Any]
    why: str = ""


@dataclass(frozen=True)
class ServerStep:
    """Something the office or the server does (``server``), including injected faults."""

    number: int
    action: str
    args: Mapping[str, Any]
    why: str = ""


@dataclass(frozen=True)
class SyncStep:
    """Run a sync to the end, failing the step after ``timeout_s`` seconds."""

    number: int
    timeout_s: float = DEFAULT_SYNC_TIMEOUT_S
    why: str = ""


@dataclass(frozen=True)
class CrashStep:
    """Kill the client (now, or ``during`` a sync phase) and start it again."""

    number: int
    during: str | None = None
    why: str = ""


@dataclass(frozen=True)
class ClockStep:
    """Move the simulated clock forward."""

    number: int
    delta: timedelta
    why: str = ""


@dataclass(frozen=True)
class ExpectStep:
    """Checks of the client's and server's state.

    ``checks`` maps an expectation name to its value; the record expectations (``job``,
    ``server_job``, ``invoice``, ``payment``) always map to a tuple of objects.
    """

    number: int
    checks: Mapping[str, Any]
    why: str = ""


Step = NetworkStep | ActionStep | ServerStep | SyncStep | CrashStep | ClockStep | ExpectStep


@dataclass(frozen=True)
class Scenario:
    name: str
    technician: str  # a demo technician's email
    seed: int
    description: str
    steps: tuple[Step, ...]
