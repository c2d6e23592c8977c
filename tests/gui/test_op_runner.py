"""The op runner: work off the GUI thread, answers and notices on it, nothing swallowed."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.conftest import Schedule
from wb_desktop.app.op_runner import NoCacheError, OpRunner
from wb_desktop.core.domain.errors import NotFoundError, WorkBossError
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.changes import ChangeReceipt, Changes
from wb_desktop.core.store.models import Note


@pytest.fixture
def runner(cache: LocalCache) -> Iterator[OpRunner]:
    made = OpRunner(cache)
    yield made
    assert made.wait_until_idle(10_000)


def test_a_query_runs_off_the_gui_thread_and_answers_on_it(
    qtbot: QtBot, runner: OpRunner, schedule: Schedule
) -> None:
    gui = threading.get_ident()
    seen: dict[str, object] = {}

    def read(session) -> int:
        seen["worker"] = threading.get_ident()
        return session.scalar(select(func.count()).select_from(Note)) or 0

    def done(count: int) -> None:
        seen["count"] = count
        seen["answered_on"] = threading.get_ident()

    with qtbot.waitSignal(runner.busyChanged, check_params_cb=lambda busy: not busy):
        runner.query(read, done)
    assert seen["count"] == 0
    assert seen["worker"] != gui and seen["answered_on"] == gui
    assert runner.idle


def test_a_write_answers_with_its_notice_and_broadcasts_it(
    qtbot: QtBot, runner: OpRunner, schedule: Schedule
) -> None:
    job_id = schedule.job_ids[0]
    answers: list[ChangeReceipt] = []
    initiator = object()
    with qtbot.waitSignal(runner.changed) as heard:
        runner.write(
            lambda c: c.jobs.add_note(job_id, "Gate code 4411"), answers.append, initiator=initiator
        )
    notice = heard.args[0]
    assert [receipt.changes(initiator) for receipt in answers] == [notice]
    assert notice.kinds == {"note"} and notice.job_ids == {job_id}
    assert len(notice.record_ids) == 1 and notice.initiator is initiator
    assert notice.concerns("note", job_id=job_id)
    assert not notice.concerns("note", job_id=schedule.job_ids[1])
    assert not notice.concerns("customer")


def test_writes_run_one_after_another_in_the_order_asked(
    qtbot: QtBot, runner: OpRunner, schedule: Schedule
) -> None:
    job_id = schedule.job_ids[0]
    order: list[str] = []
    for text in ("first", "second", "third"):
        runner.write(
            lambda c, t=text: c.jobs.add_note(job_id, t), lambda _n, t=text: order.append(t)
        )
    qtbot.waitUntil(lambda: runner.idle)
    assert order == ["first", "second", "third"]


def test_a_refusal_reaches_failed_unchanged_and_nothing_is_broadcast(
    qtbot: QtBot, runner: OpRunner, schedule: Schedule
) -> None:
    errors: list[Exception] = []
    broadcasts: list[Changes] = []
    runner.changed.connect(broadcasts.append)
    runner.write(lambda c: c.jobs.add_note("no-such-job", "x"), failed=errors.append)
    qtbot.waitUntil(lambda: runner.idle)
    assert len(errors) == 1 and isinstance(errors[0], NotFoundError)
    assert broadcasts == []


def test_an_unexpected_error_is_logged_and_handed_to_failed(
    qtbot: QtBot, runner: OpRunner, caplog: pytest.LogCaptureFixture
) -> None:
    errors: list[Exception] = []

    def broken() -> int:
        raise ZeroDivisionError("division by zero")

    runner.call(broken, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: runner.idle)
    assert isinstance(errors[0], ZeroDivisionError)
    assert "failed unexpectedly" in caplog.text and "ZeroDivisionError" in caplog.text


def test_a_bug_in_a_query_goes_to_the_crash_reporter_not_to_failed(
    qtbot: QtBot, runner: OpRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported: list[BaseException] = []
    refusals: list[WorkBossError] = []
    monkeypatch.setattr("sys.excepthook", lambda _kind, error, _trace: reported.append(error))

    def broken(session) -> int:
        raise KeyError("a bug")

    runner.query(broken, lambda _r: None, refusals.append)
    qtbot.waitUntil(lambda: runner.idle)
    assert refusals == [] and [type(error) for error in reported] == [KeyError]


def test_without_failed_an_error_goes_to_the_crash_reporter(
    qtbot: QtBot, runner: OpRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported: list[BaseException] = []
    monkeypatch.setattr("sys.excepthook", lambda _kind, error, _trace: reported.append(error))

    def refused() -> None:
        raise WorkBossError("refused")

    runner.call(refused, lambda _r: None)
    qtbot.waitUntil(lambda: runner.idle)
    assert [str(error) for error in reported] == ["refused"]


def test_an_answer_that_starts_more_work_keeps_the_runner_busy_until_it_ends(
    qtbot: QtBot, runner: OpRunner
) -> None:
    states: list[bool] = []
    runner.busyChanged.connect(states.append)
    results: list[int] = []
    runner.call(lambda: 1, lambda first: runner.call(lambda: first + 1, results.append))
    assert runner.wait_until_idle(10_000)
    assert results == [2] and states == [True, False]


def test_announce_broadcasts_a_sync_notice_to_every_view(qtbot: QtBot, runner: OpRunner) -> None:
    with qtbot.waitSignal(runner.changed) as heard:
        runner.announce(Changes.of_everything(initiator="sync"))
    assert heard.args[0].concerns("job", job_id="any") and heard.args[0].initiator == "sync"


def test_a_runner_without_a_cache_only_calls(qtbot: QtBot) -> None:
    runner = OpRunner()
    with pytest.raises(NoCacheError):
        runner.query(lambda session: None, lambda _r: None)
    results: list[str] = []
    runner.call(lambda: "answer", results.append)
    qtbot.waitUntil(lambda: runner.idle)
    assert results == ["answer"]


def test_a_write_is_told_to_every_view_even_when_its_answer_fails(
    qtbot: QtBot, runner: OpRunner, schedule: Schedule, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported: list[BaseException] = []
    monkeypatch.setattr("sys.excepthook", lambda _kind, error, _trace: reported.append(error))
    job_id = schedule.job_ids[0]

    def broken_answer(_receipt: ChangeReceipt) -> None:
        raise RuntimeError("a bug in the view")

    with qtbot.waitSignal(runner.changed) as heard:
        runner.write(lambda c: c.jobs.add_note(job_id, "Kept"), broken_answer)
    qtbot.waitUntil(lambda: runner.idle)
    assert heard.args[0].kinds == {"note"}
    assert [str(error) for error in reported] == ["a bug in the view"]


def test_the_answer_to_a_widget_closed_meanwhile_is_dropped(
    qtbot: QtBot, runner: OpRunner, schedule: Schedule
) -> None:
    from PySide6.QtWidgets import QLabel
    from shiboken6 import delete

    label = QLabel()
    runner.query(lambda session: "late", label.setText)  # the label's own method
    runner.query(lambda session: "late", lambda text: label.setText(text))  # a lambda using it
    runner.write(lambda c: c.jobs.add_note("no-such-job", "x"), None, lambda e: label.setText("!"))
    delete(label)  # closed and deleted before the answers come
    assert runner.wait_until_idle(10_000)  # nothing raised on the deleted label


def test_an_older_read_answering_after_a_newer_one_of_the_same_thing_is_dropped(
    qtbot: QtBot, runner: OpRunner, schedule: Schedule
) -> None:
    """Two query workers: a re-read started after a save can answer before the one started
    by the save itself. Without ``latest_of`` the late, older answer would paint a state that
    is no longer true (the CI failure of a sent invoice still editable)."""
    older_may_answer = threading.Event()
    shown: list[str] = []
    view = object()

    def older(_session) -> str:
        older_may_answer.wait(10)
        return "draft"

    runner.query(older, shown.append, latest_of=view)
    runner.query(lambda _session: "queued", shown.append, latest_of=view)
    qtbot.waitUntil(lambda: shown == ["queued"])
    older_may_answer.set()
    qtbot.waitUntil(lambda: runner.idle)
    assert shown == ["queued"]
    # other things are not held back by it, and a key is forgotten once answered
    runner.query(lambda _session: "other", shown.append, latest_of=(view, "other"))
    qtbot.waitUntil(lambda: runner.idle)
    assert shown == ["queued", "other"]
    assert not runner._newest
