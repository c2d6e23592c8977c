"""Diagnostics bundles: what goes in, what redaction takes out, and bad bundles refused."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import struct
import time
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PNG_1X1, START, Schedule
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.locations import record_ping
from wb_desktop.core.store.migrate import head_revision
from wb_desktop.tools.diagnostics import sandbox as sandbox_module
from wb_desktop.tools.diagnostics.bundle import export_bundle, open_bundle
from wb_desktop.tools.diagnostics.errors import (
    BundleSchemaTooNewError,
    BundleTooLargeError,
    BundleTooNewError,
    CorruptBundleDatabaseError,
    DamagedBundleError,
    MemberTooCompressedError,
    MissingManifestError,
    NoCacheToExportError,
    NotAZipError,
)
from wb_desktop.tools.diagnostics.manifest import FORMAT_VERSION
from wb_desktop.tools.diagnostics.sandbox import MAX_RATIO

STROKES = [[[10, 10, 0.5, 0], [80, 40, 0.6, 120]]]
# The customers' real data, as the office typed it, and as the technician changed it.
SECRETS = [
    "Karin Lund",
    "Storgatan 1, Uppsala",
    "Oliver Smith",
    "12 High St, Bath",
    "Åsa Öberg-Nyström",
    "+46 70 123 45 67",
    "asa.oberg@example.se",
    "Kvarngatan 7, Ystad",
    "+44 7700 900123",
    "oliver@smith.example",
    "Karin Lund-Berg",
]


def _work_offline(cache: LocalCache, schedule: Schedule) -> None:
    """A day of offline work that puts customer data into rows, notes and the outbox."""
    karin, oliver = schedule.customer_ids
    boiler, leak = schedule.job_ids
    changes = cache.changes
    changes.customers.create(
        {
            "name": "Åsa Öberg-Nyström",
            "phone": "+46 70 123 45 67",
            "email": "asa.oberg@example.se",
            "address": "Kvarngatan 7, Ystad",
        }
    )
    changes.customers.edit(oliver, {"phone": "+44 7700 900123", "email": "oliver@smith.example"})
    changes.customers.edit(karin, {"name": "Karin Lund-Berg"})
    changes.jobs.add_note(boiler, "Karin Lund asked to call +46 70 123 45 67 before arriving")
    changes.jobs.add_note(leak, "Mail the report to OLIVER@SMITH.EXAMPLE, 12 High St, Bath")
    changes.jobs.set_status(boiler, "en_route")
    changes.media.add_photo(boiler, PNG_1X1, "karin-lund-kitchen.png")
    changes.media.add_signature(boiler, "Karin Lund", STROKES, PNG_1X1)
    record_ping(
        cache.database,
        recorded_at=START,
        latitude=59.858563,
        longitude=17.638927,
        accuracy_m=5.0,
        job_id=boiler,
    )


def _write_trace_and_logs(cache: LocalCache) -> None:
    trace = cache.paths.trace
    trace.parent.mkdir(parents=True, exist_ok=True)
    record = {
        "method": "GET",
        "route": "/v1/changes",
        "status": 200,
        "request_headers": {"Authorization": "Bearer s3cret-token-value"},
        "body": json.dumps(
            {"changes": [{"data": {"name": "Oliver Smith", "address": "12 High St, Bath"}}]}
        ),
    }
    trace.write_text(json.dumps(record) + "\n", encoding="utf-8")
    rotated = trace.with_name("sync-trace.1.jsonl")
    rotated.write_text(json.dumps({"note": "Åsa Öberg-Nyström"}) + "\n", encoding="utf-8")
    cache.paths.logs.mkdir(parents=True, exist_ok=True)
    (cache.paths.logs / "wb-desktop.log").write_text(
        "INFO pushed customer Karin Lund (karin? no: asa.oberg@example.se)\n"
        "INFO sign-in password=hunter2 ok\n",
        encoding="utf-8",
    )


def _members(bundle: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(bundle) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _export(cache: LocalCache, clock: FixedClock, tmp_path: Path, *, redact: bool) -> Path:
    return export_bundle(
        cache.paths, tmp_path / "bundle.zip", redact=redact, now=clock.now(), app_version="9.9.9"
    )


def test_export_holds_database_outbox_trace_logs_settings_and_manifest(
    cache: LocalCache, schedule: Schedule, clock: FixedClock, tmp_path: Path
) -> None:
    _work_offline(cache, schedule)
    _write_trace_and_logs(cache)
    cache.paths.settings.write_text('{"storage_quota_mb": 200}\n', encoding="utf-8")

    bundle = _export(cache, clock, tmp_path, redact=False)

    members = _members(bundle)
    manifest = json.loads(members["manifest.json"])
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["app_version"] == "9.9.9"
    assert manifest["schema_revision"] == head_revision()
    assert manifest["profile"] == "anna"
    assert manifest["device_id"] == cache.device_id
    assert manifest["redacted"] is False
    assert manifest["outbox"] == {"queued": 8}
    listed = {entry["path"] for entry in manifest["files"]}
    assert listed == set(members) - {"manifest.json"}
    assert {
        "database/cache.sqlite3",
        "outbox.json",
        "settings/settings.json",
        "trace/sync-trace.jsonl",
        "trace/sync-trace.1.jsonl",
        "logs/wb-desktop.log",
    } <= listed
    assert {name.split("/")[1] for name in listed if name.startswith("media/")} == {
        "photos",
        "signatures",
    }
    ops = json.loads(members["outbox.json"])["ops"]
    assert [op["seq"] for op in ops] == sorted(op["seq"] for op in ops)
    assert {"op_id", "kind", "record_id", "state", "attempts", "last_error", "payload"} <= set(
        ops[0]
    )
    assert ops[0]["kind"] == "customer.create"
    assert ops[0]["payload"]["name"] == "Åsa Öberg-Nyström"
    # Credentials never leave the tablet, even unredacted.
    assert b"s3cret-token-value" not in members["trace/sync-trace.jsonl"]
    assert b"hunter2" not in members["logs/wb-desktop.log"]


def test_the_database_copy_includes_what_is_still_in_the_wal(
    cache: LocalCache, schedule: Schedule, clock: FixedClock, tmp_path: Path
) -> None:
    wal = cache.paths.database.with_name("cache.sqlite3-wal")
    cache.changes.jobs.add_note(schedule.job_ids[0], "written just now")
    assert wal.exists() and wal.stat().st_size > 0  # the note is in the WAL, not the file

    members = _members(_export(cache, clock, tmp_path, redact=False))

    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(members["database/cache.sqlite3"])
    with closing(sqlite3.connect(copy)) as connection:
        notes = [row[0] for row in connection.execute("SELECT text FROM notes")]
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert notes == ["written just now"]


def test_redaction_leaves_no_customer_data_in_any_file(
    cache: LocalCache, schedule: Schedule, clock: FixedClock, tmp_path: Path
) -> None:
    _work_offline(cache, schedule)
    _write_trace_and_logs(cache)

    bundle = _export(cache, clock, tmp_path, redact=True)

    members = _members(bundle)
    assert not [name for name in members if name.startswith("media/")]
    for name, data in members.items():
        lowered = data.lower()
        for secret in SECRETS:
            assert secret.encode("utf-8") not in data, (secret, name)
            assert secret.lower().encode("utf-8") not in lowered, (secret, name)
        assert b"karin-lund-kitchen" not in lowered, name
    manifest = json.loads(members["manifest.json"])
    assert manifest["redacted"] is True
    assert {m["record_type"] for m in manifest["redacted_media"]} == {"photo", "signature"}


def test_redaction_keeps_records_apart_with_stable_placeholders(
    cache: LocalCache, schedule: Schedule, clock: FixedClock, tmp_path: Path
) -> None:
    _work_offline(cache, schedule)

    members = _members(_export(cache, clock, tmp_path, redact=True))

    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(members["database/cache.sqlite3"])
    with closing(sqlite3.connect(copy)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        customers = connection.execute(
            "SELECT name, phone, email, address FROM customers ORDER BY name"
        ).fetchall()
        job_addresses = {row[0] for row in connection.execute("SELECT address FROM jobs")}
        notes = {row[0] for row in connection.execute("SELECT text FROM notes")}
        photo = connection.execute("SELECT original_name FROM photos").fetchone()[0]
        signer = connection.execute("SELECT signer_name FROM signatures").fetchone()[0]
        ping = connection.execute("SELECT latitude, longitude FROM location_pings").fetchone()
        strokes = json.loads(connection.execute("SELECT strokes FROM signatures").fetchone()[0])
    assert sorted(row[0] for row in customers) == ["Customer 1", "Customer 2", "Customer 3"]
    by_number = {}
    for name, phone, email, address in customers:
        number = int(name.removeprefix("Customer "))
        by_number[number] = (phone, email, address)
        # One customer's fields share one number, so support can tell customers apart.
        assert phone in ("", f"+46 00 000 00 {number:02d}")
        assert email in ("", f"customer{number}@redacted.invalid")
        assert address in ("", f"Address {number}")
    assert job_addresses <= {row[3] for row in customers}
    karin = next(n for n, (phone, email, address) in by_number.items() if address and not email)
    oliver = next(n for n in by_number if f"Address {n}" in "".join(notes) and n != karin)
    assert f"Mail the report to customer{oliver}@redacted.invalid, Address {oliver}" in notes
    (asa,) = set(by_number) - {karin, oliver}
    # The note names Karin as she was called before the edit: her number, second name.
    assert f"Customer {karin} (2) asked to call +46 00 000 00 {asa:02d} before arriving" in notes
    assert photo == "[redacted]"
    assert ping == (59.86, 17.64)  # a job site's position is an address: kept to ~1 km
    assert strokes != STROKES  # the signature's shape is gone, a plain line stands in
    assert signer == f"Customer {karin} (2)"  # the signer is the customer, and reads so
    ops = json.loads(members["outbox.json"])["ops"]
    edit = next(
        op for op in ops if op["kind"] == "customer.update" and "name" in op["payload"]["fields"]
    )
    fields, previous = edit["payload"]["fields"], edit["payload"]["previous"]
    assert (fields["name"], previous["name"]) == (f"Customer {karin}", f"Customer {karin} (2)")


def test_export_needs_a_cache(data_paths, clock: FixedClock, tmp_path: Path) -> None:
    paths = data_paths.profile("nobody")
    with pytest.raises(NoCacheToExportError):
        export_bundle(paths, tmp_path / "b.zip", redact=True, now=clock.now(), app_version="1")
    assert not (tmp_path / "b.zip").exists()


# --- opening ------------------------------------------------------------------------------


def test_open_unpacks_into_a_new_sandbox_profile(
    cache: LocalCache, schedule: Schedule, clock: FixedClock, tmp_path: Path
) -> None:
    _work_offline(cache, schedule)
    _write_trace_and_logs(cache)
    bundle = _export(cache, clock, tmp_path, redact=False)
    real_files = sorted(p for p in cache.paths.folder.rglob("*"))

    sandbox = open_bundle(bundle, tmp_path / "sandboxes", now=clock.now())

    assert sandbox.root.parent == tmp_path / "sandboxes"
    assert sandbox.paths.folder == sandbox.root / "profiles" / "anna"
    assert sandbox.paths.database.is_file()
    assert sandbox.paths.trace.is_file()
    assert (sandbox.paths.logs / "wb-desktop.log").is_file()
    facts = sandbox.facts()
    assert facts.device_id == cache.device_id
    assert facts.outbox_by_state == {"queued": 8}
    assert [a.record_type for a in facts.not_uploaded] == ["signature", "photo"]
    assert all(sandbox.media_in_bundle(a.path) for a in facts.attachments)
    assert len(sandbox.outbox()) == 8
    assert sorted(p for p in cache.paths.folder.rglob("*")) == real_files
    again = open_bundle(bundle, tmp_path / "sandboxes", now=clock.now())
    assert again.root != sandbox.root


def _listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else []


@pytest.fixture
def good_bundle(cache: LocalCache, schedule: Schedule, clock: FixedClock, tmp_path: Path) -> Path:
    _work_offline(cache, schedule)
    return _export(cache, clock, tmp_path, redact=True)


@pytest.fixture
def sandboxes(tmp_path: Path) -> Path:
    root = tmp_path / "sandboxes"
    (root / "earlier-session").mkdir(parents=True)
    return root


def _rewrite(bundle: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """A copy of ``bundle`` with members replaced (bytes) or dropped (None)."""
    with zipfile.ZipFile(bundle) as source, zipfile.ZipFile(target, "w") as out:
        for name in source.namelist():
            data = change.get(name, source.read(name))
            if data is not None:
                out.writestr(name, data)
    return target


def _refused(bundle: Path, sandboxes: Path, clock: FixedClock, error: type) -> str:
    before = _listing(sandboxes)
    with pytest.raises(error) as raised:
        open_bundle(bundle, sandboxes, now=clock.now())
    assert _listing(sandboxes) == before
    return str(raised.value.message)


def test_a_file_that_is_not_a_zip_is_refused(sandboxes: Path, clock: FixedClock, tmp_path: Path):
    bundle = tmp_path / "notes.zip"
    bundle.write_text("these are my notes, not a bundle", encoding="utf-8")
    message = _refused(bundle, sandboxes, clock, NotAZipError)
    assert "not a zip file" in message and str(bundle) in message


def test_a_truncated_bundle_is_refused(
    good_bundle: Path, sandboxes: Path, clock: FixedClock, tmp_path: Path
):
    cut = tmp_path / "cut.zip"
    data = good_bundle.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    assert "cut short" in _refused(cut, sandboxes, clock, DamagedBundleError)


def test_a_corrupted_member_is_refused(
    good_bundle: Path, sandboxes: Path, clock: FixedClock, tmp_path: Path
):
    with zipfile.ZipFile(good_bundle) as archive:
        info = archive.getinfo("database/cache.sqlite3")
    data = bytearray(good_bundle.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 200
    data[start : start + 16] = bytes(16)  # flip compressed bytes: CRC or inflate fails
    broken = tmp_path / "broken.zip"
    broken.write_bytes(bytes(data))
    _refused(broken, sandboxes, clock, DamagedBundleError)


def test_a_zip_without_manifest_is_refused(
    good_bundle: Path, sandboxes: Path, clock: FixedClock, tmp_path: Path
):
    bundle = _rewrite(good_bundle, tmp_path / "no-manifest.zip", {"manifest.json": None})
    _refused(bundle, sandboxes, clock, MissingManifestError)


def _manifest_with(bundle: Path, **changes: object) -> bytes:
    with zipfile.ZipFile(bundle) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    manifest.update(changes)
    return json.dumps(manifest).encode()


def test_a_bundle_from_a_newer_format_is_refused(
    good_bundle: Path, sandboxes: Path, clock: FixedClock, tmp_path: Path
):
    newer = _manifest_with(good_bundle, format_version=FORMAT_VERSION + 1)
    bundle = _rewrite(good_bundle, tmp_path / "newer.zip", {"manifest.json": newer})
    message = _refused(bundle, sandboxes, clock, BundleTooNewError)
    assert "newer WorkBoss Desktop" in message and f"format {FORMAT_VERSION + 1}" in message


def test_a_bundle_from_a_newer_schema_is_refused(
    good_bundle: Path, sandboxes: Path, clock: FixedClock, tmp_path: Path
):
    newer = _manifest_with(good_bundle, schema_revision="9999_from_the_future")
    bundle = _rewrite(good_bundle, tmp_path / "newer.zip", {"manifest.json": newer})
    assert "9999_from_the_future" in _refused(bundle, sandboxes, clock, BundleSchemaTooNewError)


@pytest.mark.parametrize(
    "manifest", [b"[" * 100_000 + b"]" * 100_000, b'{"format_version": ' + b"9" * 5000 + b"}"]
)
def test_a_manifest_python_cannot_read_is_damage_not_a_traceback(
    good_bundle: Path, sandboxes: Path, clock: FixedClock, tmp_path: Path, manifest: bytes
):
    bundle = _rewrite(good_bundle, tmp_path / "odd.zip", {"manifest.json": manifest})
    assert "manifest.json is not valid JSON" in _refused(
        bundle, sandboxes, clock, DamagedBundleError
    )


def _with_database(bundle: Path, target: Path, database: bytes) -> Path:
    """A bundle whose database is replaced, with a manifest that vouches for it (so only
    the database check can catch it)."""
    import hashlib

    with zipfile.ZipFile(bundle) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    for entry in manifest["files"]:
        if entry["path"] == "database/cache.sqlite3":
            entry.update(size=len(database), sha256=hashlib.sha256(database).hexdigest())
    changes = {"database/cache.sqlite3": database, "manifest.json": json.dumps(manifest).encode()}
    return _rewrite(bundle, target, changes)


def test_a_bundle_with_a_corrupt_database_is_refused(
    good_bundle: Path, sandboxes: Path, clock: FixedClock, tmp_path: Path
):
    with zipfile.ZipFile(good_bundle) as archive:
        database = bytearray(archive.read("database/cache.sqlite3"))
    database[4096 + 8 : 4096 + 200] = b"\xff" * 192  # smash the second page's cells
    bundle = _with_database(good_bundle, tmp_path / "corrupt.zip", bytes(database))
    message = _refused(bundle, sandboxes, clock, CorruptBundleDatabaseError)
    assert "corrupt" in message


def test_a_bundle_whose_database_is_not_sqlite_is_refused(
    good_bundle: Path, sandboxes: Path, clock: FixedClock, tmp_path: Path
):
    bundle = _with_database(good_bundle, tmp_path / "text.zip", b"hello, not a database" * 100)
    assert "not an SQLite database" in _refused(
        bundle, sandboxes, clock, CorruptBundleDatabaseError
    )


def test_a_member_that_escapes_the_sandbox_is_refused(
    good_bundle: Path, sandboxes: Path, clock: FixedClock, tmp_path: Path
):
    bundle = _rewrite(good_bundle, tmp_path / "evil.zip", {})
    with zipfile.ZipFile(bundle, "a") as archive:
        archive.writestr("../../outside.txt", b"gotcha")
    _refused(bundle, sandboxes, clock, DamagedBundleError)
    assert not (tmp_path / "outside.txt").exists()


def test_a_failed_open_creates_no_sandbox_root(clock: FixedClock, tmp_path: Path):
    bundle = tmp_path / "notes.zip"
    bundle.write_bytes(b"PK\x03\x04 and then nothing useful")
    with pytest.raises(DamagedBundleError):
        open_bundle(bundle, tmp_path / "new-root", now=clock.now())
    assert not (tmp_path / "new-root").exists()


# --- limits on what a bundle may unpack to ----------------------------------------------------

LOG = "logs/wb-desktop.log"
MiB = 1024 * 1024


def _zeros_deflated(mebibytes: int) -> bytes:
    """Raw deflate of ``mebibytes`` MiB of zeros, made in a blink: after a full flush the
    compressor starts afresh, so every MiB packs to the same ~1 KB."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(MiB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block * mebibytes + zlib.compressobj(9, zlib.DEFLATED, -15).flush()


