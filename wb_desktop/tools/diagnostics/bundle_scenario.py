"""A regression scenario from a technician's bundle: what waited in their outbox, done
offline, then synced, expecting everything to arrive.

With the bundle's :class:`~wb_desktop.tools.diagnostics.diagnosis.Diagnosis`, the conditions
it found come along: the server's faults (by route or op kind, kind and count) before the
work goes online, the network as the trace ended, and a stretch of background sync as long
as the failures lasted, so the scenario fails the way the tablet did. ``fixed=True`` leaves
the faults out: the same work must then arrive (the "fixed" variant of a ``.wbrepro``).
Photos left out of a redacted bundle become generated test images, so the file still runs.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, create_engine, or_, select, union
from sqlalchemy.orm import Session

from wb_desktop.core.domain.records import UploadState
from wb_desktop.core.store.media_files import MediaFiles
from wb_desktop.core.store.models import Job, OutboxOp, OutboxState, Photo, Signature
from wb_desktop.tools.diagnostics.diagnosis import Diagnosis, RefusedRequests
from wb_desktop.tools.diagnostics.sandbox import SandboxProfile
from wb_desktop.tools.scenario.op_steps import References, Step, steps_for_ops
from wb_desktop.tools.scenario.recorder import ScenarioRecorder

DEMO_IMAGES = 9
STOCKHOLM = ZoneInfo("Europe/Stockholm")
MAX_WAIT_S = 600  # the longest ``wait`` step the format takes
EXPECTED = {"pending": 0, "dead": 0, "uploads_waiting": 0}


def scenario_from_bundle(
    sandbox: SandboxProfile,
    target: Path,
    *,
    name: str = "",
    zone: ZoneInfo = STOCKHOLM,
    saved_at: datetime | None = None,
    diagnosis: Diagnosis | None = None,
    fixed: bool = False,
) -> tuple[Path, list[str]]:
    """Save the scenario to ``target`` (``.yaml`` or ``.json``); returns the path and what
    could not become a step (op kinds no scenario action repeats)."""
    manifest = sandbox.manifest
    if manifest.technician is None:
        raise ValueError("the bundle names no technician, so no scenario can sign in as one")
    made = datetime.fromisoformat(manifest.created_at)
    day: date = made.astimezone(zone).date()
    engine = create_engine(f"sqlite:///{sandbox.paths.database}")
    try:
        with Session(engine) as session:
            query = select(OutboxOp).where(_not_at_the_office()).order_by(OutboxOp.seq)
            ops = list(session.scalars(query))
            refs = References(
                technician_id=manifest.technician.id,
                zone=zone,
                today=lambda: day,
                media=MediaFiles(sandbox.paths.media),
            )
            steps = [
                _runnable(step, index)
                for index, step in enumerate(steps_for_ops(ops, session, refs))
            ]
    finally:
        engine.dispose()
    faults = [] if diagnosis is None or fixed else diagnosis.faults
    saved = (saved_at or datetime.now(zone)).astimezone(zone).isoformat(timespec="seconds")
    recorder = ScenarioRecorder(
        name or f"From bundle {sandbox.source.name}",
        manifest.technician.email,
        description=(
            f"Saved at {saved} from the diagnostics bundle {sandbox.source.name} (profile "
            f"{manifest.profile}, bundle made {manifest.created_at}): the {len(ops)} "
            "change(s) the office did not have (ops waiting in its outbox, photos not "
            "uploaded), done offline, then synced. " + _conditions(diagnosis, faults, fixed)
        ),
    )
    recorder.network("offline")
    for step in steps:
        recorder.action(step)
    for refused in faults:
        recorder.server(fault_step(refused))
    stays_offline = diagnosis is not None and diagnosis.offline_at_end and not fixed
    recorder.network("offline" if stays_offline else "online")
    recorder.sync()
    seconds = _failing_seconds(diagnosis)
    if seconds:
        recorder.action(
            {"do": "wait", "seconds": seconds, "why": "background sync as in the field"}
        )
    recorder.expect(EXPECTED)
    return recorder.save(target), list(refs.skipped)


def fault_step(refused: RefusedRequests) -> dict[str, Any]:
    """The ``server: fault`` step that makes the server answer as it did in the field; a
    fault that later let requests through fires as many times as it was seen."""
    step: dict[str, Any] = {"server": "fault", "kind": refused.fault_kind}
    if refused.op_kind is not None:
        step["op_kind"] = refused.op_kind
    else:
        step["route"] = refused.route
    if refused.recovered:
        step["count"] = refused.tries
    return step


def _failing_seconds(diagnosis: Diagnosis | None) -> int:
    """How long the field's failures went on (the run retries for as long), within the
    format's longest wait."""
    if diagnosis is None or not diagnosis.faults:
        return 0
    first = min(r.first_at for r in diagnosis.faults)
    last = max(r.last_at for r in diagnosis.faults)
    return min(MAX_WAIT_S, int((last - first).total_seconds()))


def _conditions(diagnosis: Diagnosis | None, faults: list[RefusedRequests], fixed: bool) -> str:
    if diagnosis is None:
        return "The bundle was not diagnosed: add the fault you found before the sync step."
    if fixed:
        return "The fixed variant: the server's faults are left out, so the work must arrive."
    if not faults:
        return "The diagnosis found no injected fault to repeat."
    said = ", ".join(
        f"{r.fault_kind} on {r.op_kind or r.route} ({r.status}, {r.tries} tries)" for r in faults
    )
    return f"As in the field: the server's faults ({said}) are on during the sync."


def _not_at_the_office() -> ColumnElement[bool]:
    """Ops not yet accepted, and the creates of photos and signatures whose bytes never
    reached the server (their op went through; the upload did not: "photos never arrived")."""
    not_uploaded = [
        select(model.id).where(model.upload_state != UploadState.UPLOADED)
        for model in (Photo, Signature)
    ]
    return or_(
        OutboxOp.state != OutboxState.DONE,
        and_(
            OutboxOp.kind.in_(("photo.create", "signature.create")),
            OutboxOp.record_id.in_(union(*not_uploaded)),
        ),
    )


def _by_job(step: Step, session: Session, refs: References) -> Step:
    """A customer named through one of their jobs today ("the customer of job 2"), so the
    step finds the same customer on a fresh demo server, whose ids may differ."""
    customer = step.get("customer")
    if step.get("do") != "edit_customer" or not isinstance(customer, str):
        return step
    for job_id in session.scalars(select(Job.id).where(Job.customer_id == customer)):
        position = refs.job(session, job_id)
        if isinstance(position, int):
            return {**step, "customer": position}
    return step


def _runnable(step: Step, index: int) -> Step:
    """A photo whose file is not in the bundle (redacted) becomes a generated test image."""
    if step.get("do") == "import_photo" and not Path(str(step.get("file"))).is_file():
        return {**step, "file": f"demo:{index % DEMO_IMAGES + 1}"}
    return step
