"""A windowed build (no console: ``sys.stdout`` and ``sys.stderr`` are None) starts, and what it
would have printed, errors first, reaches the profile's log."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from wb_desktop import cli
from wb_desktop.app import no_console
from wb_desktop.app.crash_reports import CrashReporter
from wb_desktop.app.logs import LOG_FILE_NAME, configure_logging
from wb_desktop.core.paths import DataPaths, ProfilePaths


@pytest.fixture
def windowed(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """Call it first in the test (pytest puts its own capture back when the test starts)."""
    yield monkeypatch
    no_console.write_early_lines()  # nothing kept leaks into the next test


def _start_windowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """No console and, as when the app starts, no log handler yet; the stand-ins installed
    as ``python -m wb_desktop`` (the bundle's entry point) installs them."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(logging.getLogger(), "handlers", [])
    no_console.stand_in_for_missing_console()


@pytest.fixture
def profile(tmp_path: Path) -> ProfilePaths:
    return DataPaths(tmp_path).profile("demo").ensure()


def _open_log(paths: ProfilePaths) -> logging.Handler:
    return configure_logging(paths)


def _read_log(paths: ProfilePaths, handler: logging.Handler) -> str:
    logging.getLogger().removeHandler(handler)
    handler.close()
    return (paths.logs / LOG_FILE_NAME).read_text(encoding="utf-8")


def test_the_stand_ins_replace_only_a_missing_console(monkeypatch: pytest.MonkeyPatch) -> None:
    console = sys.stderr
    monkeypatch.setattr(sys, "stdout", None)
    no_console.stand_in_for_missing_console()
    assert isinstance(sys.stdout, no_console.ConsoleToLog)
    assert sys.stderr is console
    assert not sys.stdout.isatty()


def test_an_error_at_start_before_the_log_opens_reaches_the_log(
    windowed: pytest.MonkeyPatch, profile: ProfilePaths, tmp_path: Path
) -> None:
    _start_windowed(windowed)
    # The start-up path of the app's command: a bad profile name is refused before Qt loads,
    # printed on stderr, which a windowed build does not have.
    assert cli.main(["--data-dir", str(tmp_path), "--profile", "a/b"]) == 2

    handler = _open_log(profile)
    log = _read_log(profile, handler)

    assert "ERROR wb_desktop.console" in log
    assert "wb-desktop: " in log and "a/b" in log


def test_a_warning_logged_before_the_log_opens_is_kept_not_looped(
    windowed: pytest.MonkeyPatch, profile: ProfilePaths
) -> None:
    _start_windowed(windowed)
    # No handler yet: logging's last resort writes to sys.stderr, which is the stand-in.
    logging.getLogger("wb_desktop.test").warning("the camera inbox is missing")

    handler = _open_log(profile)
    print("printed after the log opened")
    log = _read_log(profile, handler)

    assert "the camera inbox is missing" in log
    assert "INFO wb_desktop.console" in log and "printed after the log opened" in log


def test_the_demo_servers_log_formatter_starts_without_a_console(
    windowed: pytest.MonkeyPatch,
) -> None:
    _start_windowed(windowed)
    # uvicorn asks sys.stdout.isatty() when it configures its logging: with None the
    # embedded demo server's child process stopped before it served.
    formatter = pytest.importorskip("uvicorn.logging")

    assert formatter.DefaultFormatter(use_colors=None).use_colors is False


def test_an_uncaught_exception_reaches_the_log_once(
    windowed: pytest.MonkeyPatch, profile: ProfilePaths
) -> None:
    _start_windowed(windowed)
    windowed.setattr(sys, "excepthook", sys.__excepthook__)
    handler = _open_log(profile)
    reporter = CrashReporter(profile.logs, lambda report: None)
    reporter.install()
    try:

        def work() -> None:
            raise ValueError("the photo index is out of step")

        worker = threading.Thread(target=work, name="photo-decoder")
        worker.start()
        worker.join()
        try:
            raise KeyError("job-17")
        except KeyError:
            sys.excepthook(*sys.exc_info())
    finally:
        reporter.uninstall()
    log = _read_log(profile, handler)

    assert log.count("ValueError: the photo index is out of step") == 2  # summary, traceback
    assert log.count("KeyError: 'job-17'") == 2  # not a third time through the stand-in
