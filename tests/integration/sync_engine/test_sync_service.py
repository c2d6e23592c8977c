"""The sync service against the real reference server: when steps run, and what the GUI hears.

The worker thread builds its own client from Anna's cache (``attach_cache``), as the app does.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import pytest
import requests
from PySide6.QtCore import QCoreApplication, Qt, QThread, Signal
from PySide6.QtNetwork import QNetworkInformation
from sqlalchemy import select

from tests.conftest import PNG_1X1
from tests.integration.conftest import ADMIN_TOKEN
from tests.integration.sync_engine.conftest import Technician
from wb_desktop.app.sync_service import SyncService, reachability_to_bool
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.cache import attach_cache
from wb_desktop.core.store.models import Job
from wb_desktop.core.sync.client import SyncClient, build_sync_client
from wb_desktop.core.sync.connectivity import OfflineReason, SyncActivity
from wb_desktop.core.sync.step_report import Failure, SyncListener
from wb_desktop.tools.netsim.qa_network import QaNetworkFactory
from wb_server.demo_data import DEMO_ACCOUNTS
from wb_server.models import Note as ServerNote
from wb_server.models import Photo as ServerPhoto

SIGNALS = [  # every public signal of the service
    name
    for name, value in vars(SyncService).items()
    if isinstance(value, Signal) and name[0] != "_"
]
WAIT_MS = 10_000
ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


class NotingListener:
    """Forwards to the service's listener, noting the thread the engine calls it on."""

    def __init__(self, inner: SyncListener, threads: list[int]) -> None:
        self.inner, self.threads = inner, threads

    def progress(self, done: int, total: int) -> None:
        self.threads.append(threading.get_ident())
        self.inner.progress(done, total)

    def records_changed(self, changes: list[tuple[str, str, SyncState]]) -> None:
        self.threads.append(threading.get_ident())
        self.inner.records_changed(changes)

    def conflict(self, record_type: str, record_id: str, field_name: str) -> None:
        self.threads.append(threading.get_ident())
        self.inner.conflict(record_type, record_id, field_name)


class Heard:
    """Every signal the service emits, in order, and the thread each one was emitted on.

    Direct connections: PySide would otherwise queue a lambda to the sender's thread and hide
    an emission from the wrong thread."""

    def __init__(self, service: SyncService) -> None:
        self.events: list[tuple[str, tuple[Any, ...]]] = []
        self.threads: list[QThread] = []
        for name in SIGNALS:
            getattr(service, name).connect(
                lambda *args, name=name: self._note(name, args), Qt.ConnectionType.DirectConnection
            )

    def _note(self, name: str, args: tuple[Any, ...]) -> None:
        self.threads.append(QThread.currentThread())
        self.events.append((name, args))

    def of(self, name: str) -> list[tuple[Any, ...]]:
        return [args for seen, args in self.events if seen == name]

    def names(self) -> list[str]:
        return [name for name, _ in self.events]


def upload_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("wb-upload")]


@pytest.fixture
def engine_threads() -> list[int]:
    """Where the factory ran and where the engine called its listener."""
    return []


@pytest.fixture
def services(
    qtbot: Any, anna: Technician, engine_threads: list[int]
) -> Iterator[Callable[..., SyncService]]:
    """Makes services on Anna's cache; fails a test that leaves a sync thread running."""
    made: list[SyncService] = []

    def make(
        *, sleep: Callable[[float], None] = lambda _s: None, time_scale: float = 1.0, **options: Any
    ) -> SyncService:
        def make_client(listener: SyncListener) -> SyncClient:
            engine_threads.append(threading.get_ident())
            cache = attach_cache(anna.cache, anna.clock)
            client = build_sync_client(
                cache,
                anna.server.url,
                anna.email,
                DEMO_ACCOUNTS[anna.email],
                anna.clock,
                simulator=QaNetworkFactory(sleep=sleep, time_scale=time_scale),
                listener=NotingListener(listener, engine_threads),
                own_cache=True,
            )
            return client

        service = SyncService(make_client, watch_network=False, **options)
        made.append(service)
        return service

    yield make
    left_running = [service for service in made if service.is_running()]
    for service in made:
        service.stop()
    assert not left_running, "the test left a sync thread running"
    assert not upload_threads()