@dataclass(frozen=True)
class RawMember:
    """A zip member as its headers declare it, whatever its data really is."""

    name: str
    data: bytes  # as stored in the zip (deflated when method is 8)
    file_size: int
    method: int = zipfile.ZIP_STORED
    crc: int = 0
    compress_size: int | None = None  # what the central directory claims


def _raw_zip(target: Path, members: list[RawMember]) -> Path:
    """A zip written byte by byte, so its headers can say what a crafted bundle's would."""
    out, central = bytearray(), bytearray()
    for member in members:
        name, offset = member.name.encode(), len(out)
        packed = len(member.data)
        claimed = packed if member.compress_size is None else member.compress_size
        fields = (member.method, 0, 0x21, member.crc)
        out += struct.pack("<4s5HL", b"PK\x03\x04", 20, 0, *fields)
        out += struct.pack("<2L2H", packed, member.file_size, len(name), 0) + name + member.data
        central += struct.pack("<4s6HL", b"PK\x01\x02", 20, 20, 0, *fields)
        central += struct.pack(
            "<2L5HLL", claimed, member.file_size, len(name), 0, 0, 0, 0, 0, offset
        )
        central += name
    count, start = len(members), len(out)
    out += central + struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(central), start, 0
    )
    target.write_bytes(bytes(out))
    return target


