"""The composition root: builds the clock, paths, cache and windows, and wires them.

``build`` makes the whole app without entering the event loop, so tests drive the real
thing; ``run`` adds the event loop.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from wb_desktop import __version__
from wb_desktop.domain.clock import Clock, SystemClock
from wb_desktop.domain.errors import WorkBossError
from wb_desktop.paths import DataPaths
from wb_desktop.settings import load_settings
from wb_desktop.store.cache import LocalCache, open_cache
from wb_desktop.store.queries import cache_summary
from wb_desktop.ui.main_window import CacheStatus, MainWindow

MB = 1024 * 1024


@dataclass(frozen=True)
class AppOptions:
    data_dir: Path | None = None
    profile: str = "demo"
    quota_mb: int | None = None
    server: str | None = None
    lang: str | None = None


@dataclass
class WorkBossApp:
    qt_app: QApplication
    cache: LocalCache
    window: MainWindow

    def close(self) -> None:
        self.window.close()
        self.cache.close()


def _qt_application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("WorkBoss")
    QCoreApplication.setApplicationName("WorkBoss Desktop")
    QCoreApplication.setApplicationVersion(__version__)
    return QApplication(sys.argv[:1])


def build(options: AppOptions, clock: Clock | None = None) -> WorkBossApp:
    """Open the profile's cache (backed up and upgraded) and build the main window.

    Raises :class:`WorkBossError` when the cache cannot be opened; the file is untouched.
    """
    qt_app = _qt_application()
    clock = clock or SystemClock()
    data = DataPaths(options.data_dir) if options.data_dir else DataPaths.default()
    paths = data.profile(options.profile)
    settings = load_settings(paths)
    quota_mb = options.quota_mb or settings.storage_quota_mb
    cache = open_cache(paths, clock, quota_bytes=quota_mb * MB)
    with cache.database.reader() as session:
        summary = cache_summary(session)
        usage = cache.quota.usage(session)
    status = CacheStatus(
        profile=paths.name,
        database=paths.database,
        schema_revision=cache.upgrade.to_revision,
        jobs=summary.jobs,
        customers=summary.customers,
        waiting_to_sync=summary.waiting_to_sync,
        used_bytes=usage.used_bytes,
        limit_bytes=usage.limit_bytes,
        storage_warning=usage.warning,
    )
    window = MainWindow(status)
    qt_app.aboutToQuit.connect(cache.close)
    return WorkBossApp(qt_app, cache, window)


def run(options: AppOptions) -> int:
    """Build, show and run until the window closes; a cache that cannot open is explained."""
    try:
        app = build(options)
    except WorkBossError as error:
        _qt_application()
        QMessageBox.critical(None, "WorkBoss Desktop", error.message)
        return 2
    app.window.show()
    return app.qt_app.exec()
