"""Logs and settings in every bundle (issue 21, item 7): after a session whose photo uploads
the server refused, the bundle carries the app's log with the failure and the profile's
settings; redacted, neither holds a customer's name, email or phone, nor a token."""

from __future__ import annotations

import io
import json
import logging
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.conftest import PNG_1X1
from tests.integration.sync_engine import test_sync_service as service_tests
from tests.integration.sync_engine.conftest import Technician
from tests.integration.sync_engine.test_sync_service import ADMIN, WAIT_MS, first_job, started
from wb_desktop.app.logs import configure_logging
from wb_desktop.core.store.models import Customer, Job
from wb_desktop.tools.diagnostics.bundle import export_bundle
from wb_desktop.tools.diagnostics.sandbox import open_bundle

TOKEN = "tok-3f9a8b7c6d5e4f"
services = service_tests.services  # the sync service's fixtures, shared
engine_threads = service_tests.engine_threads


@pytest.fixture
def app_log(anna: Technician) -> Iterator[Path]:
    """The app's log for Anna's profile, as the app configures it."""
    root = logging.getLogger()
    level = root.level
    handler = configure_logging(anna.profile)
    yield anna.profile.logs
    root.removeHandler(handler)
    root.setLevel(level)
    handler.close()


def _members(bundle: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(bundle.read_bytes())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _customer(anna: Technician, job_id: str) -> Customer:
    with anna.cache.database.reader() as db:
        job = db.get(Job, job_id)
        assert job is not None
        customer = db.get(Customer, job.customer_id)
        assert customer is not None and customer.email and customer.phone
        db.expunge(customer)
        return customer


def test_a_bundle_after_refused_uploads_has_the_log_and_the_settings(
    qtbot, services, anna, live_server, app_log, tmp_path
) -> None:
    job_id = first_job(anna)
    customer = _customer(anna, job_id)
    anna.profile.settings.write_text(
        json.dumps({"storage_quota_mb": 150, "sync": {"api_token": TOKEN}}), encoding="utf-8"
    )
    # What a log line may carry: a customer's details, a header with a token.
    logging.getLogger("wb_desktop.ui").info(
        "opened job for %s <%s> %s; Authorization: Bearer %s",
        customer.name,
        customer.email,
        customer.phone,
        TOKEN,
    )
    service = services()
    started(qtbot, service)
    fault = {"kind": "error_500", "route": "/v1/blobs"}
    requests.post(f"{live_server.url}/v1/admin/faults", json=fault, headers=ADMIN, timeout=10)
    anna.cache.changes.media.add_photo(job_id, PNG_1X1, "meter.png")
    with qtbot.waitSignal(service.errorOccurred, timeout=WAIT_MS):
        service.sync_now()
    assert service.stop()

    plain = export_bundle(
        anna.profile, tmp_path / "plain.zip", redact=False, now=anna.clock.now(), app_version="t"
    )
    members = _members(plain)
    log = members["logs/wb-desktop.log"].decode()
    failed = next(line for line in log.splitlines() if "sync step failed" in line)
    assert " WARNING wb_desktop.app.sync_worker " in failed
    # the server's error code too: an injected fault, a server bug and a proxy read apart
    assert "(server) [injected_fault]: the server answered 500" in failed
    assert "(error_500)" in failed
    assert customer.name in log  # not redacted: only secrets go
    assert TOKEN not in log
    settings = json.loads(members["settings/settings.json"])
    assert settings["storage_quota_mb"] == 150 and settings["sync"]["api_token"] != TOKEN

    redacted = export_bundle(
        anna.profile, tmp_path / "redacted.zip", redact=True, now=anna.clock.now(), app_version="t"
    )
    members = _members(redacted)
    for name in ("logs/wb-desktop.log", "settings/settings.json"):
        text = members[name].decode()
        for secret in (customer.name, customer.email, customer.phone, TOKEN):
            assert secret not in text, (name, secret)
    assert "sync step failed" in members["logs/wb-desktop.log"].decode()

    sandbox = open_bundle(redacted, tmp_path / "sandboxes", now=anna.clock.now())
    contents = sandbox.contents()
    assert contents.log_files == 1 and contents.settings and contents.trace_files == 0


def test_a_profile_that_never_saved_settings_still_sends_them(
    anna: Technician, tmp_path: Path
) -> None:
    assert not anna.profile.settings.exists()
    bundle = export_bundle(
        anna.profile, tmp_path / "b.zip", redact=True, now=anna.clock.now(), app_version="t"
    )
    settings = json.loads(_members(bundle)["settings/settings.json"])
    assert settings["storage_quota_mb"] == 100 and "defaults" in settings["_note"]
