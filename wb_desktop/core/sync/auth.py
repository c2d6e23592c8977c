"""Signing in: a bearer token for the API, renewed when the server says it expired."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import delete

from wb_desktop.core.store.database import Database
from wb_desktop.core.store.models import TechnicianProfile
from wb_desktop.core.sync.protocol_client import ServerRefusedError, SignIn, SyncApi


class PasswordSignIn:
    """A token source (see :data:`~wb_desktop.core.sync.protocol_client.TokenSource`) that
    signs in with an email and password, at first use and again whenever a request comes back 401.

    The app starts it with the token it saved last time and no password, so a restart needs
    neither the network nor the password; when that token expires, sync reports that the
    technician must sign in again (``401``) instead of failing some other way.
    ``on_signed_in`` hears every new sign-in, so the app can save the token.
    """

    def __init__(
        self,
        api: SyncApi,
        email: str,
        password: str | None,
        *,
        token: str | None = None,
        on_signed_in: Callable[[SignIn], None] | None = None,
    ) -> None:
        self._api = api
        self._email = email
        self._password = password
        self._token = token
        self._on_signed_in = on_signed_in
        self._lock = threading.Lock()
        self.signed_in: SignIn | None = None

    def use(self, email: str, password: str | None, token: str | None) -> None:
        """New credentials from a sign-in the person just did; the next request uses them."""
        with self._lock:
            self._email, self._password, self._token = email, password, token

    def __call__(self, renew: bool) -> str:
        with self._lock:
            if self._token is None or renew:
                if self._password is None:
                    raise ServerRefusedError(
                        401, "sign_in_needed", "the saved sign-in has expired; sign in again"
                    )
                self.signed_in = self._api.sign_in(self._email, self._password)
                self._token = self.signed_in.token
                if self._on_signed_in is not None:
                    self._on_signed_in(self.signed_in)
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
