"""The regression library: every scenario in scenarios/ passes, headless, as CI runs it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.integration.conftest import ADMIN_TOKEN
from wb_desktop.cli import main
from wb_desktop.tools.scenario.command import run_command
from wb_desktop.tools.scenario.office import Office

LIBRARY = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml"))


def _run(file: Path, **options: object) -> tuple[int, dict]:
    out, err = io.StringIO(), io.StringIO()
    settings = {"server_url": None, "admin_token": None, "data_dir": None, **options}
    code = run_command(file, as_json=True, out=out, err=err, **settings)  # type: ignore[arg-type]
    return code, json.loads(out.getvalue()) if out.getvalue() else {"error": err.getvalue()}


def test_the_library_has_one_scenario_per_complaint() -> None:
    assert len(LIBRARY) >= 9


@pytest.mark.parametrize("file", LIBRARY, ids=[f.stem for f in LIBRARY])
def test_library_scenario_passes(file: Path, tmp_path: Path) -> None:
    code, result = _run(file, data_dir=tmp_path / "client")
    failed = [s for s in result.get("steps", []) if s["outcome"] != "ok"]
    assert code == 0, (failed, result.get("invariants"), result.get("error"))
    assert result["passed"] is True
    assert all(v["count"] == 0 for v in result["invariants"].values())


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_failing_expectation_exits_1_and_says_what_differed(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "name: wrong\ntechnician: anna\nsteps:\n"
        "  - {do: add_note, job: 1, text: hello}\n  - expect: {pending: 5}\n",
    )
    code, result = _run(path)
    assert code == 1 and result["passed"] is False
    assert result["steps"][1] == {
        "number": 2,
        "kind": "expect",
        "outcome": "failed",
        "message": "pending is 1, expected 5",
    }
    assert result["outbox"] == {"queued": 1}


def test_a_malformed_scenario_names_the_step_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "name: bad\ntechnician: anna\nsteps:\n  - {do: fly, job: 1}\n")
    assert main(["scenario", "run", str(path), "--data-dir", str(tmp_path / "d")]) == 2
    assert "step 1: unknown action 'fly'" in capsys.readouterr().err
    assert not (tmp_path / "d").exists()


def test_a_scenario_runs_against_a_running_server(live_server, tmp_path: Path) -> None:
    """Against a real server time is real, so the job is named by its id, not its position
    in today's schedule."""
    office = Office(live_server.url, ADMIN_TOKEN)
    job = office.jobs(office.technician_id("erik@demo.workboss.se"))[0].id
    office.close()
    path = _write(
        tmp_path,
        "name: remote\ntechnician: erik\nsteps:\n"
        f"  - {{do: add_note, job: {job}, text: remote note}}\n  - sync: true\n"
        f"  - expect: {{pending: 0, server_job: {{job: {job}, notes: 1}}}}\n",
    )
    code, result = _run(path, server_url=live_server.url, admin_token=ADMIN_TOKEN)
    assert code == 0, result["steps"]


def test_the_office_can_take_a_job_away_in_a_scenario(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "name: unassigned\ntechnician: anna\nsteps:\n"
        "  - sync: true\n"
        "  - {server: unassign_job, job: 2}\n"
        "  - sync: true\n"
        "  - expect: {pending: 0}\n",
    )
    code, result = _run(path)
    assert code == 0, result
    assert result["steps"][1]["message"].endswith("unassigned")
