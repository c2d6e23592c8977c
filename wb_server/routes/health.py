"""Liveness and identity: what the client's connectivity probe asks."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter
from pydantic import BaseModel

from wb_desktop import __version__
from wb_server.config import PROTOCOL_VERSION
from wb_server.context import Context

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    protocol: int
    version: str
    server_time: datetime


@router.get("/health", response_model=Health)
def health(context: Context) -> Health:
    """Answers without touching the database, so it stays fast under load."""
    return Health(
        status="ok", protocol=PROTOCOL_VERSION, version=__version__, server_time=context.clock.now()
    )
