""" "Save as a scenario": a bundle's failure and its fix as one ``.wbrepro`` file.

The bundle is diagnosed, then saved twice: as in the field (the server's faults on, so the
run fails with the expectation the diagnosis names) and fixed (the faults left out, so the
same work must arrive). Both go, with their photos and a small manifest, into one zip that
``wb-desktop scenario run`` takes directly (format: :mod:`wb_desktop.tools.scenario.repro_file`).
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from wb_desktop.tools.diagnostics.bundle_scenario import (
    EXPECTED,
    STOCKHOLM,
    scenario_from_bundle,
)
from wb_desktop.tools.diagnostics.diagnosis import Diagnosis, diagnose
from wb_desktop.tools.diagnostics.sandbox import SandboxProfile
from wb_desktop.tools.scenario.repro_file import (
    FIELD,
    FIXED,
    FORMAT,
    MANIFEST,
    MUST_FAIL,
    MUST_PASS,
    SUFFIX,
    VERSION,
)


@dataclass(frozen=True)
class SavedRepro:
    path: Path
    failure: str | None  # what the field variant must fail with (None: nothing to repeat)
    skipped: list[str]  # ops no scenario step repeats


def expected_failure(diagnosis: Diagnosis) -> str | None:
    """The failed expectation the field variant must show, in the runner's own words
    (``uploads_waiting is 2, expected 0``); None when the diagnosis found no fault."""
    if not diagnosis.faults:
        return None
    if any(refused.route.endswith("/blobs") for refused in diagnosis.faults):
        return f"uploads_waiting is {len(diagnosis.uploads_waiting)}, expected 0"
    # Refused pushes (the fault never stopped, or diagnosis.faults would not name it):
    # every change the scenario repeats still waits, as in the bundle's outbox.
    return f"pending is {diagnosis.waiting.pending}, expected 0"


def save_repro(
    sandbox: SandboxProfile,
    target: Path,
    *,
    saved_at: datetime,
    zone: ZoneInfo = STOCKHOLM,
    diagnosis: Diagnosis | None = None,
) -> SavedRepro:
    """Write ``target`` (its suffix becomes ``.wbrepro``)."""
    target = target.with_suffix(SUFFIX)
    diagnosis = diagnosis or diagnose(sandbox, zone)
    failure = expected_failure(diagnosis)
    with tempfile.TemporaryDirectory(prefix="wbrepro-") as work:
        folder = Path(work)
        skipped: list[str] = []
        for variant, fixed in ((FIELD, False), (FIXED, True)):
            _, skipped = scenario_from_bundle(
                sandbox,
                folder / f"{variant}.yaml",
                name=f"{'Fixed: ' if fixed else 'As in the field: '}{sandbox.source.name}",
                zone=zone,
                saved_at=saved_at,
                diagnosis=diagnosis,
                fixed=fixed,
            )
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "saved_at": saved_at.isoformat(timespec="seconds"),
            "bundle": sandbox.source.name,
            "bundle_created_at": sandbox.manifest.created_at,
            "technician": sandbox.manifest.technician.email
            if sandbox.manifest.technician
            else None,
            "diagnosis": [line.text for line in diagnosis.lines],
            "expect": EXPECTED,
            "variants": [
                # nothing to repeat (no fault found): both variants are the same, both pass
                {
                    "name": FIELD,
                    "file": f"{FIELD}.yaml",
                    "must": MUST_PASS if failure is None else MUST_FAIL,
                    "failure": failure,
                },
                {"name": FIXED, "file": f"{FIXED}.yaml", "must": MUST_PASS},
            ],
        }
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        partial = target.with_name(target.name + ".partial")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(folder).as_posix())
        partial.replace(target)
    return SavedRepro(target, failure, skipped)


def save_scenario_file(
    sandbox: SandboxProfile,
    target: Path,
    *,
    saved_at: datetime,
    zone: ZoneInfo,
    diagnosis: Diagnosis,
) -> tuple[Path, list[str]]:
    """What "Save as a scenario…" writes, by the name chosen: a ``.wbrepro`` with both
    variants, or one ``.yaml``/``.json`` as in the field; the file and the ops left out."""
    if target.suffix.lower() == SUFFIX:
        saved = save_repro(sandbox, target, saved_at=saved_at, zone=zone, diagnosis=diagnosis)
        return saved.path, saved.skipped
    return scenario_from_bundle(sandbox, target, zone=zone, saved_at=saved_at, diagnosis=diagnosis)
