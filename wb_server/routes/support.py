"""Support's access to a technician's sync (admin token): a token to replay a bundle with.

A diagnostics bundle from a tablet holds the technician's pending outbox but never their
password or saved sign-in. To replay it against the reference server, support (holding the
admin token) asks for an ordinary technician token here; the server then authorises the
replay exactly as it would the tablet's own sync, row by row.

The server's request log is read here too: support matches a tablet's trace row (by its
request id) with what the server saw of the same request.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from wb_desktop.core.protocol import routes
from wb_desktop.core.protocol.auth import TechnicianToken
from wb_desktop.core.protocol.requests_log import MAX_LOG_LINES, RequestLogPage
from wb_server.context import Context, require_admin
from wb_server.errors import not_found, problem
from wb_server.models import Technician
from wb_server.request_log import RequestLog
from wb_server.routes.auth import issue_token

router = APIRouter(tags=["support"], dependencies=[Depends(require_admin)])


@router.post(
    routes.TECHNICIAN_TOKEN,
    response_model=TechnicianToken,
    responses={404: problem("not_found: no such technician")},
)
def technician_token(technician_id: str, context: Context) -> TechnicianToken:
    """A bearer token for ``technician_id``, as a sign-in would issue it."""
    now = context.clock.now()
    with context.writer() as session, session.begin():
        technician = session.get(Technician, technician_id)
        if technician is None:
            raise not_found(f"technician {technician_id}")
        token, expires = issue_token(session, technician.id, now, context.config.token_ttl)
        return TechnicianToken(
            token=token,
            expires_at=expires,
            technician_id=technician.id,
            email=technician.email,
            display_name=technician.display_name,
        )


@router.get(routes.REQUEST_LOG, response_model=RequestLogPage)
def request_log(
    request: Request,
    request_id: Annotated[list[str] | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LOG_LINES)] = 100,
) -> RequestLogPage:
    """The server's own line for each request id asked for (the newest ``limit`` lines when
    none is named): what the server saw of a request a tablet's trace shows."""
    log: RequestLog = request.app.state.request_log
    return RequestLogPage(lines=log.find(set(request_id) if request_id else None, limit))
