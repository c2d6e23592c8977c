"""The bell in the top bar and the list it opens: every message kept until dismissed.

The bell shows how many messages are kept (the badge is gone at 0); a tap opens a panel
beside it that lists them newest first, each with Dismiss, and Dismiss all. The panel does
not block the window (a tap outside closes it) and follows the store while it is open.
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.app.notifications import Notification, NotificationKind, Notifications
from wb_desktop.ui.messages import translated
from wb_desktop.ui.relative_time import clock_time
from wb_desktop.ui.theme import SPACING_PX, TOUCH_TARGET_PX

ICON_PX = 28
PANEL_WIDTH_PX = 460
PANEL_MAX_HEIGHT_PX = 520
SCROLLBAR_PX = 24  # the theme's scroll bar width
_BADGE_STYLE = (
    "background: #b00020; color: #ffffff; border-radius: 10px; padding: 0 6px;"
    " min-height: 20px; min-width: 8px;"
    " font-weight: 700; font-size: 9pt;"
)


def bell_icon(colour: str = "#1b1f24") -> QIcon:
    """A bell drawn with the theme's text colour (no icon font or file to ship)."""
    pixmap = QPixmap(ICON_PX * 2, ICON_PX * 2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(2, 2)  # drawn at twice the size: sharp at 200 % display scaling
    painter.setPen(QPen(QColor(colour), 2.2))
    body = QPainterPath()
    body.moveTo(6, 21)
    body.cubicTo(8, 18, 8, 15, 8, 12)
    body.cubicTo(8, 7, 11, 5, 14, 5)
    body.cubicTo(17, 5, 20, 7, 20, 12)
    body.cubicTo(20, 15, 20, 18, 22, 21)
    body.closeSubpath()
    painter.drawPath(body)
    painter.drawLine(QPointF(14, 3), QPointF(14, 5))
    painter.drawArc(QRectF(11, 20, 6, 5), 180 * 16, 180 * 16)
    painter.end()
    return QIcon(pixmap)


class NotificationRow(QFrame):
    """One kept message: what, where from, when (and how often), and its Dismiss."""

    def __init__(self, notification: Notification, zone: tzinfo, parent: QWidget) -> None:
        super().__init__(parent)
        self.notification = notification
        self.setProperty("role", "card")
        row = QHBoxLayout(self)
        words = QVBoxLayout()
        self.text_label = QLabel(translated(notification.text), self)
        self.text_label.setWordWrap(True)
        self.meta_label = QLabel(self._meta(notification, zone), self)
        self.meta_label.setProperty("role", "muted")
        self.meta_label.setWordWrap(True)
        words.addWidget(self.text_label)
        words.addWidget(self.meta_label)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        self.dismiss_button.setMinimumHeight(TOUCH_TARGET_PX)
        self.dismiss_button.setAccessibleName(
            self.tr("Dismiss: %1").replace("%1", self.text_label.text())
        )
        row.addLayout(words, 1)
        row.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)

    def _meta(self, notification: Notification, zone: tzinfo) -> str:
        source = {
            NotificationKind.CAMERA_INBOX: self.tr("Camera inbox"),
            NotificationKind.IMPORT: self.tr("Photo import"),
            NotificationKind.SYNC: self.tr("Sync"),
            NotificationKind.CRASH: self.tr("App problem"),
        }[notification.kind]
        at = clock_time(notification.at, zone)
        if notification.count > 1:
            return (
                self.tr("%1 · %n times, last at %2", "", notification.count)
                .replace("%1", source)
                .replace("%2", at)
            )
        return self.tr("%1 · %2").replace("%1", source).replace("%2", at)


