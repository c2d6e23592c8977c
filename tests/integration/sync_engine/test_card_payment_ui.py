"""The offline invoicing day through the Invoices page, against the real reference server.

Anna makes an invoice from a job while offline and sends it (queued); the card payment is
refused offline with the reason beside it. Back online the invoice goes out and shows sent
and synced, and she takes the card payment; the same day in Swedish reads Swedish throughout.
A declined card says so. A charge that gets no answer counts down to the client's timeout,
then offers Try again and Cancel: Try again asks the office what became of the payment and
ends paid with one charge; Cancel leaves the invoice unpaid and sends nothing later.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.gui.conftest import STOCKHOLM
from tests.integration.conftest import LiveServer
from tests.integration.sync_engine.conftest import ANNA, Technician
from wb_desktop.app.sync_service import SyncService
from wb_desktop.bootstrap import AppOptions, WorkBossApp, build
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.records import DeliveryState, DocumentKind
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.cache import attach_cache
from wb_desktop.core.store.document_views import DocumentRow, document_rows
from wb_desktop.core.store.models import Document, Job
from wb_desktop.core.store.models import Payment as LocalPayment
from wb_desktop.core.sync.client import SyncClient, build_sync_client
from wb_desktop.core.sync.connectivity import SyncActivity
from wb_desktop.core.sync.payments import TEST_CARDS, PaymentOutcome, PaymentRefusedError
from wb_desktop.core.sync.protocol_client import SignIn
from wb_desktop.core.sync.step_report import SyncListener
from wb_desktop.tools.netsim.qa_network import QaNetworkFactory
from wb_desktop.tools.scenario.office import Office
from wb_desktop.ui.documents import DocumentsPage
from wb_desktop.ui.documents.payment_panel import CardPaymentPanel
from wb_desktop.ui.messages import user_message
from wb_desktop.ui.theme import TOUCH_TARGET_PX
from wb_desktop.ui.translations import remove_translations
from wb_desktop.ui.workday import Workday
from wb_server.demo_data import DEMO_ACCOUNTS
from wb_server.models import Payment as ServerPayment

WAIT_MS = 20_000
CLICK = Qt.MouseButton.LeftButton


def sign_in_as_anna(
    _url: str, call: Callable[[str, str], SignIn], _email: str, _offline: bool
) -> tuple[SignIn, str]:
    return call(ANNA, DEMO_ACCOUNTS[ANNA]), DEMO_ACCOUNTS[ANNA]


@dataclass(frozen=True)
class Words:
    """What Anna reads on the invoice during the day; the Swedish is the catalogue's."""

    queued: str
    local_only: str
    sent: str
    synced: str
    offline: str  # the panel's reason and the core's refusal say the same
    charging: str
    approved: str


ENGLISH = Words(
    queued="Queued to send",
    local_only="Local only",
    sent="Sent",
    synced="Synced",
    offline="Card payments need a connection, and this tablet is offline. "
    "Send the invoice by email once you are back in range.",
    charging="Charging…",
    approved="Approved — paid by card ending 4242.",
)
SWEDISH = Words(
    queued="I kö för att skickas",
    local_only="Endast lokalt",
    sent="Skickad",
    synced="Synkad",
    offline="Kortbetalning kräver uppkoppling, och surfplattan är offline. "
    "Skicka fakturan med e-post när du har täckning igen.",
    charging="Tar betalt…",
    approved="Godkänd – betald med kort som slutar på 4242.",
)


@pytest.fixture
def lang() -> str | None:
    """The app's --lang; None is the system's choice (English here). Tests parametrize it."""
    return None


@pytest.fixture
def app(
    qtbot: QtBot, tmp_path: Path, live_server: LiveServer, clock: FixedClock, lang: str | None
) -> Iterator[WorkBossApp]:
    """The real app (composition root) signed in to the live server, schedule pulled.

    Its language stays installed while the test runs; afterwards English sources and the
    system's formats come back, so later tests read English."""
    try:
        built = build(
            AppOptions(
                data_dir=tmp_path / "app",
                server=live_server.url,
                zone=STOCKHOLM,
                watch_network=False,
                watch_camera_inbox=False,
                lang=lang,
            ),
            clock=clock,
            ask_sign_in=sign_in_as_anna,
        )
        qtbot.addWidget(built.window)
        qtbot.waitUntil(lambda: built.workday.read(count_jobs) > 0, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: built.service.view().activity is SyncActivity.IDLE, timeout=WAIT_MS)
        yield built
        assert built.close()
    finally:
        remove_translations(QApplication.instance())
        QLocale.setDefault(QLocale.system())


