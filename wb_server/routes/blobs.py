"""Attachments: content-addressed by SHA-256, uploaded in resumable chunks.

The client creates the upload (size and type), asks for the offset the server has, and sends
the rest with ``Upload-Offset``; a chunk at any other offset is refused with the right one.
When the last byte arrives the server checks the hash and that the bytes are the declared
kind of image.

Every upload belongs to the technician who sends it, and a blob is readable only as
:mod:`wb_server.blobs` says (an upload of one's own, or a vouched attachment on one's
own job). To anyone else a stored blob looks exactly like an absent one: ``GET`` is the same
404 as an unknown hash, and ``POST`` starts their own upload at 0; their bytes are checked
against the hash like anyone's, and only then may they read the blob.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Header, Path, Request
from fastapi.responses import FileResponse
from sqlalchemy.orm import Session

from wb_desktop.core.domain.images import sniff_image
from wb_desktop.core.protocol import routes
from wb_desktop.core.protocol.blobs import (
    CONTENT_TYPES,
    MAX_CHUNK_BYTES,
    UPLOAD_OFFSET,
    BlobState,
    UploadRequest,
)
from wb_desktop.core.protocol.fields import DIGITS, SHA256_PATTERN
from wb_server.blobs import BlobStore, insert_if_absent, readable_blob
from wb_server.context import Context, Me
from wb_server.errors import Problem, header, not_found, problem
from wb_server.models import Blob, BlobAccess

router = APIRouter(tags=["attachments"])
Sha256 = Annotated[str, Path(pattern=SHA256_PATTERN)]


def _state(blob: Blob | BlobAccess) -> BlobState:
    """A readable blob (complete), or the technician's own upload in progress."""
    return BlobState(
        sha256=blob.sha256,
        content_type=blob.content_type,
        size=blob.size,
        received=blob.size if isinstance(blob, Blob) else blob.received,
        complete=blob.complete,
    )


def _own_upload(session: Session, sha256: str, technician_id: str) -> BlobAccess | None:
    """The technician's upload of ``sha256``, locked to commit (chunks take turns)."""
    return session.get(
        BlobAccess, (sha256, technician_id), with_for_update=True, populate_existing=True
    )


@router.post(
    routes.BLOB,
    response_model=BlobState,
    responses={
        409: problem("upload_mismatch: your upload of this hash has another size or type"),
        413: problem("too_large: `size` is over this server's upload limit"),
        415: problem("unsupported_type: `content_type` is not one of the supported images"),
    },
)
def start_upload(sha256: Sha256, body: UploadRequest, me: Me, context: Context) -> BlobState:
    """Create the upload, or say how far an earlier one got (nothing is sent twice)."""
    if body.content_type not in CONTENT_TYPES:
        raise Problem(415, "unsupported_type", f"'{body.content_type}' is not a supported image")
    if body.size > context.config.max_upload_bytes:
        limit = context.config.max_upload_bytes // (1024 * 1024)
        raise Problem(413, "too_large", f"{body.size} bytes is over the {limit} MB limit")
    now = context.clock.now()
    with context.writer() as session, session.begin():
        blob = readable_blob(session, sha256, me.id)
        if blob is not None:
            return _state(blob)  # complete: never sent twice
        insert_if_absent(
            session,
            BlobAccess,
            {
                "sha256": sha256,
                "technician_id": me.id,
                "content_type": body.content_type,
                "size": body.size,
                "received": 0,
                "complete": False,
                "created_at": now,
                "updated_at": now,
            },
        )
        upload = _own_upload(session, sha256, me.id)
        assert upload is not None
        if (upload.size, upload.content_type) != (body.size, body.content_type):
            raise Problem(409, "upload_mismatch", "an upload of this hash has another size or type")
        return _state(upload)


@router.get(
    routes.BLOB,
    response_model=BlobState,
    responses={404: problem("not_found: no upload of yours and no blob you may read")},
)
def upload_state(sha256: Sha256, me: Me, context: Context) -> BlobState:
    """How far the technician's own upload got; a blob they may not read is a 404, the same
    as a hash the server has never seen."""
    with context.reader() as session:
        blob = readable_blob(session, sha256, me.id)
        if blob is not None:
            return _state(blob)
        upload = session.get(BlobAccess, (sha256, me.id))
        if upload is None:
            raise not_found(f"blob {sha256}")
        return _state(upload)


