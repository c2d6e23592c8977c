"""Signing in: email and password for a bearer token."""

from __future__ import annotations

from datetime import datetime, timedelta

from fastapi import APIRouter
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from wb_desktop.core.protocol import routes
from wb_desktop.core.protocol.auth import SignInReply, SignInRequest, TechnicianOut
from wb_server.auth import new_token, token_digest, verify_password
from wb_server.context import Context, Me
from wb_server.errors import problem, unauthorized
from wb_server.models import AuthToken, Technician

router = APIRouter(tags=["auth"])


@router.post(
    routes.SIGN_IN,
    response_model=SignInReply,
    responses={401: problem("unauthorized: wrong email or password")},
)
def sign_in(body: SignInRequest, context: Context) -> SignInReply:
    now = context.clock.now()
    with context.writer() as session, session.begin():
        technician = session.scalar(
            select(Technician).where(func.lower(Technician.email) == body.email.strip().lower())
        )
        if technician is None or not verify_password(body.password, technician.password_hash):
            raise unauthorized("wrong email or password")
        token, expires = issue_token(session, technician.id, now, context.config.token_ttl)
        return SignInReply(
            token=token,
            expires_at=expires,
            technician=TechnicianOut(
                id=technician.id, email=technician.email, display_name=technician.display_name
            ),
        )


@router.get(routes.ME, response_model=TechnicianOut)
def me(technician: Me) -> TechnicianOut:
    return TechnicianOut(
        id=technician.id, email=technician.email, display_name=technician.display_name
    )


def issue_token(
    session: Session, technician_id: str, now: datetime, ttl: timedelta
) -> tuple[str, datetime]:
    """A new bearer token for the technician (only its digest is stored), and when it
    expires; expired tokens are swept on the way."""
    session.execute(delete(AuthToken).where(AuthToken.expires_at <= now))
    token = new_token()
    expires = now + ttl
    session.add(
        AuthToken(
            token_hash=token_digest(token),
            technician_id=technician_id,
            issued_at=now,
            expires_at=expires,
        )
    )
    return token, expires
