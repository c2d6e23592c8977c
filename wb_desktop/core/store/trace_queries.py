"""What a sync trace row is about, from the cache: an upload's photo and its job, a push's
ops and their records. The trace itself keeps only hashes and ids (no customer data on disk);
the console names them when it shows them, where the cache still knows them."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from wb_desktop.core.protocol import routes
from wb_desktop.core.store.models import Job, OutboxOp, Photo, Signature
from wb_desktop.core.store.record_info import record_labels

_CHUNK = 500
_BLOB_PREFIX = routes.BLOBS + "/"


def blob_of(route: str) -> str | None:
    """The sha256 an upload's route names (``/v1/blobs/<sha256>[/content]``)."""
    if not route.startswith(_BLOB_PREFIX):
        return None
    return route[len(_BLOB_PREFIX) :].split("/", 1)[0] or None


def _chunks(values: Iterable[str]) -> Iterable[list[str]]:
    ordered = sorted(set(values))
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


def trace_subjects(
    session: Session, sha256s: Iterable[str], op_ids: Iterable[str]
) -> dict[str, str]:
    """A short name per hash and per op id the cache knows: ``photo meter.png on 'EV
    charger installation'``, ``note.create on 'EV charger installation'``."""
    names: dict[str, str] = {}
    for chunk in _chunks(sha256s):
        photos = select(Photo.sha256, Photo.original_name, Job.title).outerjoin(
            Job, Job.id == Photo.job_id
        )
        for sha, name, title in session.execute(photos.where(Photo.sha256.in_(chunk))):
            names.setdefault(sha, f"photo {name or sha[:8]} on '{title or '?'}'")
        signatures = select(Signature.png_sha256, Job.title).outerjoin(
            Job, Job.id == Signature.job_id
        )
        for sha, title in session.execute(signatures.where(Signature.png_sha256.in_(chunk))):
            names.setdefault(sha, f"signature on '{title or '?'}'")
    ops: list[tuple[str, str, str, str]] = []
    for chunk in _chunks(op_ids):
        query = select(OutboxOp.op_id, OutboxOp.kind, OutboxOp.record_type, OutboxOp.record_id)
        ops.extend(
            (op_id, kind, record_type, record_id)
            for op_id, kind, record_type, record_id in session.execute(
                query.where(OutboxOp.op_id.in_(chunk))
            )
        )
    labels = record_labels(session, ((t, i) for _, _, t, i in ops))
    for op_id, kind, record_type, record_id in ops:
        label = labels.get((record_type, record_id))
        names[op_id] = f"{kind} on '{label}'" if label else kind
    return names
