"""Signing in: a bearer token for the API, renewed when the server says it expired."""

from __future__ import annotations

import threading
from datetime import datetime

from sqlalchemy import delete

from wb_desktop.store.database import Database
from wb_desktop.store.models import TechnicianProfile
from wb_desktop.sync.api import SignIn, SyncApi


class PasswordSignIn:
    """A token source (see :data:`~wb_desktop.sync.api.TokenSource`) that signs in with an
    email and password, at first use and again whenever a request comes back 401."""

    def __init__(self, api: SyncApi, email: str, password: str) -> None:
        self._api = api
        self._email = email
        self._password = password
        self._token: str | None = None
        self._lock = threading.Lock()
        self.signed_in: SignIn | None = None

    def __call__(self, renew: bool) -> str:
        with self._lock:
            if self._token is None or renew:
                self.signed_in = self._api.sign_in(self._email, self._password)
                self._token = self.signed_in.token
            return self._token


def remember_technician(
    database: Database, signed_in: SignIn, server_url: str, now: datetime
) -> None:
    """The cache belongs to one technician: store who, so it opens without the network."""
    with database.writer() as session, session.begin():
        session.execute(delete(TechnicianProfile))
        session.add(
            TechnicianProfile(
                id=signed_in.technician_id,
                display_name=signed_in.display_name,
                email=signed_in.email,
                server_url=server_url,
                signed_in_at=now,
            )
        )
