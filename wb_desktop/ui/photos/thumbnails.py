"""Thumbnails of stored photos, decoded off the GUI thread and kept in a small cache.

Photos are content-addressed, so the SHA-256 names a thumbnail for good: the same image on
two jobs is decoded once, and a cached thumbnail never goes stale.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QImage

from wb_desktop.ui.photos.decode import THUMBNAIL_PX, load_image

DEFAULT_CACHE_ENTRIES = 400


class _Relay(QObject):
    """Lives on the GUI thread; workers emit on it, so the slot runs there (queued)."""

    loaded = Signal(str, QImage)


class ThumbnailLoader(QObject):
    """Hands out cached thumbnails and loads missing ones in a thread pool."""

    ready = Signal(str, QImage)  # sha256, the upright thumbnail
    failed = Signal(str)  # sha256 of a photo whose file is missing or unreadable

    def __init__(
        self, max_entries: int = DEFAULT_CACHE_ENTRIES, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._relay = _Relay(self)
        self._relay.loaded.connect(self._on_loaded)
        self._cache: OrderedDict[str, QImage] = OrderedDict()
        self._loading: set[str] = set()
        self._max_entries = max_entries

    def cached(self, sha256: str) -> QImage | None:
        image = self._cache.get(sha256)
        if image is not None:
            self._cache.move_to_end(sha256)
        return image

    def put(self, sha256: str, image: QImage) -> None:
        """Remember a thumbnail made elsewhere (the importer already has one)."""
        if image.isNull():
            return
        self._cache[sha256] = image
        self._cache.move_to_end(sha256)
        while len(self._cache) > self._max_entries:
            self._cache.popitem(last=False)

    def request(self, sha256: str, path: Path) -> QImage | None:
        """The thumbnail now if cached; otherwise None, and :attr:`ready` follows later."""
        image = self.cached(sha256)
        if image is not None or sha256 in self._loading:
            return image
        self._loading.add(sha256)
        relay = self._relay
        self._pool.start(lambda: relay.loaded.emit(sha256, load_image(path, THUMBNAIL_PX)))
        return None

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until queued loads have run (shutdown and tests); their signals still queue."""
        return self._pool.waitForDone(msecs)

    def _on_loaded(self, sha256: str, image: QImage) -> None:
        self._loading.discard(sha256)
        if image.isNull():
            self.failed.emit(sha256)
            return
        self.put(sha256, image)
        self.ready.emit(sha256, image)
