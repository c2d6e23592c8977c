"""The notification store: every message kept until dismissed, newest first, and a problem
that repeats (a sync failure on every retry of a long outage) counted on one entry."""

from __future__ import annotations

from datetime import timedelta

from wb_desktop.app.notifications import Notification, NotificationKind, Notifications
from wb_desktop.app.sync_notices import sync_problems
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.text import Text
from wb_desktop.core.sync.step_report import Failure, StepReport

SYNC, INBOX = NotificationKind.SYNC, NotificationKind.CAMERA_INBOX


class Heard:
    def __init__(self, store: Notifications) -> None:
        self.added: list[Notification] = []
        self.updated: list[Notification] = []
        self.dismissed: list[int] = []
        self.counts: list[int] = []
        store.added.connect(self.added.append)
        store.updated.connect(self.updated.append)
        store.dismissed.connect(self.dismissed.append)
        store.counted.connect(self.counts.append)


def test_identical_sync_problems_in_a_row_are_one_entry_with_a_count(clock: FixedClock) -> None:
    store = Notifications(clock.now)
    heard = Heard(store)
    start = clock.now()
    for attempt in range(500):  # a two-hour outage, retried every 15 s
        if attempt:
            clock.advance(timedelta(seconds=15))
        store.post(SYNC, Text("The server answered %1", 503))
    (only,) = store.items
    assert only.count == 500
    assert only.at == start + timedelta(seconds=15 * 499)  # when it last happened
    assert len(heard.added) == 1 and len(heard.updated) == 499
    assert heard.counts == [1]  # one row the whole time


def test_a_repeat_moves_to_the_top_and_other_kinds_do_not_break_the_run(
    clock: FixedClock,
) -> None:
    store = Notifications(clock.now)
    failing = store.post(SYNC, "the server answered 500")
    photo = store.post(INBOX, "'a.jpg' is empty", detail="a.jpg")
    again = store.post(SYNC, "the server answered 500")
    assert again.id == failing.id and again.count == 2
    assert [item.id for item in store.items] == [failing.id, photo.id]

    other = store.post(SYNC, "the server answered 503")  # a different problem: its own row
    assert other.id != failing.id
    assert store.post(SYNC, "the server answered 500").count == 1  # not consecutive now
    assert len(store) == 4


def test_messages_about_different_files_are_never_merged(clock: FixedClock) -> None:
    store = Notifications(clock.now)
    for name in ("a.jpg", "b.jpg", "a.jpg"):
        store.post(INBOX, f"'{name}' is empty", detail=name)
    assert [item.detail for item in store.items] == ["a.jpg", "b.jpg", "a.jpg"]


def test_dismissing_one_or_all(clock: FixedClock) -> None:
    store = Notifications(clock.now)
    heard = Heard(store)
    first = store.post(INBOX, "one", detail="1.jpg")
    second = store.post(INBOX, "two", detail="2.jpg")
    store.dismiss(first.id)
    store.dismiss(first.id)  # a double tap changes nothing
    assert store.items == [second]
    store.post(SYNC, "three")
    store.dismiss_all()
    assert store.items == [] and len(store) == 0
    assert heard.dismissed == [first.id, heard.added[2].id, second.id]
    assert heard.counts == [1, 2, 1, 2, 0]
    store.dismiss_all()
    assert heard.counts[-1] == 0 and len(heard.counts) == 5


def test_which_sync_steps_are_problems_to_keep() -> None:
    server = StepReport(ok=False, failure=Failure.SERVER, reason="the server answered 500: x")
    (text,) = sync_problems(server)
    assert "the server answered 500: x" in text and "saved on this tablet" in text
    assert "Sign in again" in sync_problems(StepReport(ok=False, failure=Failure.AUTH))[0]
    assert sync_problems(StepReport(ok=False, failure=Failure.STOPPED, reason="disk full"))
    for quiet in (Failure.OFFLINE, Failure.UNREACHABLE, Failure.PORTAL):
        assert sync_problems(StepReport(ok=False, failure=quiet, reason="no link")) == []
    assert sync_problems(StepReport(ok=True, pushed=4)) == []
    (refused,) = sync_problems(StepReport(ok=True, pushed=4, dead=1))
    assert refused.template.startswith("Changes refused by the server: %1.")
