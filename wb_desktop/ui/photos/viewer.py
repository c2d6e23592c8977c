"""A full-screen-friendly photo viewer: one photo fitted to the window, previous and next.

The full image is decoded off the GUI thread (a camera photo takes a noticeable moment),
upright as its EXIF orientation says, and only scaled to the window on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QKeyEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.app.op_runner import OpRunner
from wb_desktop.ui.photos.decode import load_image
from wb_desktop.ui.theme import TOUCH_TARGET_PX

VIEWER_BUTTON_PX = max(TOUCH_TARGET_PX, 64)
MAX_DECODE_SIDE = 4096  # bigger than any tablet screen; caps memory for huge photos


@dataclass(frozen=True)
class ViewerPhoto:
    path: Path
    title: str


class PhotoViewer(QDialog):
    """Shows ``photos[index]``; previous/next move through the job's photos."""

    def __init__(
        self, photos: list[ViewerPhoto], index: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Photo"))
        self.setMinimumSize(640, 480)
        self._photos = photos
        self._index = max(0, min(index, len(photos) - 1))
        self._image = QImage()
        self._runner = OpRunner(parent=self)  # its own: a closed viewer waits only for its decode

        self.title_label = QLabel(self)
        self.title_label.setProperty("role", "heading")
        self.image_label = QLabel(self)
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.image_label.setMinimumSize(QSize(200, 150))
        self.message_label = QLabel(self)
        self.message_label.setProperty("role", "error")
        self.message_label.setWordWrap(True)
        self.message_label.hide()

        self.previous_button = self._button(self.tr("◀ Previous"))
        self.next_button = self._button(self.tr("Next ▶"))
        self.close_button = self._button(self.tr("Close"))
        self.previous_button.clicked.connect(self.show_previous)
        self.next_button.clicked.connect(self.show_next)
        self.close_button.clicked.connect(self.accept)

        buttons = QHBoxLayout()
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.image_label, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        self.setTabOrder(self.previous_button, self.next_button)
        self.setTabOrder(self.next_button, self.close_button)
        self._show_current()

    @property
    def index(self) -> int:
        return self._index

    @property
    def image(self) -> QImage:
        """The decoded photo on show (null while loading or when it cannot be read)."""
        return self._image

    def show_previous(self) -> None:
        if self._index > 0:
            self._index -= 1
            self._show_current()

    def show_next(self) -> None:
        if self._index < len(self._photos) - 1:
            self._index += 1
            self._show_current()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Left:
            self.show_previous()
        elif event.key() == Qt.Key.Key_Right:
            self.show_next()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def done(self, result: int) -> None:
        """Wait for a decode in flight so its worker never outlives the dialog."""
        self._runner.wait_until_idle()
        super().done(result)

    def _button(self, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setMinimumSize(QSize(VIEWER_BUTTON_PX * 2, VIEWER_BUTTON_PX))
        return button

    def _show_current(self) -> None:
        count = len(self._photos)
        self.previous_button.setEnabled(self._index > 0)
        self.next_button.setEnabled(self._index < count - 1)
        self._image = QImage()
        self.message_label.hide()
        if not count:
            self.title_label.setText(self.tr("No photos"))
            self.image_label.clear()
            return
        photo = self._photos[self._index]
        self.title_label.setText(
            self.tr("%1 of %2 — %3")
            .replace("%1", str(self._index + 1))
            .replace("%2", str(count))
            .replace("%3", photo.title)
        )
        self.image_label.setText(self.tr("Loading…"))
        index, path = self._index, photo.path
        self._runner.call(
            lambda: load_image(path, MAX_DECODE_SIDE),
            lambda image: self._on_loaded(index, image),
            lambda _error: self._on_loaded(index, QImage()),
        )

    def _on_loaded(self, index: int, image: QImage) -> None:
        if index != self._index:
            return  # the technician already moved on
        if image.isNull():
            self.image_label.clear()
            self.message_label.setText(
                self.tr("This photo cannot be shown: its file is missing or damaged.")
            )
            self.message_label.show()
            return
        self._image = image
        self._fit()

    def _fit(self) -> None:
        if self._image.isNull():
            return
        target = self.image_label.size() * self.devicePixelRatioF()
        pixmap = QPixmap.fromImage(
            self._image.scaled(
                target,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.image_label.setPixmap(pixmap)
