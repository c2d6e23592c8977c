"""Steps as one line of the scenario language, for lists that show a recording or a replay.

A step is shown the way it is written in a file (``{do: add_note, job: 1, text: Hello}``),
so what QA sees in the console is what they will find when they open the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

import yaml

from wb_desktop.tools.scenario.format import (
    ActionStep,
    ClockStep,
    CrashStep,
    ExpectStep,
    NetworkStep,
    ServerStep,
    Step,
    SyncStep,
)
from wb_desktop.tools.scenario.recorder import format_delta


def step_as_dict(step: Step) -> dict[str, Any]:
    """A parsed step back in the shape of the file (with normalised values)."""
    why = {"why": step.why} if step.why else {}
    if isinstance(step, NetworkStep):
        return {"network": step.profile, **why}
    if isinstance(step, ActionStep):
        return {"do": step.action, **_plain(step.args), **why}
    if isinstance(step, ServerStep):
        return {"server": step.action, **_plain(step.args), **why}
    if isinstance(step, SyncStep):
        timeout = step.timeout_s
        return {"sync": {"timeout": int(timeout) if timeout.is_integer() else timeout}, **why}
    if isinstance(step, CrashStep):
        return {"crash": {"during": step.during} if step.during else True, **why}
    if isinstance(step, ClockStep):
        return {"clock": format_delta(step.delta), **why}
    assert isinstance(step, ExpectStep)
    return {"expect": _plain(step.checks), **why}


def step_text(step: Mapping[str, Any]) -> str:
    """One line: the step as YAML flow style, without the ``why``."""
    shown = {key: value for key, value in step.items() if key != "why"}
    text = yaml.safe_dump(
        _plain(shown), default_flow_style=True, sort_keys=False, allow_unicode=True, width=10**6
    )
    return text.strip().removesuffix("...").strip()


def _plain(value: Any) -> Any:
    """Read-only mappings, tuples, times and time steps as YAML can write them."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, timedelta):
        return format_delta(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value