def count_jobs(session: Any) -> int:
    return session.scalar(select(func.count()).select_from(Job)) or 0


def first_job(workday: Workday) -> str:
    return workday.read(
        lambda session: session.scalars(select(Job.id).order_by(Job.scheduled_start)).first()
    )


def show_page(qtbot: QtBot, workday: Workday, service: SyncService) -> DocumentsPage:
    page = DocumentsPage(workday, service)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: workday.runner.idle, timeout=WAIT_MS)  # its first read
    return page


def row_of(workday: Workday, document_id: str) -> DocumentRow:
    return next(r for r in workday.read(document_rows) if r.id == document_id)


def server_payments(server: LiveServer, document_id: str) -> list[str]:
    with server.context.reader() as db:
        return list(
            db.scalars(select(ServerPayment.status).where(ServerPayment.document_id == document_id))
        )


def charge(
    qtbot: QtBot, page: DocumentsPage, service: SyncService, card: str, words: Words = ENGLISH
) -> object:
    panel = page.editor.payment
    panel.card_edit.setText(card)
    with qtbot.waitSignal(service.paymentFinished, timeout=WAIT_MS) as finished:
        qtbot.mouseClick(panel.charge_button, CLICK)
        assert panel.status_label.text().startswith(words.charging)  # the window never waits
    return finished.args[1]


def make_invoice(qtbot: QtBot, page: DocumentsPage, job_id: str, workday: Workday) -> str:
    """Reads and writes go through the op runner: wait for each to be answered."""
    page.open_for_job(job_id, DocumentKind.INVOICE)
    qtbot.waitUntil(lambda: workday.runner.idle, timeout=WAIT_MS)
    assert page.stack.currentWidget() is page.editor
    qtbot.mouseClick(page.editor.send_button, CLICK)
    qtbot.waitUntil(lambda: workday.runner.idle, timeout=WAIT_MS)
    assert page.editor.document_id is not None
    return page.editor.document_id


