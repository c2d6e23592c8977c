"""``wb-desktop diagnostics export`` and ``open`` from the command line."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.conftest import Schedule
from wb_desktop.cli import main
from wb_desktop.core.paths import DataPaths
from wb_desktop.core.store.cache import LocalCache


def _export(data_paths: DataPaths, output: Path, *extra: str) -> int:
    return main(
        [
            "diagnostics",
            "export",
            "--data-dir",
            str(data_paths.root),
            "--profile",
            "anna",
            "--output",
            str(output),
            *extra,
        ]
    )


def test_export_then_open_prints_the_summary(
    cache: LocalCache,
    schedule: Schedule,
    data_paths: DataPaths,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cache.changes.jobs.add_note(schedule.job_ids[0], "Karin Lund was not home")
    bundle = tmp_path / "out" / "anna.zip"

    assert _export(data_paths, bundle, "--redact") == 0

    written = capsys.readouterr().out
    assert f"Wrote {bundle}" in written and "redacted" in written
    with zipfile.ZipFile(bundle) as archive:
        assert "database/cache.sqlite3" in archive.namelist()
    sandboxes = tmp_path / "sandboxes"

    assert main(["diagnostics", "open", str(bundle), "--sandbox", str(sandboxes)]) == 0

    summary = capsys.readouterr().out
    assert f"Bundle:      {bundle}" in summary
    assert "Sandbox:     " + str(sandboxes) in summary
    assert "Schema:      0001" in summary
    assert "Redacted:    yes" in summary
    assert "Outbox:      queued 1" in summary
    assert "Not uploaded by the tablet (attachments): 0" in summary
    assert len([p for p in sandboxes.iterdir() if p.is_dir()]) == 1


def test_open_uses_the_data_folder_for_sandboxes_by_default(
    cache: LocalCache, data_paths: DataPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = tmp_path / "anna.zip"
    assert _export(data_paths, bundle) == 0
    assert "NOT redacted" in capsys.readouterr().out

    assert main(["diagnostics", "open", str(bundle), "--data-dir", str(data_paths.root)]) == 0

    assert [p.name.split("-")[0] for p in (data_paths.root / "sandboxes").iterdir()] == ["anna"]


def test_a_bad_bundle_is_one_message_and_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = tmp_path / "report.zip"
    bundle.write_text("not a zip", encoding="utf-8")

    code = main(["diagnostics", "open", str(bundle), "--sandbox", str(tmp_path / "s")])

    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.startswith("wb-desktop diagnostics: ")
    assert "is not a diagnostics bundle: it is not a zip file" in captured.err
    assert "Traceback" not in captured.err and captured.err.count("\n") == 1
    assert not (tmp_path / "s").exists()


def test_export_of_a_profile_without_a_cache_fails_cleanly(
    data_paths: DataPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _export(data_paths, tmp_path / "x.zip")

    assert code == 2
    assert "There is no cache database at" in capsys.readouterr().err
    assert not (tmp_path / "x.zip").exists()


def test_replay_needs_a_server_and_an_admin_token(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WB_ADMIN_TOKEN", raising=False)
    code = main(["diagnostics", "open", str(tmp_path / "b.zip"), "--replay"])

    assert code == 2
    assert "--replay needs --server URL and --admin-token" in capsys.readouterr().err


def test_diagnostics_needs_an_action(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diagnostics"]) == 2
    assert "required: ACTION" in capsys.readouterr().err


def test_open_takes_a_sandbox_folder_made_earlier(
    cache: LocalCache, data_paths: DataPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = tmp_path / "anna.zip"
    sandboxes = tmp_path / "sandboxes"
    assert _export(data_paths, bundle, "--redact") == 0
    assert main(["diagnostics", "open", str(bundle), "--sandbox", str(sandboxes)]) == 0
    [sandbox] = list(sandboxes.iterdir())
    capsys.readouterr()

    assert main(["diagnostics", "open", str(sandbox), "--sandbox", str(sandboxes)]) == 0

    summary = capsys.readouterr().out
    assert f"Sandbox:     {sandbox}" in summary and "Redacted:    yes" in summary
    assert list(sandboxes.iterdir()) == [sandbox]  # nothing unpacked again

    code = main(["diagnostics", "open", str(tmp_path), "--sandbox", str(sandboxes)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{tmp_path} is not a sandbox: it has no bundle/manifest.json" in err
    assert "Traceback" not in err
