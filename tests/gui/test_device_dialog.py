"""The device dialog: which profile, where its data lives, storage and what waits to sync."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from wb_desktop import bootstrap as app_module
from wb_desktop.bootstrap import AppOptions, build
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.paths import DataPaths
from wb_desktop.core.store.cache import open_cache
from wb_desktop.core.store.errors import NotADatabaseError
from wb_desktop.core.store.seed import add_server_customer, add_server_job
from wb_desktop.ui.device_dialog import DeviceDialog, read_cache_status
from wb_desktop.ui.theme import TOUCH_TARGET_PX


def test_build_opens_the_cache_and_shows_its_state(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    cache = open_cache(DataPaths(tmp_path).profile("anna"), clock)
    with cache.database.writer() as session, session.begin():
        customer = add_server_customer(session, clock.now(), "Karin Lund")
        job = add_server_job(session, clock.now(), customer, "Boiler service", clock.now())
        job_id = job.id
    cache.changes.jobs.add_note(job_id, "Gate code 1234")
    cache.changes.jobs.set_status(job_id, "en_route")
    cache.close()

    reopened = open_cache(DataPaths(tmp_path).profile("anna"), clock)
    dialog = DeviceDialog(read_cache_status(reopened))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    assert dialog.windowTitle() == "This device — anna"
    assert dialog.profile_label.text() == "anna"
    assert dialog.schema_label.text() == reopened.upgrade.to_revision
    assert dialog.records_label.text() == "1 jobs, 1 customers"
    assert dialog.waiting_label.text() == "2 change(s) waiting to sync"
    assert not dialog.storage_warning.isVisible()
    assert dialog.close_button.height() >= TOUCH_TARGET_PX
    assert dialog.storage_bar.height() >= TOUCH_TARGET_PX
    reopened.close()


def test_a_nearly_full_quota_shows_the_warning(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    one_mb = 1024 * 1024
    cache = open_cache(DataPaths(tmp_path).profile("anna"), clock, quota_bytes=one_mb)
    with cache.database.writer() as session, session.begin():
        customer = add_server_customer(session, clock.now(), "Karin Lund")
        job_id = add_server_job(session, clock.now(), customer, "Boiler", clock.now()).id
    photo = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 2200  # a JPEG-looking 550 KB file
    receipt = cache.changes.media.add_photo(job_id, photo, "meter.jpg")
    assert receipt.storage_warning is not None
    cache.close()

    reopened = open_cache(DataPaths(tmp_path).profile("anna"), clock, quota_bytes=one_mb)
    dialog = DeviceDialog(read_cache_status(reopened))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.storage_warning.isVisible()
    assert "full" in dialog.storage_warning.text()
    assert dialog.storage_bar.value() >= 800
    reopened.close()


def test_a_file_that_is_not_a_cache_is_refused_and_left_alone(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = DataPaths(tmp_path).profile("anna").ensure().database
    database.write_text("these are my notes, not a database\n" * 40, encoding="utf-8")
    before = hashlib.sha256(database.read_bytes()).hexdigest()

    with pytest.raises(NotADatabaseError):
        build(AppOptions(data_dir=tmp_path, profile="anna"))

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    assert app_module.run(AppOptions(data_dir=tmp_path, profile="anna")) == 2
    assert len(shown) == 1 and str(database) in shown[0]
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