@pytest.mark.parametrize(("lang", "words"), [("en", ENGLISH), ("sv", SWEDISH)], ids=["en", "sv"])
def test_the_offline_invoicing_day(
    qtbot: QtBot, app: WorkBossApp, live_server: LiveServer, office: Office, words: Words
) -> None:
    workday, service = app.workday, app.service
    page = show_page(qtbot, workday, service)

    # Offline: make the invoice from the job and send it.
    qtbot.mouseClick(app.window.offline_button, CLICK)
    qtbot.waitUntil(lambda: service.view().activity is SyncActivity.OFFLINE, timeout=WAIT_MS)
    invoice = make_invoice(qtbot, page, first_job(workday), workday)
    editor = page.editor
    assert editor.header.delivery_chip.text() == words.queued
    assert words.local_only in editor.header.sync_chip.text()
    row = row_of(workday, invoice)
    assert (row.delivery_state, row.sync_state) == (DeliveryState.QUEUED, SyncState.LOCAL_ONLY)

    # The card payment is refused offline, with the reason in plain text.
    panel = editor.payment
    assert not panel.charge_button.isEnabled()
    assert panel.status_label.text() == words.offline
    with qtbot.waitSignal(service.paymentFinished, timeout=WAIT_MS) as refused:
        service.take_payment(invoice, TEST_CARDS["approve"])
    assert isinstance(refused.args[1], PaymentRefusedError)
    assert user_message(refused.args[1]) == words.offline
    assert server_payments(live_server, invoice) == []

    # Back online: it goes out, and shows sent and synced.
    qtbot.mouseClick(app.window.offline_button, CLICK)
    qtbot.waitUntil(
        lambda: (
            (row_of(workday, invoice).delivery_state, row_of(workday, invoice).sync_state)
            == (DeliveryState.SENT, SyncState.SYNCED)
        ),
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(lambda: editor.header.delivery_chip.text() == words.sent, timeout=WAIT_MS)
    assert words.synced in editor.header.sync_chip.text()
    view = office.office_view(office.technician_id(ANNA))
    assert [d.delivery_state for d in view.documents if d.id == invoice] == ["sent"]
    assert len([d for d in view.deliveries if d.document_id == invoice]) == 1

    # Online, the payment goes through.
    assert panel.charge_button.isEnabled()
    outcome = charge(qtbot, page, service, TEST_CARDS["approve"], words)
    assert isinstance(outcome, PaymentOutcome) and outcome.status.value == "approved"
    qtbot.waitUntil(lambda: panel.status_label.text() == words.approved, timeout=WAIT_MS)
    assert not panel.charge_button.isEnabled()
    view = office.office_view(office.technician_id(ANNA))
    assert [p.status for p in view.payments if p.document_id == invoice] == ["approved"]


def test_a_declined_card_says_so_and_another_card_pays(
    qtbot: QtBot, app: WorkBossApp, live_server: LiveServer
) -> None:
    page = show_page(qtbot, app.workday, app.service)
    invoice = make_invoice(qtbot, page, first_job(app.workday), app.workday)
    panel = page.editor.payment
    qtbot.waitUntil(panel.charge_button.isEnabled, timeout=WAIT_MS)

    declined = charge(qtbot, page, app.service, TEST_CARDS["decline"])

    assert isinstance(declined, PaymentOutcome) and declined.status.value == "declined"
    assert panel.status_label.text() == "Declined: card declined. Try another card."
    assert panel.card_edit.text() == "" and panel.charge_button.isEnabled()

    charge(qtbot, page, app.service, TEST_CARDS["approve"])
    qtbot.waitUntil(lambda: panel.status_label.text().startswith("Approved"), timeout=WAIT_MS)
    assert sorted(server_payments(live_server, invoice)) == ["approved", "declined"]


class FakeSeconds:
    """The panel's countdown clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def anna_service(anna: Technician, payment_timeout_s: float) -> SyncService:
    """Anna's sync service as the app builds it, with a short card-payment timeout."""

    def make_client(listener: SyncListener) -> SyncClient:
        return build_sync_client(
            attach_cache(anna.cache, anna.clock),
            anna.server.url,
            anna.email,
            DEMO_ACCOUNTS[anna.email],
            anna.clock,
            simulator=QaNetworkFactory(sleep=lambda _s: None),
            listener=listener,
            own_cache=True,
        )

    return SyncService(make_client, watch_network=False, payment_timeout_s=payment_timeout_s)


@pytest.fixture
def short_timeout_service(anna: Technician) -> Iterator[SyncService]:
    """A payment call that gives up after half a second: the live server holds the timeout
    card's reply for 1.5 s."""
    service = anna_service(anna, 0.5)
    yield service
    assert service.stop()


@pytest.fixture
def three_second_service(anna: Technician) -> Iterator[SyncService]:
    service = anna_service(anna, 3.0)
    yield service
    assert service.stop()


def started_page(
    qtbot: QtBot, anna: Technician, service: SyncService
) -> tuple[Workday, DocumentsPage]:
    workday = Workday(anna.cache, anna.clock, STOCKHOLM, None, service.notify_local_change)
    service.changesNoticed.connect(workday.runner.announce_soon)
    with qtbot.waitSignal(service.stepFinished, timeout=WAIT_MS):
        service.start()
    return workday, show_page(qtbot, workday, service)


NO_ANSWER = "No answer from the card service yet — it may still go through."


def waiting_for_a_person(panel: CardPaymentPanel) -> bool:
    return panel.retry_button.isVisible() and panel.cancel_button.isVisible()


def test_the_card_that_never_answers_counts_down_then_try_again_pays_once(
    qtbot: QtBot, anna: Technician, short_timeout_service: SyncService, office: Office
) -> None:
    """Issue 20: a bare "Charging…" with no way out. Now: a countdown, then a choice."""
    service = short_timeout_service
    workday, page = started_page(qtbot, anna, service)
    invoice = make_invoice(qtbot, page, first_job(workday), workday)
    panel = page.editor.payment
    panel.clock = clock = FakeSeconds()
    qtbot.waitUntil(panel.charge_button.isEnabled, timeout=WAIT_MS)

    panel.card_edit.setText(TEST_CARDS["timeout"])
    qtbot.mouseClick(panel.charge_button, CLICK)
    assert panel.status_label.text() == "Charging… 1 s"
    assert not waiting_for_a_person(panel)
    # charged, the answer held back
    qtbot.waitUntil(lambda: server_payments(anna.server, invoice) == ["approved"], timeout=WAIT_MS)

    clock.now += 1  # the client's timeout passes without an answer
    qtbot.waitUntil(lambda: waiting_for_a_person(panel), timeout=WAIT_MS)
    assert panel.status_label.text() == NO_ANSWER
    assert panel.retry_button.isEnabled() and not panel.charge_button.isVisible()
    for button in (panel.retry_button, panel.cancel_button):
        assert button.height() >= TOUCH_TARGET_PX and button.accessibleName()

    # Offline, Try again waits for the link and says why; Cancel stays possible.
    service.set_profile("offline")
    qtbot.waitUntil(lambda: not panel.retry_button.isEnabled(), timeout=WAIT_MS)
    assert panel.status_label.text() == f"{NO_ANSWER} {ENGLISH.offline}"
    assert panel.cancel_button.isEnabled()
    service.set_profile("online")
    qtbot.waitUntil(panel.retry_button.isEnabled, timeout=WAIT_MS)

    with qtbot.waitSignal(service.paymentFinished, timeout=WAIT_MS) as retried:
        qtbot.mouseClick(panel.retry_button, CLICK)
    outcome = retried.args[1]
    assert isinstance(outcome, PaymentOutcome) and outcome.status.value == "approved"
    assert outcome.attempts == 0  # the office's record answered: the card was not sent again
    qtbot.waitUntil(lambda: panel.status_label.text().startswith("Approved"), timeout=WAIT_MS)
    assert not waiting_for_a_person(panel)
    view = office.office_view(office.technician_id(ANNA))
    assert [p.status for p in view.payments if p.document_id == invoice] == ["approved"]


def fault_fired(office: Office) -> bool:
    return any(fault.fired for fault in office.faults())


def local_status(anna: Technician) -> str | None:
    with anna.cache.database.reader() as db:
        return db.scalar(select(LocalPayment.status))


def test_cancel_leaves_the_invoice_unpaid_and_the_next_charge_asks_first(
    qtbot: QtBot, anna: Technician, three_second_service: SyncService, office: Office
) -> None:
    service = three_second_service
    workday, page = started_page(qtbot, anna, service)
    invoice = make_invoice(qtbot, page, first_job(workday), workday)
    panel = page.editor.payment
    panel.clock = clock = FakeSeconds()
    qtbot.waitUntil(panel.charge_button.isEnabled, timeout=WAIT_MS)
    office.add_fault(kind="hang", route="/v1/payments", hang_s=5, count=1)

    panel.card_edit.setText(TEST_CARDS["approve"])
    qtbot.mouseClick(panel.charge_button, CLICK)
    assert panel.status_label.text() == "Charging… 3 s"
    qtbot.waitUntil(lambda: fault_fired(office), timeout=WAIT_MS)  # the charge is on its way
    clock.now += 1.5
    qtbot.waitUntil(lambda: panel.status_label.text() == "Charging… 2 s", timeout=WAIT_MS)
    clock.now += 2
    qtbot.waitUntil(lambda: waiting_for_a_person(panel), timeout=WAIT_MS)

    qtbot.mouseClick(panel.cancel_button, CLICK)
    assert not waiting_for_a_person(panel) and panel.charge_button.isEnabled()
    assert panel.status_label.text() == "" and panel.card_edit.text() == ""
    # The hung call ends at the client's timeout; what it ends with is not shown.
    qtbot.waitUntil(lambda: local_status(anna) == "unknown", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: workday.runner.idle, timeout=WAIT_MS)
    assert panel.charge_button.isVisible() and not waiting_for_a_person(panel)
    assert server_payments(anna.server, invoice) == []

    panel.card_edit.setText(TEST_CARDS["approve"])
    charged = charge(qtbot, page, service, TEST_CARDS["approve"])
    assert isinstance(charged, PaymentOutcome) and charged.status.value == "approved"
    qtbot.waitUntil(lambda: panel.status_label.text().startswith("Approved"), timeout=WAIT_MS)
    assert server_payments(anna.server, invoice) == ["approved"]


def test_the_link_from_invoice_to_estimate_survives_a_sync(anna: Technician) -> None:
    job = first_job_of(anna)
    lines = [{"description": "Survey", "quantity": "1", "unit_price": "900.00"}]
    estimate = anna.cache.changes.documents.create(
        "estimate", job.customer_id, lines, job_id=job.id
    ).record_id
    invoice = anna.cache.changes.documents.convert_to_invoice(estimate).record_id
    assert anna.client.engine.step().ok
    assert anna.client.engine.step().ok

    anna.cache.changes.documents.send(invoice)
    assert anna.client.engine.step().ok

    again = anna.cache.changes.documents.convert_to_invoice(estimate)

    assert not again.changed and again.record_id == invoice
    with anna.cache.database.reader() as db:
        stored = db.get(Document, invoice)
        assert stored is not None
        assert stored.converted_from_id == estimate  # the pull brought the office's copy back
        assert stored.queued_at is not None  # a column only the tablet has survives the pull


def first_job_of(anna: Technician) -> Job:
    with anna.cache.database.reader() as db:
        job = db.scalars(select(Job).order_by(Job.scheduled_start)).first()
        assert job is not None
        db.expunge(job)
        return job
