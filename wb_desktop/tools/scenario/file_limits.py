"""The limits on a scenario file, and the JSON and YAML readers that enforce them as they
read: a file over one is a ``ScenarioError`` naming the file and the limit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from wb_desktop.tools.scenario.step_types import ScenarioError

# Limits on what a scenario file may be, so a hostile or broken file is refused with a clear
# message instead of a traceback, endless memory or an endless run (docs/scenarios.md,
# "Limits"). The library's scenarios are below 10 KB, 5 levels and 50 steps.
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32  # objects and lists inside each other, the top level counting as 1
MAX_VALUES = 1_000_000  # keys and values, each alias (*name) counting as a copy of its anchor
MAX_STEPS = 10_000


def parse_json(content: str, path: Path) -> object:
    """Decoded JSON, refused when nested deeper than ``MAX_DEPTH``."""
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


def parse_yaml(content: str, path: Path) -> object:
    """Decoded YAML, refused by the counting loader as soon as it passes a limit."""
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
