"""Photos arriving in the camera inbox are attached to the job that is open.

The folder watcher reports on its own threads; the bridge hands each file to the GUI thread
through a queued signal, then imports it like a picked file. The original stays in the
inbox in every case: with no job open it waits there, and the technician is told.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal

from wb_desktop.core.media.inbox import DEFAULT_SETTLE_SECONDS, CameraInbox
from wb_desktop.ui.photos.importer import PhotoImporter


class InboxBridge(QObject):
    """Watches ``folder`` while started; new images go to ``current_job()`` via ``importer``."""

    message = Signal(str)  # something the technician should read (e.g. no job open)
    attaching = Signal(str, str)  # job id, file name: an inbox photo is being imported

    _arrived = Signal(str)  # emitted on the watcher's thread, delivered on the GUI thread

    def __init__(
        self,
        folder: Path,
        importer: PhotoImporter,
        current_job: Callable[[], str | None],
        parent: QObject | None = None,
        *,
        settle_seconds: float = DEFAULT_SETTLE_SECONDS,
    ) -> None:
        super().__init__(parent)
        self._importer = importer
        self._current_job = current_job
        self._waiting: list[Path] = []
        self._arrived.connect(self._on_arrived, Qt.ConnectionType.QueuedConnection)
        self._inbox = CameraInbox(
            folder, lambda path: self._arrived.emit(str(path)), settle_seconds=settle_seconds
        )

    @property
    def folder(self) -> Path:
        return self._inbox.folder

    @property
    def waiting(self) -> list[Path]:
        """Inbox photos that arrived while no job was open, oldest first."""
        return list(self._waiting)

    def start(self) -> None:
        self._inbox.start()

    def stop(self) -> None:
        """Stop watching; joins the watcher threads (call before the window closes)."""
        self._inbox.stop()

    def attach_waiting(self, job_id: str) -> int:
        """Attach the photos that arrived with no job open to ``job_id``; returns how many."""
        files = [path for path in self._waiting if path.exists()]
        self._waiting.clear()
        if files:
            self._importer.import_files(job_id, files)
        return len(files)

    def _on_arrived(self, path_text: str) -> None:
        path = Path(path_text)
        job_id = self._current_job()
        if job_id is None:
            if path not in self._waiting:
                self._waiting.append(path)
            self.message.emit(
                self.tr("Open a job to attach photo %1 from the camera inbox").replace(
                    "%1", path.name
                )
            )
            return
        self.attaching.emit(job_id, path.name)
        self._importer.import_files(job_id, [path])
