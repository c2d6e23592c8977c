"""Deciding, at start-up, which server the app syncs with and as whom.

No server given: the reference server runs beside the app with its demo week, and the app
signs in as the demo technician the server names. ``--server URL``: the saved sign-in for that
server if there is one (so a restart needs no network), else the sign-in dialog. A profile
stays with the server and technician it was first signed in with. Qt-free: the dialog is
passed in, and so is the demo launcher (``wb_desktop.tools.demo``), so this module loads
neither the server nor the tool that starts it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from sqlalchemy import select

from wb_desktop.app.saved_sign_in import SavedSignIn, load_sign_in, save_sign_in
from wb_desktop.core.domain.clock import Clock
from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.paths import DataPaths
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.changes import LocalChanges
from wb_desktop.core.store.models import TechnicianProfile
from wb_desktop.core.sync.auth import remember_technician
from wb_desktop.core.sync.protocol_client import SignIn, SyncApi
from wb_desktop.core.sync.transport import RequestsTransport

EMBEDDED_DEMO = "embedded-demo"  # what a demo profile records as its server
SignInCall = Callable[[str, str], SignIn]


class RunningDemoServer(Protocol):
    """The embedded demo server once it answers: where, its admin token, and the demo
    technician the app signs in as."""

    @property
    def url(self) -> str: ...

    @property
    def admin_token(self) -> str: ...

    @property
    def email(self) -> str: ...

    @property
    def password(self) -> str: ...

    def stop(self) -> None: ...


class StartingDemoServer(Protocol):
    """A demo server on its way up: :meth:`ready` never blocks, :meth:`wait` does."""

    def ready(self) -> RunningDemoServer | None: ...

    def wait(self) -> RunningDemoServer: ...

    def stop(self) -> None: ...


class DemoLauncher(Protocol):
    """Starts the embedded demo server keeping its data in ``folder``; ``in_child``: in a
    child process, else in a thread that shares ``clock`` (tests)."""

    def __call__(self, folder: Path, clock: Clock, *, in_child: bool) -> StartingDemoServer: ...


class StartCancelledError(Exception):
    """The person closed the sign-in dialog; the app ends without an error."""


class ProfileServerMismatchError(WorkBossError):
    def __init__(self, profile: str, saved: str, wanted: str) -> None:
        demo = Text(QT_TRANSLATE_NOOP("Domain", "the built-in demo server"))
        super().__init__(
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "Profile '%1' is signed in to %2, not %3. Start with that server again, or"
                    " use another profile (--profile NAME) for this one; nothing was changed.",
                ),
                profile,
                demo if saved == EMBEDDED_DEMO else saved,
                demo if wanted == EMBEDDED_DEMO else wanted,
            )
        )


@dataclass(frozen=True)
class Technician:
    id: str
    display_name: str
    email: str


@dataclass
class ServerLink:
    """Everything the sync client needs; ``password`` is kept for this run only."""

    url: str
    server_key: str  # the url, or EMBEDDED_DEMO for the in-app server whose port changes
    email: str
    password: str | None
    token: str | None
    technician: Technician | None
    demo: RunningDemoServer | None = None
    demo_folder: Path | None = None  # where the embedded demo server keeps its data
    launch_demo: DemoLauncher | None = None  # how to start it (from the composition root)
    demo_in_child: bool = True  # False: in a thread, sharing a virtual clock (tests)
    _pending_demo: StartingDemoServer | None = None

    @property
    def needs_demo_server(self) -> bool:
        """A demo profile whose server has not been started yet (see :meth:`begin_demo`)."""
        return self.demo_folder is not None and self.demo is None and self._pending_demo is None

    def begin_demo(self, clock: Clock) -> None:
        """Start the embedded server without waiting for it (:meth:`demo_ready` tells).

        A later start of a signed-in profile does this after the window has painted: the
        cached schedule needs no server, and the server's web stack takes a second to load.
        """
        assert self.demo_folder is not None and self.launch_demo is not None
        self._pending_demo = self.launch_demo(self.demo_folder, clock, in_child=self.demo_in_child)
        if not self.demo_in_child:  # started in a thread: it answers already
            self._use_demo(self._pending_demo.wait())

    def demo_ready(self) -> bool:
        """Whether the server started by :meth:`begin_demo` answers; never blocks. Raises
        when it will not start (the launcher's error says why)."""
        if self.demo is None and self._pending_demo is not None:
            server = self._pending_demo.ready()
            if server is not None:
                self._use_demo(server)
        return self.demo is not None

    def start_demo(self, clock: Clock) -> None:
        """Start the embedded server and wait until it answers."""
        self.begin_demo(clock)
        if self.demo is None and self._pending_demo is not None:
            self._use_demo(self._pending_demo.wait())

    def stop_demo(self) -> None:
        if self.demo is not None:
            self.demo.stop()
        elif self._pending_demo is not None:
            self._pending_demo.stop()
        self._pending_demo = None

    def _use_demo(self, server: RunningDemoServer) -> None:
        self.demo, self.url = server, server.url
        self.email, self.password = server.email, server.password

    def on_signed_in(self, cache: LocalCache, clock: Clock) -> Callable[[SignIn], None]:
        """What the sync worker does after each sign-in: keep the token for the next start."""

        def keep(signed_in: SignIn) -> None:
            if self.demo is None:
                save_sign_in(
                    cache.paths,
                    SavedSignIn(self.server_key, signed_in.email, signed_in.token, clock.now()),
                )

        return keep


AskSignIn = Callable[[str, SignInCall, str, bool], tuple[SignIn, str] | bool | None]
"""(server url, sign-in call, email to prefill, may work offline) -> (answer, password), or
None when cancelled, or False when the person chose to work offline."""


def cached_technician(cache: LocalCache) -> tuple[Technician | None, str | None]:
    with cache.database.reader() as session:
        profile = session.scalars(select(TechnicianProfile)).first()
        if profile is None:
            return None, None
        return Technician(profile.id, profile.display_name, profile.email), profile.server_url


def connect(
    cache: LocalCache,
    data: DataPaths,
    server_url: str | None,
    clock: Clock,
    ask_sign_in: AskSignIn,
    *,
    launch_demo: DemoLauncher,
    demo_in_child: bool = True,
) -> ServerLink:
    technician, saved_server = cached_technician(cache)
    wanted = server_url.rstrip("/") if server_url else EMBEDDED_DEMO
    if saved_server is not None and saved_server.rstrip("/") != wanted:
        raise ProfileServerMismatchError(cache.paths.name, saved_server, wanted)
    if server_url is None:
        return _connect_demo(cache, data, clock, technician, launch_demo, demo_in_child)
    return _connect_server(cache, wanted, clock, technician, ask_sign_in)


def _connect_demo(
    cache: LocalCache,
    data: DataPaths,
    clock: Clock,
    technician: Technician | None,
    launch_demo: DemoLauncher,
    demo_in_child: bool,
) -> ServerLink:
    """The sign-in comes from the server once it runs (see :meth:`ServerLink._use_demo`)."""
    email = technician.email if technician is not None else ""
    link = ServerLink("", EMBEDDED_DEMO, email, None, None, technician)
    link.demo_folder, link.launch_demo = data.root / "demo-server", launch_demo
    link.demo_in_child = demo_in_child
    if technician is None:  # first start: nothing cached to show, so wait for the server
        link.start_demo(clock)
        try:
            signed_in = sign_in_call(link.url)(link.email, link.password or "")
        except Exception:
            link.stop_demo()
            raise
        _remember(cache, signed_in, EMBEDDED_DEMO, clock.now(), link)
    return link


def _connect_server(
    cache: LocalCache, url: str, clock: Clock, technician: Technician | None, ask: AskSignIn
) -> ServerLink:
    saved = load_sign_in(cache.paths)
    if saved is not None and saved.server_url == url and technician is not None:
        return ServerLink(url, url, saved.email, None, saved.token, technician)
    email = technician.email if technician is not None else ""
    answer = ask(url, sign_in_call(url), email, technician is not None)
    if answer is None or answer is True:
        raise StartCancelledError
    if answer is False:
        assert technician is not None
        return ServerLink(url, url, technician.email, None, None, technician)
    signed_in, password = answer
    if technician is not None and signed_in.technician_id != technician.id:
        raise WorkBossError(
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "This profile belongs to %1; %2 needs a profile of their own"
                    " (--profile NAME). Nothing was changed.",
                ),
                technician.display_name,
                signed_in.display_name,
            )
        )
    link = ServerLink(url, url, signed_in.email, password, signed_in.token, technician)
    _remember(cache, signed_in, url, clock.now(), link)
    save_sign_in(cache.paths, SavedSignIn(url, signed_in.email, signed_in.token, clock.now()))
    return link


def _remember(
    cache: LocalCache, signed_in: SignIn, server_key: str, now: datetime, link: ServerLink
) -> None:
    remember_technician(cache.database, signed_in, server_key, now)
    link.technician = Technician(signed_in.technician_id, signed_in.display_name, signed_in.email)
    # Notes the technician writes from now on carry their id.
    cache.changes = LocalChanges(cache.changes.write_path, signed_in.technician_id)


def sign_in_call(url: str) -> SignInCall:
    def call(email: str, password: str) -> SignIn:
        transport = RequestsTransport(url)
        try:
            return SyncApi(transport).sign_in(email, password)
        finally:
            transport.close()

    return call
