"""The profile's rotating log file, which diagnostics bundles carry."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

from wb_desktop.app.logs import BACKUP_COUNT, LOG_FILE_NAME, MAX_BYTES, configure_logging
from wb_desktop.core.paths import ProfilePaths


def test_log_lines_go_to_the_profile_and_the_handler_can_be_removed(profile: ProfilePaths):
    root = logging.getLogger()
    level = root.level
    handler = configure_logging(profile)
    try:
        assert isinstance(handler, RotatingFileHandler)
        assert (handler.maxBytes, handler.backupCount) == (MAX_BYTES, BACKUP_COUNT)
        logging.getLogger("wb_desktop.core.sync").info("pushed %d ops", 3)
        handler.flush()
        text = (profile.logs / LOG_FILE_NAME).read_text(encoding="utf-8")
        assert "INFO wb_desktop.core.sync" in text and "pushed 3 ops" in text
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
        handler.close()
    assert handler not in root.handlers