def _deflated(name: str, data: bytes) -> RawMember:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    packed = compressor.compress(data) + compressor.flush()
    return RawMember(name, packed, len(data), zipfile.ZIP_DEFLATED, zlib.crc32(data))


def _crafted(good: Path, target: Path, extra: RawMember) -> Path:
    """``good`` plus ``extra``, which its manifest lists at the size its header declares."""
    members = _members(good)
    manifest = json.loads(members.pop("manifest.json"))
    manifest["files"].append({"path": extra.name, "size": extra.file_size, "sha256": "0" * 64})
    stored = [_deflated(name, data) for name, data in members.items()]
    listing = json.dumps(manifest).encode()
    head = RawMember("manifest.json", listing, len(listing), crc=zlib.crc32(listing))
    return _raw_zip(target, [head, *stored, extra])


def _real_members(bundle: Path) -> int:
    """The bytes of the manifest and the members listed before the crafted one (the last)."""
    with zipfile.ZipFile(bundle) as archive:
        listing = archive.read("manifest.json")
    return len(listing) + sum(entry["size"] for entry in json.loads(listing)["files"][:-1])


def _handed_out(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the chunks the opener got past its checks (and so could write)."""
    sizes: list[int] = []
    real = sandbox_module._member_chunks

    def counting(*args: Any) -> Iterator[bytes]:
        for chunk in real(*args):
            sizes.append(len(chunk))
            yield chunk

    monkeypatch.setattr(sandbox_module, "_member_chunks", counting)
    return sizes


def test_a_zip_bomb_is_refused_before_anything_is_unpacked(
    good_bundle: Path,
    sandboxes: Path,
    clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 1.1 MB in the bundle that honestly declares 1.1 GB of zeros: ratio 1,000:1
    packed = _zeros_deflated(1100)
    crc = 0
    for _ in range(1100):
        crc = zlib.crc32(bytes(MiB), crc)
    bomb = RawMember(LOG, packed, 1100 * MiB, zipfile.ZIP_DEFLATED, crc)
    bundle = _crafted(good_bundle, tmp_path / "bomb.zip", bomb)
    assert len(packed) < 1.2 * MiB and bundle.stat().st_size < 1.3 * MiB
    handed = _handed_out(monkeypatch)
    started = time.monotonic()

    message = _refused(bundle, sandboxes, clock, MemberTooCompressedError)

    assert time.monotonic() - started < 2
    assert handed == []
    assert message == (
        f"{bundle} was not opened: {LOG} in it unpacks to more than 200 times its packed size,"
        " which no real bundle does; it may be a zip bomb. Nothing of it was kept."
    )


def test_a_header_that_understates_a_size_is_caught_while_unpacking(
    good_bundle: Path,
    sandboxes: Path,
    clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the headers say 100 KB (at 2:1, nothing to worry about); the data inflates to 50 MB
    liar = RawMember(LOG, _zeros_deflated(50), 100 * 1024, zipfile.ZIP_DEFLATED)
    bundle = _crafted(good_bundle, tmp_path / "liar.zip", liar)
    handed = _handed_out(monkeypatch)

    message = _refused(bundle, sandboxes, clock, DamagedBundleError)

    assert f"{LOG} holds more than the 100.0 KB its zip header declares" in message
    assert sum(handed) == _real_members(bundle)  # not one byte of the log


def test_the_bytes_are_counted_even_past_the_directory_checks(
    good_bundle: Path,
    sandboxes: Path,
    clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """If the declared sizes were not checked first, the writing itself stops at a limit."""
    monkeypatch.setattr(sandbox_module, "_check_declared_sizes", lambda *args: None)
    packed = _zeros_deflated(8)
    bomb = RawMember(LOG, packed, 8 * MiB, zipfile.ZIP_DEFLATED)
    bundle = _crafted(good_bundle, tmp_path / "bomb.zip", bomb)
    handed = _handed_out(monkeypatch)

    _refused(bundle, sandboxes, clock, MemberTooCompressedError)
    assert 0 < sum(handed) - _real_members(bundle) <= MAX_RATIO * len(packed)

    monkeypatch.setattr(sandbox_module, "MAX_UNPACKED_BYTES", 2 * MiB)
    monkeypatch.setattr(sandbox_module, "MAX_RATIO", 10_000)
    message = _refused(bundle, sandboxes, clock, BundleTooLargeError)
    assert message == (
        f"{bundle} was not opened: it unpacks to more than 2.0 MB, the most a bundle may"
        " unpack to. Nothing of it was kept."
    )


def test_a_bundle_declaring_more_than_the_total_limit_is_refused(
    good_bundle: Path,
    sandboxes: Path,
    clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sandbox_module, "MAX_UNPACKED_BYTES", 100 * 1024)
    assert "more than 100.0 KB" in _refused(good_bundle, sandboxes, clock, BundleTooLargeError)


@pytest.mark.parametrize(
    ("member", "words"),
    [
        (RawMember(LOG, b"BZh9", 4, method=12), f"{LOG} in it is encrypted or packed in a way"),
        (RawMember(LOG, b"x" * 16, 16, method=99), "packed in a way WorkBoss Desktop never"),
        (RawMember(LOG, b"x", 1, compress_size=10 * MiB), "but the zip holds only"),
    ],
    ids=["bzip2", "unknown-method", "overlapping"],
)
def test_members_the_app_never_writes_are_refused(
    good_bundle: Path,
    sandboxes: Path,
    clock: FixedClock,
    tmp_path: Path,
    member: RawMember,
    words: str,
) -> None:
    bundle = _crafted(good_bundle, tmp_path / "odd.zip", member)
    assert words in _refused(bundle, sandboxes, clock, DamagedBundleError)


def test_an_encrypted_member_is_refused(
    good_bundle: Path, sandboxes: Path, clock: FixedClock, tmp_path: Path
) -> None:
    bundle = _crafted(good_bundle, tmp_path / "locked.zip", RawMember(LOG, b"x" * 12, 0))
    data = bytearray(bundle.read_bytes())
    central = data.rindex(b"PK\x01\x02")  # the log's entry is the last one
    data[central + 8] |= 0x1
    bundle.write_bytes(bytes(data))
    assert "is encrypted" in _refused(bundle, sandboxes, clock, DamagedBundleError)


def test_a_crafted_bundle_within_the_limits_still_opens(
    good_bundle: Path, clock: FixedClock, tmp_path: Path
) -> None:
    """The raw zip writer above makes bundles the opener accepts: only the limits refuse."""
    log = b"INFO a line the technician's tablet wrote\n" * 100
    bundle = _crafted(good_bundle, tmp_path / "fine.zip", _deflated(LOG, log))
    members = json.loads(_members(bundle)["manifest.json"])["files"]
    members[-1]["sha256"] = hashlib.sha256(log).hexdigest()
    with zipfile.ZipFile(good_bundle) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    manifest["files"] = members
    bundle = _rewrite(
        bundle, tmp_path / "fine-2.zip", {"manifest.json": json.dumps(manifest).encode()}
    )

    sandbox = open_bundle(bundle, tmp_path / "sandboxes", now=clock.now())

    assert (sandbox.paths.logs / "wb-desktop.log").read_bytes() == log


def test_real_bundles_pack_far_below_the_ratio_limit(
    cache: LocalCache, schedule: Schedule, clock: FixedClock, tmp_path: Path
) -> None:
    """The measured margin behind MAX_RATIO: an empty cache's database packs best (~57:1)."""
    empty = _export(cache, clock, tmp_path / "empty", redact=True)
    _work_offline(cache, schedule)
    _write_trace_and_logs(cache)
    bundles = [empty] + [_export(cache, clock, tmp_path / f"r{r}", redact=r) for r in (True, False)]

    ratios = []
    for bundle in bundles:
        with zipfile.ZipFile(bundle) as archive:
            ratios += [i.file_size / i.compress_size for i in archive.infolist() if i.compress_size]

    assert max(ratios) * 3 < MAX_RATIO
