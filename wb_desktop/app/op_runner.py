"""The one way the window reads, writes and waits: off the GUI thread, answers on it.

Like Anki's ``CollectionOp``/``QueryOp``: a query runs on a worker with its own session, a
write runs through the one write path on the single write worker (SQLite has one writer),
a plain call (HTTP to the office, decoding a photo) runs on a background worker; then the
caller's ``done`` or ``failed`` runs on the GUI thread, where it may touch widgets. Every
write's :class:`Changes` notice is broadcast on :attr:`OpRunner.changed`, so each view reads
again what concerns it and no two views disagree.

Nothing dies silently: a :class:`WorkBossError` (a refusal a person can act on) reaches
``failed`` unchanged. Any other exception from a query or a write is a bug: it goes to
``sys.excepthook``, the app's crash reporter (the log and the problem banner). A plain call
fails in ordinary ways too (a network error, an unreadable file), so any exception reaches
its ``failed``, logged with its traceback when it is not a refusal. Without a ``failed``,
every error goes to the crash reporter.

Queries run two at a time, so their answers may arrive out of order: a view that reads
the same thing again (after a save, then after the send that followed it) names it with
``latest_of``, and only the answer of the newest such read is shown; an older one that
arrives late is dropped rather than painting a state that is no longer true.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QEvent,
    QObject,
    QThreadPool,
    QTimer,
    Signal,
)
from sqlalchemy.orm import Session

from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.changes import Changes, LocalChanges

T = TypeVar("T")


class Noticed(Protocol):
    """What a write returns when it is more than its notice: a receipt, a punch."""

    def changes(self, initiator: object | None = None) -> Changes: ...


W = TypeVar("W", bound="Noticed | Changes")
Done = Callable[[Any], None]
Failed = Callable[[Exception], None]
Refused = Callable[[WorkBossError], None]
QUERY_THREADS = 2
SYNC_NOTICE_DELAY_MS = 150  # a burst of acknowledgements and uploads is one re-read
CALL_THREADS = 2  # a photo decode can hold a 30 MB file and a full-size image
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Outcome:
    """What a worker hands back to the GUI thread."""

    done: Done | None
    failed: Callable[[Any], None] | None
    result: Any = None
    error: BaseException | None = None
    changes: Changes | None = None
    quiet: bool = False
    any_error_fails: bool = False  # a plain call: every exception goes to ``failed``
    latest_of: object | None = None  # what this read shows; see OpRunner.query
    ticket: int = 0


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
        self._tickets = 0
        self._newest: dict[object, int] = {}  # latest_of -> ticket of its newest read
        self._finished.connect(self._deliver)
        self._heard = Changes()
        self._heard_timer = QTimer(self)
        self._heard_timer.setSingleShot(True)
        self._heard_timer.setInterval(SYNC_NOTICE_DELAY_MS)
        self._heard_timer.timeout.connect(self._announce_heard)

    @property
    def idle(self) -> bool:
        """No op is running or waiting for its answer to be delivered."""
        return self._running == 0

    def query(
        self,
        read: Callable[[Session], T],
        done: Callable[[T], None],
        failed: Refused | None = None,
        *,
        latest_of: object | None = None,
    ) -> None:
        """``read(session)`` on a query worker with its own session; ``done(rows)`` here.

        ``latest_of`` (hashable: a widget, or a widget and a name) says what the answer
        shows: when a newer query for the same thing was started meanwhile, this answer
        is stale and ``done`` is not called."""
        database = self._require_cache().database

        def work() -> Any:
            with database.reader() as session:
                return read(session)

        self._start(self._queries, work, done, failed, latest_of=latest_of)

    def write(
        self,
        change: Callable[[LocalChanges], W],
        done: Callable[[W], None] | None = None,
        failed: Refused | None = None,
        *,
        initiator: object | None = None,
        quiet: bool = False,
    ) -> None:
        """``change(local_changes)`` on the write worker, in order with every other write;
        then ``done(result)`` here (the receipt or the notice ``change`` returned), and the
        notice is broadcast on :attr:`changed` (unless ``quiet``: a burst of writes, such as
        a photo import, announces once at its end)."""
        local_changes = self._require_cache().changes

        def work() -> tuple[W, Changes]:
            result = change(local_changes)
            notice = result if isinstance(result, Changes) else result.changes()
            return result, notice.started_by(initiator)

        self._start(self._writes, work, done, failed, written=True, quiet=quiet)

    def call(
        self, work: Callable[[], T], done: Callable[[T], None], failed: Failed | None = None
    ) -> None:
        """``work()`` on a background worker, for anything that is not the cache."""
        self._start(self._calls, work, done, failed, any_error_fails=True)

    def announce(self, changes: Changes) -> None:
        """Broadcast a notice made elsewhere (a sync step, the support console)."""
        if not changes.empty or changes.storage_warning:
            self.changed.emit(changes)

    def announce_soon(self, changes: Changes) -> None:
        """A sync step's notice (records sent, acknowledged, uploaded, pulled): merged with
        the others of the next moment and broadcast once, so a burst is one re-read."""
        self._heard = self._heard | changes
        self._heard_timer.start()

    @property
    def announcing(self) -> bool:
        """A sync notice is waiting to be broadcast (tests wait for it, like for idle)."""
        return self._heard_timer.isActive()

    def _announce_heard(self) -> None:
        heard, self._heard = self._heard, Changes()
        self.announce(heard)

    def wait_until_idle(self, timeout_ms: int = 30_000) -> bool:
        """Block until every op has run and its answer was delivered (closing, tests);
        answers that start new ops are waited for too. False when time ran out."""
        deadline = QDeadlineTimer(timeout_ms)
        while self._running:
            for pool in (self._writes, self._queries, self._calls):
                if not pool.waitForDone(int(deadline.remainingTime())):  # -1: no limit
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
        failed: Callable[[Any], None] | None,
        *,
        written: bool = False,
        quiet: bool = False,
        any_error_fails: bool = False,
        latest_of: object | None = None,
    ) -> None:
        self._running += 1
        if self._running == 1:
            self.busyChanged.emit(True)
        self._tickets += 1
        ticket = self._tickets
        if latest_of is not None:
            self._newest[latest_of] = ticket
        finished = self._finished

        def run() -> None:
            try:
                result = work()
            except BaseException as error:  # delivered to ``failed`` or the crash reporter
                finished.emit(
                    _Outcome(
                        done,
                        failed,
                        error=error,
                        any_error_fails=any_error_fails,
                        latest_of=latest_of,
                        ticket=ticket,
                    )
                )
            else:
                changes = None
                if written:
                    result, changes = result
                finished.emit(
                    _Outcome(
                        done,
                        failed,
                        result,
                        None,
                        changes,
                        quiet,
                        latest_of=latest_of,
                        ticket=ticket,
                    )
                )

        pool.start(run)

    def _deliver(self, outcome: _Outcome) -> None:
        try:
            if self._superseded(outcome) and outcome.error is None:
                return  # a bug in a stale read still reaches the crash reporter
            if outcome.error is not None:
                self._fail(outcome)
                return
            try:
                if outcome.done is not None and _alive(outcome.done):
                    outcome.done(outcome.result)
            finally:  # what was committed is told, whatever the caller's answer did
                self._tell(outcome)
        finally:
            self._running -= 1
            if self._running == 0:
                self.busyChanged.emit(False)

    def _superseded(self, outcome: _Outcome) -> bool:
        """True for a read whose newer twin was started after it (its answer is stale)."""
        key = outcome.latest_of
        if key is None:
            return False
        if self._newest.get(key) != outcome.ticket:
            return True
        del self._newest[key]  # the newest answered: forget the key (and its widget)
        return False

    def _tell(self, outcome: _Outcome) -> None:
        if outcome.changes is None:
            return
        if not outcome.changes.empty:
            self._after_write()
        if not outcome.quiet:
            self.announce(outcome.changes)

    @staticmethod
    def _fail(outcome: _Outcome) -> None:
        error, failed = outcome.error, outcome.failed
        assert error is not None
        refusal = isinstance(error, WorkBossError)
        if failed is not None and (
            refusal or (outcome.any_error_fails and isinstance(error, Exception))
        ):
            if not refusal:
                _log.error("a background call failed unexpectedly", exc_info=error)
            if _alive(failed):  # else the widget that asked is gone: nobody to tell
                failed(error)
            return
        sys.excepthook(type(error), error, error.__traceback__)


def _alive(callback: object, depth: int = 3) -> bool:
    """False when the widget an answer is for was deleted meanwhile (a dialog closed, a
    page torn down while its query ran): the answer is dropped, as nobody is left to show
    it. The widget is the callback's ``self``, or one a lambda or closure uses."""
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, QObject) and not shiboken6.isValid(owner):
        return False
    cells = getattr(callback, "__closure__", None) or ()
    for cell in cells:
        try:
            value = cell.cell_contents
        except ValueError:  # a cell not yet filled
            continue
        if isinstance(value, QObject) and not shiboken6.isValid(value):
            return False
        if depth > 0 and callable(value) and not _alive(value, depth - 1):
            return False
    return True
