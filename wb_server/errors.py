"""Problem replies: every refusal is a 4xx with a reason a person can read.

Every non-2xx reply of the server has the same body,
:class:`~wb_desktop.core.protocol.errors.ErrorBody`; the OpenAPI
document says so for every status code a route can answer (see
:mod:`wb_server.openapi`). A route documents the refusals of its own handler with
:func:`problem` in its decorator's ``responses=``; the ones that come from the layers around
it (sign-in, request validation, body and header limits, QA faults) are added for it.
"""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException

from wb_desktop.core.protocol.errors import ErrorBody

# A bug's reply: the same body as every refusal (the error itself goes to the log).
CRASHED = {
    "error": "internal_error",
    "detail": "the server failed to handle this request; it has been logged",
}


class Problem(HTTPException):
    """A 4xx with ``{"error": code, "detail": message}`` as the body."""

    def __init__(
        self, status: int, code: str, detail: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(status_code=status, detail=detail, headers=headers)
        self.code = code

    def body(self) -> dict[str, Any]:
        return {"error": self.code, "detail": self.detail}


def header(description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """A response header the server always sends with that status."""
    return {"description": description, "required": True, "schema": schema or {"type": "string"}}


def problem(description: str, headers: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """One documented refusal for a route's ``responses=``: the shared body, and what the
    status means on that route (start with the ``error`` codes it carries)."""
    response: dict[str, Any] = {"model": ErrorBody, "description": description}
    if headers:
        response["headers"] = headers
    return response


def unauthorized(detail: str) -> Problem:
    return Problem(401, "unauthorized", detail, {"WWW-Authenticate": "Bearer"})


def not_found(what: str) -> Problem:
    return Problem(404, "not_found", f"{what} does not exist or is not yours")
