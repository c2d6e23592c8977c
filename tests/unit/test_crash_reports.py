"""Uncaught exceptions and native crashes reach the profile's log (and the app's notice)."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from wb_desktop.app.crash_reports import (
    FAULTHANDLER_FILE,
    PREVIOUS_FAULTHANDLER_FILE,
    CrashReport,
    CrashReporter,
)


@pytest.fixture
def reported(tmp_path: Path) -> tuple[CrashReporter, list[CrashReport]]:
    notices: list[CrashReport] = []
    reporter = CrashReporter(tmp_path / "logs", notices.append)
    reporter.install()
    yield reporter, notices
    reporter.uninstall()


def test_an_exception_in_a_thread_is_logged_with_its_traceback_and_notified(
    reported, caplog: pytest.LogCaptureFixture
) -> None:
    _, notices = reported

    def work() -> None:
        raise ValueError("the photo index is out of step")

    with caplog.at_level(logging.ERROR, logger="wb_desktop.crash"):
        worker = threading.Thread(target=work, name="photo-decoder")
        worker.start()
        worker.join()

    (notice,) = notices
    assert notice.where == "thread photo-decoder"
    assert notice.summary == "ValueError: the photo index is out of step"
    assert "in work" in notice.details
    (record,) = caplog.records
    assert record.exc_info is not None and "photo-decoder" in record.getMessage()


def test_the_process_hook_logs_and_then_hands_on_to_the_hook_it_replaced(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: seen.append(str(error)))
    notices: list[CrashReport] = []
    reporter = CrashReporter(tmp_path / "logs", notices.append)
    reporter.install()
    try:
        with caplog.at_level(logging.ERROR, logger="wb_desktop.crash"):
            try:
                raise KeyError("job-42")
            except KeyError:
                sys.excepthook(*sys.exc_info())
    finally:
        reporter.uninstall()

    assert [n.summary for n in notices] == ["KeyError: 'job-42'"]
    assert seen == ["'job-42'"]
    assert "uncaught exception in the window" in caplog.text
    assert sys.excepthook is not reporter._on_exception


def test_a_notice_that_fails_is_logged_not_raised(tmp_path: Path) -> None:
    def broken(_report: CrashReport) -> None:
        raise RuntimeError("no window")

    reporter = CrashReporter(tmp_path / "logs", broken)
    reporter.install()
    try:
        worker = threading.Thread(target=lambda: 1 / 0)
        worker.start()
        worker.join()
    finally:
        reporter.uninstall()


def test_a_native_crash_leaves_every_stack_and_the_next_start_keeps_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    logs = tmp_path / "logs"
    crash = textwrap.dedent(
        f"""
        import faulthandler, sys
        from pathlib import Path
        from wb_desktop.app.crash_reports import CrashReporter
        CrashReporter(Path({str(logs)!r}), print).install()
        faulthandler._sigsegv()
        """
    )
    died = subprocess.run([sys.executable, "-c", crash], capture_output=True, timeout=60)

    assert died.returncode != 0
    dump = (logs / FAULTHANDLER_FILE).read_text()
    assert "Fatal Python error: Segmentation fault" in dump

    reporter = CrashReporter(logs, lambda _report: None)
    with caplog.at_level(logging.CRITICAL, logger="wb_desktop.crash"):
        reporter.install()
    reporter.uninstall()
    assert reporter.previous_crash == dump
    assert (logs / PREVIOUS_FAULTHANDLER_FILE).read_text() == dump
    assert (logs / FAULTHANDLER_FILE).read_text() == ""
    assert "the previous run of the app crashed" in caplog.text
