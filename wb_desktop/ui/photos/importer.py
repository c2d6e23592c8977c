"""Importing picked or dropped photos into a job.

Reading, checking, decoding and storing a 10 MB camera file takes long enough to freeze the
window, and the database write may wait for the sync worker's write lock, so all of it runs
through the op runner (decoding as background calls, attaching as writes); the GUI thread
only tells the views, in bursts. Each file succeeds or is
refused on its own: one bad file in a batch never stops the others, and each refusal says
which file and why.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from wb_desktop.core.domain.errors import ValidationError, WorkBossError
from wb_desktop.core.domain.images import MAX_PHOTO_BYTES
from wb_desktop.core.media.exif import exif_taken_at
from wb_desktop.core.media.reading import PhotoFileError, PhotoProblem, read_photo_file
from wb_desktop.core.store.changes import ChangeReceipt, Changes, LocalChanges
from wb_desktop.core.store.changes.media import StagedPhoto
from wb_desktop.ui.messages import translated
from wb_desktop.ui.photos.decode import UndecodableImageError, decode_photo
from wb_desktop.ui.photos.thumbnails import ThumbnailLoader
from wb_desktop.ui.workday import Workday

ANNOUNCE_MS = 250
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PreparedPhoto:
    """A checked, decoded photo whose file is stored, ready for the write path."""

    path: Path
    staged: StagedPhoto
    width: int | None
    height: int | None
    taken_at: datetime | None
    thumbnail: QImage


Stage = Callable[[bytes, str], StagedPhoto]


class PhotoNotSavedError(WorkBossError):
    """The tablet could not store the file (disk full, folder not writable)."""

    def __init__(self, file_name: str, reason: str) -> None:
        self.file_name = file_name
        self.reason = reason
        super().__init__(f"'{file_name}' could not be saved on this tablet: {reason}")


class UnexpectedImportError(WorkBossError):
    """Something no check foresaw; logged, and shown as a plain refusal of that one file."""

    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        super().__init__(f"'{file_name}' could not be imported")


def prepare_photo(path: Path, zone: tzinfo, stage: Stage) -> PreparedPhoto:
    """Read (never modify) ``path``, check it is a whole image, decode it and store its
    file with ``stage``; thread-safe."""
    source = read_photo_file(path)
    decoded = decode_photo(source.data, source.name, source.image_format)
    try:
        staged = stage(source.data, path.name)
    except OSError as error:
        raise PhotoNotSavedError(path.name, error.strerror or str(error)) from None
    return PreparedPhoto(
        path,
        staged,
        decoded.width,
        decoded.height,
        exif_taken_at(source.data, zone),
        decoded.thumbnail,
    )


@dataclass(frozen=True)
class AttachedPhoto:
    """A photo saved on its job by a worker; the GUI thread only has to tell the views.
    An empty notice: the same photo was already on the job."""

    photo: PreparedPhoto
    changes: Changes


class PhotoNotAttachedError(WorkBossError):
    """The database write failed for a reason no check foresaw; logged, nothing saved."""

    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        super().__init__(f"'{file_name}' could not be saved; nothing was changed. Try again.")


Outcome = AttachedPhoto | WorkBossError


def prepare_checked(path: Path, zone: tzinfo, stage: Stage) -> PreparedPhoto:
    """:func:`prepare_photo`, with anything no check foresaw logged and made a refusal of
    that one file (a background call)."""
    try:
        return prepare_photo(path, zone, stage)
    except WorkBossError:
        raise
    except Exception:
        log.exception("importing %s failed unexpectedly", path)
        raise UnexpectedImportError(path.name) from None


def attach_prepared(photo: PreparedPhoto, job_id: str, changes: LocalChanges) -> ChangeReceipt:
    """Attach a prepared photo to ``job_id`` through the write path (a write)."""
    try:
        return changes.media.attach_photo(
            job_id, photo.staged, width=photo.width, height=photo.height, taken_at=photo.taken_at
        )
    except WorkBossError:
        raise
    except Exception:
        log.exception("saving %s failed unexpectedly", photo.path)
        raise PhotoNotAttachedError(photo.path.name) from None


def import_photo(path: Path, job_id: str, zone: tzinfo, changes: LocalChanges) -> Outcome:
    """Everything one file needs, in one go on the caller's thread (scenarios, tests)."""
    try:
        photo = prepare_checked(path, zone, changes.media.stage_photo)
        return AttachedPhoto(photo, attach_prepared(photo, job_id, changes).changes())
    except WorkBossError as error:
        return error


class ImportSource(StrEnum):
    """Who handed the files over, so a refusal is kept where its source's messages go."""

    PICKED = "picked"  # chosen or dropped by the technician
    CAMERA_INBOX = "camera_inbox"


@dataclass
class _Batch:
    job_id: str
    remaining: int
    source: ImportSource = ImportSource.PICKED


