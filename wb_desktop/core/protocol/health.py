"""Liveness and identity: what the client's connectivity probe asks (``GET /health``)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

PROTOCOL_VERSION = 1
"""The version of this contract; a client refuses to sync with a server of another."""


class ProtocolProbe(BaseModel):
    """The one field of :class:`Health` every version keeps: read first, so a server of
    another version is told apart from a broken reply whatever the rest looks like."""

    protocol: int


class Health(BaseModel):
    status: str
    protocol: int
    version: str
    server_time: datetime
