"""A sandbox made earlier opens again from its folder; a folder that is not one is refused
with a message that says what it is instead (issue 21)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Schedule
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.tools.diagnostics.bundle import export_bundle, open_bundle
from wb_desktop.tools.diagnostics.errors import BundleTooNewError, CorruptBundleDatabaseError
from wb_desktop.tools.diagnostics.sandbox import BUNDLE_FOLDER, OPENED_FROM
from wb_desktop.tools.diagnostics.sandbox_folder import (
    NotASandboxError,
    open_bundle_or_sandbox,
    open_sandbox,
)


@pytest.fixture
def bundle(cache: LocalCache, schedule: Schedule, clock: FixedClock, tmp_path: Path) -> Path:
    cache.changes.jobs.add_note(schedule.job_ids[0], "the meter is in the cellar")
    target = tmp_path / "in" / "anna.zip"
    return export_bundle(cache.paths, target, redact=True, now=clock.now(), app_version="1.0")


def test_a_sandbox_opens_again_from_its_folder(
    bundle: Path, clock: FixedClock, tmp_path: Path
) -> None:
    first = open_bundle(bundle, tmp_path / "sandboxes", now=clock.now())
    bundle.unlink()  # the zip may be long gone when support comes back

    again = open_sandbox(first.root)

    assert again.reopened and not first.reopened
    assert again.root == first.root and again.paths == first.paths
    assert again.source.name == "anna.zip"  # the bundle it was unpacked from, as noted
    assert again.manifest == first.manifest
    assert again.outbox() == first.outbox()
    assert again.facts().outbox_by_state == first.facts().outbox_by_state
    assert sorted(p.name for p in (tmp_path / "sandboxes").iterdir()) == [first.root.name]


def test_a_sandbox_without_its_note_names_its_own_folder(
    bundle: Path, clock: FixedClock, tmp_path: Path
) -> None:
    first = open_bundle(bundle, tmp_path / "sandboxes", now=clock.now())
    (first.root / BUNDLE_FOLDER / OPENED_FROM).unlink()  # made before sandboxes noted it
    assert open_sandbox(first.root).source == first.root


def test_a_path_opens_as_what_it_is(bundle: Path, clock: FixedClock, tmp_path: Path) -> None:
    root = tmp_path / "sandboxes"
    unpacked = open_bundle_or_sandbox(bundle, root, now=clock.now())
    assert not unpacked.reopened
    reopened = open_bundle_or_sandbox(unpacked.root, root, now=clock.now())
    assert reopened.reopened and reopened.root == unpacked.root
    assert len(list(root.iterdir())) == 1  # a folder is never unpacked again


def _refusal(folder: Path) -> str:
    with pytest.raises(NotASandboxError) as raised:
        open_sandbox(folder)
    return raised.value.message


def test_folders_that_are_not_sandboxes_say_what_they_are(
    bundle: Path, clock: FixedClock, tmp_path: Path
) -> None:
    sandbox = open_bundle(bundle, tmp_path / "sandboxes", now=clock.now())
    plain = tmp_path / "holiday-photos"
    plain.mkdir()

    assert "has no bundle/manifest.json" in _refusal(plain)
    assert f"such as {sandbox.root.name}" in _refusal(tmp_path / "sandboxes")
    assert f"inside the sandbox {sandbox.root}" in _refusal(sandbox.paths.folder)
    assert "does not exist" in _refusal(tmp_path / "gone")
    assert "is not a folder" in _refusal(sandbox.paths.database)
    assert all(str(folder) in _refusal(folder) for folder in (plain, tmp_path / "sandboxes"))


def test_a_sandbox_that_lost_its_cache_or_is_damaged_is_refused(
    bundle: Path, clock: FixedClock, tmp_path: Path
) -> None:
    sandbox = open_bundle(bundle, tmp_path / "sandboxes", now=clock.now())
    manifest = sandbox.root / BUNDLE_FOLDER / "manifest.json"
    text = manifest.read_text("utf-8")

    manifest.write_text(text.replace('"format_version": 1', '"format_version": 99'), "utf-8")
    with pytest.raises(BundleTooNewError):
        open_sandbox(sandbox.root)
    manifest.write_text("{not json", "utf-8")
    assert "manifest.json is not valid JSON" in _refusal(sandbox.root)
    manifest.write_text(text, "utf-8")

    sandbox.paths.database.write_bytes(b"not a database at all")
    with pytest.raises(CorruptBundleDatabaseError):
        open_sandbox(sandbox.root)
    sandbox.paths.database.unlink()
    message = _refusal(sandbox.root)
    assert "names the profile anna" in message and "cache.sqlite3 is missing" in message
