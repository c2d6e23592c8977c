"""A full disk under a write becomes one typed refusal, never raw SQLite or OS text.

SQLite answers ``SQLITE_FULL`` ("database or disk is full") and rolls the statement back; a
media file write raises ``OSError`` with ``ENOSPC``. Either way the transaction is rolled
back whole (the write path commits a row and its outbox entry together or not at all), so the
refusal can promise that nothing already saved is lost.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import OperationalError

from wb_desktop.core.domain.errors import DeviceStorageFullError


def is_disk_full(error: BaseException) -> bool:
    if isinstance(error, OperationalError):
        error = error.orig  # type: ignore[assignment]
    if isinstance(error, sqlite3.OperationalError):
        code = getattr(error, "sqlite_errorcode", None)
        return code == sqlite3.SQLITE_FULL or "database or disk is full" in str(error)
    return isinstance(error, OSError) and error.errno == errno.ENOSPC


@contextmanager
def refused_when_disk_full() -> Iterator[None]:
    try:
        yield
    except (OperationalError, sqlite3.OperationalError, OSError) as error:
        if is_disk_full(error):
            raise DeviceStorageFullError() from error
        raise
