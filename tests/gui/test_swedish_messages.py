"""Refusals from the write path, the payment desk and the photo import read Swedish when the
Swedish catalogue is installed, with Swedish numbers; their English (logs, the server, other
tests) stays word for word what it was.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import Schedule
from tests.gui.waiting import settle
from wb_desktop.app.settings import SettingsError, load_settings
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.errors import NotFoundError, StateError, ValidationError, WorkBossError
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.errors import DatabaseLockedError, SchemaTooNewError
from wb_desktop.core.store.models import Job
from wb_desktop.core.sync.connectivity import SyncStatus, decide_view
from wb_desktop.core.sync.payment_runner import offline_refusal, take_payment
from wb_desktop.core.sync.payments import PaymentDesk, PaymentRefusedError
from wb_desktop.core.sync.protocol_client import ProtocolError
from wb_desktop.core.sync.step_report import Failure, OutboxCounts, StepReport
from wb_desktop.core.sync.transport import HttpRequest, RequestsTransport, TransportError
from wb_desktop.tools.diagnostics.sandbox_folder import open_sandbox
from wb_desktop.ui.device_dialog import DeviceDialog, read_cache_status
from wb_desktop.ui.messages import translated, user_message
from wb_desktop.ui.photos.importer import PhotoImporter
from wb_desktop.ui.sign_in_dialog import explain_sign_in_failure
from wb_desktop.ui.sync_details import SyncDetailsDialog
from wb_desktop.ui.time_clock import JobTimeControls
from wb_desktop.ui.translations import install_translations, remove_translations
from wb_desktop.ui.workday import Workday

NOW = datetime(2026, 11, 23, 7, 30, tzinfo=UTC)
LINE = {"description": "Heat pump service", "quantity": "1", "unit_price": "2450.00"}


@pytest.fixture
def swedish(qapp: QApplication) -> Iterator[QLocale]:
    """Swedish for the test; English sources and the old default locale come back after."""
    before = QLocale()
    yield install_translations(qapp, "sv")
    remove_translations(qapp)
    QLocale.setDefault(before)


def refusal(action: Callable[[], object]) -> WorkBossError:
    with pytest.raises(WorkBossError) as caught:
        action()
    return caught.value


def test_clock_refusals_read_swedish_and_name_the_job(
    swedish: QLocale, cache: LocalCache, schedule: Schedule, clock: FixedClock
) -> None:
    boiler, leak = schedule.job_ids
    time = cache.changes.time
    nothing_open = refusal(time.clock_out)
    time.clock_in(boiler)
    clock.advance(timedelta(minutes=10))
    twice = refusal(lambda: time.clock_in(leak))
    wrong_job = refusal(lambda: time.clock_out(leak))
    both = refusal(lambda: time.clock_out(boiler, day=True))

    assert isinstance(twice, StateError)
    assert user_message(nothing_open) == (
        "Du är inte instämplad, så det finns inget att stämpla ut från."
    )
    assert user_message(twice) == (
        "Du är redan instämplad på ”Boiler service” sedan 07:30 UTC; stämpla ut först."
    )
    assert user_message(wrong_job) == (
        "Du är inte instämplad på ”Leaking tap”: den öppna jobbstämplingen är på ”Boiler service”."
    )
    assert user_message(both) == "Ange ett jobb eller dagen att stämpla ut från, inte båda."
    assert str(twice) == (
        "Already clocked in on 'Boiler service' since 07:30 UTC; clock out of it first."
    )


def test_day_refusals_read_swedish(swedish: QLocale, cache: LocalCache) -> None:
    time = cache.changes.time
    time.clock_in()
    twice = refusal(time.clock_in)
    time.clock_out(day=True)
    out_again = refusal(lambda: time.clock_out(day=True))

    assert user_message(twice) == (
        "Du är redan instämplad för dagen sedan 07:30 UTC; stämpla ut först."
    )
    assert user_message(out_again) == (
        "Du är inte instämplad för dagen, så det finns inget att stämpla ut från."
    )


def test_a_refused_clock_in_on_a_closed_job_is_shown_in_swedish(
    swedish: QLocale, qtbot: QtBot, cache: LocalCache, workday: Workday, schedule: Schedule
) -> None:
    boiler = schedule.job_ids[0]
    controls = JobTimeControls(workday)
    qtbot.addWidget(controls)
    controls.show()
    controls.show_job(boiler)
    settle(qtbot, workday)
    with cache.database.writer() as session, session.begin():
        session.get(Job, boiler).status = JobStatus.COMPLETE  # as a pull would, unannounced

    qtbot.mouseClick(controls.button, Qt.MouseButton.LeftButton)
    settle(qtbot, workday)

    assert controls.error_label.isVisible()
    assert controls.error_label.text() == (
        "Det går inte att stämpla in på jobbet ”Boiler service”: det är klart."
    )


def test_document_refusals_read_swedish_with_swedish_numbers(
    swedish: QLocale, cache: LocalCache, schedule: Schedule
) -> None:
    documents = cache.changes.documents
    karin, oliver = schedule.customer_ids
    too_precise = refusal(
        lambda: documents.create("invoice", karin, [{**LINE, "unit_price": "12.345"}])
    )
    invoice = documents.create("invoice", karin, [LINE]).record_id

    assert isinstance(too_precise, ValidationError)
    assert too_precise.fields == ["lines[0].unit_price"]
    assert user_message(too_precise) == "”12.345” har för många decimaler (högst 2)."
    assert user_message(refusal(lambda: documents.edit(invoice))) == "Inget att ändra."
    assert user_message(refusal(lambda: documents.create("quote", karin, [LINE]))) == (
        "”quote” är varken faktura eller offert."
    )
    other_customers_job = refusal(
        lambda: documents.create("invoice", oliver, [LINE], job_id=schedule.job_ids[0])
    )
    assert user_message(other_customers_job) == "Jobbet tillhör en annan kund."
    assert user_message(refusal(lambda: documents.create("invoice", karin, [LINE, "x"]))) == (
        "En rad väntades."
    )
    unknown_keys = refusal(lambda: documents.create("invoice", karin, [{**LINE, "n": 1}]))
    assert user_message(unknown_keys) == "Okända nycklar: n."
    assert str(other_customers_job) == "job_id: the job belongs to another customer"


def test_a_missing_record_id_names_the_record_in_swedish(
    swedish: QLocale, cache: LocalCache
) -> None:
    missing = refusal(lambda: cache.changes.time.clock_in(""))

    assert user_message(missing) == "Ett jobb-id väntades, fick ''."
    assert str(missing) == "job_id: expected a job id, got ''"


def test_payment_refusals_read_swedish(
    swedish: QLocale, cache: LocalCache, schedule: Schedule, clock: FixedClock
) -> None:
    karin = schedule.customer_ids[0]
    desk = PaymentDesk(None, cache.database, clock, lambda: False, lambda: None)  # type: ignore[arg-type]
    offline = refusal(lambda: desk.collect("any", "4242 4242 4242 4242"))
    estimate = cache.changes.documents.create("estimate", karin, [LINE]).record_id
    client = SimpleNamespace(api=None, engine=SimpleNamespace(database=cache.database, clock=clock))
    not_an_invoice = take_payment(
        client,  # type: ignore[arg-type]
        estimate,
        "4242 4242 4242 4242",
        is_online=lambda: True,
        sync=lambda: None,
    )

    assert isinstance(offline, PaymentRefusedError)
    assert offline.message == offline_refusal().message  # one wording, two callers
    assert user_message(offline) == (
        "Kortbetalning kräver uppkoppling, och surfplattan är offline. "
        "Skicka fakturan med e-post när du har täckning igen."
    )
    assert isinstance(not_an_invoice, PaymentRefusedError)
    assert user_message(not_an_invoice) == "Bara en faktura kan betalas med kort, inte en offert."
    assert str(offline).startswith("Card payments need a connection")


def test_photo_refusals_from_the_core_read_swedish(
    swedish: QLocale, workday: Workday, cache: LocalCache
) -> None:
    importer = PhotoImporter(workday)
    empty = refusal(lambda: cache.changes.media.stage_photo(b"", "IMG_0001.jpg"))

    assert importer.message_for(empty) == "”IMG_0001.jpg” är tomt"
    assert importer.message_for(NotFoundError("job", "J-1")) == (
        "Hittade inte jobb J-1 i den lokala cachen."
    )


def test_the_device_dialog_writes_sizes_the_swedish_way(
    swedish: QLocale, qtbot: QtBot, cache: LocalCache
) -> None:
    dialog = DeviceDialog(read_cache_status(cache))
    qtbot.addWidget(dialog)

    assert dialog.storage_bar.format().startswith("Lagring: ")
    assert dialog.storage_bar.format().endswith(" av 100,0 MB")


def test_a_sync_failure_reads_swedish_in_the_indicator_and_the_details(
    swedish: QLocale, qtbot: QtBot
) -> None:
    """The engine's reason (here a refused connection on loopback) is translated inside the
    indicator's sentence and in the details dialog; the system's own words stay as they are."""
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    with pytest.raises(TransportError) as caught:
        RequestsTransport(f"http://127.0.0.1:{port}").send(HttpRequest("GET", "/health"))
    report = StepReport(ok=False, failure=Failure.UNREACHABLE, reason=caught.value.reason)
    view = decide_view(
        simulated_offline=False,
        simulated_profile="online",
        network_reachable=None,
        syncing=False,
        last_report=report,
        counts=OutboxCounts(queued=2),
    )
    assert translated(view.message).startswith(
        "Offline – servern svarar inte (uppkopplingen misslyckades: "
    )
    dialog = SyncDetailsDialog(
        SyncStatus(view, last_report=report), lambda: NOW, ZoneInfo("Europe/Stockholm")
    )
    qtbot.addWidget(dialog)
    assert dialog.reason_label.text().startswith("uppkopplingen misslyckades: ")
    assert str(report.reason).startswith("connection failed: ")


def test_a_sign_in_that_gets_a_web_page_reads_swedish(swedish: QLocale) -> None:
    portal = ProtocolError(
        Text(
            QT_TRANSLATE_NOOP(
                "Domain",
                "the network answered with a web page instead of the server (a Wi-Fi login page?)",
            )
        )
    )
    assert explain_sign_in_failure(portal, "http://127.0.0.1:1") == (
        "Inloggningen misslyckades: nätverket svarade med en webbsida i stället för servern"
        " (en inloggningssida för wifi?)"
    )


def test_cache_and_settings_errors_read_swedish(swedish: QLocale, tmp_path: Path) -> None:
    locked = DatabaseLockedError(tmp_path / "cache.sqlite3")
    assert user_message(locked).startswith(f"{tmp_path / 'cache.sqlite3'} används av ett annat")
    newer = SchemaTooNewError(tmp_path / "cache.sqlite3", "c9999")
    assert "schemarevision c9999" in user_message(newer)
    settings = tmp_path / "settings.json"
    settings.write_text('{"storage_quota_mb": 0}', encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(SimpleNamespace(settings=settings))  # type: ignore[arg-type]
    assert user_message(caught.value) == (
        f"Fel i inställningarna: ”storage_quota_mb” i {settings}: måste vara mellan 1 och"
        " 100\u00a0000 MB, inte 0. Rätta eller ta bort filen (standardvärden används när den"
        " saknas); den ändrades inte."
    )


def test_a_folder_that_is_not_a_sandbox_is_refused_in_swedish(
    swedish: QLocale, tmp_path: Path
) -> None:
    (tmp_path / "photos").mkdir()
    refused = refusal(lambda: open_sandbox(tmp_path / "photos"))
    said = user_message(refused)
    assert said.startswith(f"{tmp_path / 'photos'} är ingen sandlåda: den saknar bundle/")
    words = said.replace(str(tmp_path / "photos"), "").replace("sandboxes", "")
    assert "sandbox" not in words  # only the folder's own name stays English


def test_a_bundles_diagnosis_reads_swedish_and_stays_english_for_the_command_line(
    swedish: QLocale,
) -> None:
    from wb_desktop.tools.diagnostics.diagnosis_findings import (
        Diagnosis,
        RecordRef,
        RefusedRequests,
        WaitingChanges,
    )
    from wb_desktop.tools.diagnostics.diagnosis_words import diagnosis_lines

    zone = ZoneInfo("Europe/Stockholm")
    photos = tuple(
        RecordRef("photo", f"p{n}", f"charger-{n}.jpg", "EV charger installation") for n in (1, 2)
    )
    refused = RefusedRequests(
        route="/v1/blobs",
        op_kind=None,
        status=500,
        server_error="injected_fault",
        fault_kind="error_500",
        tries=8,
        first_at=NOW,
        last_at=NOW + timedelta(minutes=9),
        request_ids=("r1",),
        records=photos,
    )
    warning = (
        "2026-11-23 08:39:02,123 WARNING wb_desktop.app.sync_worker [Dummy-1] sync step failed"
    )
    diagnosis = Diagnosis(
        refused=[refused],
        waiting=WaitingChanges(3, 0, 2),
        uploads_waiting=photos,
        last_sync=NOW,
        zone="Europe/Stockholm",
        made_at=NOW + timedelta(minutes=12),
        log_warnings=[warning],
        log_warning_count=5,
    )
    lines = [line.text for line in diagnosis_lines(diagnosis, zone)]

    assert lines[0] == (
        "2 photos on 'EV charger installation' (charger-1.jpg, charger-2.jpg) could not"
        " upload: the server answered 500 (injected fault error_500) to 8 tries between 08:30"
        " and 08:39."
    )  # the command line's English, word for word
    assert [translated(line) for line in lines] == [
        "2 foton på ”EV charger installation” (charger-1.jpg, charger-2.jpg) kunde inte"
        " laddas upp: servern svarade 500 (inlagt testfel error_500) på 8 försök mellan 08:30"
        " och 08:39.",
        "3 ändringar väntar i utkorgen, 2 av dem bakom en ändring som ännu inte tagits emot.",
        "Senaste lyckade synkning kl. 08:30.",
        "Loggen har 5 varningar eller fel; den senaste, kl. 08:39:02: sync step failed",
        "Paketet skapades kl. 08:42 enligt surfplattans klocka; tiderna är i Europe/Stockholm.",
    ]
