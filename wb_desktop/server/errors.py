"""Problem replies: every refusal is a 4xx with a reason a person can read."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException


class Problem(HTTPException):
    """A 4xx with ``{"error": code, "detail": message}`` as the body."""

    def __init__(
        self, status: int, code: str, detail: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(status_code=status, detail=detail, headers=headers)
        self.code = code

    def body(self) -> dict[str, Any]:
        return {"error": self.code, "detail": self.detail}


def unauthorized(detail: str) -> Problem:
    return Problem(401, "unauthorized", detail, {"WWW-Authenticate": "Bearer"})


def not_found(what: str) -> Problem:
    return Problem(404, "not_found", f"{what} does not exist or is not yours")
