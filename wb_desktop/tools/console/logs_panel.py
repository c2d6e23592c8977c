"""The app's log files and its settings, of the live profile or of an opened bundle.

A bundle carries ``logs/`` and ``settings/settings.json`` so support can read what the
tablet wrote around a failure without unpacking anything by hand. Log files are up to 4 MB
in all, so they are listed and read on a query worker of the app's op runner, never on the
GUI thread; the search filters the lines already read. The settings file is one small JSON
document and is read when shown.
"""

from __future__ import annotations

import json
from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.app.op_runner import OpRunner
from wb_desktop.tools.console.source import ConsoleSource
from wb_desktop.ui.theme import TOUCH_TARGET_PX, set_role

MAX_SHOWN_BYTES = 4 * 1024 * 1024


def log_files(folder: Path) -> list[Path]:
    """Every file under ``folder``, newest first (rotated files are older)."""
    if not folder.is_dir():
        return []
    dated: list[tuple[float, str, Path]] = []
    for path in folder.rglob("*"):
        with suppress(OSError):  # a file rotated away while listing is simply not listed
            if path.is_file():
                dated.append((path.stat().st_mtime, path.name, path))
    return [path for _when, _name, path in sorted(dated, reverse=True)]


def _listing(folder: Path) -> tuple[list[Path], str | None]:
    """The log files, newest first, and the newest one's text (shown first)."""
    files = log_files(folder)
    return files, (_read(files[0]) if files else None)


def _read(path: Path) -> str:
    try:
        with path.open("rb") as file:
            return file.read(MAX_SHOWN_BYTES).decode("utf-8", errors="replace")
    except OSError as error:
        return str(error)


class LogsPanel(QWidget):
    def __init__(
        self, source: ConsoleSource, runner: OpRunner, parent: QWidget | None = None
    ) -> None:
        """``runner`` is the app's op runner: the files are read on its query workers."""
        super().__init__(parent)
        self._source = source
        self._runner = runner
        self._lines: list[str] = []
        self._lines_of: Path | None = None  # the file ``_lines`` were read from
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Show only the lines that contain…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumHeight(TOUCH_TARGET_PX)
        self.files_list = QListWidget(self)
        self.text_view = QPlainTextEdit(self)
        self.text_view.setReadOnly(True)
        self.text_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.files_list)
        splitter.addWidget(self.text_view)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 900])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary_label)
        self.files_list.currentRowChanged.connect(lambda _row: self._file_chosen())
        self.search_edit.textChanged.connect(lambda _text: self._show_file())
        source.sourceChanged.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        """List the current source's log files, newest first, and show the newest; both
        are read in the background, and the list is empty until they arrive."""
        folder = self._source.current.logs
        self._lines, self._lines_of = [], None
        self.files_list.clear()
        self.text_view.clear()
        self.summary_label.setText(self.tr("Reading the logs in %1…").replace("%1", str(folder)))
        set_role(self.summary_label, "muted")
        self._runner.query(
            lambda _session: _listing(folder),
            lambda listing: self._listed(folder, *listing),
            latest_of=(self, "logs"),
        )

    def _listed(self, folder: Path, files: list[Path], newest: str | None) -> None:
        self._lines = [] if newest is None else newest.splitlines()
        self._lines_of = files[0] if files else None
        self.files_list.blockSignals(True)  # the newest file's text came with the list
        for path in files:
            item = QListWidgetItem(str(path.relative_to(folder)), self.files_list)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
        if files:
            self.files_list.setCurrentRow(0)
        self.files_list.blockSignals(False)
        self._show_file()

    def file_names(self) -> list[str]:
        return [self.files_list.item(row).text() for row in range(self.files_list.count())]

    def _chosen_path(self) -> Path | None:
        item = self.files_list.currentItem()
        return None if item is None else Path(item.data(Qt.ItemDataRole.UserRole))

    def _file_chosen(self) -> None:
        """Another file was picked: read it in the background, then show it."""
        path = self._chosen_path()
        if path is None or path == self._lines_of:
            self._show_file()
            return

        def done(text: str) -> None:
            if self._chosen_path() == path:  # not another file (or source) meanwhile
                self._lines, self._lines_of = text.splitlines(), path
                self._show_file()

        self.summary_label.setText(self.tr("Reading %1…").replace("%1", str(path)))
        set_role(self.summary_label, "muted")
        self._runner.query(lambda _session: _read(path), done, latest_of=(self, "file"))

    def _show_file(self) -> None:
        item = self.files_list.currentItem()
        if item is None:
            self.text_view.clear()
            self.summary_label.setText(
                self.tr("No log files in %1").replace("%1", str(self._source.current.logs))
            )
            set_role(self.summary_label, "muted")
            return
        if self._lines_of != self._chosen_path():
            return  # its text is being read; _file_chosen shows it when it arrives
        lines = self._lines
        needle = self.search_edit.text().strip().casefold()
        shown = [line for line in lines if needle in line.casefold()] if needle else lines
        self.text_view.setPlainText("\n".join(shown))
        self.summary_label.setText(
            self.tr("%1 of %2 lines of %3")
            .replace("%1", str(len(shown)))
            .replace("%2", str(len(lines)))
            .replace("%3", item.toolTip())
        )
        set_role(self.summary_label, "muted")


class SettingsPanel(QWidget):
    """The profile's ``settings.json`` as written (the saved sign-in is never in it)."""

    def __init__(self, source: ConsoleSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self.path_label = QLabel(self)
        self.path_label.setWordWrap(True)
        self.text_view = QPlainTextEdit(self)
        self.text_view.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.path_label)
        layout.addWidget(self.text_view, 1)
        source.sourceChanged.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        path = self._source.current.settings
        if not path.is_file():
            self.path_label.setText(self.tr("No settings file at %1").replace("%1", str(path)))
            set_role(self.path_label, "muted")
            self.text_view.clear()
            return
        text = _read(path)
        with suppress(ValueError):  # a damaged file is shown as it is: worth seeing too
            text = json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True)
        self.path_label.setText(path.as_posix())
        set_role(self.path_label, "muted")
        self.text_view.setPlainText(text)
