"""Migration s0003 on a server with data: uploads move to per-technician rows, and each
attachment learns who attached it from the op that pushed it (SQLite and PostgreSQL)."""

from __future__ import annotations

import hashlib

from alembic import command
from sqlalchemy import select

from tests.integration.conftest import LiveServer
from tests.integration.test_blob_access import ERIK, photo_op, sign_in, unique_png
from wb_server.db import WRITE_OPTION, alembic_config
from wb_server.models import Blob, BlobAccess, Photo

ANNA = "anna@demo.workboss.se"


def _down_and_up(server: LiveServer) -> None:
    engine = server.context.engine
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as connection:
        command.downgrade(alembic_config(connection), "s0002")
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as connection:
        command.upgrade(alembic_config(connection), "head")


def test_an_upgrade_keeps_who_may_read_what(live_server: LiveServer) -> None:
    anna, erik = sign_in(live_server, ANNA), sign_in(live_server, ERIK)
    data, unfinished = unique_png(), unique_png()
    sha = erik.attach_photo(erik.open_job()["id"], data)
    anna.push_ok(photo_op(anna.open_job()["id"], data))  # names Erik's hash, never uploads
    unfinished_sha = hashlib.sha256(unfinished).hexdigest()
    anna.start(unfinished_sha, len(unfinished))
    anna.chunk(unfinished_sha, 0, unfinished[:100])

    _down_and_up(live_server)  # s0002 had one shared upload per hash and no attached_by

    with live_server.context.reader() as db:
        named = {
            p.job_id: p.attached_by for p in db.scalars(select(Photo).where(Photo.sha256 == sha))
        }
        assert named == {erik.open_job()["id"]: erik.id, anna.open_job()["id"]: anna.id}
        demo = db.scalars(select(Photo).where(Photo.sha256 != sha)).all()
        assert demo and all(p.attached_by is None for p in demo)
        access = {(a.sha256, a.technician_id): a for a in db.scalars(select(BlobAccess))}
        assert access[(sha, erik.id)].complete and (sha, anna.id) not in access
        upload = access[(unfinished_sha, anna.id)]
        assert (upload.received, upload.complete) == (0, False)
        assert db.get(Blob, unfinished_sha) is None
    assert erik.content(sha).content == data
    assert anna.content(sha).status_code == 404
    assert anna.state(unfinished_sha).json()["received"] == 0  # starts over, then completes
    assert anna.chunk(unfinished_sha, 0, unfinished).json()["complete"] is True
    demo_shas = {p["sha256"] for p in anna.records("photo").values()} - {sha}
    assert demo_shas and all(anna.content(s).status_code == 200 for s in demo_shas)
