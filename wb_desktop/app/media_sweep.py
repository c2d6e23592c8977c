"""Tidying the media folder at close: photos decoded but never attached leave files that
no row refers to."""

from __future__ import annotations

import logging
from typing import Protocol

from wb_desktop.core.store.cache import LocalCache

IMPORT_WAIT_MS = 10_000
_log = logging.getLogger(__name__)


class PhotoDecoding(Protocol):
    """What the sweep waits for: the photo importer's background decoding."""

    def wait_for_done(self, msecs: int = -1) -> bool: ...


class MediaSweep:
    """Removes media files no record refers to, once photo decoding has finished (a file
    still being decoded is about to be attached, and must stay)."""

    def __init__(
        self, cache: LocalCache, decoding: PhotoDecoding, wait_ms: int = IMPORT_WAIT_MS
    ) -> None:
        self._cache = cache
        self._decoding = decoding
        self._wait_ms = wait_ms

    def run(self) -> None:
        if not self._decoding.wait_for_done(self._wait_ms):
            _log.warning("photo decoding still running at close; unattached files stay")
            return
        try:
            removed = self._cache.sweep_media()
        except OSError:
            _log.exception("could not tidy the media folder")
            return
        if removed:
            _log.info("removed %d media file(s) no record refers to", removed)
