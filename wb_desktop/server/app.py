"""The reference cloud as a FastAPI application; ``create_app`` is its composition root."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from wb_desktop import __version__
from wb_desktop.domain.clock import Clock, SystemClock
from wb_desktop.server.body_limit import BodyLimitMiddleware
from wb_desktop.server.config import ServerConfig
from wb_desktop.server.context import ServerContext
from wb_desktop.server.db import create_server_engine, migrate, session_factories
from wb_desktop.server.errors import Problem
from wb_desktop.server.faults import FaultMiddleware, FaultRegistry
from wb_desktop.server.routes import (
    admin,
    auth,
    blobs,
    faults,
    health,
    online,
    pull,
    push,
    support,
)


def _readable(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {item.get('msg', 'is not valid')}")
    return "; ".join(parts) or "the request is not valid"


def create_app(config: ServerConfig, clock: Clock | None = None) -> FastAPI:
    """Migrate the database to head and build the app around it."""
    engine = create_server_engine(config.database_url)
    migrate(engine)
    config.blob_dir.mkdir(parents=True, exist_ok=True)
    reader, writer = session_factories(engine)
    app = FastAPI(
        title="WorkBoss reference cloud",
        version=__version__,
        description="The sync protocol of WorkBoss Desktop; see docs/protocol.md.",
    )
    app.state.context = ServerContext(config, clock or SystemClock(), engine, reader, writer)

    @app.exception_handler(Problem)
    async def problem(_request: Request, error: Problem) -> JSONResponse:
        return JSONResponse(error.body(), status_code=error.status_code, headers=error.headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        body = {"error": "http_error", "detail": str(error.detail)}
        return JSONResponse(body, status_code=error.status_code, headers=error.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        return JSONResponse({"error": "invalid_request", "detail": _readable(error)}, 422)

    app.include_router(health.router)
    app.include_router(auth.router)
    app.include_router(pull.router)
    app.include_router(push.router)
    app.include_router(blobs.router)
    app.include_router(online.router)
    app.include_router(admin.router)
    app.include_router(faults.router)
    app.include_router(support.router)
    app.state.faults = FaultRegistry()
    app.add_middleware(FaultMiddleware, registry=app.state.faults)
    app.add_middleware(
        BodyLimitMiddleware,
        max_json_bytes=config.max_json_bytes,
        max_chunk_bytes=blobs.MAX_CHUNK_BYTES,
    )
    return app
