"""The photos of the open job: a row of thumbnails, each with its upload state.

Photos are added with the "Add photos…" button or by dropping files on the strip; both go
through :class:`PhotoImporter`, so the window never waits on decoding. Refusals are listed
inline under the row, one line per file, and nothing already attached is touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QSize, QStandardPaths, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.core.domain.records import UploadState
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.changes import Changes
from wb_desktop.core.store.photo_queries import PhotoRow, photos_of_job
from wb_desktop.ui.photos.importer import PhotoImporter
from wb_desktop.ui.photos.thumbnails import ThumbnailLoader
from wb_desktop.ui.photos.viewer import PhotoViewer, ViewerPhoto
from wb_desktop.ui.theme import SPACING_PX, TOUCH_TARGET_PX, set_role
from wb_desktop.ui.workday import Workday

TILE_ICON_PX = 128
_DIALOG_SUFFIXES = "*.jpg *.jpeg *.png *.webp *.heic *.heif"


class PhotoTile(QFrame):
    """One thumbnail button with its upload badge underneath."""

    def __init__(self, row: PhotoRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setFixedWidth(TILE_ICON_PX + 48)
        self.row = row
        self.button = QToolButton(self)
        self.button.setIconSize(QSize(TILE_ICON_PX, TILE_ICON_PX))
        self.button.setFixedSize(QSize(TILE_ICON_PX + 16, TILE_ICON_PX + 16))
        self.button.setStyleSheet("padding: 4px;")  # the theme's 16 px side padding shrinks it
        self.button.setAccessibleName(row.original_name or self.tr("Photo"))
        self.button.setToolTip(row.original_name)
        self.badge = QLabel(self)
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setWordWrap(True)
        self.badge.setMinimumHeight(self.badge.fontMetrics().lineSpacing() * 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.badge)
        layout.addStretch(1)
        self.set_placeholder(self.tr("Loading…"))
        self.update_badge(row)

    def set_thumbnail(self, image: QImage) -> None:
        self.button.setText("")
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.button.setIcon(QIcon(QPixmap.fromImage(image)))

    def set_placeholder(self, text: str) -> None:
        self.button.setIcon(QIcon())
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setText(text)

    def update_badge(self, row: PhotoRow) -> None:
        changed = row != self.row
        self.row = row
        if not changed and self.badge.text():
            return
        text, role = self._badge(row)
        self.badge.setText(text)
        set_role(self.badge, role)

    def _badge(self, row: PhotoRow) -> tuple[str, str]:
        """The words and colour role of the upload state; marks differ without colour too."""
        if row.sync_state is SyncState.FAILED:
            return self.tr("! Upload refused"), "error"
        if row.upload_state is UploadState.UPLOADED and row.sync_state is SyncState.SYNCED:
            return self.tr("✓ Uploaded"), "ok"
        if row.upload_state is UploadState.WAITING:
            return self.tr("↻ Waiting to upload"), "warning"
        percent = min(99, row.uploaded_bytes * 100 // max(row.byte_size, 1))
        return self.tr("↑ Uploading %1 %").replace("%1", str(percent)), "warning"


class PhotoStrip(QWidget):
    """The open job's photos; add by button or drop; tap one to open the viewer."""

    def __init__(self, workday: Workday, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workday = workday
        self._job_id: str | None = None
        self._rows: list[PhotoRow] = []
        self._tiles: list[PhotoTile] = []
        self._refusals: list[str] = []
        self._last_folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.PicturesLocation
        )
        self.viewer: PhotoViewer | None = None
        self.thumbnails = ThumbnailLoader(workday.runner, parent=self)
        self.thumbnails.ready.connect(self._on_thumbnail)
        self.thumbnails.failed.connect(self._on_thumbnail_failed)
        self.importer = PhotoImporter(workday, self.thumbnails, self)
        self.importer.started.connect(self._on_import_started)
        self.importer.refused.connect(self.show_message)
        self.importer.finished.connect(self._on_import_finished)
        workday.runner.changed.connect(self._on_changed)
        self.setAcceptDrops(True)
        self._build()
        self.show_job(None)

    def _build(self) -> None:
        self.title_label = QLabel(self)
        self.title_label.setProperty("role", "heading")
        self.status_label = QLabel(self)
        self.status_label.setProperty("role", "muted")
        self.status_label.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add photos…"), self)
        self.add_button.setProperty("primary", "true")
        self.add_button.setMinimumHeight(TOUCH_TARGET_PX)
        self.add_button.clicked.connect(self.choose_files)
        header = QHBoxLayout()
        header.addWidget(self.title_label)
        header.addWidget(self.status_label, 1)
        header.addWidget(self.add_button)

        self.empty_label = QLabel(self)
        self.empty_label.setProperty("role", "muted")
        self._row_widget = QWidget()
        self._row_layout = QHBoxLayout(self._row_widget)
        self._row_layout.setContentsMargins(0, 0, 0, 0)
        self._row_layout.setSpacing(SPACING_PX)
        self._row_layout.addWidget(self.empty_label, 0, Qt.AlignmentFlag.AlignTop)
        self._row_layout.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self._row_widget)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setMinimumHeight(TILE_ICON_PX + 100)

        self.message_label = QLabel(self)
        self.message_label.setProperty("role", "error")
        self.message_label.setWordWrap(True)
        self.message_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.scroll)
        layout.addWidget(self.message_label)

    @property
    def job_id(self) -> str | None:
        return self._job_id

    @property
    def tiles(self) -> list[PhotoTile]:
        return list(self._tiles)

    def show_job(self, job_id: str | None) -> None:
        """Show ``job_id``'s photos (None: no job open, nothing can be added)."""
        if job_id != self._job_id:
            self._refusals.clear()
            self._show_messages()
        self._job_id = job_id
        self.add_button.setEnabled(job_id is not None)
        self.refresh()

    def refresh(self) -> None:
        """Read the open job's photos again (through the op runner); none when no job."""
        job_id, media = self._job_id, self._workday.media_folder
        if job_id is None:
            self._show_rows((None, []))
            return
        self._workday.runner.query(
            lambda session: (job_id, photos_of_job(session, job_id, media)),
            self._show_rows,
            latest_of=self,
        )

    def _show_rows(self, answer: tuple[str | None, list[PhotoRow]]) -> None:
        job_id, rows = answer
        if job_id != self._job_id:
            return  # another job was opened meanwhile; its rows follow
        self._place_tiles(rows)
        self._rows = rows
        self.title_label.setText(self.tr("Photos (%1)").replace("%1", str(len(rows))))
        self.empty_label.setVisible(not rows)
        self.empty_label.setText(
            self.tr("No photos yet. Tap “Add photos…” or drop pictures here.")
            if self._job_id is not None
            else self.tr("Open a job to see and add its photos.")
        )

    def add_files(self, paths: Iterable[Path]) -> bool:
        """Import files into the open job; False (with a message) when no job is open."""
        files = list(paths)
        if self._job_id is None:
            self._refusals = [self.tr("Open a job before adding photos.")]
            self._show_messages()
            return False
        if files:
            self.importer.import_files(self._job_id, files)
        return True

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photos"),
            self._last_folder,
            self.tr("Photos (%1)").replace("%1", _DIALOG_SUFFIXES),
        )
        if names:
            self._last_folder = str(Path(names[0]).parent)
            self.add_files(Path(name) for name in names)

    def open_viewer(self, index: int) -> PhotoViewer:
        photos = [ViewerPhoto(row.path, row.original_name) for row in self._rows]
        if self.viewer is not None:
            self.viewer.close()
        self.viewer = PhotoViewer(photos, index, self)
        self.viewer.setWindowState(Qt.WindowState.WindowMaximized)
        self.viewer.open()
        return self.viewer

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._job_id is not None and _dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = _dropped_files(event)
        if files and self.add_files(files):
            event.acceptProposedAction()
        else:
            event.ignore()

    def _place_tiles(self, rows: list[PhotoRow]) -> None:
        """One tile per row in order: kept tiles get their new badge, new ones are added and
        gone ones removed, so a photo arriving during an import of a hundred costs one tile,
        not a hundred."""
        kept = {tile.row.id: tile for tile in self._tiles}
        wanted = {row.id for row in rows}
        for tile in self._tiles:
            if tile.row.id not in wanted:
                self._row_layout.removeWidget(tile)
                tile.deleteLater()
        tiles: list[PhotoTile] = []
        for position, row in enumerate(rows):
            tile = kept.get(row.id)
            if tile is None:
                tile = self._new_tile(row)
            else:
                tile.update_badge(row)
            if self._row_layout.indexOf(tile) != position:
                self._row_layout.removeWidget(tile)
                self._row_layout.insertWidget(position, tile, 0, Qt.AlignmentFlag.AlignTop)
            tiles.append(tile)
        if [t.row.id for t in tiles] != [t.row.id for t in self._tiles]:
            previous: QWidget = self.add_button
            for tile in tiles:
                self.setTabOrder(previous, tile.button)
                previous = tile.button
        self._tiles = tiles

    def _new_tile(self, row: PhotoRow) -> PhotoTile:
        tile = PhotoTile(row, self._row_widget)
        tile.button.clicked.connect(lambda _=False, photo_id=row.id: self._open_photo(photo_id))
        image = self.thumbnails.request(row.sha256, row.path)
        if image is not None:
            tile.set_thumbnail(image)
        return tile

    def _open_photo(self, photo_id: str) -> None:
        ids = [row.id for row in self._rows]
        if photo_id in ids:
            self.open_viewer(ids.index(photo_id))

    def _on_thumbnail(self, sha256: str, image: QImage) -> None:
        for tile in self._tiles:
            if tile.row.sha256 == sha256:
                tile.set_thumbnail(image)

    def _on_thumbnail_failed(self, sha256: str) -> None:
        for tile in self._tiles:
            if tile.row.sha256 == sha256:
                tile.set_placeholder(self.tr("Cannot\nshow"))

    def _on_changed(self, changes: Changes) -> None:
        if self._job_id is not None and changes.concerns("photo", job_id=self._job_id):
            self.refresh()

    def _on_import_started(self, job_id: str, count: int) -> None:
        if job_id == self._job_id:
            self._refusals.clear()
            self._show_messages()
            self.status_label.setText(self.tr("Adding %n photo(s)…", "", count))

    def _on_import_finished(self, job_id: str) -> None:
        if not self.importer.busy:
            self.status_label.clear()

    def show_message(self, message: str) -> None:
        """Add a line to the inline messages (refusals, and the camera inbox's notices)."""
        self._refusals.append(message)
        self._show_messages()

    def _show_messages(self) -> None:
        self.message_label.setText("\n".join(self._refusals))
        self.message_label.setVisible(bool(self._refusals))


def _dropped_files(event: QDropEvent | QDragEnterEvent) -> list[Path]:
    """Local files among the dropped URLs (a browser may drop web links; those are skipped)."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
