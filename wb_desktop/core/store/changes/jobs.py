"""Job status changes and notes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from wb_desktop.core.domain.records import clean_note
from wb_desktop.core.domain.status import (
    Actor,
    JobStatus,
    check_transition,
    is_open,
    parse_status,
)
from wb_desktop.core.store.changes.core import (
    Change,
    ChangeReceipt,
    WritePath,
    load,
    new_record,
    require,
    touch,
)
from wb_desktop.core.store.changes.timeclock import stop_job_timers
from wb_desktop.core.store.models import Job, Note
from wb_desktop.core.store.outbox import OpSpec


class JobChanges:
    def __init__(self, write_path: WritePath, technician_id: str | None = None) -> None:
        self._write = write_path
        self._technician_id = technician_id

    def set_status(
        self, job_id: str, status: str | JobStatus, actor: Actor = Actor.TECHNICIAN
    ) -> ChangeReceipt:
        """Move the job on; leaving the open statuses (Complete) also closes its running time
        entry at this moment, in the same transaction, its op queued before the status's."""
        requested = parse_status(status)

        def mutate(session: Session, now: datetime) -> Change:
            job = load(session, Job, job_id, "job")
            check_transition(job.status, requested, actor)
            previous = job.status
            job.status = requested
            job.status_changed_at = now
            touch(job, now)
            spec = OpSpec(
                "job.set_status",
                "job",
                job.id,
                {"status": requested, "previous": previous, "changed_at": now},
                base_version=job.version,
            )
            stopped = () if is_open(requested) else stop_job_timers(session, job.id, now)
            return Change("job", job.id, spec, job.id, preceded_by=stopped)

        return self._write.write(mutate)

    def add_note(self, job_id: str, text: str) -> ChangeReceipt:
        clean = clean_note(text)

        def mutate(session: Session, now: datetime) -> Change:
            parent = require(session, Job, job_id, "job")
            note = new_record(Note, now, job_id=parent, text=clean, author_id=self._technician_id)
            session.add(note)
            spec = OpSpec(
                "note.create",
                "note",
                note.id,
                {"job_id": parent, "text": clean, "created_at": now},
                parents=(("job", parent),),
            )
            return Change("note", note.id, spec, parent)

        return self._write.write(mutate)
