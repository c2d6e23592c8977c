"""The app against a real server given with ``--server``: the sign-in dialog, the saved
sign-in that lets a restart open without the network, and signing in again when it expires."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from tests.gui.conftest import STOCKHOLM
from tests.integration.conftest import LiveServer
from wb_desktop.app.connection import sign_in_call
from wb_desktop.app.saved_sign_in import sign_in_file
from wb_desktop.bootstrap import AppOptions, WorkBossApp, build
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.sync.connectivity import SyncActivity
from wb_desktop.core.sync.protocol_client import SignIn
from wb_desktop.ui import sign_in_flow
from wb_desktop.ui.sign_in_dialog import SignInDialog
from wb_server.demo_data import DEMO_ACCOUNTS

EMAIL = "anna@demo.workboss.se"
PASSWORD = DEMO_ACCOUNTS[EMAIL]
WAIT_MS = 20_000
CLICK = Qt.MouseButton.LeftButton


@pytest.fixture
def apps() -> Iterator[list[WorkBossApp]]:
    started: list[WorkBossApp] = []
    yield started
    for app in started:
        assert app.close()


def options(tmp_path: Path, url: str) -> AppOptions:
    return AppOptions(
        data_dir=tmp_path / "data",
        server=url,
        zone=STOCKHOLM,
        watch_network=False,
        watch_camera_inbox=False,
    )


def fill_and_submit(qtbot: QtBot, dialog: SignInDialog, password: str) -> None:
    dialog.email_edit.setText(EMAIL)
    dialog.password_edit.setText(password)
    qtbot.mouseClick(dialog.sign_in_button, CLICK)


def test_the_dialog_explains_a_wrong_password_and_then_signs_in(
    qtbot: QtBot, live_server: LiveServer
) -> None:
    dialog = SignInDialog(live_server.url, sign_in_call(live_server.url))
    qtbot.addWidget(dialog)
    dialog.show()

    fill_and_submit(qtbot, dialog, "not-the-password")
    qtbot.waitUntil(lambda: not dialog.message.isHidden(), timeout=WAIT_MS)
    assert "email or password is not right" in dialog.message.text()
    assert dialog.result() != QDialog.DialogCode.Accepted

    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        fill_and_submit(qtbot, dialog, PASSWORD)
    assert dialog.signed_in is not None and dialog.signed_in.display_name == "Anna Lindqvist"


def test_an_unreachable_server_is_named_in_the_dialog(qtbot: QtBot) -> None:
    dialog = SignInDialog("http://127.0.0.1:9", sign_in_call("http://127.0.0.1:9"))
    qtbot.addWidget(dialog)
    fill_and_submit(qtbot, dialog, PASSWORD)
    qtbot.waitUntil(lambda: not dialog.message.isHidden(), timeout=WAIT_MS)
    assert "Cannot reach the server at http://127.0.0.1:9" in dialog.message.text()


def test_sign_in_once_then_restart_from_the_saved_sign_in_without_asking(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, clock: FixedClock, apps: list
) -> None:
    asked: list[str] = []

    def ask(url: str, call: object, email: str, may_work_offline: bool) -> tuple[SignIn, str]:
        asked.append(url)
        dialog = SignInDialog(url, sign_in_call(url), email=email)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
            fill_and_submit(qtbot, dialog, PASSWORD)
        assert dialog.signed_in is not None
        return dialog.signed_in, PASSWORD

    first = build(options(tmp_path, live_server.url), clock=clock, ask_sign_in=ask)
    apps.append(first)
    assert asked == [live_server.url]
    qtbot.waitUntil(lambda: first.window.schedule.model.rowCount() > 0, timeout=WAIT_MS)
    jobs = first.window.schedule.model.job_ids()
    saved = json.loads(sign_in_file(first.cache.paths).read_text(encoding="utf-8"))
    assert saved["email"] == EMAIL and "password" not in json.dumps(saved)
    assert first.close()

    def must_not_ask(*_args: object) -> None:
        raise AssertionError("a saved sign-in must not ask again")

    again = build(options(tmp_path, live_server.url), clock=clock, ask_sign_in=must_not_ask)
    apps.append(again)
    qtbot.waitUntil(lambda: again.workday.runner.idle, timeout=WAIT_MS)  # the first read
    assert again.window.schedule.model.job_ids() == jobs  # from the cache, before any sync
    assert again.window.technician_label.text() == "Anna Lindqvist"
    qtbot.waitUntil(lambda: again.service.view().activity is SyncActivity.IDLE, timeout=WAIT_MS)


def test_an_expired_sign_in_shows_a_banner_and_signing_in_again_syncs_the_waiting_work(
    qtbot: QtBot,
    live_server: LiveServer,
    tmp_path: Path,
    clock: FixedClock,
    apps: list,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def ask(url: str, call: object, email: str, may_work_offline: bool) -> tuple[SignIn, str]:
        return sign_in_call(url)(EMAIL, PASSWORD), PASSWORD

    first = build(options(tmp_path, live_server.url), clock=clock, ask_sign_in=ask)
    apps.append(first)
    qtbot.waitUntil(lambda: first.window.schedule.model.rowCount() > 0, timeout=WAIT_MS)
    assert first.close()
    path = sign_in_file(first.cache.paths)
    saved = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**saved, "token": "expired-token"}), encoding="utf-8")

    again = build(options(tmp_path, live_server.url), clock=clock, ask_sign_in=ask)
    apps.append(again)
    window = again.window
    window.show()
    qtbot.waitUntil(lambda: window.sign_in_banner.isVisible(), timeout=WAIT_MS)
    job_id = window.schedule.model.job_ids()[0]
    again.workday.write(job_id, lambda c: c.jobs.add_note(job_id, "Written while signed out"))
    qtbot.waitUntil(lambda: again.service.view().pending == 1, timeout=WAIT_MS)

    class SignsInAtOnce(SignInDialog):
        def exec(self) -> int:
            self.show()
            with qtbot.waitSignal(self.accepted, timeout=WAIT_MS):
                fill_and_submit(qtbot, self, PASSWORD)
            return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(sign_in_flow, "SignInDialog", SignsInAtOnce)
    qtbot.mouseClick(window.sign_in_button, CLICK)

    qtbot.waitUntil(lambda: again.service.view().pending == 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.sign_in_banner.isVisible(), timeout=WAIT_MS)
    assert json.loads(path.read_text(encoding="utf-8"))["token"] != "expired-token"