def started(qtbot: Any, service: SyncService) -> Heard:
    """Start the service and wait for its first step."""
    heard = Heard(service)
    with qtbot.waitSignal(service.stepFinished, timeout=WAIT_MS):
        service.start()
    return heard


def first_job(anna: Technician) -> str:
    with anna.cache.database.reader() as db:
        return db.scalars(select(Job.id).order_by(Job.scheduled_start)).first()


def server_notes(anna: Technician, job_id: str) -> list[str]:
    with anna.server.context.reader() as db:
        return list(db.scalars(select(ServerNote.text).where(ServerNote.job_id == job_id)))


def test_start_runs_a_sync_and_reports_it_in_order(qtbot, services) -> None:
    service = services()
    heard = Heard(service)
    with qtbot.waitSignal(service.stepFinished, timeout=WAIT_MS) as finished:
        service.start()
    assert finished.args[0].ok
    assert heard.of("activityChanged")[:2] == [("syncing", ""), ("idle", "")]
    names = heard.names()
    assert names.index("activityChanged") < names.index("stepFinished")
    (when,) = heard.of("lastSyncChanged")[-1]
    assert isinstance(when, datetime) and when.utcoffset() is not None
    assert service.view().activity is SyncActivity.IDLE and service.is_running()
    assert service.stop()


def test_offline_work_syncs_within_a_second_of_reconnecting(qtbot, services, anna) -> None:
    service = services(debounce_ms=5_000, period_s=60)  # neither can explain a 1 s sync
    heard = started(qtbot, service)
    service.set_profile("offline")
    qtbot.waitUntil(lambda: service.view().offline_reason is OfflineReason.SIMULATED)
    assert service.view().activity is SyncActivity.OFFLINE
    assert "simulated" in service.view().message
    job_id = first_job(anna)
    notes = []
    for text in ("Gate code 4711", "Dog in the yard", "Meter in the cellar"):
        notes.append(anna.cache.changes.jobs.add_note(job_id, text).record_id)
        service.notify_local_change()
    qtbot.waitUntil(lambda: heard.of("pendingChanged")[-1:] == [(3,)])

    began = time.monotonic()
    with qtbot.waitSignal(service.stepFinished, timeout=WAIT_MS) as finished:
        service.set_profile("online")
    assert time.monotonic() - began < 1.0
    assert finished.args[0].ok and finished.args[0].applied == 3
    assert heard.of("pendingChanged")[-1] == (0,) and service.view().pending == 0
    assert {("note", note, "synced") for note in notes} <= set(heard.of("recordStateChanged"))
    assert sorted(server_notes(anna, job_id)) == sorted(
        ["Gate code 4711", "Dog in the yard", "Meter in the cellar"]
    )
    assert service.stop()


def test_a_burst_of_local_changes_is_one_step_after_the_debounce(qtbot, services, anna) -> None:
    service = services(debounce_ms=300, period_s=60)
    heard = started(qtbot, service)
    job_id = first_job(anna)
    began = time.monotonic()
    with qtbot.waitSignal(service.stepFinished, timeout=WAIT_MS) as finished:
        for n in range(5):
            anna.cache.changes.jobs.add_note(job_id, f"burst {n}")
            service.notify_local_change()
    assert time.monotonic() - began >= 0.25  # Qt's coarse timers may fire 5 % early
    assert finished.args[0].pushed == 5
    qtbot.wait(600)  # twice the debounce: a second step would show up here
    assert len(heard.of("stepFinished")) == 2  # the start's and the burst's
    assert service.stop()


