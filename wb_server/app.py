"""The reference cloud as a FastAPI application; ``create_app`` is its composition root."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Route

from wb_desktop import __version__
from wb_desktop.core.domain.clock import Clock, SystemClock
from wb_desktop.core.protocol.blobs import MAX_CHUNK_BYTES
from wb_server import openapi
from wb_server.body_limit import BodyLimitMiddleware, BodyLimits
from wb_server.config import ServerConfig
from wb_server.context import ServerContext
from wb_server.db import create_server_engine, migrate, session_factories
from wb_server.errors import CRASHED, Problem
from wb_server.faults import FaultMiddleware, FaultRegistry
from wb_server.header_limit import HeaderLimitMiddleware
from wb_server.request_log import RequestLog, RequestLogMiddleware
from wb_server.routes import (
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

ROUTERS = (
    health.router,
    auth.router,
    pull.router,
    push.router,
    blobs.router,
    online.router,
    admin.router,
    faults.router,
    support.router,
)


def _readable(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {item.get('msg', 'is not valid')}")
    return "; ".join(parts) or "the request is not valid"


def _allowed_methods(request: Request, routers: tuple[APIRouter, ...]) -> str:
    """Every method of every route at the request's path (Starlette's 405 names only those
    of the first route it tried)."""
    methods = {
        method
        for router in routers
        for route in router.routes
        if isinstance(route, Route) and route.methods
        if route.matches(request.scope)[0] is not Match.NONE
        for method in route.methods
    }
    return ", ".join(sorted(methods))


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
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        body = {"error": "http_error", "detail": str(error.detail)}
        headers = dict(error.headers or {})
        if error.status_code == 405:
            headers["Allow"] = _allowed_methods(request, ROUTERS)
        return JSONResponse(body, status_code=error.status_code, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        return JSONResponse({"error": "invalid_request", "detail": _readable(error)}, 422)

    @app.exception_handler(Exception)
    async def crashed(_request: Request, _error: Exception) -> JSONResponse:
        """A bug: the same body as every refusal (the error itself goes to the log)."""
        return JSONResponse(CRASHED, 500)

    for router in ROUTERS:
        app.include_router(router)
    app.state.faults = FaultRegistry(writer, app.state.context.clock)
    app.add_middleware(FaultMiddleware, registry=app.state.faults)
    body_limits = BodyLimits(config.max_json_bytes, MAX_CHUNK_BYTES)
    app.add_middleware(BodyLimitMiddleware, limits=body_limits)
    app.state.request_log = RequestLog(config.request_log_path)
    app.add_middleware(
        RequestLogMiddleware, log=app.state.request_log, clock=app.state.context.clock
    )
    app.add_middleware(HeaderLimitMiddleware)  # outermost: before anything reads a header
    openapi.install(app, ROUTERS, config, body_limits)
    return app
