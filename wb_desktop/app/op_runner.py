"""The one way the window reads, writes and waits: off the GUI thread, answers on it.

Like Anki's ``CollectionOp``/``QueryOp``: a query runs on a worker with its own session, a
write runs through the one write path on the single write worker (SQLite has one writer),
a plain call (HTTP to the office, decoding a photo) runs on a background worker; then the
caller's ``done`` or ``failed`` runs on the GUI thread, where it may touch widgets. Every
write's :class:`Changes` notice is broadcast on :attr:`OpRunner.changed`, so each view reads
again what concerns it and no two views disagree.

Nothing dies silently: a :class:`WorkBossError` reaches ``failed`` unchanged; any other
exception is logged with its traceback and handed to ``failed`` too, and without a ``failed``
it goes to ``sys.excepthook`` (the app's crash reporter: the log and the problem banner).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEvent, QObject, QThreadPool, Signal
from sqlalchemy.orm import Session

from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.changes import ChangeReceipt, Changes, LocalChanges

T = TypeVar("T")
Done = Callable[[Any], None]
Failed = Callable[[Exception], None]
Write = Callable[[LocalChanges], "ChangeReceipt | Changes"]
QUERY_THREADS = 2
CALL_THREADS = 2  # a photo decode can hold a 30 MB file and a full-size image
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Outcome:
    """What a worker hands back to the GUI thread."""

    done: Done | None
    failed: Failed | None
    result: Any = None
    error: BaseException | None = None
    changes: Changes | None = None


class NoCacheError(RuntimeError):
    """A query or write on a runner built without a cache (the sign-in dialog's)."""


class OpRunner(QObject):
    """Runs queries, writes and calls off the GUI thread; one per window."""

    changed = Signal(object)  # Changes: after every write, and when a sync step applied some
    busyChanged = Signal(bool)  # noqa: N815 (Qt names signals in camelCase)
    _finished = Signal(object)  # _Outcome, emitted on a worker, delivered queued here

    def __init__(
        self,
        cache: LocalCache | None = None,
        *,
        after_write: Callable[[], None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._cache = cache
        self._after_write = after_write
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._queries = QThreadPool(self)
        self._queries.setMaxThreadCount(QUERY_THREADS)
        self._calls = QThreadPool(self)
        self._calls.setMaxThreadCount(CALL_THREADS)
        self._running = 0
        self._finished.connect(self._deliver)

    @property
    def idle(self) -> bool:
        """No op is running or waiting for its answer to be delivered."""
        return self._running == 0

    def query(
        self, read: Callable[[Session], T], done: Callable[[T], None], failed: Failed | None = None
    ) -> None:
        """``read(session)`` on a query worker with its own session; ``done(rows)`` here."""
        database = self._require_cache().database

        def work() -> Any:
            with database.reader() as session:
                return read(session)

        self._start(self._queries, work, done, failed)

    def write(
        self,
        change: Write,
        done: Callable[[Changes], None] | None = None,
        failed: Failed | None = None,
        *,
        initiator: object | None = None,
    ) -> None:
        """``change(local_changes)`` on the write worker, in order with every other write;
        then ``done(notice)`` here, and the notice is broadcast on :attr:`changed`."""
        local_changes = self._require_cache().changes

        def work() -> Changes:
            result = change(local_changes)
            notice = result.changes() if isinstance(result, ChangeReceipt) else result
            return notice.started_by(initiator)

        self._start(self._writes, work, done, failed, broadcast=True)

    def call(
        self, work: Callable[[], T], done: Callable[[T], None], failed: Failed | None = None
    ) -> None:
        """``work()`` on a background worker, for anything that is not the cache."""
        self._start(self._calls, work, done, failed)

    def announce(self, changes: Changes) -> None:
        """Broadcast a notice made elsewhere (a sync step, the support console)."""
        if not changes.empty or changes.storage_warning:
            self.changed.emit(changes)

    def wait_until_idle(self, timeout_ms: int = 30_000) -> bool:
        """Block until every op has run and its answer was delivered (closing, tests);
        answers that start new ops are waited for too. False when time ran out."""
        deadline = QDeadlineTimer(timeout_ms)
        while self._running:
            for pool in (self._writes, self._queries, self._calls):
                if not pool.waitForDone(max(0, int(deadline.remainingTime()))):
                    return False
            QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall.value)
            if deadline.hasExpired():
                return self.idle
        return True

    def _require_cache(self) -> LocalCache:
        if self._cache is None:
            raise NoCacheError("this runner has no cache; use call()")
        return self._cache

    def _start(
        self,
        pool: QThreadPool,
        work: Callable[[], Any],
        done: Done | None,
        failed: Failed | None,
        *,
        broadcast: bool = False,
    ) -> None:
        self._running += 1
        if self._running == 1:
            self.busyChanged.emit(True)
        finished = self._finished

        def run() -> None:
            try:
                result = work()
            except BaseException as error:  # delivered to ``failed`` or the crash reporter
                finished.emit(_Outcome(done, failed, error=error))
            else:
                changes = result if broadcast else None
                finished.emit(_Outcome(done, failed, result=result, changes=changes))

        pool.start(run)

    def _deliver(self, outcome: _Outcome) -> None:
        try:
            if outcome.error is not None:
                self._fail(outcome.error, outcome.failed)
                return
            if outcome.done is not None:
                outcome.done(outcome.result)
            if outcome.changes is not None and not outcome.changes.empty:
                self._after_write()
            if outcome.changes is not None:
                self.announce(outcome.changes)
        finally:
            self._running -= 1
            if self._running == 0:
                self.busyChanged.emit(False)

    @staticmethod
    def _fail(error: BaseException, failed: Failed | None) -> None:
        if failed is not None and isinstance(error, Exception):
            if not isinstance(error, WorkBossError):
                _log.error("an operation failed unexpectedly", exc_info=error)
            failed(error)
            return
        sys.excepthook(type(error), error, error.__traceback__)