def test_it_syncs_periodically_without_being_asked(qtbot, services) -> None:
    service = services(period_s=0.2)
    heard = started(qtbot, service)
    qtbot.waitUntil(lambda: len(heard.of("stepFinished")) >= 3, timeout=WAIT_MS)
    assert all(report.ok for (report,) in heard.of("stepFinished"))
    assert service.stop()


def test_a_captive_portal_is_offline_and_applies_nothing(qtbot, services, anna) -> None:
    service = services()
    started(qtbot, service)
    service.set_profile("captive-portal")
    job_id = first_job(anna)
    anna.cache.changes.jobs.add_note(job_id, "behind the portal")
    with qtbot.waitSignal(service.stepFinished, timeout=WAIT_MS) as finished:
        service.sync_now()
    report = finished.args[0]
    assert (report.ok, report.failure, report.applied) == (False, Failure.PORTAL, 0)
    view = service.view()
    assert (view.activity, view.offline_reason, view.pending) == (
        SyncActivity.OFFLINE,
        OfflineReason.CAPTIVE_PORTAL,
        1,
    )
    assert "behind the portal" not in server_notes(anna, job_id)

    with qtbot.waitSignal(service.stepFinished, timeout=WAIT_MS, check_params_cb=_applied(1)):
        service.set_profile("online")  # leaving the portal is a reconnect
    assert server_notes(anna, job_id).count("behind the portal") == 1
    assert service.stop()


def test_a_server_fault_is_an_error_and_it_recovers(qtbot, services, anna, live_server) -> None:
    service = services()
    heard = started(qtbot, service)
    fault = {"kind": "error_500", "route": "/v1/push", "count": 100}
    requests.post(f"{live_server.url}/v1/admin/faults", json=fault, headers=ADMIN, timeout=10)
    anna.cache.changes.jobs.add_note(first_job(anna), "during the outage")
    with qtbot.waitSignal(service.errorOccurred, timeout=WAIT_MS) as error:
        service.sync_now()
    assert "500" in error.args[0]
    assert service.view().activity is SyncActivity.ERROR
    assert heard.of("activityChanged")[-1] == ("error", "")

    requests.delete(f"{live_server.url}/v1/admin/faults", headers=ADMIN, timeout=10)
    with qtbot.waitSignal(service.stepFinished, timeout=WAIT_MS, check_params_cb=_applied(1)):
        service.sync_now()
    assert service.view().activity is SyncActivity.IDLE and service.view().pending == 0
    assert len(heard.of("errorOccurred")) == 1  # retries do not repeat the same error
    assert service.stop()


def test_the_os_reachability_is_forwarded_and_a_return_syncs_at_once(qtbot, services) -> None:
    service = services(debounce_ms=5_000, period_s=60)
    started(qtbot, service)
    service.set_network_reachable(False)
    qtbot.waitUntil(lambda: service.view().offline_reason is OfflineReason.NO_NETWORK)
    began = time.monotonic()
    with qtbot.waitSignal(service.stepFinished, timeout=WAIT_MS):
        service.set_network_reachable(True)
    assert time.monotonic() - began < 1.0
    assert service.view().activity is SyncActivity.IDLE
    assert service.stop()


def test_reachability_means_online_only_when_the_os_is_sure() -> None:
    kinds = QNetworkInformation.Reachability
    assert reachability_to_bool(kinds.Online) is True
    assert reachability_to_bool(kinds.Disconnected) is False
    for unsure in (kinds.Unknown, kinds.Local, kinds.Site):
        assert reachability_to_bool(unsure) is None


