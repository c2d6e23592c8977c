"""What every console panel works on, handed in by the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from wb_desktop.app.sync_service import SyncService
from wb_desktop.core.domain.clock import Clock
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.tools.scenario.office import Office
from wb_desktop.ui.workday import Workday


@dataclass(frozen=True)
class ConsoleContext:
    """The technician session the console looks at, and the office behind it.

    ``admin_token`` is None when the server's admin API is not open to this app (a real
    server without ``--admin-token``); panels that need it then say so instead of working.
    """

    cache: LocalCache
    workday: Workday
    service: SyncService
    clock: Clock
    zone: tzinfo
    server_url: str
    admin_token: str | None
    technician_id: str | None

    @property
    def has_admin(self) -> bool:
        return self.admin_token is not None

    def office(self) -> Office:
        """A new admin client (one per background call: a requests session is not shared
        across threads); the caller closes it."""
        if self.admin_token is None:
            raise RuntimeError("the server's admin API is not available to this app")
        return Office(self.server_url, self.admin_token)
