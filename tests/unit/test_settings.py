"""Per-profile settings: defaults, validation with the file and field named, atomic saves."""

from __future__ import annotations

import json

import pytest

from wb_desktop.app.settings import (
    DEFAULT_STORAGE_QUOTA_MB,
    ProfileSettings,
    SettingsError,
    load_settings,
    save_settings,
)
from wb_desktop.core.domain.errors import ValidationError, WorkBossError
from wb_desktop.core.paths import ProfilePaths


def test_a_missing_file_gives_the_defaults_and_creates_nothing(profile: ProfilePaths) -> None:
    settings = load_settings(profile)

    assert settings.storage_quota_mb == DEFAULT_STORAGE_QUOTA_MB == 100
    assert not profile.settings.exists()
    assert not profile.folder.exists()


def test_saved_settings_load_back(profile: ProfilePaths) -> None:
    save_settings(profile, ProfileSettings(storage_quota_mb=250))

    assert load_settings(profile).storage_quota_mb == 250
    assert json.loads(profile.settings.read_text(encoding="utf-8")) == {"storage_quota_mb": 250}


def test_save_replaces_the_file_and_leaves_no_temporary_files(profile: ProfilePaths) -> None:
    save_settings(profile, ProfileSettings(storage_quota_mb=10))
    save_settings(profile, ProfileSettings(storage_quota_mb=20))

    assert load_settings(profile).storage_quota_mb == 20
    assert sorted(p.name for p in profile.folder.iterdir()) == ["settings.json"]


def test_a_failed_save_keeps_the_old_file_whole(
    profile: ProfilePaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_settings(profile, ProfileSettings(storage_quota_mb=10))
    before = profile.settings.read_bytes()

    def refuse(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("wb_desktop.core.persistence.atomic_files.os.fsync", refuse)
    with pytest.raises(OSError, match="No space left"):
        save_settings(profile, ProfileSettings(storage_quota_mb=20))

    assert profile.settings.read_bytes() == before
    assert sorted(p.name for p in profile.folder.iterdir()) == ["settings.json"]


def test_a_missing_field_takes_its_default(profile: ProfilePaths) -> None:
    profile.folder.mkdir(parents=True)
    profile.settings.write_text("{}", encoding="utf-8")

    assert load_settings(profile).storage_quota_mb == DEFAULT_STORAGE_QUOTA_MB


def test_a_byte_order_mark_from_a_windows_editor_is_accepted(profile: ProfilePaths) -> None:
    profile.folder.mkdir(parents=True)
    profile.settings.write_bytes(b'\xef\xbb\xbf{"storage_quota_mb": 42}')

    assert load_settings(profile).storage_quota_mb == 42


def test_unknown_keys_from_a_newer_version_survive_a_save(profile: ProfilePaths) -> None:
    profile.folder.mkdir(parents=True)
    profile.settings.write_text(
        '{"storage_quota_mb": 50, "theme": {"name": "dark"}}', encoding="utf-8"
    )

    settings = load_settings(profile)
    save_settings(profile, ProfileSettings(storage_quota_mb=60, extra=settings.extra))

    assert json.loads(profile.settings.read_text(encoding="utf-8")) == {
        "storage_quota_mb": 60,
        "theme": {"name": "dark"},
    }


@pytest.mark.parametrize(
    ("content", "field", "fragment"),
    [
        (b'{"storage_quota_mb": 100', None, "is not valid JSON"),
        (b"", None, "is not valid JSON"),
        (b"\xff\xfe{}", None, "is not UTF-8 text"),
        (b"[100]", None, "must hold a JSON object"),
        (b'{"storage_quota_mb": "100"}', "storage_quota_mb", 'not "100"'),
        (b'{"storage_quota_mb": 12.5}', "storage_quota_mb", "whole number"),
        (b'{"storage_quota_mb": true}', "storage_quota_mb", "not true"),
        (b'{"storage_quota_mb": null}', "storage_quota_mb", "not null"),
        (b'{"storage_quota_mb": 0}', "storage_quota_mb", "between 1 and 100000 MB, not 0"),
        (b'{"storage_quota_mb": 100001}', "storage_quota_mb", "not 100001"),
    ],
)
def test_a_malformed_file_is_refused_naming_file_and_field_and_left_alone(
    profile: ProfilePaths, content: bytes, field: str | None, fragment: str
) -> None:
    profile.folder.mkdir(parents=True)
    profile.settings.write_bytes(content)

    with pytest.raises(SettingsError) as caught:
        load_settings(profile)

    message = str(caught.value)
    assert str(profile.settings) in message
    assert fragment in message
    assert caught.value.field == field
    if field is not None:
        assert f"'{field}'" in message
    assert isinstance(caught.value, WorkBossError)
    assert profile.settings.read_bytes() == content


def test_a_folder_in_place_of_the_file_is_a_settings_error(profile: ProfilePaths) -> None:
    profile.settings.mkdir(parents=True)

    with pytest.raises(SettingsError, match="cannot be read"):
        load_settings(profile)


@pytest.mark.parametrize("quota", [0, -5, 100_001, True])
def test_settings_cannot_be_made_with_an_invalid_quota(quota: int) -> None:
    with pytest.raises(ValidationError) as caught:
        ProfileSettings(storage_quota_mb=quota)

    assert caught.value.fields == ["storage_quota_mb"]


@pytest.mark.parametrize("quota", [1, 100_000])
def test_the_quota_limits_are_inclusive(profile: ProfilePaths, quota: int) -> None:
    save_settings(profile, ProfileSettings(storage_quota_mb=quota))

    assert load_settings(profile).storage_quota_mb == quota