def test_signals_arrive_on_the_gui_thread_and_the_engine_runs_off_it(
    qtbot, services, anna, engine_threads
) -> None:
    service = services()
    heard = started(qtbot, service)
    anna.cache.changes.jobs.add_note(first_job(anna), "which thread?")
    with qtbot.waitSignal(service.stepFinished, timeout=WAIT_MS, check_params_cb=_applied(1)):
        service.sync_now()
    assert {"progress", "recordStateChanged", "viewChanged"} <= set(heard.names())
    gui = QCoreApplication.instance().thread()
    assert heard.threads and all(thread == gui for thread in heard.threads)
    assert service.worker_thread() != gui
    here = threading.get_ident()
    assert len(engine_threads) > 1 and here not in engine_threads
    assert len(set(engine_threads)) == 1  # the factory and the engine share one thread
    assert service.stop()


def test_stop_ends_the_thread_and_a_second_stop_is_harmless(qtbot, services, anna) -> None:
    service = services()
    started(qtbot, service)
    anna.cache.changes.media.add_photo(first_job(anna), PNG_1X1, "meter.png")
    with qtbot.waitSignal(service.stepFinished, timeout=WAIT_MS) as finished:
        service.sync_now()
    assert finished.args[0].uploaded == 1
    assert service.stop()
    assert service.worker_thread().isFinished() and not service.is_running()
    assert not upload_threads()
    assert service.stop()


def test_stop_during_a_long_sync_is_prompt_and_loses_nothing(qtbot, services, anna) -> None:
    job_id = first_job(anna)
    texts = [f"queued {n}" for n in range(30)]
    for text in texts:
        anna.cache.changes.jobs.add_note(job_id, text)
    photos = [  # distinct bytes: the server stores blobs by content
        anna.cache.changes.media.add_photo(job_id, PNG_1X1 + bytes([n]), f"p{n}.png").record_id
        for n in range(6)
    ]
    service = services(initial_profile="slow-3g", sleep=time.sleep, time_scale=0.05)
    heard = Heard(service)
    with qtbot.waitSignal(service.progress, timeout=WAIT_MS):  # pushed; the uploads go on
        service.start()
    began = time.monotonic()
    assert service.stop(timeout_ms=10_000)
    assert time.monotonic() - began < 5.0
    assert service.worker_thread().isFinished() and not upload_threads()
    qtbot.waitUntil(lambda: len(heard.of("stepFinished")) > 0)
    (cut_short,) = heard.of("stepFinished")[-1]
    assert cut_short.reason == "stopped"

    before = anna.cache
    anna.restart()  # from what is on disk
    before.close()
    report = anna.client.engine.step()
    assert report.ok, report.reason
    assert report.uploaded > 0 and anna.client.engine.counts().pending == 0
    on_server = server_notes(anna, job_id)
    assert all(on_server.count(text) == 1 for text in texts)
    with anna.server.context.reader() as db:
        assert all(db.get(ServerPhoto, photo) is not None for photo in photos)
    assert anna.client.engine.uploader.waiting() == []


def _applied(count: int) -> Callable[[Any], bool]:
    return lambda report: report.ok and report.applied == count


def test_an_accepted_upload_is_a_notice_naming_the_photo_and_leaves_the_count(
    qtbot, services, anna
) -> None:
    """The photo's tile reads uploaded as soon as the server took the bytes: the step's
    notice names the photo, and the one status snapshot counted it until then."""
    service = services()
    started(qtbot, service)
    heard = Heard(service)
    photo = anna.cache.changes.media.add_photo(first_job(anna), PNG_1X1, "meter.png").record_id
    service.notify_local_change()  # shown at once; the step follows after the debounce
    qtbot.waitUntil(lambda: service.status().uploads == 1, timeout=WAIT_MS)
    assert service.status().waiting == service.status().view.pending + 1
    assert not service.status().all_synced
    qtbot.waitUntil(lambda: service.status().uploads == 0, timeout=WAIT_MS)
    naming = [n for (n,) in heard.of("changesNoticed") if photo in n.record_ids]
    # when its record was acknowledged, when the server took its bytes, the pull's echo
    assert len(naming) == 3 and all(n.concerns("photo") for n in naming)
    qtbot.waitUntil(lambda: service.status().all_synced, timeout=WAIT_MS)
    assert service.stop()
