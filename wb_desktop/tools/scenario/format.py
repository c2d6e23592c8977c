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
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import yaml

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

__all__ = [
    "CRASH_PHASES",
    "DEFAULT_SYNC_TIMEOUT_S",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_STEPS",
    "MAX_VALUES",
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
# Limits on what a scenario file may be, so a hostile or broken file is refused with a clear
# message instead of a traceback, endless memory or an endless run (docs/scenarios.md,
# "Limits"). The library's scenarios are below 10 KB, 5 levels and 50 steps.
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32  # objects and lists inside each other, the top level counting as 1
MAX_VALUES = 1_000_000  # keys and values, each alias (*name) counting as a copy of its anchor
MAX_STEPS = 10_000
CRASH_PHASES = ("push", "pull", "upload")
DEFAULT_SYNC_TIMEOUT_S = 30.0
MAX_SYNC_TIMEOUT_S = 600.0
TOP_LEVEL_KEYS = ("name", "technician", "seed", "description", "steps")


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
    data = _parse_json(content, path) if suffix == ".json" else _parse_yaml(content, path)
    return parse_scenario(data, source=str(path), base_dir=path.resolve().parent)


def _parse_json(content: str, path: Path) -> object:
    try:
        data = json.loads(content)
    except json.JSONDecodeError as error:
        raise ScenarioError(
            f"{path}: invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}",
            source=str(path),
        ) from None
    except RecursionError:
        raise ScenarioError(_too_deep(path, ""), source=str(path)) from None
    except ValueError as error:  # a number of more than 4300 digits
        raise ScenarioError(f"{path}: invalid JSON: {error}", source=str(path)) from None
    if _depth(data) > MAX_DEPTH:
        raise ScenarioError(_too_deep(path, ""), source=str(path))
    return data


def _depth(data: object) -> int:
    """How many objects and lists are inside each other, without recursing (JSON has no
    aliases, so every value is visited once)."""
    deepest, pending = 0, [(data, 1)]
    while pending:
        value, level = pending.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, level)
        if deepest > MAX_DEPTH:
            break
        pending.extend((child, level + 1) for child in children)
    return deepest


def _parse_yaml(content: str, path: Path) -> object:
    loader = _LimitedLoader(content)
    try:
        return loader.get_single_data()
    except _LimitError as error:
        raise ScenarioError(error.message(path), source=str(path)) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        if "'\\t'" in problem:
            problem += " (YAML indents with spaces, not tabs)"
        raise ScenarioError(f"{path}: invalid YAML{where}: {problem}", source=str(path)) from None
    except ValueError as error:  # a date like 2026-13-45, a number of more than 4300 digits
        raise ScenarioError(f"{path}: invalid YAML: {error}", source=str(path)) from None
    finally:
        loader.dispose()


def _too_deep(path: Path, where: str) -> str:
    return (
        f"{path}: objects and lists are nested more than {MAX_DEPTH} levels deep{where}; "
        f"a scenario may nest at most {MAX_DEPTH}"
    )


def _at(mark: yaml.Mark | None) -> str:
    return f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""


class _LimitError(Exception):
    """A YAML document over one of the limits; ``message`` names the file and the limit."""

    def __init__(self, kind: str, mark: yaml.Mark | None) -> None:
        super().__init__(kind)
        self.kind = kind
        self.mark = mark

    def message(self, path: Path) -> str:
        where = _at(self.mark)
        if self.kind == "depth":
            return _too_deep(path, where)
        if self.kind == "steps":
            return (
                f"{path}: more than {MAX_STEPS:,} steps (step {MAX_STEPS + 1:,} is{where}); "
                f"a scenario may have at most {MAX_STEPS:,} steps"
            )
        return (
            f"{path}: more than {MAX_VALUES:,} values once its aliases (*name) are expanded"
            f" (reached{where}); a scenario may hold at most {MAX_VALUES:,}"
        )


_RECURSIVE = (MAX_VALUES + 1, MAX_DEPTH + 1)  # an alias inside its own anchor never ends


class _LimitedLoader(yaml.SafeLoader):
    """PyYAML's safe loader, counting while it composes the document, before any Python
    object exists: the nesting depth (an alias adds the depth of what it names), the number
    of values with every alias expanded (a "billion laughs" of anchors is refused after a
    few lines), and the items of the top-level ``steps`` list."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._open = 0  # collections being composed around the current node
        self._measured: dict[int, tuple[int, int]] = {}  # id(node) -> (values, depth)
        self._in_steps: list[bool] = []  # per node being composed: is it the steps list?

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        event = self.peek_event()
        if self._in_steps and self._in_steps[-1] and isinstance(index, int) and index >= MAX_STEPS:
            raise _LimitError("steps", event.start_mark)
        is_steps = self._open == 1 and isinstance(index, yaml.ScalarNode) and index.value == "steps"
        collection = isinstance(event, yaml.CollectionStartEvent)
        if collection:
            self._open += 1
            if self._open > MAX_DEPTH:
                raise _LimitError("depth", event.start_mark)
        self._in_steps.append(is_steps)
        try:
            node = super().compose_node(parent, index)
        finally:
            self._in_steps.pop()
            if collection:
                self._open -= 1
        values, depth = self._measure(node, alias=isinstance(event, yaml.AliasEvent))
        if self._open + depth > MAX_DEPTH:
            raise _LimitError("depth", event.start_mark)
        if values > MAX_VALUES:
            raise _LimitError("values", event.start_mark)
        return node

    def _measure(self, node: yaml.Node, *, alias: bool) -> tuple[int, int]:
        """``node``'s values and depth with its aliases expanded; its children are measured."""
        if isinstance(node, yaml.ScalarNode):
            return 1, 0
        if alias:
            return self._measured.get(id(node), _RECURSIVE)
        if isinstance(node, yaml.MappingNode):
            children = [child for pair in node.value for child in pair]
        else:
            children = node.value
        values, depth = 1, 1
        for child in children:
            child_values, child_depth = self._measured.get(id(child), (1, 0))
            values += child_values
            depth = max(depth, child_depth + 1)
        self._measured[id(node)] = (values, depth)
        return values, depth


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
