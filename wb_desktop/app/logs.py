"""The app's log file: what support gets in a diagnostics bundle besides the sync trace.

One rotating file per profile (``logs/wb-desktop.log``, 1 MB, three old files kept), so a
tablet that runs for months never fills its disk with logs. Qt-free.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

from wb_desktop.app.no_console import write_early_lines
from wb_desktop.core.paths import ProfilePaths

LOG_FILE_NAME = "wb-desktop.log"
MAX_BYTES = 1024 * 1024
BACKUP_COUNT = 3
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"
_log = logging.getLogger(__name__)


def configure_logging(paths: ProfilePaths, level: int = logging.INFO) -> logging.Handler:
    """Add a rotating file handler for the profile to the root logger and return it; the
    caller removes it (``logging.getLogger().removeHandler(handler)``) and closes it when
    the profile closes or changes."""
    paths.logs.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        paths.logs / LOG_FILE_NAME,
        maxBytes=MAX_BYTES,
        backupCount=BACKUP_COUNT,
        encoding="utf-8",
        delay=True,
    )
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    write_early_lines()  # a windowed build's output from before the log opened
    _log.info("session started: profile %s", paths.name)
    return handler