class NotificationsPanel(QFrame):
    """The list the bell opens; a popup, so it never blocks the window behind it."""

    def __init__(self, store: Notifications, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self._store = store
        self._zone = zone
        self.rows: list[NotificationRow] = []
        self.setProperty("role", "card")
        self.setAccessibleName(self.tr("Notifications"))
        outer = QVBoxLayout(self)
        header = QHBoxLayout()
        title = QLabel(self.tr("Notifications"), self)
        title.setProperty("role", "heading")
        self.dismiss_all_button = QPushButton(self.tr("Dismiss all"), self)
        self.dismiss_all_button.setMinimumHeight(TOUCH_TARGET_PX)
        self.dismiss_all_button.clicked.connect(store.dismiss_all)
        header.addWidget(title, 1)
        header.addWidget(self.dismiss_all_button)
        outer.addLayout(header)
        self.empty_label = QLabel(
            self.tr("No notifications. Messages stay here until you dismiss them."), self
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setProperty("role", "muted")
        outer.addWidget(self.empty_label)
        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(0, 0, 0, 0)
        self._list_layout.setSpacing(SPACING_PX // 2)
        self._list_layout.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self._list)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll, 1)
        self.setFixedWidth(PANEL_WIDTH_PX)
        self.setMaximumHeight(PANEL_MAX_HEIGHT_PX)
        for signal in (store.added, store.updated, store.dismissed):
            signal.connect(self._on_store_changed)
        self.refresh()

    def _on_store_changed(self) -> None:
        """Followed while open; a closed panel is rebuilt when it opens (a long outage
        repeats its one message hundreds of times)."""
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Rows follow the store, newest first (a handful; rebuilding them is cheap)."""
        for row in self.rows:
            self._list_layout.removeWidget(row)
            row.deleteLater()
        self.rows = []
        for index, notification in enumerate(self._store.items):
            row = NotificationRow(notification, self._zone, self._list)
            row.dismiss_button.clicked.connect(
                lambda _=False, notice_id=notification.id: self._store.dismiss(notice_id)
            )
            self._list_layout.insertWidget(index, row)
            self.rows.append(row)
        empty = not self.rows
        self.empty_label.setVisible(empty)
        self.scroll.setVisible(not empty)
        self.dismiss_all_button.setEnabled(not empty)
        # A scroll area asks for little height: as tall as its rows, up to the panel's limit.
        width = PANEL_WIDTH_PX - 2 * SPACING_PX - SCROLLBAR_PX
        wanted = self._list_layout.totalHeightForWidth(width) if self.rows else 0
        self.scroll.setMinimumHeight(min(wanted, PANEL_MAX_HEIGHT_PX - 2 * TOUCH_TARGET_PX))
        self.adjustSize()


class NotificationsButton(QToolButton):
    """The bell: the number of kept messages on it, the panel on a tap."""

    def __init__(self, store: Notifications, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.setIcon(bell_icon())
        self.setIconSize(QSize(ICON_PX, ICON_PX))
        self.setMinimumSize(TOUCH_TARGET_PX, TOUCH_TARGET_PX)
        self.setAccessibleName(self.tr("Notifications"))
        self.badge = QLabel(self)
        self.badge.setStyleSheet(_BADGE_STYLE)
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.panel = NotificationsPanel(store, zone, self)
        self.clicked.connect(self.open_panel)
        store.counted.connect(self._show_count)
        self._show_count(len(store))

    @property
    def count(self) -> int:
        """The number the badge shows (0: no badge)."""
        return len(self._store)

    def open_panel(self) -> None:
        """Below the bell, right edges aligned, kept on the screen."""
        self.panel.refresh()
        self.panel.adjustSize()
        corner = self.mapToGlobal(QPoint(self.width(), self.height()))
        where = QPoint(corner.x() - self.panel.width(), corner.y())
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            where.setX(max(screen.left(), min(where.x(), screen.right() - self.panel.width())))
        self.panel.move(where)
        self.panel.show()

    def _show_count(self, count: int) -> None:
        self.badge.setText(str(count) if count < 100 else "99+")
        self.badge.setVisible(count > 0)
        self.badge.adjustSize()
        self._place_badge()
        self.setAccessibleDescription(
            self.tr("%n message(s) kept until you dismiss them", "", count)
        )
        self.setToolTip(
            self.tr("Notifications: %n message(s) kept until you dismiss them", "", count)
            if count
            else self.tr("Notifications: none")
        )

    def _place_badge(self) -> None:
        size = self.badge.sizeHint()
        width = max(size.width(), size.height())
        self.badge.setGeometry(self.width() - width - 2, 2, width, size.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_badge()
