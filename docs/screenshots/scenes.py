"""The app-driving side of the screenshots: start the real app in a language, wait on it
without sleeping, save a grab, and play the invoicing day whose screens the README shows.

Each run gets a fresh throwaway data dir, its own embedded demo server (in a thread, so it
shares the fixed clock) and its own translators, which are removed again on the way out so
the next run starts from English sources.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEventLoop, QLocale
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from wb_desktop.bootstrap import AppOptions, WorkBossApp, build
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.records import DeliveryState, DocumentKind
from wb_desktop.core.domain.status import JobStatus, allowed_transitions
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.changes import ChangeReceipt, LocalChanges
from wb_desktop.core.store.document_views import DocumentDetail, document_detail
from wb_desktop.core.store.models import Job
from wb_desktop.core.sync.connectivity import SyncActivity
from wb_desktop.ui.documents.editor import DocumentEditor
from wb_desktop.ui.reports.page import Metric
from wb_desktop.ui.translations import remove_translations

HERE = Path(__file__).resolve().parent
SIZE = (1066, 666)  # the default window: maximised on a 1600×1000 tablet screen at 150 %
ZONE = ZoneInfo("Europe/Stockholm")
ENGLISH = "en_GB"  # English words and formats, whatever the machine rendering them speaks
SWEDISH = "sv"
APPROVED_CARD = "4242 4242 4242 4242"  # the demo server's test card that is always approved
WAIT_SECONDS = 30.0


class SceneError(RuntimeError):
    """The app never reached the state a screenshot is meant to show."""


def spin(app: WorkBossApp, done: Callable[[], bool], seconds: float = WAIT_SECONDS) -> bool:
    """Pump the event loop until ``done()`` or the time is up; returns ``done()``."""
    end = time.monotonic() + seconds
    while time.monotonic() < end and not done():
        app.qt_app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    return done()


def until(app: WorkBossApp, done: Callable[[], bool], what: str) -> None:
    """Like :func:`spin`, but a state never reached stops the run instead of a wrong picture."""
    if not spin(app, done):
        raise SceneError(f"gave up waiting for {what}")


def settle(app: WorkBossApp, seconds: float = 0.6) -> None:
    spin(app, lambda: False, seconds)


@dataclass(frozen=True)
class Shots:
    """Saves grabs as ``NAME{suffix}.png`` beside this file ("-sv" for the Swedish ones)."""

    suffix: str = ""

    def save(self, widget: QWidget, name: str) -> None:
        """The grab shows no focus ring: a finger, not a keyboard, drives these scenes."""
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()
        target = HERE / f"{name}{self.suffix}.png"
        widget.grab().save(str(target))
        print(target)


def activity(app: WorkBossApp) -> SyncActivity:
    return app.service.view().activity


@contextmanager
def running_app(language: str, clock: FixedClock) -> Iterator[WorkBossApp]:
    """The real app in ``language`` on a fresh data dir, shown and synced once.

    Closed afterwards, with the translators removed and the default locale put back, so a
    second run in this process (another language) starts clean.
    """
    locale_before = QLocale()
    with tempfile.TemporaryDirectory() as folder:
        app = build(
            AppOptions(
                data_dir=Path(folder) / "data",
                lang=language,
                zone=ZONE,
                watch_network=False,
                watch_camera_inbox=False,
                demo_server_in_child=False,
            ),
            clock=clock,
        )
        try:
            app.window.resize(*SIZE)
            app.window.show()
            until(app, lambda: app.window.schedule.model.rowCount() >= 3, "the schedule")
            until(app, lambda: activity(app) is SyncActivity.IDLE, "the first sync")
            yield app
        finally:
            if not app.close():
                print("warning: the sync thread did not stop; its data dir may stay behind")
            remove_translations(app.qt_app)
            QLocale.setDefault(locale_before)


def idle(app: WorkBossApp) -> None:
    """Views read and write through the op runner: wait until it has answered everything."""
    until(app, lambda: app.workday.runner.idle, "the op runner")


def write(app: WorkBossApp, job_id: str, action: Callable[[LocalChanges], ChangeReceipt]) -> None:
    app.workday.write(job_id, action)


def complete_job(app: WorkBossApp, job_id: str) -> None:
    """Walk the job forward one allowed step at a time, whatever status it starts in."""
    status = app.workday.read(lambda session: session.get(Job, job_id).status)
    while status is not JobStatus.COMPLETE:
        status = allowed_transitions(status)[0]
        write(app, job_id, lambda changes, s=status: changes.jobs.set_status(job_id, s))


def work_on(app: WorkBossApp, clock: FixedClock, job_id: str, hours: timedelta) -> None:
    """Clock in on the job, work ``hours`` and complete it (which clocks out of it)."""
    zone = app.workday.zone
    status = app.workday.read(lambda session: session.get(Job, job_id).status)
    if status is JobStatus.SCHEDULED:
        write(app, job_id, lambda changes: changes.jobs.set_status(job_id, JobStatus.EN_ROUTE))
        clock.advance(timedelta(minutes=20))
    write(app, job_id, lambda changes: changes.time.clock_in(job_id, zone=zone))
    clock.advance(hours)
    complete_job(app, job_id)


def detail_of(app: WorkBossApp, document_id: str) -> DocumentDetail:
    detail = app.workday.read(lambda session: document_detail(session, document_id))
    if detail is None:
        raise SceneError(f"document {document_id} is not in the cache")
    return detail


def states_of(app: WorkBossApp, document_id: str) -> tuple[DeliveryState, SyncState]:
    row = detail_of(app, document_id).row
    return row.delivery_state, row.sync_state


def open_new(app: WorkBossApp, job_id: str, kind: DocumentKind) -> DocumentEditor:
    """The job page's Create invoice (or estimate) button: the editor starts from the job."""
    window = app.window
    window.open_job(job_id)
    idle(app)
    page = window.job_page
    (page.invoice_button if kind is DocumentKind.INVOICE else page.estimate_button).click()
    idle(app)
    return window.documents.editor


