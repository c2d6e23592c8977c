"""The device dialog: the state of the technician's local cache.

What a technician and support need to know about this tablet: which profile is open, where
its data lives, how full storage is and how many changes wait to sync.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.core.domain.errors import format_bytes
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.queries import cache_summary
from wb_desktop.ui.messages import translated
from wb_desktop.ui.theme import TOUCH_TARGET_PX


@dataclass(frozen=True)
class CacheStatus:
    """Everything the window shows, read from the cache by the composition root."""

    profile: str
    database: Path
    schema_revision: str
    jobs: int
    customers: int
    waiting_to_sync: int
    used_bytes: int
    limit_bytes: int
    storage_warning: str | None


class DeviceDialog(QDialog):
    consoleRequested = Signal()

    def __init__(self, status: CacheStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("This device — %1").replace("%1", status.profile))
        self.setMinimumSize(640, 420)
        central = self
        layout = QVBoxLayout(central)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(16)

        heading = QLabel(self.tr("Local cache"), central)
        heading.setObjectName("heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)

        form = QFormLayout()
        form.setVerticalSpacing(10)
        self.profile_label = QLabel(status.profile, central)
        self.database_label = QLabel(str(status.database), central)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.database_label.setWordWrap(True)
        self.schema_label = QLabel(status.schema_revision, central)
        self.records_label = QLabel(
            self.tr("%1 jobs, %2 customers")
            .replace("%1", str(status.jobs))
            .replace("%2", str(status.customers)),
            central,
        )
        self.waiting_label = QLabel(
            self.tr("%n change(s) waiting to sync", "", status.waiting_to_sync), central
        )
        form.addRow(self.tr("Profile"), self.profile_label)
        form.addRow(self.tr("Database"), self.database_label)
        form.addRow(self.tr("Schema"), self.schema_label)
        form.addRow(self.tr("Cached"), self.records_label)
        form.addRow(self.tr("Sync"), self.waiting_label)
        layout.addLayout(form)

        self.storage_bar = QProgressBar(central)
        self.storage_bar.setRange(0, 1000)
        self.storage_bar.setValue(min(1000, status.used_bytes * 1000 // status.limit_bytes))
        self.storage_bar.setFormat(
            self.tr("Storage: %1 of %2")
            .replace("%1", translated(format_bytes(status.used_bytes)))
            .replace("%2", translated(format_bytes(status.limit_bytes)))
        )
        self.storage_bar.setMinimumHeight(TOUCH_TARGET_PX)
        layout.addWidget(self.storage_bar)
        self.storage_warning = QLabel(translated(status.storage_warning or ""), central)
        self.storage_warning.setObjectName("storageWarning")
        self.storage_warning.setWordWrap(True)
        self.storage_warning.setVisible(bool(status.storage_warning))
        self.storage_warning.setStyleSheet("color: #8a4b00; font-weight: bold;")
        layout.addWidget(self.storage_warning)

        layout.addStretch(1)
        self.console_button = QPushButton(self.tr("Support console…"), central)
        self.console_button.setMinimumSize(TOUCH_TARGET_PX * 3, TOUCH_TARGET_PX)
        self.console_button.setToolTip(
            self.tr("For support and QA: the network, the outbox, the sync trace, scenarios")
        )
        self.console_button.clicked.connect(self.consoleRequested)
        self.console_button.clicked.connect(self.close)
        self.close_button = QPushButton(self.tr("Close"), central)
        self.close_button.setMinimumSize(TOUCH_TARGET_PX * 3, TOUCH_TARGET_PX)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.console_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)


def read_cache_status(cache: LocalCache) -> CacheStatus:
    with cache.database.reader() as session:
        summary = cache_summary(session)
        usage = cache.quota.usage(session)
    return CacheStatus(
        profile=cache.paths.name,
        database=cache.paths.database,
        schema_revision=cache.upgrade.to_revision,
        jobs=summary.jobs,
        customers=summary.customers,
        waiting_to_sync=summary.waiting_to_sync,
        used_bytes=usage.used_bytes,
        limit_bytes=usage.limit_bytes,
        storage_warning=usage.warning,
    )
