"""The views' one handle on the technician's day: the clock, the zone, who is signed in, and
the op runner through which every view reads and writes.

A write commits locally and returns at once, whatever the network; its :class:`Changes`
notice is broadcast on ``workday.runner.changed`` and the sync service is nudged. Sync never
runs here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from wb_desktop.app.op_runner import OpRunner
from wb_desktop.core.domain.clock import Clock
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.changes import ChangeReceipt, Changes, LocalChanges

T = TypeVar("T")


class Workday(QObject):
    """Clock, zone and technician for the views, and the window's :class:`OpRunner`.

    ``changed`` and ``storageWarning`` repeat the runner's notices for the support console,
    which reads the cache directly (it is a tool); technician views listen to the runner.
    """

    changed = Signal(str)  # a job id the change belongs to, or "" for the day / everything
    storageWarning = Signal(str)

    def __init__(
        self,
        cache: LocalCache,
        clock: Clock,
        zone: tzinfo,
        technician_id: str | None,
        notify_sync: Callable[[], None] = lambda: None,
        runner: OpRunner | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.cache = cache
        self.clock = clock
        self.zone = zone
        self.technician_id = technician_id
        self.runner = runner or OpRunner(cache, after_write=notify_sync, parent=self)
        self._notify_sync = notify_sync
        self.runner.changed.connect(self._repeat)

    def now(self) -> datetime:
        return self.clock.now()

    def today(self) -> date:
        return self.clock.now().astimezone(self.zone).date()

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)

    @property
    def media_folder(self) -> Path:
        """Where this profile's photo and signature files are (a row names them within)."""
        return self.cache.paths.media

    def read(self, query: Callable[[Any], T]) -> T:
        """A read on the calling thread, for the support console and tests; views use
        ``runner.query``."""
        with self.cache.database.reader() as session:
            return query(session)

    def write(self, job_id: str, action: Callable[[LocalChanges], ChangeReceipt]) -> ChangeReceipt:
        """A write on the calling thread, for the support console and test set-up (raises
        its :class:`WorkBossError` unchanged); views use ``runner.write``. The notice is
        broadcast all the same (``job_id`` names the job when the write path cannot)."""
        receipt = action(self.cache.changes)
        notice = receipt.changes(initiator="direct")
        if job_id and notice.kinds:
            notice = notice | Changes(job_ids=frozenset({job_id}))
        if not notice.empty:
            self._notify_sync()
        self.runner.announce(notice)
        return receipt

    def announce(self, job_id: str) -> None:
        """The support console changed the cache behind the write path's back (the outbox,
        a conflict): every view reads again, and the sync service is nudged."""
        self.runner.announce(
            Changes(everything=True, job_ids=frozenset({job_id}) if job_id else frozenset())
        )
        self._notify_sync()

    def _repeat(self, changes: Changes) -> None:
        if changes.storage_warning:
            self.storageWarning.emit(changes.storage_warning)
        if changes.empty:
            return
        for job_id in sorted(changes.job_ids) or [""]:
            self.changed.emit(job_id)
