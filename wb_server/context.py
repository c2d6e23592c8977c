"""What every request handler needs, and the auth dependencies that guard the routes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from wb_desktop.core.domain.clock import Clock
from wb_server.auth import same_secret, token_digest
from wb_server.config import ServerConfig
from wb_server.errors import Problem, unauthorized
from wb_server.models import AuthToken, Technician


@dataclass(frozen=True)
class ServerContext:
    config: ServerConfig
    clock: Clock
    engine: Engine
    reader: sessionmaker[Session]
    writer: sessionmaker[Session]


def get_context(request: Request) -> ServerContext:
    context: ServerContext = request.app.state.context
    return context


Context = Annotated[ServerContext, Depends(get_context)]


def _bearer(authorization: str | None) -> str:
    if not authorization:
        raise unauthorized("sign in first: send 'Authorization: Bearer <token>'")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise unauthorized("the Authorization header must be 'Bearer <token>'")
    return token.strip()


@dataclass(frozen=True)
class SignedIn:
    id: str
    email: str
    display_name: str


def current_technician(
    context: Context, authorization: Annotated[str | None, Header()] = None
) -> SignedIn:
    token = _bearer(authorization)
    with context.reader() as session:
        row = session.get(AuthToken, token_digest(token))
        if row is None:
            raise unauthorized("unknown token; sign in again")
        if row.expires_at <= context.clock.now():
            raise unauthorized("the token has expired; sign in again")
        technician = session.get(Technician, row.technician_id)
        if technician is None:
            raise unauthorized("the account no longer exists")
        return SignedIn(technician.id, technician.email, technician.display_name)


Me = Annotated[SignedIn, Depends(current_technician)]


def require_admin(context: Context, authorization: Annotated[str | None, Header()] = None) -> None:
    if not context.config.admin_enabled:
        raise Problem(
            403, "admin_disabled", "the admin API is off; start wb-server with --admin-token"
        )
    assert context.config.admin_token is not None
    if not same_secret(_bearer(authorization), context.config.admin_token):
        raise Problem(403, "forbidden", "this needs the admin token")


Admin = Depends(require_admin)
