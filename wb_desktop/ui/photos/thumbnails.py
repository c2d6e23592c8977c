"""Thumbnails of stored photos, decoded off the GUI thread and kept in a small cache.

Photos are content-addressed, so the SHA-256 names a thumbnail for good: the same image on
two jobs is decoded once, and a cached thumbnail never goes stale.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from wb_desktop.app.op_runner import OpRunner
from wb_desktop.ui.photos.decode import THUMBNAIL_PX, load_image

DEFAULT_CACHE_ENTRIES = 400


class ThumbnailLoader(QObject):
    """Hands out cached thumbnails and loads missing ones as background calls."""

    ready = Signal(str, QImage)  # sha256, the upright thumbnail
    failed = Signal(str)  # sha256 of a photo whose file is missing or unreadable

    def __init__(
        self,
        runner: OpRunner | None = None,
        max_entries: int = DEFAULT_CACHE_ENTRIES,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner or OpRunner(parent=self)
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
        self._runner.call(
            lambda: load_image(path, THUMBNAIL_PX),
            lambda image: self._on_loaded(sha256, image),
            lambda _error: self._on_loaded(sha256, QImage()),
        )
        return None

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until queued loads have run and been told (shutdown and tests)."""
        return self._runner.wait_until_idle(msecs)

    def _on_loaded(self, sha256: str, image: QImage) -> None:
        self._loading.discard(sha256)
        if image.isNull():
            self.failed.emit(sha256)
            return
        self.put(sha256, image)
        self.ready.emit(sha256, image)
