"""A regression scenario from a technician's bundle: what waited in their outbox, done
offline, then synced, expecting everything to arrive.

Support opens the bundle, sees why the work did not reach the office, and saves this file;
QA adds the fault that was found (a ``server: fault`` step) and puts it in ``scenarios/``.
Photos left out of a redacted bundle become generated test images, so the file still runs.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, create_engine, or_, select, union
from sqlalchemy.orm import Session

from wb_desktop.core.domain.records import UploadState
from wb_desktop.core.store.media_files import MediaFiles
from wb_desktop.core.store.models import Job, OutboxOp, OutboxState, Photo, Signature
from wb_desktop.tools.diagnostics.sandbox import SandboxProfile
from wb_desktop.tools.scenario.op_steps import References, Step, steps_for_ops
from wb_desktop.tools.scenario.recorder import ScenarioRecorder

DEMO_IMAGES = 9
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def scenario_from_bundle(
    sandbox: SandboxProfile, target: Path, *, name: str = "", zone: ZoneInfo = STOCKHOLM
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
    recorder = ScenarioRecorder(
        name or f"From bundle {sandbox.source.name}",
        manifest.technician.email,
        started_at=made,
        description=(
            f"Made from the diagnostics bundle {sandbox.source.name} ({manifest.profile}, "
            f"{manifest.created_at}): the {len(ops)} change(s) the office did not have "
            "(ops waiting in its outbox, photos not uploaded), done offline, then synced. "
            "Add the fault you found before the sync step."
        ),
    )
    recorder.network("offline")
    for step in steps:
        recorder.action(step)
    recorder.network("online")
    recorder.sync()
    recorder.expect({"pending": 0, "dead": 0, "uploads_waiting": 0})
    return recorder.save(target), list(refs.skipped)


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