def add_line(app: WorkBossApp, editor: DocumentEditor, description: str, unit_price: str) -> None:
    """+ Add line, then type the part as a technician would (quantity stays 1)."""
    editor.lines.add_button.click()
    row = editor.lines.rows[-1]
    until(app, row.description_edit.isVisible, "the new line")  # a layout shows it later
    QTest.keyClicks(row.description_edit, description)
    QTest.keyClicks(row.price_edit, unit_price)


def finish(app: WorkBossApp, editor: DocumentEditor, *, send: bool) -> str:
    """Save draft, or Send (queued while offline); returns the document's id."""
    (editor.send_button if send else editor.save_button).click()
    idle(app)
    if editor.document_id is None:
        raise SceneError(f"the editor did not save: {editor.form_error_label.text()}")
    return editor.document_id


def set_offline(app: WorkBossApp, offline: bool) -> None:
    """The window's Work offline button, as the technician taps it."""
    window = app.window
    if window.offline_button.isChecked() != offline:
        window.offline_button.click()
    wanted = (
        (lambda: activity(app) is SyncActivity.OFFLINE)
        if offline
        else (lambda: activity(app) is not SyncActivity.OFFLINE)
    )
    until(app, wanted, "the Work offline button")


def invoicing_day(language: str, shots: Shots) -> None:
    """Anna's Thursday: two jobs for one customer done, invoices made online and offline, a
    card payment back in range, then that customer and the week so far (Monday to Wednesday
    are the demo week's history, so the chart has a week's context)."""
    clock = FixedClock(datetime(2026, 11, 26, 6, 20, tzinfo=UTC))  # 07:20 in Stockholm
    with running_app(language, clock) as app:
        window = app.window
        jobs = window.schedule.model.job_ids()
        write(app, "", lambda changes: changes.time.clock_in(zone=app.workday.zone))
        work_on(app, clock, jobs[0], timedelta(hours=2))
        clock.advance(timedelta(minutes=15))
        work_on(app, clock, jobs[1], timedelta(hours=2, minutes=5))
        clock.advance(timedelta(minutes=10))

        sent = finish(app, open_new(app, jobs[0], DocumentKind.INVOICE), send=True)
        until(
            app,
            lambda: states_of(app, sent) == (DeliveryState.SENT, SyncState.SYNCED),
            "the first invoice to be sent and synced",
        )
        clock.advance(timedelta(minutes=5))
        estimate = finish(app, open_new(app, jobs[2], DocumentKind.ESTIMATE), send=False)
        until(
            app,
            lambda: states_of(app, estimate) == (DeliveryState.DRAFT, SyncState.SYNCED),
            "the estimate to sync",
        )
        set_offline(app, True)
        clock.advance(timedelta(minutes=10))
        editor = open_new(app, jobs[1], DocumentKind.INVOICE)
        add_line(app, editor, "Varmvattenberedare 100 l", "8490")
        queued = finish(app, editor, send=True)
        editor.header.back_button.click()
        settle(app)
        shots.save(window, "invoices")

        window.open_document(queued)
        settle(app)
        shots.save(window, "invoice-offline")

        take_payment(app, clock, queued)
        shots.save(window, "invoice-paid")

        customer_id = detail_of(app, queued).row.customer_id
        show_customer(app, customer_id)
        shots.save(window, "customers")

        clock.advance(timedelta(minutes=20))
        window.reports_button.click()
        window.reports.day_button.click()
        window.reports.metric_buttons[Metric.JOBS].click()
        settle(app)
        shots.save(window, "reports")


def take_payment(app: WorkBossApp, clock: FixedClock, document_id: str) -> None:
    """Back in range: the queued invoice goes out, then the card is charged in the editor."""
    clock.advance(timedelta(minutes=15))
    set_offline(app, False)
    until(
        app,
        lambda: states_of(app, document_id) == (DeliveryState.SENT, SyncState.SYNCED),
        "the queued invoice to be sent and synced",
    )
    editor = app.window.documents.editor
    editor.refresh()
    idle(app)
    panel = editor.payment
    until(app, panel.charge_button.isEnabled, "the Charge button to be enabled online")
    QTest.keyClicks(panel.card_edit, APPROVED_CARD)
    panel.charge_button.click()
    until(
        app,
        lambda: (
            not panel.is_charging() and detail_of(app, document_id).approved_payment is not None
        ),
        "the card payment to be approved",
    )
    until(app, lambda: app.service.view().pending == 0, "everything to sync")
    editor.refresh()
    settle(app)


def show_customer(app: WorkBossApp, customer_id: str) -> None:
    window = app.window
    window.customers_button.click()
    page = window.customers
    page.show_customer(customer_id)
    idle(app)
    if page.shown_customer_id() != customer_id:
        raise SceneError(f"customer {customer_id} is not on the customers page")
    page.list_view.scrollTo(
        page.list_view.currentIndex(), QAbstractItemView.ScrollHint.PositionAtCenter
    )
    settle(app)
