"""Pull: a technician's changes after a cursor, by server sequence, paged."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import func, select

from wb_desktop.core.protocol import routes
from wb_desktop.core.protocol.fields import DIGITS
from wb_desktop.core.protocol.pull import DEFAULT_PAGE, MAX_PAGE, ChangeOut, ChangesPage
from wb_server.context import Context, Me
from wb_server.errors import Problem, problem
from wb_server.models import Change

router = APIRouter(tags=["sync"])


@router.get(
    routes.CHANGES,
    response_model=ChangesPage,
    responses={
        409: problem(
            "cursor_ahead: `since` is ahead of this server's newest change (the server was "
            "reset): drop the cursor and pull from 0"
        )
    },
)
def pull(
    technician: Me,
    context: Context,
    since: Annotated[int, Query(ge=0, description="the last seq the client has"), DIGITS] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE), DIGITS] = DEFAULT_PAGE,
) -> ChangesPage:
    """Never by wall clock: ``since`` is a seq from an earlier page (0 for everything)."""
    limit = min(limit, context.config.max_page_size)
    with context.reader() as session:
        newest = session.scalar(select(func.max(Change.seq))) or 0
        if since > newest:
            raise Problem(
                409,
                "cursor_ahead",
                f"cursor {since} is ahead of this server (newest change {newest}); the server "
                "was reset: drop the cursor and pull from 0",
            )
        rows = session.scalars(
            select(Change)
            .where(Change.technician_id == technician.id, Change.seq > since)
            .order_by(Change.seq)
            .limit(limit + 1)
        ).all()
    page = rows[:limit]
    return ChangesPage(
        changes=[
            ChangeOut(
                seq=row.seq,
                record_type=row.record_type,
                record_id=row.record_id,
                version=row.version,
                deleted=row.deleted,
                data=row.data,
                origin_device_id=row.origin_device_id,
            )
            for row in page
        ],
        next_cursor=page[-1].seq if page else since,
        has_more=len(rows) > limit,
    )
