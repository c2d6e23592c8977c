"""Writing down a session as a scenario file, one step at a time, as it happens.

The console feeds it what the technician, the network, the office and the clock did; the
result is the same format ``wb-desktop scenario run`` replays (docs/scenarios.md). Every
step is checked by the format's own parser when it is added, so a recording can never be
saved as a file the runner refuses. Photos are copied next to the file and named relative
to it, so the scenario and its pictures travel together into the regression library.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from wb_desktop.tools.scenario.fields import FieldError, normalise_technician
from wb_desktop.tools.scenario.format import ScenarioError, parse_scenario
from wb_desktop.tools.scenario.op_steps import (
    References,
    card_for,
    localise_server_step,
    payment_step,
    state_checks,
    steps_for_ops,
)

__all__ = [
    "References",
    "ScenarioRecorder",
    "card_for",
    "format_delta",
    "localise_server_step",
    "payment_step",
    "state_checks",
    "steps_for_ops",
]

SYNC_TIMEOUT_S = 60  # generous: a replay on a slow profile takes longer than the recording
SUFFIXES = (".json", ".yaml", ".yml")
_UNITS = ((86400, "d"), (3600, "h"), (60, "m"), (1, "s"))


def format_delta(delta: timedelta) -> str:
    """A clock step as the format writes it: '+90m' → '+90m', 1 day → '+1d'."""
    seconds = delta.total_seconds()
    if seconds <= 0 or seconds != int(seconds):
        raise ValueError(f"a clock step is a whole number of seconds above 0, not {delta}")
    whole = int(seconds)
    for size, unit in _UNITS:
        if whole % size == 0:
            return f"+{whole // size}{unit}"
    raise AssertionError("unreachable: every whole number of seconds divides by 1")


class ScenarioRecorder:
    """The steps recorded so far; each ``add`` method returns the step it appended."""

    def __init__(
        self,
        name: str,
        technician_email: str,
        seed: int = 1,
        started_at: datetime | None = None,
        description: str = "",
    ) -> None:
        try:
            self.technician = normalise_technician(technician_email)
        except FieldError as error:
            raise ScenarioError(error.message) from None
        self.name = name
        self.seed = seed
        self.started_at = started_at
        self.description = description
        self.steps: list[dict[str, Any]] = []
        self.profile = "online"  # a run starts online

    def network(self, profile_name: str) -> dict[str, Any] | None:
        """Put the run on a profile; None when it is already on it (nothing to write)."""
        if profile_name == self.profile:
            return None
        step = self._add({"network": profile_name})
        self.profile = profile_name
        return step

    def action(self, do_step: Mapping[str, Any]) -> dict[str, Any]:
        return self._add(dict(do_step), kind="do")

    def server(self, step: Mapping[str, Any]) -> dict[str, Any]:
        return self._add(dict(step), kind="server")

    def clock(self, delta: timedelta) -> dict[str, Any]:
        return self._add({"clock": format_delta(delta)})

    def sync(self) -> dict[str, Any]:
        """A sync to the end; two in a row are one."""
        if self.steps and "sync" in self.steps[-1]:
            return self.steps[-1]
        return self._add({"sync": {"timeout": SYNC_TIMEOUT_S}})

    def expect(self, checks: Mapping[str, Any]) -> dict[str, Any]:
        return self._add({"expect": dict(checks)})

    def to_document(self) -> dict[str, Any]:
        document: dict[str, Any] = {"name": self.name, "technician": self.technician}
        document["seed"] = self.seed
        description = self.description
        if self.started_at is not None:
            recorded = f"Recorded in the support console at {self.started_at.isoformat()}."
            description = f"{description}\n{recorded}".strip()
        if description:
            document["description"] = description
        document["steps"] = [dict(step) for step in self.steps]
        return document

    def save(self, path: Path) -> Path:
        """Write the scenario (YAML or JSON by the suffix) and copy its photos beside it.

        Raises ``ScenarioError`` for a wrong suffix, an empty recording or a photo that
        cannot be copied; ``OSError`` when the file cannot be written. Nothing is written
        when the recording is not a valid scenario."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix not in SUFFIXES:
            raise ScenarioError(
                f"{path.name}: a scenario file must end in .yaml, .yml or .json, not "
                f"{suffix or 'nothing'!r}"
            )
        if not self.steps:
            raise ScenarioError("nothing was recorded yet: a scenario needs at least one step")
        document = self.to_document()
        parse_scenario(document, source=path.name)
        document["steps"] = self._with_copied_photos(document["steps"], path)
        parse_scenario(document, source=path.name, base_dir=path.resolve().parent)
        if suffix == ".json":
            text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        else:
            text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=96)
        partial = path.with_name(path.name + ".partial")
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
        return path

    def _add(self, step: dict[str, Any], kind: str | None = None) -> dict[str, Any]:
        number = len(self.steps) + 1
        if kind is not None and kind not in step:
            raise ScenarioError(f"a '{kind}' step needs its '{kind}' key", step=number)
        try:
            parse_scenario({"name": self.name, "technician": self.technician, "steps": [step]})
        except ScenarioError as error:
            raise ScenarioError(error.message, step=number) from None
        self.steps.append(step)
        return step

    def _with_copied_photos(self, steps: list[dict[str, Any]], path: Path) -> list[dict[str, Any]]:
        folder = path.parent / f"{path.stem}-photos"
        copied: dict[str, str] = {}
        result = []
        for number, step in enumerate(steps, 1):
            source = step.get("file")
            if step.get("do") != "import_photo" or not isinstance(source, str):
                result.append(step)
                continue
            if source.startswith("demo:") or not Path(source).is_absolute():
                result.append(step)
                continue
            if source not in copied:
                copied[source] = _copy_photo(Path(source), folder, len(copied) + 1, number)
            result.append({**step, "file": f"{folder.name}/{copied[source]}"})
        return result


def _copy_photo(source: Path, folder: Path, index: int, step: int) -> str:
    name = f"photo-{index:02d}{source.suffix.lower()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, folder / name)
    except OSError as error:
        raise ScenarioError(
            f"cannot copy the photo {source.name} next to the scenario: {error}", step=step
        ) from None
    return name
