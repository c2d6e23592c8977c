"""Signing in (``POST /v1/auth/sign-in``, ``GET /v1/me``) and support's technician token."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class SignInRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: str = Field(min_length=3, max_length=254)
    password: str = Field(min_length=1, max_length=200)


class TechnicianOut(BaseModel):
    id: str
    email: str
    display_name: str


class SignInReply(BaseModel):
    token: str
    expires_at: datetime
    technician: TechnicianOut


class TechnicianToken(BaseModel):
    """A bearer token support asks for with the admin token, to replay a bundle with."""

    token: str
    expires_at: datetime
    technician_id: str
    email: str
    display_name: str
