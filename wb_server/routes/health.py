"""Liveness and identity: what the client's connectivity probe asks."""

from __future__ import annotations

from fastapi import APIRouter

from wb_desktop import __version__
from wb_desktop.core.protocol import routes
from wb_desktop.core.protocol.health import PROTOCOL_VERSION, Health
from wb_server.context import Context

router = APIRouter(tags=["health"])


@router.get(routes.HEALTH, response_model=Health)
def health(context: Context) -> Health:
    """Answers without touching the database, so it stays fast under load."""
    return Health(
        status="ok", protocol=PROTOCOL_VERSION, version=__version__, server_time=context.clock.now()
    )