@router.patch(
    routes.BLOB,
    response_model=BlobState,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/octet-stream": {
                    "schema": {
                        "type": "string",
                        "format": "binary",
                        "minLength": 1,
                        "maxLength": MAX_CHUNK_BYTES,
                    }
                }
            },
        }
    },
    responses={
        400: problem("empty_chunk: the body is empty"),
        404: problem("not_found: no upload of yours; start it with POST"),
        409: problem(
            "offset_mismatch: the chunk is not at the offset the server has; send from the "
            "offset in Upload-Offset",
            headers={UPLOAD_OFFSET: header("bytes received", {"type": "integer"})},
        ),
        413: problem("past_the_end: the chunk goes past the upload's size"),
        415: problem(
            "wrong_content: (with the last byte) the bytes are not the declared image; the "
            "upload starts over at 0"
        ),
        422: problem(
            "hash_mismatch: (with the last byte) the bytes do not match the SHA-256; the "
            "upload starts over at 0"
        ),
    },
)
async def send_chunk(
    sha256: Sha256,
    request: Request,
    me: Me,
    context: Context,
    upload_offset: Annotated[int, Header(ge=0), DIGITS],
) -> BlobState:
    chunk = await request.body()
    if not chunk:
        raise Problem(400, "empty_chunk", "the chunk is empty")
    if len(chunk) > MAX_CHUNK_BYTES:
        raise Problem(413, "chunk_too_large", f"chunks are at most {MAX_CHUNK_BYTES} bytes")
    store = BlobStore(context.config.blob_dir)
    refusal: Problem | None = None
    now = context.clock.now()
    with context.writer() as session, session.begin():
        blob = readable_blob(session, sha256, me.id)
        if blob is not None:
            return _state(blob)
        upload = _own_upload(session, sha256, me.id)
        if upload is None:
            raise not_found(f"upload {sha256}; start it with POST first")
        if upload_offset != upload.received:
            raise Problem(
                409,
                "offset_mismatch",
                f"the server has {upload.received} bytes; send from there",
                {UPLOAD_OFFSET: str(upload.received)},
            )
        if upload.received + len(chunk) > upload.size:
            raise Problem(413, "past_the_end", f"the upload is {upload.size} bytes long")
        upload.received = store.append(sha256, me.id, upload_offset, chunk)
        upload.updated_at = now
        if upload.received == upload.size:
            refusal = _finish(session, store, upload, now)
        state = _state(upload)
    if refusal is not None:  # raised after the commit, so the reset to 0 bytes is kept
        raise refusal
    return state


def _finish(
    session: Session, store: BlobStore, upload: BlobAccess, now: datetime
) -> Problem | None:
    """Verify a complete upload: good bytes become the blob (if it is new) and give their
    sender access; bad ones are discarded and the upload starts over."""
    sha256, owner = upload.sha256, upload.technician_id
    if not store.matches(sha256, owner):
        store.discard(sha256, owner)
        upload.received = 0
        return Problem(422, "hash_mismatch", "the bytes do not match the SHA-256; send them again")
    found = sniff_image(store.partial_head(sha256, owner))
    if found is None or found.content_type != upload.content_type:
        store.discard(sha256, owner)
        upload.received = 0
        return Problem(415, "wrong_content", f"the bytes are not a {upload.content_type} image")
    store.keep(sha256, owner)
    insert_if_absent(
        session,
        Blob,
        {
            "sha256": sha256,
            "content_type": upload.content_type,
            "size": upload.size,
            "received": upload.size,
            "complete": True,
            "uploaded_by": owner,
            "created_at": now,
        },
    )
    upload.complete = True
    return None


@router.get(
    routes.BLOB_CONTENT,
    response_class=FileResponse,
    responses={
        200: {
            "description": "The bytes, as the content type they were uploaded as",
            "content": {
                content_type: {"schema": {"type": "string", "format": "binary"}}
                for content_type in CONTENT_TYPES
            },
        },
        404: problem("not_found: no blob you may read"),
    },
)
def download(sha256: Sha256, me: Me, context: Context) -> FileResponse:
    """Only to a technician who may read the blob (see :mod:`wb_server.blobs`);
    to anyone else it is the same 404 as a hash the server has never seen."""
    with context.reader() as session:
        blob = readable_blob(session, sha256, me.id)
        if blob is None:
            raise not_found(f"blob {sha256}")
        return FileResponse(
            BlobStore(context.config.blob_dir).path(sha256), media_type=blob.content_type
        )
