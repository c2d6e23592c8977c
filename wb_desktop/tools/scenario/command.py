"""``wb-desktop scenario run``: load, run, print the result, exit 0 only if all held."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from wb_desktop.tools.scenario.format import ScenarioError, load_scenario
from wb_desktop.tools.scenario.perform import StepFailedError
from wb_desktop.tools.scenario.runner import RunOptions, RunResult, run_scenario

EXIT_PASSED, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


def run_command(
    file: Path,
    *,
    server_url: str | None,
    admin_token: str | None,
    data_dir: Path | None,
    as_json: bool,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    try:
        scenario = load_scenario(file)
    except ScenarioError as error:
        print(f"wb-desktop scenario: {error}", file=err)
        return EXIT_ERROR
    options = RunOptions(server_url, admin_token, data_dir, file.resolve().parent)
    try:
        result = run_scenario(scenario, options)
    except StepFailedError as error:
        print(f"wb-desktop scenario: {error}", file=err)
        return EXIT_ERROR
    if as_json:
        print(json.dumps(result.as_json(), indent=2, default=str), file=out)
    else:
        print(render_text(result), file=out)
    return EXIT_PASSED if result.passed else EXIT_FAILED


def render_text(result: RunResult) -> str:
    lines = [f"scenario: {result.scenario}"]
    for step in result.steps:
        mark = "ok  " if step.ok else "FAIL"
        lines.append(f"  {mark} step {step.number:>2} {step.kind:<7} {step.message}")
    lines.append("invariants:")
    for name, detail in result.invariants.as_json().items():
        lines.append(f"  {name}: {detail['count']}")
        lines.extend(f"    - {item}" for item in detail["items"])
    states = ", ".join(f"{state} {count}" for state, count in sorted(result.outbox.items()))
    lines.append(f"outbox: {states or 'empty'}")
    lines.append("PASSED" if result.passed else "FAILED")
    return "\n".join(lines)
