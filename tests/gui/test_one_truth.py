"""One truth for sync state (issue 20, item 1): the connection badge, the sync indicator,
the schedule cards, the open job's badge, its notes and its photo tiles all follow the same
source, so no two of them disagree — offline, while syncing, after a server error, with
uploads refused and once everything reached the office.

The whole app runs against its embedded reference server over real HTTP; the fault that
refuses uploads is injected through the server's admin API.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tests.gui.conftest import gui_test_options
from tests.gui.waiting import settle
from wb_desktop.bootstrap import WorkBossApp, build
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.protocol import routes
from wb_desktop.core.store.job_views import JobBadge
from wb_desktop.core.sync.connectivity import SyncActivity, SyncStatus
from wb_desktop.tools.scenario.office import Office
from wb_desktop.ui.schedule_model import ScheduleRole
from wb_desktop.ui.sync_details import connection_words

WAIT_MS = 30_000
CLICK = Qt.MouseButton.LeftButton
UPLOADED = "✓ Uploaded"


@pytest.fixture
def app(qtbot: QtBot, tmp_path: Path, clock: FixedClock) -> Iterator[WorkBossApp]:
    # GPS on: its pause must follow the same snapshot as the badge
    built = build(gui_test_options(tmp_path / "data", gps=True), clock=clock)
    qtbot.addWidget(built.window)
    built.window.resize(1366, 860)
    built.window.show()
    qtbot.waitExposed(built.window)
    yield built
    assert built.close()


@pytest.fixture
def office(app: WorkBossApp) -> Iterator[Office]:
    assert app.link.demo is not None
    made = Office(app.link.url, app.link.demo.admin_token)
    yield made
    made.close()


def photo_files(folder: Path) -> list[Path]:
    paths = []
    for index, colour in enumerate((Qt.GlobalColor.darkGreen, Qt.GlobalColor.darkCyan)):
        image = QImage(320, 240, QImage.Format.Format_RGB32)
        image.fill(colour)
        path = folder / f"IMG_{index:04}.jpg"
        assert image.save(str(path), "JPEG")
        paths.append(path)
    return paths


def card_badges(app: WorkBossApp) -> set[JobBadge]:
    model = app.window.schedule.model
    return {model.index(i).data(ScheduleRole.ROW).badge for i in range(model.rowCount())}


def bar_contradictions(app: WorkBossApp, status: SyncStatus) -> list[str]:
    """What the badge and the indicator show against each other and the snapshot; checked
    at every status the service emits, while syncing too."""
    bar, found = app.window.status, []
    indicator = bar.indicator
    if bar.badge.online != status.connected:
        found.append(f"badge online={bar.badge.online}, snapshot connected={status.connected}")
    if not status.syncing and bar.badge.text_label.text() != connection_words(status.view):
        found.append(f"badge says {bar.badge.text_label.text()!r} for {status.view.activity}")
    syncing_words = indicator.state_label.isVisible() and indicator.state_label.text().startswith(
        "Syncing"
    )
    if not bar.badge.online and (syncing_words or indicator.progress_bar.isVisible()):
        found.append(f"{bar.badge.text_label.text()!r} beside {indicator.state_label.text()!r}")
    if bar.gps_indicator.isVisible() and bar.gps_indicator.paused == bar.badge.online:
        found.append(
            f"GPS paused={bar.gps_indicator.paused} beside {bar.badge.text_label.text()!r}"
        )
    waiting = indicator.pending_label.text()
    if waiting == "All synced" and not status.all_synced:
        found.append(f"'All synced' with {status.waiting} waiting, {status.view.activity}")
    if status.view.activity is SyncActivity.ERROR and waiting == "All synced":
        found.append("'Sync error' beside 'All synced'")
    if status.waiting and waiting != f"{status.waiting} waiting to sync":
        found.append(f"{waiting!r} while {status.waiting} wait")
    return found


def contradictions(app: WorkBossApp) -> list[str]:
    """Everything on screen against everything else, once views have read again."""
    window, status = app.window, app.service.status()
    found = bar_contradictions(app, status)
    says_all_synced = window.status.indicator.pending_label.text() == "All synced"
    cards = card_badges(app)
    page = window.job_page
    tiles = [tile.badge.text() for tile in page.photos.tiles]
    notes = [page.notes.model.index(i).data() for i in range(page.notes.model.rowCount())]
    job_badge = page.badge_label.text()
    if says_all_synced:
        if cards != {JobBadge.SYNCED}:
            found.append(f"'All synced' beside cards {sorted(cards)}")
        if any(tile != UPLOADED for tile in tiles):
            found.append(f"'All synced' beside photo tiles {tiles}")
        if any("Synced" not in note for note in notes):
            found.append(f"'All synced' beside notes {notes}")
        if job_badge != "Synced":
            found.append(f"'All synced' beside the job's badge {job_badge!r}")
    if any(tile != UPLOADED for tile in tiles) and job_badge == "Synced":
        found.append(f"the job says Synced while its photos show {tiles}")
    if status.uploads and all(tile == UPLOADED for tile in tiles) and tiles:
        found.append(f"{status.uploads} uploads wait but every tile says uploaded")
    return found


def at_rest(qtbot: QtBot, app: WorkBossApp, until: object) -> None:
    """Wait for the sync state ``until`` accepts, then until every view has read again."""
    service, runner = app.service, app.workday.runner
    qtbot.waitUntil(
        lambda: not service.status().syncing and until(service.status()),  # type: ignore[operator]
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(lambda: runner.idle and not runner.announcing, timeout=WAIT_MS)
    settle(qtbot, app.workday)


def test_no_two_widgets_disagree_through_offline_error_uploads_and_synced(
    qtbot: QtBot, app: WorkBossApp, office: Office, tmp_path: Path
) -> None:
    window, service = app.window, app.service
    seen: list[str] = []
    # After the status bar (connected first, so it has already shown the snapshot).
    service.statusChanged.connect(lambda status: seen.extend(bar_contradictions(app, status)))

    # Online, everything synced.
    qtbot.waitUntil(lambda: window.schedule.model.rowCount() >= 3, timeout=WAIT_MS)
    at_rest(qtbot, app, lambda s: s.view.activity is SyncActivity.IDLE and s.all_synced)
    job_id = window.schedule.model.job_ids()[1]
    window.open_job(job_id)
    settle(qtbot, app.workday)
    assert contradictions(app) == []
    assert window.status.indicator.pending_label.text() == "All synced"

    # Work offline: the whole bar says so at once, before the worker has answered.
    qtbot.mouseClick(window.offline_button, CLICK)
    assert not window.status.badge.online
    assert window.status.badge.text_label.text() == "Offline — Work offline is on"
    at_rest(qtbot, app, lambda s: s.view.activity is SyncActivity.OFFLINE)
    assert contradictions(app) == []

    # Offline work on the open job: a note and two photos wait; every widget says so.
    page = window.job_page
    qtbot.keyClicks(page.notes.editor, "Fuse box label replaced.")
    qtbot.mouseClick(page.notes.add_button, CLICK)
    with qtbot.waitSignal(page.photos.importer.finished, timeout=WAIT_MS):
        page.photos.add_files(photo_files(tmp_path))
    at_rest(qtbot, app, lambda s: s.uploads == 2 and s.view.pending >= 3)
    qtbot.waitUntil(lambda: len(page.photos.tiles) == 2, timeout=WAIT_MS)
    settle(qtbot, app.workday)
    assert contradictions(app) == []
    assert [tile.badge.text() for tile in page.photos.tiles] == ["↻ Waiting to upload"] * 2
    assert JobBadge.WAITING in card_badges(app)

    # Back online while the server refuses every upload: the changes go, the photos wait,
    # and the bar says there is an error and what still waits (never "All synced").
    office.add_fault(kind="error_500", route=routes.BLOBS, count=10_000)
    qtbot.mouseClick(window.offline_button, CLICK)
    at_rest(qtbot, app, lambda s: s.view.activity is SyncActivity.ERROR and s.view.pending == 0)
    indicator = window.status.indicator
    # The worker retries after its backoff (and fails again): between tries the bar says
    # "Sync error", during one "Syncing…"; the rest holds either way.
    qtbot.waitUntil(lambda: indicator.state_label.text() == "Sync error", timeout=WAIT_MS)
    assert contradictions(app) == []
    assert indicator.pending_label.text() == "2 waiting to sync"
    assert page.badge_label.text() != "Synced"
    assert [tile.badge.text() for tile in page.photos.tiles] == ["↻ Waiting to upload"] * 2

    # The fault is gone: the tiles read uploaded as soon as the server took the bytes,
    # without reopening the job or restarting, and everything agrees on "All synced".
    office.clear_faults()
    service.sync_now()
    at_rest(qtbot, app, lambda s: s.view.activity is SyncActivity.IDLE and s.all_synced)
    assert contradictions(app) == []
    assert [tile.badge.text() for tile in page.photos.tiles] == [UPLOADED] * 2
    assert page.badge_label.text() == "Synced"
    assert card_badges(app) == {JobBadge.SYNCED}
    assert seen == []
