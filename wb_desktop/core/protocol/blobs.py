"""Attachments (``/v1/blobs/{sha256}``): content-addressed, uploaded in resumable chunks."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from wb_desktop.core.protocol.fields import JsonInt

CONTENT_TYPES = ("image/jpeg", "image/png", "image/webp", "image/heic")
MAX_CHUNK_BYTES = 8 * 1024 * 1024
UPLOAD_OFFSET = "Upload-Offset"
"""The header a chunk says its offset in, and a refused chunk is told the right one in."""


class UploadRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    content_type: str = Field(max_length=100, json_schema_extra={"enum": list(CONTENT_TYPES)})
    size: JsonInt = Field(ge=1, description="its maximum is this server's upload limit")


class BlobState(BaseModel):
    sha256: str
    content_type: str
    size: int
    received: int
    complete: bool
