"""Photos arriving in the camera inbox are attached to the job that is open.

The folder watcher reports on its own threads; the bridge hands each file to the GUI thread
through a queued signal, then imports it like a picked file. The original stays in the
inbox in every case: with no job open it waits there, and the technician is told.

Every file that cannot become a photo (empty, unreadable, damaged, not a photo, too large,
already attached) is one notification naming the file and why, kept until dismissed: several
bad files arriving together are several messages, never only the last.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal

from wb_desktop.app.notifications import NotificationKind, Notifications
from wb_desktop.core.media.inbox import DEFAULT_SETTLE_SECONDS, CameraInbox
from wb_desktop.core.media.reading import PhotoFileError, PhotoProblem
from wb_desktop.ui.photos.importer import ImportSource, PhotoImporter


class InboxBridge(QObject):
    """Watches ``folder`` while started; new images go to ``current_job()`` via ``importer``."""

    message = Signal(str)  # something the technician should read (e.g. no job open)
    attaching = Signal(str, str)  # job id, file name: an inbox photo is being imported

    _arrived = Signal(str)  # emitted on the watcher's thread, delivered on the GUI thread
    _unusable = Signal(str, str)  # the same, for a file that stays empty or unreadable

    def __init__(
        self,
        folder: Path,
        importer: PhotoImporter,
        current_job: Callable[[], str | None],
        parent: QObject | None = None,
        *,
        settle_seconds: float = DEFAULT_SETTLE_SECONDS,
        notifications: Notifications | None = None,
    ) -> None:
        super().__init__(parent)
        self._importer = importer
        self._current_job = current_job
        self._notifications = notifications
        self._waiting: list[Path] = []
        self._waiting_notices: list[int] = []  # "open a job": no longer true once attached
        self._arrived.connect(self._on_arrived, Qt.ConnectionType.QueuedConnection)
        self._unusable.connect(self._on_unusable, Qt.ConnectionType.QueuedConnection)
        importer.fileRefused.connect(self._on_refused)
        self._inbox = CameraInbox(
            folder,
            lambda path: self._arrived.emit(str(path)),
            settle_seconds=settle_seconds,
            on_problem=lambda path, problem: self._unusable.emit(str(path), problem.value),
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
        notices, self._waiting_notices = self._waiting_notices, []
        if self._notifications is not None:
            for notice_id in notices:
                self._notifications.dismiss(notice_id)
        if files:
            self._importer.import_files(job_id, files, source=ImportSource.CAMERA_INBOX)
        return len(files)

    def _post(self, path: Path, text: str) -> int | None:
        """Shown beside the job's photos, and kept until dismissed; returns its id."""
        self.message.emit(text)
        if self._notifications is None:
            return None
        return self._notifications.post(NotificationKind.CAMERA_INBOX, text, detail=path.name).id

    def _on_refused(self, path_text: str, text: str, source: str) -> None:
        if source == ImportSource.CAMERA_INBOX and self._notifications is not None:
            self._notifications.post(
                NotificationKind.CAMERA_INBOX, text, detail=Path(path_text).name
            )

    def _on_unusable(self, path_text: str, problem: str) -> None:
        path = Path(path_text)
        error = PhotoFileError(PhotoProblem(problem), path.name)
        self._post(path, self._importer.message_for(error))

    def _on_arrived(self, path_text: str) -> None:
        path = Path(path_text)
        job_id = self._current_job()
        if job_id is None:
            if path not in self._waiting:
                self._waiting.append(path)
            text = self.tr("Open a job to attach photo %1 from the camera inbox")
            notice_id = self._post(path, text.replace("%1", path.name))
            if notice_id is not None:
                self._waiting_notices.append(notice_id)
            return
        self.attaching.emit(job_id, path.name)
        self._importer.import_files(job_id, [path], source=ImportSource.CAMERA_INBOX)
