"""``wb-desktop scenario run``: load, run, print the result, exit 0 only if all held.

A ``.wbrepro`` runs both its variants and exits 0 when it reproduces and the fix holds."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from wb_desktop.tools.scenario.format import ScenarioError, load_scenario
from wb_desktop.tools.scenario.perform import StepFailedError
from wb_desktop.tools.scenario.repro_file import MUST_PASS, SUFFIX, open_repro, run_repro
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
    if file.suffix.lower() == SUFFIX:
        return run_repro_command(
            file, RunOptions(server_url, admin_token, data_dir), as_json=as_json, out=out, err=err
        )
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


def run_repro_command(
    file: Path, options: RunOptions, *, as_json: bool, out: TextIO, err: TextIO
) -> int:
    """Both variants of a ``.wbrepro``. Exit 0 when it reproduces and the fix holds (the
    field variant fails with its expected failure, the fixed one passes), 1 when either
    does not, 2 when the file cannot be opened or a step cannot run."""
    with tempfile.TemporaryDirectory(prefix="wbrepro-") as work:
        try:
            repro = open_repro(file, Path(work) / "repro")
            outcomes = run_repro(repro, options)
        except (ScenarioError, StepFailedError) as error:
            print(f"wb-desktop scenario: {error}", file=err)
            return EXIT_ERROR
    good = all(outcome.as_expected for outcome in outcomes)
    if as_json:
        document = {
            "repro": file.name,
            "as_expected": good,
            "variants": [
                {
                    "name": o.variant.name,
                    "must": o.variant.must,
                    "failure": o.variant.failure,
                    "as_expected": o.as_expected,
                    "result": o.result.as_json(),
                }
                for o in outcomes
            ],
        }
        print(json.dumps(document, indent=2, default=str), file=out)
        return EXIT_PASSED if good else EXIT_FAILED
    for outcome in outcomes:
        variant = outcome.variant
        wanted = (
            "must pass"
            if variant.must == MUST_PASS
            else f"must fail with: {variant.failure or 'any failure'}"
        )
        verdict = "as expected" if outcome.as_expected else "NOT as expected"
        print(f"variant {variant.name} ({wanted}): {verdict}", file=out)
        print(render_text(outcome.result), file=out)
    print("REPRODUCED, FIX HOLDS" if good else "NOT AS EXPECTED", file=out)
    return EXIT_PASSED if good else EXIT_FAILED


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
