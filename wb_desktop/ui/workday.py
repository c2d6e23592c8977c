"""The views' one handle on the technician's data: reads from the cache, writes through the
one write path, and a signal when something changed.

A write commits locally and returns at once, whatever the network; afterwards the views
hear :attr:`Workday.changed` and the sync service is nudged. Sync never runs here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, tzinfo
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from wb_desktop.core.domain.clock import Clock
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.changes import ChangeReceipt, LocalChanges

T = TypeVar("T")


class Workday(QObject):
    """GUI-thread facade over :class:`LocalCache`; one per window."""

    changed = Signal(str)  # the job id the change belongs to, or "" for the day (time clock)
    storageWarning = Signal(str)

    def __init__(
        self,
        cache: LocalCache,
        clock: Clock,
        zone: tzinfo,
        technician_id: str | None,
        notify_sync: Callable[[], None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.cache = cache
        self.clock = clock
        self.zone = zone
        self.technician_id = technician_id
        self._notify_sync = notify_sync

    def now(self) -> datetime:
        return self.clock.now()

    def today(self) -> date:
        return self.clock.now().astimezone(self.zone).date()

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)

    @contextmanager
    def reader(self) -> Iterator[Session]:
        with self.cache.database.reader() as session:
            yield session

    def read(self, query: Callable[[Session], T]) -> T:
        with self.reader() as session:
            return query(session)

    def write(
        self,
        job_id: str,
        action: Callable[[LocalChanges], ChangeReceipt],
        *,
        announce: bool = True,
    ) -> ChangeReceipt:
        """Run one local change; raises its :class:`WorkBossError` unchanged (nothing saved).

        ``job_id`` names the job the change belongs to ("" for none), for the views.
        ``announce=False`` is for a burst of writes (a photo import) that calls
        :meth:`announce` once afterwards, so the views re-read once, not per write.
        """
        receipt = action(self.cache.changes)
        if announce:
            self.announce(job_id)
        if receipt.storage_warning:
            self.storageWarning.emit(receipt.storage_warning)
        return receipt

    def announce(self, job_id: str) -> None:
        """Tell the views and the sync service that ``job_id`` (or the day) changed."""
        self.changed.emit(job_id)
        self._notify_sync()
