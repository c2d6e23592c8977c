"""A cache restored from an older backup keeps working: nothing lost, nothing twice.

The backup has forgotten the ops the device sent after it was made, so it hands out their
sequence numbers again; the server refuses a number it already used (``seq_used``) and says
how far it got, and the engine continues above that (see store/outbox_sequence.py).
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import func, select

from tests.integration.sync_engine.conftest import Technician
from wb_desktop.core.store.models import Job, Note, OutboxOp, OutboxState, SyncLogEntry
from wb_desktop.core.store.outbox_sequence import BEHIND_EVENT
from wb_server import models as server

STEPS = 10


def sync_until_drained(anna: Technician) -> None:
    for _ in range(STEPS):
        report = anna.client.engine.step()
        assert report.ok, report.reason
        with anna.cache.database.reader() as session:
            waiting = session.scalar(
                select(func.count()).select_from(OutboxOp).where(OutboxOp.state != OutboxState.DONE)
            )
        if waiting == 0:
            return
    raise AssertionError(f"{waiting} ops still waiting after {STEPS} steps")


def back_up(database: Path, to: Path) -> None:
    with closing(sqlite3.connect(database)) as source, closing(sqlite3.connect(to)) as copy:
        source.backup(copy)


def restore(anna: Technician, backup: Path) -> None:
    anna.client.close()
    anna.cache.close()
    for side in ("-wal", "-shm"):
        Path(f"{anna.profile.database}{side}").unlink(missing_ok=True)
    shutil.copyfile(backup, anna.profile.database)
    anna.restart()


def notes_on_server(anna: Technician) -> list[str]:
    with anna.server.context.reader() as session:
        return sorted(
            session.scalars(select(server.Note.text).where(server.Note.text.like("r%"))).all()
        )


def test_writes_after_restoring_an_old_backup_reach_the_server_exactly_once(
    anna: Technician, tmp_path: Path
) -> None:
    with anna.cache.database.reader() as session:
        job_id = session.scalars(select(Job.id).order_by(Job.scheduled_start)).first()
    anna.cache.changes.jobs.add_note(job_id, "r1 before the backup")
    sync_until_drained(anna)
    backup = tmp_path / "backup.sqlite3"
    back_up(anna.profile.database, backup)
    for text in ("r2 after the backup", "r3 after the backup"):
        anna.cache.changes.jobs.add_note(job_id, text)
    sync_until_drained(anna)

    restore(anna, backup)
    for text in ("r4 after the restore", "r5 after the restore", "r6 after the restore"):
        anna.cache.changes.jobs.add_note(job_id, text)
    sync_until_drained(anna)

    assert notes_on_server(anna) == [
        "r1 before the backup",
        "r2 after the backup",
        "r3 after the backup",
        "r4 after the restore",
        "r5 after the restore",
        "r6 after the restore",
    ]
    with anna.cache.database.reader() as session:
        dead = session.scalar(
            select(func.count()).select_from(OutboxOp).where(OutboxOp.state == OutboxState.DEAD)
        )
        local = sorted(session.scalars(select(Note.text).where(Note.text.like("r%"))).all())
        behind = session.scalars(
            select(SyncLogEntry.message).where(SyncLogEntry.event == BEHIND_EVENT)
        ).all()
    assert dead == 0
    assert local == notes_on_server(anna)  # what the backup had forgotten came back in a pull
    assert len(behind) == 1 and "renumbered" in behind[0]

    # The device goes on numbering above the server: the next write needs no second try.
    anna.cache.changes.jobs.add_note(job_id, "r7 later")
    report = anna.client.engine.step()
    assert report.ok
    assert "r7 later" in notes_on_server(anna)
