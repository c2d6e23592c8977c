"""The body of every refusal (every non-2xx reply of the server)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ErrorBody(BaseModel):
    """The body of every refusal: a stable code for programs and a sentence for a person."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"error": "unauthorized", "detail": "wrong email or password"}]
        },
    )

    error: str = Field(description="a stable code: not_found, cursor_ahead, invalid_request, …")
    detail: str = Field(description="what went wrong and what to do, for a person")
