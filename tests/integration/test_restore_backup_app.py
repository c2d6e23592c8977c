"""The app's start on a damaged cache: refused with the one message in its start-up error
box (in the technician's language), the file untouched, and after ``wb-desktop db restore``
the cache opens again with the technician's notes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.unit.test_damaged_cache import (
    NOTES,
    UNSYNCED,
    FileState,
    corrupt_a_page,
    counts,
    start,
    the_technicians_cache,
)
from wb_desktop import bootstrap as app_module
from wb_desktop.bootstrap import AppOptions, build
from wb_desktop.cli import main
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.paths import DataPaths, ProfilePaths
from wb_desktop.core.store.errors import DamagedCacheError
from wb_desktop.ui.translations import remove_translations


def empty(database: Path) -> None:
    database.write_bytes(b"")


def truncate(database: Path) -> None:
    database.write_bytes(database.read_bytes()[:4096])


DAMAGE: list[tuple[Callable[[Path], object], str, str]] = [
    (empty, "it is empty: 0 bytes", "den är tom: 0 byte"),
    (truncate, "it is truncated: only 4096 of its", "den är avkortad: bara 4"),
    (corrupt_a_page, "SQLite's integrity check found: ", "SQLites integritetskontroll hittade: "),
]


@pytest.mark.parametrize(
    ("damage", "english", "swedish"), DAMAGE, ids=[damage.__name__ for damage, _, _ in DAMAGE]
)
def test_the_app_refuses_a_damaged_cache_in_its_start_up_box_and_restore_brings_it_back(
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    data_paths: DataPaths,
    profile: ProfilePaths,
    clock: FixedClock,
    damage: Callable[[Path], object],
    english: str,
    swedish: str,
) -> None:
    database = the_technicians_cache(profile, clock)
    good = start(profile, clock)
    damage(database)
    before = FileState.of(database)
    options = AppOptions(data_dir=data_paths.root, profile="anna")

    with pytest.raises(DamagedCacheError) as caught:
        build(options, clock)

    assert f"is damaged ({english}" in str(caught.value)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    try:
        assert app_module.run(AppOptions(data_dir=data_paths.root, profile="anna", lang="sv")) == 2
    finally:
        remove_translations(qapp)
    restore = f"wb-desktop db restore --data-dir {data_paths.root} --profile anna"
    assert len(shown) == 1
    assert shown[0].startswith(f"{database} är skadad ({swedish}")
    assert f"Den senaste felfria säkerhetskopian är {good}." in shown[0]
    assert shown[0].endswith(f"kör: {restore}")
    assert FileState.of(database) == before
    assert sorted(profile.backups.iterdir()) == [good]
    assert not (profile.folder / "app.lock").exists()  # the profile is free for the restore

    assert main(restore.split()[1:]) == 0

    assert counts(profile, clock) == (NOTES, UNSYNCED)
