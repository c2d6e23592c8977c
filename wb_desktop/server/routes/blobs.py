"""Attachments: content-addressed by SHA-256, uploaded in resumable chunks.

The client creates the upload (size and type), asks for the offset the server has, and sends
the rest with ``Upload-Offset``; a chunk at any other offset is refused with the right one.
When the last byte arrives the server checks the hash and that the bytes are the declared
kind of image.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Header, Path, Request
from fastapi.responses import FileResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import or_, select

from wb_desktop.domain.images import sniff_image
from wb_desktop.server.blobs import BlobStore
from wb_desktop.server.context import Context, Me
from wb_desktop.server.errors import Problem, not_found
from wb_desktop.server.models import Blob, Job, Photo, Signature

router = APIRouter(prefix="/v1/blobs", tags=["attachments"])
CONTENT_TYPES = ("image/jpeg", "image/png", "image/webp", "image/heic")
MAX_CHUNK_BYTES = 8 * 1024 * 1024
Sha256 = Annotated[str, Path(pattern=re.compile(r"^[0-9a-f]{64}$").pattern)]


class UploadRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    content_type: str = Field(max_length=100)
    size: int = Field(ge=1)


class BlobState(BaseModel):
    sha256: str
    content_type: str
    size: int
    received: int
    complete: bool


def _state(blob: Blob) -> BlobState:
    return BlobState(
        sha256=blob.sha256,
        content_type=blob.content_type,
        size=blob.size,
        received=blob.received,
        complete=blob.complete,
    )


@router.post("/{sha256}", response_model=BlobState)
def start_upload(sha256: Sha256, body: UploadRequest, me: Me, context: Context) -> BlobState:
    """Create the upload, or say how far an earlier one got (nothing is sent twice)."""
    if body.content_type not in CONTENT_TYPES:
        raise Problem(415, "unsupported_type", f"'{body.content_type}' is not a supported image")
    if body.size > context.config.max_upload_bytes:
        limit = context.config.max_upload_bytes // (1024 * 1024)
        raise Problem(413, "too_large", f"{body.size} bytes is over the {limit} MB limit")
    with context.writer() as session, session.begin():
        blob = session.get(Blob, sha256)
        if blob is None:
            blob = Blob(
                sha256=sha256,
                content_type=body.content_type,
                size=body.size,
                received=0,
                complete=False,
                uploaded_by=me.id,
                created_at=context.clock.now(),
            )
            session.add(blob)
        elif not blob.complete and (blob.size, blob.content_type) != (body.size, body.content_type):
            raise Problem(409, "upload_mismatch", "an upload of this hash has another size or type")
        return _state(blob)


@router.get("/{sha256}", response_model=BlobState)
def upload_state(sha256: Sha256, me: Me, context: Context) -> BlobState:
    with context.reader() as session:
        blob = session.get(Blob, sha256)
        if blob is None:
            raise not_found(f"blob {sha256}")
        return _state(blob)


@router.patch("/{sha256}", response_model=BlobState)
async def send_chunk(
    sha256: Sha256,
    request: Request,
    me: Me,
    context: Context,
    upload_offset: Annotated[int, Header(ge=0)],
) -> BlobState:
    chunk = await request.body()
    if not chunk:
        raise Problem(400, "empty_chunk", "the chunk is empty")
    if len(chunk) > MAX_CHUNK_BYTES:
        raise Problem(413, "chunk_too_large", f"chunks are at most {MAX_CHUNK_BYTES} bytes")
    store = BlobStore(context.config.blob_dir)
    refusal: Problem | None = None
    with context.writer() as session, session.begin():
        blob = session.get(Blob, sha256)
        if blob is None:
            raise not_found(f"upload {sha256}; start it with POST first")
        if blob.complete:
            return _state(blob)
        if upload_offset != blob.received:
            raise Problem(
                409,
                "offset_mismatch",
                f"the server has {blob.received} bytes; send from there",
                {"Upload-Offset": str(blob.received)},
            )
        if blob.received + len(chunk) > blob.size:
            raise Problem(413, "past_the_end", f"the upload is {blob.size} bytes long")
        blob.received = store.append(sha256, upload_offset, chunk)
        if blob.received == blob.size:
            refusal = _finish(store, blob)
        state = _state(blob)
    if refusal is not None:  # raised after the commit, so the reset to 0 bytes is kept
        raise refusal
    return state


def _finish(store: BlobStore, blob: Blob) -> Problem | None:
    """Verify a complete upload; a bad one is discarded and the upload starts over."""
    if not store.finish(blob.sha256):
        blob.received = 0
        return Problem(422, "hash_mismatch", "the bytes do not match the SHA-256; send them again")
    found = sniff_image(store.head(blob.sha256))
    if found is None or found.content_type != blob.content_type:
        store.path(blob.sha256).unlink(missing_ok=True)
        blob.received = 0
        return Problem(415, "wrong_content", f"the bytes are not a {blob.content_type} image")
    blob.complete = True
    return None


@router.get("/{sha256}/content", response_class=FileResponse)
def download(sha256: Sha256, me: Me, context: Context) -> FileResponse:
    """Only the uploader or the technician of a job the file is attached to may read it."""
    with context.reader() as session:
        blob = session.get(Blob, sha256)
        mine = blob is not None and (
            blob.uploaded_by == me.id
            or session.scalar(
                select(Job.id)
                .outerjoin(Photo, Photo.job_id == Job.id)
                .outerjoin(Signature, Signature.job_id == Job.id)
                .where(
                    Job.technician_id == me.id,
                    or_(Photo.sha256 == sha256, Signature.png_sha256 == sha256),
                )
                .limit(1)
            )
            is not None
        )
        if blob is None or not blob.complete or not mine:
            raise not_found(f"blob {sha256}")
        return FileResponse(
            BlobStore(context.config.blob_dir).path(sha256), media_type=blob.content_type
        )
