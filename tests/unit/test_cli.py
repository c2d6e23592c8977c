"""The ``wb-desktop`` command, run through ``main([...])`` on real files in temporary folders."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from tests.unit.test_damaged_cache import FileState, corrupt_a_page, the_technicians_cache
from wb_desktop import __version__
from wb_desktop.app.settings import ProfileSettings, save_settings
from wb_desktop.cli import main
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.paths import DEFAULT_PROFILE, DataPaths, ProfilePaths
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.migrate import head_revision
from wb_desktop.core.store.quota import StorageUsage
from wb_desktop.core.store.seed import add_server_customer

ROOT = Path(__file__).resolve().parents[2]
MB = 1024 * 1024
HEAD = head_revision()


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def anna(data_dir: Path) -> ProfilePaths:
    return DataPaths(data_dir).profile("anna")


def upgrade(capsys: pytest.CaptureFixture[str], data_dir: Path, profile: str = "anna") -> str:
    code, out, err = run(capsys, "db", "upgrade", "--data-dir", data_dir, "--profile", profile)
    assert (code, err) == (0, "")
    return out


# --- version and help --------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--version") == (0, f"wb-desktop {__version__}\n", "")


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")

    assert code == 0
    for word in ("gui", "db", "storage", "--data-dir", "--profile", "--quota-mb", "--server"):
        assert word in out


def test_db_help_lists_restore(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "db", "restore", "--help")

    assert code == 0
    for word in ("--backup FILE", "--force", "--data-dir", "--profile"):
        assert word in out


def test_db_without_an_action_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "db")

    assert code == 2
    assert "ACTION" in err


# --- db upgrade / current / check --------------------------------------------------------


def test_upgrade_creates_the_cache_and_check_then_reports_ok(
    capsys: pytest.CaptureFixture[str], data_dir: Path, anna: ProfilePaths
) -> None:
    out = upgrade(capsys, data_dir)

    assert out == f"Upgraded {anna.database} from (empty) to {HEAD}\n"
    assert anna.database.is_file()
    assert anna.media.is_dir()
    assert list(anna.backups.iterdir()) == []

    code, out, err = run(capsys, "db", "check", "--data-dir", data_dir, "--profile", "anna")

    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"File:      {anna.database}",
        f"Revision:  {HEAD}, head {HEAD}: current",
        "Schema:    matches the models",
        "Integrity: ok",
        "Result:    OK",
    ]


def test_upgrade_of_a_current_cache_says_so_and_names_its_backup(
    capsys: pytest.CaptureFixture[str], data_dir: Path, anna: ProfilePaths
) -> None:
    upgrade(capsys, data_dir)

    out = upgrade(capsys, data_dir)

    backups = list(anna.backups.iterdir())
    assert len(backups) == 1
    assert out.splitlines() == [
        f"{anna.database} is already at {HEAD} (head)",
        f"Backup of the file before this run: {backups[0]}",
    ]
    with closing(sqlite3.connect(backups[0])) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)


@pytest.mark.parametrize(
    "args",
    [
        ["--data-dir", "{d}", "--profile", "anna", "db", "upgrade"],
        ["db", "--data-dir", "{d}", "upgrade", "--profile", "anna"],
        ["--profile", "anna", "db", "upgrade", "--data-dir", "{d}"],
    ],
    ids=["before", "between", "mixed"],
)
def test_common_options_are_accepted_before_or_after_the_command(
    capsys: pytest.CaptureFixture[str], data_dir: Path, anna: ProfilePaths, args: list[str]
) -> None:
    code, out, _ = run(capsys, *[arg.replace("{d}", str(data_dir)) for arg in args])

    assert code == 0
    assert out == f"Upgraded {anna.database} from (empty) to {HEAD}\n"


def test_the_default_profile_is_used_without_profile(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, out, _ = run(capsys, "db", "upgrade", "--data-dir", data_dir)

    database = DataPaths(data_dir).profile(DEFAULT_PROFILE).database
    assert (code, out) == (0, f"Upgraded {database} from (empty) to {HEAD}\n")


def test_current_before_and_after_upgrade(
    capsys: pytest.CaptureFixture[str], data_dir: Path, anna: ProfilePaths
) -> None:
    before = run(capsys, "db", "current", "--data-dir", data_dir, "--profile", "anna")

    assert before == (0, f"no cache yet at {anna.database}\n", "")
    assert not data_dir.exists()

    upgrade(capsys, data_dir)
    after = run(capsys, "db", "current", "--data-dir", data_dir, "--profile", "anna")

    assert after == (0, f"{anna.database} is at {HEAD} (head)\n", "")


def test_check_on_a_missing_cache_fails_and_creates_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path, anna: ProfilePaths
) -> None:
    code, out, err = run(capsys, "db", "check", "--data-dir", data_dir, "--profile", "anna")

    assert (code, err) == (1, "")
    assert out.splitlines() == [
        f"File:      {anna.database}",
        f"Result:    no cache yet at {anna.database} (run 'wb-desktop db upgrade' to create it)",
    ]
    assert not data_dir.exists()


def test_check_reports_schema_differences_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path, anna: ProfilePaths
) -> None:
    upgrade(capsys, data_dir)
    with closing(sqlite3.connect(anna.database)) as connection:
        connection.execute("DROP TABLE conflicts")
        connection.commit()
    before = sha256(anna.database)

    code, out, _ = run(capsys, "db", "check", "--data-dir", data_dir, "--profile", "anna")

    assert code == 1
    assert "Schema:    2 difference(s) from the models:" in out
    assert "             - add_table conflicts\n" in out
    assert "             - add_index Index('ix_conflicts_record_id'" in out
    assert out.endswith("Result:    PROBLEMS FOUND\n")
    assert sha256(anna.database) == before


# --- storage -----------------------------------------------------------------------------


def test_storage_as_text(
    capsys: pytest.CaptureFixture[str], data_dir: Path, anna: ProfilePaths
) -> None:
    upgrade(capsys, data_dir)

    code, out, err = run(capsys, "storage", "--data-dir", data_dir, "--profile", "anna")

    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"Profile:  anna ({anna.folder})"
    assert lines[1].startswith("Database: ") and lines[1].endswith(" KB")
    assert lines[2] == "Media:    0 bytes"
    assert lines[3].startswith("Used:     ")
    assert lines[3].endswith(" of 100.0 MB (0.3 %)")
    assert len(lines) == 4


def test_storage_as_json_follows_the_profile_setting(
    capsys: pytest.CaptureFixture[str], data_dir: Path, anna: ProfilePaths
) -> None:
    upgrade(capsys, data_dir)
    save_settings(anna, ProfileSettings(storage_quota_mb=5))

    code, out, _ = run(capsys, "storage", "--json", "--data-dir", data_dir, "--profile", "anna")

    report = json.loads(out)
    database_bytes = sum(p.stat().st_size for p in anna.database_files()[:2] if p.exists())
    assert code == 0
    assert report == {
        "profile": "anna",
        "database": str(anna.database),
        "database_bytes": database_bytes,
        "media_bytes": 0,
        "used_bytes": database_bytes,
        "limit_bytes": 5 * MB,
        "percent": round(database_bytes / (5 * MB) * 100, 1),
        "warning": None,
    }


def test_quota_mb_overrides_the_setting_for_one_run(
    capsys: pytest.CaptureFixture[str], data_dir: Path, anna: ProfilePaths
) -> None:
    save_settings(anna, ProfileSettings(storage_quota_mb=5))
    settings_before = anna.settings.read_bytes()

    code, out, _ = run(
        capsys, "--quota-mb", "7", "storage", "--json", "--data-dir", data_dir, "--profile", "anna"
    )

    assert code == 0
    assert json.loads(out)["limit_bytes"] == 7 * MB
    assert anna.settings.read_bytes() == settings_before


def test_storage_of_a_profile_without_a_cache_is_zero_and_creates_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, out, _ = run(capsys, "storage", "--json", "--data-dir", data_dir, "--profile", "anna")

    report = json.loads(out)
    assert code == 0
    assert (report["used_bytes"], report["limit_bytes"], report["percent"]) == (0, 100 * MB, 0.0)
    assert not data_dir.exists()


def test_storage_shows_the_warning_past_80_percent(
    capsys: pytest.CaptureFixture[str], data_paths: DataPaths, clock: FixedClock, cache: LocalCache
) -> None:
    with cache.database.writer() as session, session.begin():
        add_server_customer(session, clock.now(), "Long notes", notes="n" * 600_000)
    cache.close()
    common = ["--data-dir", data_paths.root, "--profile", "anna", "--quota-mb", "1"]

    code, out, _ = run(capsys, "storage", "--json", *common)
    report = json.loads(out)
    expected = StorageUsage(report["database_bytes"], report["media_bytes"], MB)

    assert code == 0
    assert report["database_bytes"] > 600_000
    assert expected.warning is not None
    assert report["warning"] == expected.warning
    assert report["percent"] >= 80

    code, out, _ = run(capsys, "storage", *common)

    assert code == 0
    assert out.splitlines()[-1] == f"Warning:  {expected.warning}"


# --- errors: a message on stderr, exit code 2, the file left alone -----------------------


@pytest.mark.parametrize(
    "command", [["db", "upgrade"], ["db", "current"], ["db", "check"], ["storage"]]
)
def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(
    capsys: pytest.CaptureFixture[str], data_dir: Path, anna: ProfilePaths, command: list[str]
) -> None:
    anna.folder.mkdir(parents=True)
    anna.database.write_bytes(b"These are my notes, not a database.\n")
    before = sha256(anna.database)

    code, out, err = run(capsys, *command, "--data-dir", data_dir, "--profile", "anna")

    assert (code, out) == (2, "")
    assert err.startswith(f"wb-desktop: {anna.database} is not a WorkBoss cache database")
    assert "Traceback" not in err
    assert sha256(anna.database) == before
    assert sorted(p.name for p in anna.folder.iterdir() if p.is_file()) == ["cache.sqlite3"]


DAMAGED_COMMANDS = [["db", "upgrade"], ["db", "current"], ["db", "check"], ["storage"]]


@pytest.mark.parametrize("command", DAMAGED_COMMANDS, ids=" ".join)
def test_an_empty_cache_file_is_refused_and_left_untouched(
    capsys: pytest.CaptureFixture[str], data_dir: Path, anna: ProfilePaths, command: list[str]
) -> None:
    """Not a new cache: `db upgrade` used to write a fresh schema over it."""
    anna.ensure()
    anna.database.touch()
    before = FileState.of(anna.database)

    code, out, err = run(capsys, *command, "--data-dir", data_dir, "--profile", "anna")

    assert (code, out) == (2, "")
    assert err.startswith(f"wb-desktop: {anna.database} is damaged (it is empty: 0 bytes)")
    assert err.count("\n") == 1
    assert f"There is no good backup of it in {anna.backups}" in err
    assert FileState.of(anna.database) == before
    assert sorted(p.name for p in anna.folder.iterdir() if p.is_file()) == ["cache.sqlite3"]
    assert list(anna.backups.iterdir()) == []


@pytest.mark.parametrize("command", DAMAGED_COMMANDS, ids=" ".join)
def test_a_cache_with_a_corrupt_page_is_refused_naming_the_good_backup(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    anna: ProfilePaths,
    clock: FixedClock,
    command: list[str],
) -> None:
    the_technicians_cache(anna, clock)
    upgrade(capsys, data_dir)  # a start: a verified backup of the whole cache
    [good] = anna.backups.iterdir()
    corrupt_a_page(anna.database)
    before = FileState.of(anna.database)

    code, out, err = run(capsys, *command, "--data-dir", data_dir, "--profile", "anna")

    assert (code, out) == (2, "")
    assert err.startswith(f"wb-desktop: {anna.database} is damaged (SQLite's integrity check")
    assert err.count("\n") == 1
    assert f"The newest good backup is {good}." in err
    assert err.endswith(f"run: wb-desktop db restore --data-dir {data_dir} --profile anna\n")
    assert FileState.of(anna.database) == before
    assert list(anna.backups.iterdir()) == [good]


def test_a_cache_from_a_newer_version_is_refused(
    capsys: pytest.CaptureFixture[str], data_dir: Path, anna: ProfilePaths
) -> None:
    upgrade(capsys, data_dir)
    with closing(sqlite3.connect(anna.database)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
        connection.commit()
    before = sha256(anna.database)

    code, _, err = run(capsys, "db", "upgrade", "--data-dir", data_dir, "--profile", "anna")

    assert code == 2
    assert str(anna.database) in err
    assert "schema revision 9999_future" in err
    assert sha256(anna.database) == before


@pytest.mark.parametrize("command", [["db", "current"], ["db", "upgrade"], ["storage"], ["gui"]])
def test_a_bad_profile_name_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], data_dir: Path, command: list[str]
) -> None:
    code, out, err = run(capsys, *command, "--data-dir", data_dir, "--profile", "../etc")

    assert (code, out) == (2, "")
    assert err.startswith("wb-desktop: profile: '../etc' cannot be a profile name")
    assert not data_dir.exists()


def test_malformed_settings_are_refused_naming_the_file_and_left_alone(
    capsys: pytest.CaptureFixture[str], data_dir: Path, anna: ProfilePaths
) -> None:
    upgrade(capsys, data_dir)
    anna.settings.write_text('{"storage_quota_mb": "lots"}', encoding="utf-8")
    before = sha256(anna.settings)

    code, out, err = run(capsys, "storage", "--data-dir", data_dir, "--profile", "anna")

    assert (code, out) == (2, "")
    assert str(anna.settings) in err
    assert "'storage_quota_mb'" in err
    assert "Traceback" not in err
    assert sha256(anna.settings) == before


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "argument --quota-mb: must be between 1 and 100000 MB, not 0"),
        ("100001", "argument --quota-mb: must be between 1 and 100000 MB, not 100001"),
        ("ten", "argument --quota-mb: must be a whole number of MB, not 'ten'"),
    ],
)
def test_an_invalid_quota_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], data_dir: Path, value: str, message: str
) -> None:
    code, _, err = run(capsys, "storage", "--data-dir", data_dir, "--quota-mb", value)

    assert code == 2
    assert message in err


def test_server_and_lang_belong_to_the_gui(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, _, err = run(capsys, "--server", "http://127.0.0.1:9", "db", "current")

    assert code == 2
    assert "--server and --lang apply only to the app (gui)" in err


# --- the gui is started through wb_desktop.bootstrap, the headless commands never load Qt ------


def test_without_a_command_the_app_runs_with_the_options(
    capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wb_desktop import bootstrap as app

    received: list[app.AppOptions] = []

    def fake_run(options: app.AppOptions) -> int:
        received.append(options)
        return 7

    monkeypatch.setattr(app, "run", fake_run)

    code = main(
        [
            "--data-dir",
            str(data_dir),
            "--profile",
            "anna",
            "--quota-mb",
            "50",
            "--server",
            "http://127.0.0.1:8765",
            "--lang",
            "sv",
        ]
    )
    code_gui = main(["gui", "--lang", "de"])
    code_bundle = main(["--bundle", str(data_dir / "anna.zip")])

    assert (code, code_gui, code_bundle) == (7, 7, 7)
    assert received == [
        app.AppOptions(
            data_dir=data_dir,
            profile="anna",
            quota_mb=50,
            server="http://127.0.0.1:8765",
            lang="sv",
        ),
        app.AppOptions(data_dir=None, profile=DEFAULT_PROFILE, quota_mb=None, lang="de"),
        app.AppOptions(
            data_dir=None,
            profile=DEFAULT_PROFILE,
            quota_mb=None,
            open_bundle=data_dir / "anna.zip",  # the console opens on it
        ),
    ]
    assert capsys.readouterr().err == ""


def test_headless_commands_never_import_qt(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from wb_desktop.cli import main\n"
        "data = sys.argv[1]\n"
        "codes = [main(['db', cmd, '--data-dir', data]) for cmd in ('upgrade', 'current', "
        "'check')]\n"
        "codes.append(main(['storage', '--data-dir', data]))\n"
        "print(codes, sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}

    finished = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
        timeout=120,
        check=False,
    )

    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.splitlines()[-1] == "[0, 0, 0, 0] []"
