"""The ``.wbrepro`` file: a failure from the field and its fix, as one file to share.

A zip of a small ``manifest.json``, two scenario files and their photos::

    manifest.json         format, version, when saved, the bundle it came from, its
                          diagnosis lines, and the variants: file, what they must do
    field.yaml            the work as in the field, with the server's faults: must fail
    field-photos/…        its photos
    fixed.yaml            the same work without the faults: must pass
    fixed-photos/…

``wb-desktop scenario run FILE.wbrepro`` runs both (:func:`run_repro`). The file comes by
mail, so opening it is checked before anything is written: a manifest must be there, names
must stay inside the folder (no ``..``, no absolute paths, no drive letters), every member
and the whole are size-limited (counted as they inflate, a header can lie), and every file
the manifest names must be in it.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from wb_desktop.tools.scenario.format import ScenarioError, load_scenario
from wb_desktop.tools.scenario.office import Office
from wb_desktop.tools.scenario.runner import RunOptions, RunResult, run_scenario

SUFFIX = ".wbrepro"
MANIFEST = "manifest.json"
FORMAT = "wbrepro"
VERSION = 1
FIELD, FIXED = "field", "fixed"
MUST_FAIL, MUST_PASS = "fail", "pass"
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # a photo is at most a few MB; a scenario a few KB
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_MEMBERS = 2000
MAX_MANIFEST_BYTES = 1024 * 1024
_CHUNK = 1024 * 1024


class ReproError(ScenarioError):
    """A ``.wbrepro`` that cannot be opened, saying exactly why."""

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(f"{path.name} is not a usable .wbrepro: {why}")


@dataclass(frozen=True)
class Variant:
    name: str  # field, fixed
    file: str  # the scenario file inside the repro
    must: str  # fail or pass
    failure: str | None = None  # the failed expectation the field variant must show


@dataclass(frozen=True)
class Repro:
    folder: Path  # where it was unpacked
    manifest: dict[str, Any]
    variants: tuple[Variant, ...]


@dataclass(frozen=True)
class VariantOutcome:
    variant: Variant
    result: RunResult

    @property
    def failures(self) -> list[str]:
        return [step.message for step in self.result.steps if not step.ok]

    @property
    def as_expected(self) -> bool:
        """The field variant fails with its expectation; the fixed one passes."""
        if self.variant.must == MUST_PASS:
            return self.result.passed
        if self.result.passed:
            return False
        wanted = self.variant.failure
        return wanted is None or any(wanted in message for message in self.failures)


def safe_name(name: str) -> bool:
    """A member name that stays inside the folder it is unpacked to."""
    path = PurePosixPath(name)
    return bool(name) and not (
        path.is_absolute() or ".." in path.parts or "\\" in name or ":" in name
    )


def open_repro(path: Path, folder: Path) -> Repro:
    """Check ``path`` and unpack it into ``folder`` (which must be empty or absent)."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise ReproError(path, f"it is not a zip file ({error})") from None
    with archive:
        infos = archive.infolist()
        names = [info.filename for info in infos]
        if MANIFEST not in names:
            raise ReproError(path, f"it has no {MANIFEST}")
        if len(infos) > MAX_MEMBERS:
            raise ReproError(path, f"it holds {len(infos)} files, more than {MAX_MEMBERS}")
        for info in infos:
            if not safe_name(info.filename):
                raise ReproError(path, f"the file name {info.filename!r} points outside it")
            if info.file_size > MAX_MEMBER_BYTES:
                raise ReproError(path, _too_big(info.filename, MAX_MEMBER_BYTES))
        if sum(info.file_size for info in infos) > MAX_TOTAL_BYTES:
            raise ReproError(path, f"it would unpack to more than {MAX_TOTAL_BYTES} bytes")
        if archive.getinfo(MANIFEST).file_size > MAX_MANIFEST_BYTES:
            raise ReproError(path, _too_big(MANIFEST, MAX_MANIFEST_BYTES))
        manifest, variants = _manifest(path, _read(path, archive, MANIFEST, MAX_MANIFEST_BYTES))
        for variant in variants:
            if variant.file not in names:
                raise ReproError(path, f"its manifest names {variant.file}, which is not in it")
        folder.mkdir(parents=True, exist_ok=True)
        total = 0
        for info in infos:
            if info.is_dir():
                continue
            target = folder.joinpath(*PurePosixPath(info.filename).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("wb") as sink:
                for chunk in _chunks(path, archive, info, MAX_TOTAL_BYTES - total):
                    total += len(chunk)
                    sink.write(chunk)
    return Repro(folder, manifest, variants)


def _too_big(name: str, limit: int) -> str:
    return f"{name} in it is larger than {limit} bytes"


def _chunks(
    path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int
) -> Iterator[bytes]:
    """The member's bytes, refused as soon as they pass its limit or the budget left."""
    limit = min(MAX_MEMBER_BYTES, info.file_size, budget)
    size = 0
    try:
        with archive.open(info) as source:
            while chunk := source.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise ReproError(path, _too_big(info.filename, limit))
                yield chunk
    except zipfile.BadZipFile as error:
        raise ReproError(path, f"{info.filename} in it is damaged ({error})") from None


def _read(path: Path, archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    return b"".join(_chunks(path, archive, archive.getinfo(name), limit))


def _manifest(path: Path, raw: bytes) -> tuple[dict[str, Any], tuple[Variant, ...]]:
    try:
        manifest = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise ReproError(path, f"its {MANIFEST} is not JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ReproError(path, f"its {MANIFEST} does not say format {FORMAT!r}")
    if not isinstance(manifest.get("version"), int) or manifest["version"] > VERSION:
        raise ReproError(path, f"it is version {manifest.get('version')!r}; this app reads 1")
    raw_variants = manifest.get("variants")
    if not isinstance(raw_variants, list) or not raw_variants:
        raise ReproError(path, f"its {MANIFEST} lists no variants")
    variants = []
    for raw_variant in raw_variants:
        if not isinstance(raw_variant, dict):
            raise ReproError(path, "a variant in its manifest is not an object")
        file, must = raw_variant.get("file"), raw_variant.get("must")
        failure = raw_variant.get("failure")
        if not isinstance(file, str) or not safe_name(file) or must not in (MUST_FAIL, MUST_PASS):
            raise ReproError(path, f"the variant {raw_variant.get('name')!r} is malformed")
        if failure is not None and not isinstance(failure, str):
            raise ReproError(path, "a variant's expected failure is not text")
        variants.append(Variant(str(raw_variant.get("name", file)), file, must, failure))
    return manifest, tuple(variants)


def run_repro(
    repro: Repro, options: RunOptions, on_done: Callable[[VariantOutcome], None] | None = None
) -> list[VariantOutcome]:
    """Run every variant, each on its own data folder (and, embedded, its own server)."""
    outcomes = []
    for variant in repro.variants:
        scenario = load_scenario(repro.folder / variant.file)
        data_dir = None if options.data_dir is None else options.data_dir / variant.name
        result = run_scenario(
            scenario,
            RunOptions(
                options.server_url,
                options.admin_token,
                data_dir,
                repro.folder,
                options.start,
                options.clock,
            ),
        )
        if options.server_url and options.admin_token:  # a shared server: the faults go
            office = Office(options.server_url, options.admin_token)
            try:
                office.clear_faults()
            finally:
                office.close()
        outcome = VariantOutcome(variant, result)
        outcomes.append(outcome)
        if on_done is not None:
            on_done(outcome)
    return outcomes
