"""The headless scenario file format: JSON or YAML in, typed and immutable objects out.

A scenario is a named list of steps replayed against the reference server by
``wb-desktop scenario run FILE``. This module only parses and validates; the runner consumes
``Scenario`` and its steps. Every problem is a ``ScenarioError`` that names the step (1-based)
and what is wrong; only the first problem is reported. See docs/scenarios.md.

Argument values of ``ActionStep``, ``ServerStep`` and ``ExpectStep`` are read-only mappings
holding what the author wrote, normalised:

- references (``job``, ``customer``, ``invoice``, ``estimate``) stay as written: an ``int``
  position (1 is the first) or a ``str`` id; absent means the documented default;
- money (invoice ``lines``) is text, exactly as written (whole numbers become text);
- ``import_photo`` ``file`` is an absolute path when loaded from a file (or ``demo:N``);
- ``collect_payment`` ``card`` is an alias or the card's 16 digits without spaces;
- ``assign_job`` ``technician`` is an email, ``start`` an aware ``datetime`` or a
  ``timedelta`` from now; ``edit_job`` time fields are ISO 8601 text;
- lists are tuples and objects are read-only mappings.

The step types live in ``step_types`` (imported from here, as most modules do); the size
limits and the JSON and YAML readers that enforce them in ``file_limits``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

from wb_desktop.core.domain.errors import format_bytes
from wb_desktop.core.sync.profiles import PROFILE_NAMES
from wb_desktop.tools.scenario.actions import check_action
from wb_desktop.tools.scenario.expectations import check_expectations
from wb_desktop.tools.scenario.fields import (
    Context,
    FieldError,
    describe,
    is_int,
    is_number,
    normalise_technician,
    parse_delta,
)
from wb_desktop.tools.scenario.file_limits import (
    MAX_FILE_BYTES,
    MAX_STEPS,
    parse_json,
    parse_yaml,
)
from wb_desktop.tools.scenario.step_types import (
    DEFAULT_SYNC_TIMEOUT_S,
    ActionStep,
    ClockStep,
    CrashStep,
    ExpectStep,
    NetworkStep,
    Scenario,
    ScenarioError,
    ServerStep,
    Step,
    SyncStep,
)

__all__ = [
    "CRASH_PHASES",
    "STEP_KINDS",
    "ActionStep",
    "ClockStep",
    "CrashStep",
    "ExpectStep",
    "NetworkStep",
    "Scenario",
    "ScenarioError",
    "ServerStep",
    "Step",
    "SyncStep",
    "load_scenario",
    "parse_delta",
    "parse_scenario",
]

STEP_KINDS = ("network", "do", "server", "sync", "crash", "clock", "expect")
CRASH_PHASES = ("push", "pull", "upload")
MAX_SYNC_TIMEOUT_S = 600.0
TOP_LEVEL_KEYS = ("name", "technician", "seed", "description", "steps")


# --- loading ----------------------------------------------------------------------------------


def load_scenario(path: Path) -> Scenario:
    """Read a .json, .yaml or .yml scenario file; relative photo paths are relative to it.

    A file over ``MAX_FILE_BYTES``, nested deeper than ``MAX_DEPTH``, holding more than
    ``MAX_VALUES`` values (aliases expanded) or ``MAX_STEPS`` steps is refused with a
    ``ScenarioError`` naming the file and the limit, before it is built in memory.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".yaml", ".yml"):
        raise ScenarioError(
            f"{path}: a scenario file must end in .json, .yaml or .yml, not {suffix!r}",
            source=str(path),
        )
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
            if len(raw) > MAX_FILE_BYTES:
                size = max(os.fstat(handle.fileno()).st_size, len(raw))
                raise ScenarioError(
                    f"{path}: the file is {format_bytes(size)}; scenario files up to "
                    f"{format_bytes(MAX_FILE_BYTES)} are accepted",
                    source=str(path),
                )
        content = raw.decode("utf-8")
    except FileNotFoundError:
        raise ScenarioError(f"{path}: no such scenario file", source=str(path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ScenarioError(f"{path}: cannot read the file: {error}", source=str(path)) from None
    content = content.replace("\r\n", "\n").replace("\r", "\n")  # as read_text would
    data = parse_json(content, path) if suffix == ".json" else parse_yaml(content, path)
    return parse_scenario(data, source=str(path), base_dir=path.resolve().parent)


# --- parsing ----------------------------------------------------------------------------------


def parse_scenario(
    data: object, *, source: str = "<scenario>", base_dir: Path | None = None
) -> Scenario:
    """Validate already-decoded JSON/YAML data into a ``Scenario``.

    ``base_dir`` (set by ``load_scenario``) resolves relative photo paths and checks that
    the files exist; without it they are kept as written.
    """

    def fail(message: str) -> ScenarioError:
        return ScenarioError(message, source=source)

    if not isinstance(data, Mapping):
        raise fail(
            f"a scenario must be an object with name, technician and steps, got {describe(data)}"
        )
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            raise fail(f"unknown top-level key {key!r} (known: {', '.join(TOP_LEVEL_KEYS)})")
    for key in ("name", "technician", "steps"):
        if key not in data:
            raise fail(f"a scenario needs '{key}'")
    name = data["name"]
    if not isinstance(name, str) or not name.strip():
        raise fail(f"'name' must be non-empty text, got {name!r}")
    try:
        technician = normalise_technician(data["technician"])
    except FieldError as error:
        raise fail(error.message) from None
    seed = data.get("seed", 1)
    if not is_int(seed):
        raise fail(f"'seed' must be a whole number, got {seed!r}")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise fail(f"'description' must be text, got {describe(description)}")
    steps = data["steps"]
    if not isinstance(steps, list):
        raise fail(f"'steps' must be a list of steps, got {describe(steps)}")
    if not steps:
        raise fail("'steps' is empty: a scenario needs at least one step")
    if len(steps) > MAX_STEPS:
        raise fail(
            f"{source}: {len(steps):,} steps; a scenario may have at most {MAX_STEPS:,} steps"
        )
    context = Context(base_dir=base_dir)
    parsed = tuple(_parse_step(n, raw, context, source) for n, raw in enumerate(steps, 1))
    return Scenario(name, technician, seed, description, parsed)


def _parse_step(number: int, raw: object, context: Context, source: str) -> Step:
    try:
        return _step(number, raw, context)
    except FieldError as error:
        raise ScenarioError(error.message, step=number, source=source) from None


def _step(number: int, raw: object, context: Context) -> Step:
    kinds_text = ", ".join(STEP_KINDS)
    if not isinstance(raw, Mapping):
        raise FieldError(f"a step must be an object with one of {kinds_text}, got {describe(raw)}")
    kinds = [key for key in raw if key in STEP_KINDS]
    if not kinds:
        keys = ", ".join(repr(k) for k in raw) or "none"
        raise FieldError(f"a step needs one of {kinds_text} (its keys: {keys})")
    if len(kinds) > 1:
        raise FieldError(
            f"a step does one thing, but this one has both {kinds[0]!r} and {kinds[1]!r}"
        )
    kind = kinds[0]
    why = raw.get("why", "")
    if not isinstance(why, str):
        raise FieldError(f"'why' must be text, got {describe(why)}")
    value = raw[kind]
    rest = {k: v for k, v in raw.items() if k not in (kind, "why")}

    if kind in ("do", "server"):
        args = check_action(kind, value, rest, context)
        step_type = ActionStep if kind == "do" else ServerStep
        return step_type(number, value, args, why)
    for key in rest:
        raise FieldError(f"unknown key {key!r} in a '{kind}' step (only {kind!r} and 'why')")
    if kind == "network":
        return NetworkStep(number, _profile(value), why)
    if kind == "sync":
        return SyncStep(number, _sync_timeout(value), why)
    if kind == "crash":
        return CrashStep(number, _crash_phase(value), why)
    if kind == "clock":
        return ClockStep(number, _clock(value), why)
    return ExpectStep(number, check_expectations(value, context), why)


def _profile(value: object) -> str:
    if isinstance(value, str) and value in PROFILE_NAMES:
        return value
    raise FieldError(f"unknown network profile {value!r} (known: {', '.join(PROFILE_NAMES)})")


def _options(kind: str, value: object, allowed: str) -> Mapping[str, Any]:
    """``true`` (all defaults) or an object with only the ``allowed`` key."""
    if value is True:
        return {}
    if not isinstance(value, Mapping):
        raise FieldError(f"'{kind}' must be true or an object like {{{allowed}: …}}, got {value!r}")
    for key in value:
        if key != allowed:
            raise FieldError(f"unknown option {key!r} for '{kind}' (known: {allowed})")
    return value


def _sync_timeout(value: object) -> float:
    timeout = _options("sync", value, "timeout").get("timeout", DEFAULT_SYNC_TIMEOUT_S)
    if is_number(timeout) and 0 < timeout <= MAX_SYNC_TIMEOUT_S:
        return float(timeout)
    raise FieldError(
        f"sync 'timeout' must be a number of seconds > 0 and ≤ {MAX_SYNC_TIMEOUT_S:g}, "
        f"got {timeout!r}"
    )


def _crash_phase(value: object) -> str | None:
    during = _options("crash", value, "during").get("during")
    if during is None or during in CRASH_PHASES:
        return during
    raise FieldError(f"crash 'during' must be one of {', '.join(CRASH_PHASES)}, got {during!r}")


def _clock(value: object) -> timedelta:
    try:
        return parse_delta(value)
    except FieldError as error:
        raise FieldError(f"'clock': {error.message}") from None
