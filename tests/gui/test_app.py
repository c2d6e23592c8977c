"""Start-up through the real composition root: the embedded demo server, the cache reused
on a second start without the network, one window per profile, and clear refusals."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text as sql_text

from tests.gui.conftest import STOCKHOLM, office_view
from tests.gui.waiting import settle
from wb_desktop.app.connection import ProfileServerMismatchError
from wb_desktop.app.profile_lock import ProfileInUseError
from wb_desktop.bootstrap import AppOptions, WorkBossApp, build
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.sync.connectivity import OfflineReason, SyncActivity
from wb_desktop.tools.demo.server import PendingDemoServer
from wb_desktop.ui.application import LanguageError
from wb_desktop.ui.formatting import format_money
from wb_desktop.ui.translations import remove_translations

WAIT_MS = 20_000
text_of_notes = sql_text("SELECT text FROM notes WHERE job_id = :job")


def options(data_dir: Path, **extra: object) -> AppOptions:
    return AppOptions(
        data_dir=data_dir,
        zone=STOCKHOLM,
        watch_network=False,
        watch_camera_inbox=False,
        **{"demo_server_in_child": False, **extra},  # type: ignore[arg-type]
    )


@pytest.fixture
def started() -> Iterator[list[WorkBossApp]]:
    """Apps a test built; closed (sync stopped, server stopped, lock released) afterwards."""
    apps: list[WorkBossApp] = []
    yield apps
    for app in apps:
        assert app.close()


def start(
    qtbot: QtBot, apps: list[WorkBossApp], opts: AppOptions, clock: FixedClock
) -> WorkBossApp:
    app = build(opts, clock=clock)
    apps.append(app)
    qtbot.addWidget(app.window)
    app.window.show()
    qtbot.waitExposed(app.window)
    return app


def test_first_start_runs_the_demo_server_and_shows_anna_a_full_schedule(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, started: list[WorkBossApp]
) -> None:
    app = start(qtbot, started, options(tmp_path), clock)

    assert app.link.demo is not None and app.link.url.startswith("http://127.0.0.1:")
    assert app.window.technician_label.text() == "Anna Lindqvist"
    assert "Anna Lindqvist" in app.window.windowTitle()
    schedule = app.window.schedule.model
    qtbot.waitUntil(lambda: schedule.rowCount() >= 3, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: app.service.view().activity is SyncActivity.IDLE, timeout=WAIT_MS)
    assert app.service.last_sync() is not None
    assert app.window.status.badge.online


def test_a_second_start_reuses_the_cache_and_comes_up_without_the_network(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, started: list[WorkBossApp]
) -> None:
    first = start(qtbot, started, options(tmp_path), clock)
    qtbot.waitUntil(lambda: first.window.schedule.model.rowCount() >= 3, timeout=WAIT_MS)
    jobs = first.window.schedule.model.job_ids()
    assert first.close()

    again = start(qtbot, started, options(tmp_path, network_profile="offline"), clock)

    settle(qtbot, again.workday)  # the first read of the cache, through the op runner
    assert again.window.schedule.model.job_ids() == jobs  # painted from the cache
    qtbot.waitUntil(
        lambda: again.service.view().offline_reason is OfflineReason.SIMULATED, timeout=WAIT_MS
    )
    assert not again.window.status.badge.online
    gps = again.window.status.gps_indicator
    qtbot.waitUntil(lambda: gps.paused, timeout=WAIT_MS)
    assert gps.isVisible() and gps.text_label.text() == "GPS paused"
    assert again.window.offline_button.isChecked()


def test_one_window_per_profile(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, started: list[WorkBossApp]
) -> None:
    start(qtbot, started, options(tmp_path), clock)

    with pytest.raises(ProfileInUseError, match="already open with profile 'demo'"):
        build(options(tmp_path), clock=clock)

    other = start(qtbot, started, options(tmp_path, profile="erik"), clock)  # another is fine
    assert other.window.isVisible()


def test_a_profile_stays_with_its_server(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, started: list[WorkBossApp]
) -> None:
    first = start(qtbot, started, options(tmp_path), clock)
    assert first.close()

    with pytest.raises(ProfileServerMismatchError, match="built-in demo server"):
        build(options(tmp_path, server="http://127.0.0.1:9"), clock=clock)
    start(qtbot, started, options(tmp_path), clock)  # the lock was released on the refusal


def test_an_unknown_language_is_refused_clearly(tmp_path: Path, clock: FixedClock) -> None:
    with pytest.raises(LanguageError, match="'xx-nope' is not a language code"):
        build(options(tmp_path, lang="xx-nope"), clock=clock)


def start_then_go_offline(
    qtbot: QtBot, started: list[WorkBossApp], tmp_path: Path, clock: FixedClock
) -> tuple[WorkBossApp, str]:
    """A first start that synced its schedule, then offline; returns it and its first job."""
    first = start(qtbot, started, options(tmp_path), clock)
    qtbot.waitUntil(lambda: first.window.schedule.model.rowCount() > 0, timeout=WAIT_MS)
    first.service.set_profile("offline")
    return first, first.window.schedule.model.job_ids()[0]


def test_closing_the_window_while_a_sync_runs_loses_nothing(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, started: list[WorkBossApp]
) -> None:
    first, job_id = start_then_go_offline(qtbot, started, tmp_path, clock)
    texts = [f"Reading {n}" for n in range(300)]
    for text in texts:
        first.workday.write(job_id, lambda c, t=text: c.jobs.add_note(job_id, t))
    qtbot.waitUntil(lambda: first.service.view().pending >= len(texts), timeout=WAIT_MS)

    first.service.set_profile("online")
    qtbot.waitUntil(lambda: first.service.view().activity is SyncActivity.SYNCING, timeout=WAIT_MS)
    assert first.close()  # mid-sync: the worker stops between batches

    again = start(qtbot, started, options(tmp_path), clock)
    qtbot.waitUntil(lambda: again.service.is_running(), timeout=WAIT_MS)
    with qtbot.waitSignal(again.service.stepFinished, timeout=WAIT_MS):
        again.service.sync_now()
    qtbot.waitUntil(lambda: again.service.view().pending == 0, timeout=WAIT_MS)
    view = office_view(again)
    on_server = sorted(n.text for n in view.notes if n.job_id == job_id)
    assert on_server == sorted(texts)  # every note, exactly once


def test_closing_the_window_finishes_the_writes_it_was_given(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, started: list[WorkBossApp]
) -> None:
    """Notes handed to the op runner just before the window closes are written before the
    cache closes, and are there on the next start."""
    first, job_id = start_then_go_offline(qtbot, started, tmp_path, clock)
    runner = first.workday.runner
    texts = [f"Last words {n}" for n in range(400)]
    for text in texts:
        runner.write(lambda c, t=text: c.jobs.add_note(job_id, t))
    assert not runner.idle  # still on the write worker when the window closes
    assert first.close()

    again = start(qtbot, started, options(tmp_path), clock)
    found: list[list[str]] = []
    again.workday.runner.query(
        lambda session: sorted(
            text for (text,) in session.execute(text_of_notes, {"job": job_id}).all()
        ),
        found.append,
    )
    qtbot.waitUntil(lambda: bool(found), timeout=WAIT_MS)
    assert [t for t in found[0] if t.startswith("Last words")] == sorted(texts)


def test_the_indicator_counts_waiting_work_from_the_cache_before_sync_starts(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, started: list[WorkBossApp]
) -> None:
    first, job_id = start_then_go_offline(qtbot, started, tmp_path, clock)
    first.workday.write(job_id, lambda c: c.jobs.add_note(job_id, "Waits for the office"))
    assert first.close()

    again = build(options(tmp_path, network_profile="offline"), clock=clock)
    started.append(again)

    assert not again.service.is_running()  # the demo server starts after the first paint
    assert again.service.view().pending == 1
    assert again.service.last_sync() is not None


def test_the_demo_server_runs_in_a_child_process_that_ends_with_the_app(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, started: list[WorkBossApp]
) -> None:
    first = start(qtbot, started, options(tmp_path, demo_server_in_child=True), clock)
    assert first.link.demo is not None and first.link.demo.pid not in (None, os.getpid())
    qtbot.waitUntil(lambda: first.window.schedule.model.rowCount() >= 3, timeout=WAIT_MS)
    child = first.link.demo.pid
    assert child in [process.pid for process in multiprocessing.active_children()]
    assert first.close()
    assert child not in [process.pid for process in multiprocessing.active_children()]

    again = start(qtbot, started, options(tmp_path, demo_server_in_child=True), clock)
    assert again.link.demo is None  # a signed-in profile paints first, then starts it
    qtbot.waitUntil(lambda: again.link.demo is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: again.service.last_sync() is not None, timeout=WAIT_MS)
    assert again.window.status.badge.online


def test_the_demo_server_child_ends_when_the_app_dies(tmp_path: Path, clock: FixedClock) -> None:
    pending = PendingDemoServer(tmp_path / "server", clock)
    server = pending.wait()
    assert requests.get(f"{server.url}/health", timeout=10).ok

    pending._pipe.close()  # what the child sees when the app's process is killed

    assert pending.stopped(timeout_s=20)


def test_lang_sv_builds_the_window_in_swedish(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, started: list[WorkBossApp]
) -> None:
    try:
        app = start(qtbot, started, options(tmp_path, lang="sv"), clock)

        window = app.window
        # the bar may have folded to icons: the accessible name carries the text either way
        assert [b.accessibleName() for b in (window.schedule_button, window.documents_button)] == [
            "Schema",
            "Fakturor",
        ]
        assert QLocale().name() == "sv_SE"
        nbsp = "\N{NO-BREAK SPACE}"
        assert format_money(Decimal("1234.5"), "SEK") == f"1{nbsp}234,50{nbsp}kr"
    finally:
        remove_translations(QApplication.instance())
        QLocale.setDefault(QLocale.system())