class PhotoImporter(QObject):
    """Imports files into a job, entirely off the GUI thread; the views hear of it in bursts."""

    started = Signal(str, int)  # job id, number of files in the batch
    imported = Signal(str, str)  # job id, photo id
    refused = Signal(str)  # one clear message per file not attached
    fileRefused = Signal(str, str, str)  # the file's path, that message, its ImportSource
    finished = Signal(str)  # job id: every file of a batch has been imported or refused

    def __init__(
        self,
        workday: Workday,
        thumbnails: ThumbnailLoader | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._workday = workday
        self._runner = workday.runner
        self._thumbnails = thumbnails
        self._batches: dict[int, _Batch] = {}
        self._batch_ids = itertools.count(1)
        # The views re-read at most every ANNOUNCE_MS during an import, not once per photo.
        self._touched: list[Changes] = []
        self._announce_timer = QTimer(self)
        self._announce_timer.setSingleShot(True)
        self._announce_timer.setInterval(ANNOUNCE_MS)
        self._announce_timer.timeout.connect(self._announce)

    @property
    def busy(self) -> bool:
        return bool(self._batches)

    def import_files(
        self, job_id: str, paths: Iterable[Path], *, source: ImportSource = ImportSource.PICKED
    ) -> None:
        """Start importing ``paths`` into ``job_id``; results arrive as signals."""
        files = [Path(p) for p in paths]
        batch_id = next(self._batch_ids)
        self.started.emit(job_id, len(files))
        if not files:
            QTimer.singleShot(0, lambda: self.finished.emit(job_id))
            return
        self._batches[batch_id] = _Batch(job_id, len(files), source)
        zone, stage = self._workday.zone, self._workday.cache.changes.media.stage_photo
        for path in files:
            self._runner.call(
                lambda path=path: prepare_checked(path, zone, stage),
                lambda photo, batch_id=batch_id: self._prepared(batch_id, photo),
                lambda error, batch_id=batch_id, path=path: self._on_done(
                    batch_id, path, _refusal(error, path)
                ),
            )

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until queued imports have run and been told (shutdown)."""
        return self._runner.wait_until_idle(msecs)

    def _prepared(self, batch_id: int, photo: PreparedPhoto) -> None:
        batch = self._batches.get(batch_id)
        if batch is None:
            return
        job_id = batch.job_id
        self._runner.write(
            lambda changes: attach_prepared(photo, job_id, changes),
            lambda receipt: self._on_done(
                batch_id, photo.path, AttachedPhoto(photo, receipt.changes())
            ),
            lambda error: self._on_done(batch_id, photo.path, _refusal(error, photo.path)),
            initiator=self,
            quiet=True,
        )

    def _on_done(self, batch_id: int, path: Path, outcome: Outcome) -> None:
        batch = self._batches.get(batch_id)
        if batch is None:
            return
        try:
            if isinstance(outcome, WorkBossError):
                self._refuse(path, self.message_for(outcome), batch.source)
            else:
                self._attached(batch, outcome)
        finally:
            batch.remaining -= 1
            if batch.remaining == 0:
                del self._batches[batch_id]
                self._announce()
                self.finished.emit(batch.job_id)

    def _announce(self) -> None:
        self._announce_timer.stop()
        touched, self._touched = self._touched, []
        if touched:
            self._runner.announce(Changes.merged(touched, initiator=self))

    def _refuse(self, path: Path, message: str, source: ImportSource) -> None:
        self.refused.emit(message)
        self.fileRefused.emit(str(path), message, source.value)

    def _attached(self, batch: _Batch, attached: AttachedPhoto) -> None:
        photo, notice, job_id = attached.photo, attached.changes, batch.job_id
        if notice.empty:
            message = self.tr("'%1' is already attached to this job")
            self._refuse(photo.path, message.replace("%1", photo.path.name), batch.source)
            return
        if self._thumbnails is not None:
            self._thumbnails.put(photo.staged.stored.sha256, photo.thumbnail)
        self._touched.append(notice)
        if not self._announce_timer.isActive():
            self._announce_timer.start()
        self.imported.emit(job_id, next(iter(notice.record_ids)))

    def message_for(self, error: WorkBossError) -> str:
        """The refusal as the technician reads it, translated where the reason is known."""
        if isinstance(error, PhotoFileError):
            return self._file_problem_text(error.problem).replace("%1", error.file_name)
        if isinstance(error, UndecodableImageError):
            return self.tr(
                "'%1' is damaged and cannot be shown; copy it from the camera again"
            ).replace("%1", error.file_name)
        if isinstance(error, PhotoNotSavedError):
            return (
                self.tr("'%1' could not be saved on this tablet: %2")
                .replace("%1", error.file_name)
                .replace("%2", error.reason)
            )
        if isinstance(error, PhotoNotAttachedError):
            return self.tr("'%1' could not be saved; nothing was changed. Try again.").replace(
                "%1", error.file_name
            )
        if isinstance(error, UnexpectedImportError):
            return self.tr("'%1' could not be imported").replace("%1", error.file_name)
        if isinstance(error, ValidationError):
            return "; ".join(translated(problem.message) for problem in error.problems)
        return translated(error.message)

    def _file_problem_text(self, problem: PhotoProblem) -> str:
        limit = str(MAX_PHOTO_BYTES // (1024 * 1024))
        return {
            PhotoProblem.MISSING: self.tr(
                "'%1' is no longer there; it may have been moved or deleted"
            ),
            PhotoProblem.UNREADABLE: self.tr(
                "'%1' cannot be read; check that it is not open in another app"
            ),
            PhotoProblem.EMPTY: self.tr("'%1' is empty; copy it from the camera again"),
            PhotoProblem.TOO_LARGE: self.tr("'%1' is larger than %2 MB").replace("%2", limit),
            PhotoProblem.NOT_AN_IMAGE: self.tr(
                "'%1' is not a photo (JPEG, PNG, WebP or HEIC expected)"
            ),
            PhotoProblem.TRUNCATED: self.tr(
                "'%1' is cut off (truncated); copy it from the camera again"
            ),
        }[problem]


def _refusal(error: Exception, path: Path) -> WorkBossError:
    """Each file is refused on its own, in words; the runner already logged the unforeseen."""
    return error if isinstance(error, WorkBossError) else UnexpectedImportError(path.name)
