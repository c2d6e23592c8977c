"""The day's schedule: day navigation above a list of job cards.

Each card shows the time window, the job, the customer, the address, a status chip and a
sync badge. Cards are painted by a delegate (one list view, not a widget per job), so a
day with many jobs scrolls smoothly on a tablet.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.store.job_views import JobBadge, ScheduleRow
from wb_desktop.ui.labels import badge_label, status_label
from wb_desktop.ui.schedule_model import ScheduleModel, ScheduleRole
from wb_desktop.ui.theme import SPACING_PX, TOUCH_TARGET_PX, Colours, colours_for
from wb_desktop.ui.workday import Workday

CARD_HEIGHT_PX = 104
BADGE_MARKS = {
    JobBadge.SYNCED: "✓ ",
    JobBadge.WAITING: "↻ ",
    JobBadge.FAILED: "! ",
    JobBadge.CONFLICT: "! ",
}


def current_colours() -> Colours:
    app = QApplication.instance()
    return colours_for(bool(app.property("wb_high_contrast")) if app is not None else False)


def status_colour(status: JobStatus, colours: Colours) -> str:
    return {
        JobStatus.SCHEDULED: colours.muted,
        JobStatus.EN_ROUTE: colours.accent,
        JobStatus.IN_PROGRESS: colours.warning,
        JobStatus.COMPLETE: colours.online,
        JobStatus.CANCELLED: colours.error,
    }[status]


def badge_colour(badge: JobBadge, colours: Colours) -> str:
    return {
        JobBadge.SYNCED: colours.synced,
        JobBadge.WAITING: colours.pending,
        JobBadge.FAILED: colours.error,
        JobBadge.CONFLICT: colours.error,
    }[badge]


def paint_chip(painter: QPainter, rect: QRect, text: str, colour: str, *, filled: bool) -> None:
    """A rounded label; filled for the status, outlined for the sync badge, so the two
    differ without relying on colour."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(colour), 2))
    painter.setBrush(QColor(colour) if filled else Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    painter.setPen(QColor("#ffffff") if filled else QColor(colour))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


def paint_card_frame(painter: QPainter, option: QStyleOptionViewItem, colours: Colours) -> QRect:
    """A list row drawn as a card: rounded, with a thick accent border when selected (so the
    selection reads without colour too). Returns the card's rectangle; the caller has saved
    the painter and restores it after drawing the card's contents."""
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    card = option.rect.adjusted(6, 4, -6, -4)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(
        QPen(QColor(colours.accent if selected else colours.border), 3 if selected else 1)
    )
    painter.setBrush(QColor(colours.surface))
    painter.drawRoundedRect(card, 8, 8)
    return card


class JobCardDelegate(QStyledItemDelegate):
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(option.rect.width() or 400, CARD_HEIGHT_PX)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row: ScheduleRow | None = index.data(ScheduleRole.ROW)
        if row is None:
            return
        colours = current_colours()
        painter.save()
        card = paint_card_frame(painter, option, colours)
        painter.fillRect(
            QRect(card.left(), card.top() + 8, 6, card.height() - 16),
            QColor(status_colour(row.status, colours)),
        )

        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        inner = card.adjusted(18, 10, -12, -10)
        time_width = QFontMetrics(bold).horizontalAdvance("00:00–00:00") + SPACING_PX
        painter.setFont(bold)
        painter.setPen(QColor(colours.text))
        painter.drawText(
            QRect(inner.left(), inner.top(), time_width, 28),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            index.data(ScheduleRole.TIME_WINDOW),
        )
        chips_width = 170
        text_left = inner.left() + time_width
        text_width = max(40, inner.width() - time_width - chips_width)
        metrics = QFontMetrics(bold)
        painter.drawText(
            QRect(text_left, inner.top(), text_width, 28),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(row.title, Qt.TextElideMode.ElideRight, text_width),
        )
        painter.setFont(base)
        plain = QFontMetrics(base)
        painter.drawText(
            QRect(text_left, inner.top() + 30, text_width, 26),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            plain.elidedText(row.customer_name, Qt.TextElideMode.ElideRight, text_width),
        )
        painter.setPen(QColor(colours.muted))
        painter.drawText(
            QRect(text_left, inner.top() + 56, text_width, 26),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            plain.elidedText(row.address, Qt.TextElideMode.ElideRight, text_width),
        )
        painter.setFont(bold)
        chip_left = inner.right() - chips_width + SPACING_PX
        chip_width = chips_width - SPACING_PX
        paint_chip(
            painter,
            QRect(chip_left, inner.top(), chip_width, 34),
            status_label(row.status),
            status_colour(row.status, colours),
            filled=True,
        )
        mark = (
            "✓ "
            if row.badge is JobBadge.SYNCED
            else "↻ "
            if row.badge is JobBadge.WAITING
            else "! "
        )
        paint_chip(
            painter,
            QRect(chip_left, inner.top() + 44, chip_width, 34),
            mark + badge_label(row.badge),
            badge_colour(row.badge, colours),
            filled=False,
        )
        painter.restore()


class DayNavigator(QWidget):
    """Previous day / Today / Next day, and which day is shown."""

    dayChanged = Signal(object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._day = today
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.previous_button = QPushButton("◀", self)
        self.previous_button.setAccessibleName(self.tr("Previous day"))
        self.today_button = QPushButton(self.tr("Today"), self)
        self.next_button = QPushButton("▶", self)
        self.next_button.setAccessibleName(self.tr("Next day"))
        for arrow in (self.previous_button, self.next_button):
            arrow.setMinimumWidth(TOUCH_TARGET_PX)  # one character: padding alone is narrower
        self.day_label = QLabel(self)
        self.day_label.setProperty("role", "heading")
        self.day_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.day_label.setMinimumHeight(TOUCH_TARGET_PX)
        for button in (self.previous_button, self.next_button):
            button.setMinimumSize(TOUCH_TARGET_PX + 8, TOUCH_TARGET_PX)
        self.today_button.setMinimumSize(TOUCH_TARGET_PX * 2, TOUCH_TARGET_PX)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.day_label, 1)
        layout.addWidget(self.next_button)
        layout.addWidget(self.today_button)
        self.previous_button.clicked.connect(lambda: self.set_day(self._day - timedelta(days=1)))
        self.next_button.clicked.connect(lambda: self.set_day(self._day + timedelta(days=1)))
        self.today_button.clicked.connect(lambda: self.set_day(self._today))
        self._show()

    @property
    def day(self) -> date:
        return self._day

    def set_today(self, today: date) -> None:
        self._today = today
        self._show()

    def set_day(self, day: date) -> None:
        if day != self._day:
            self._day = day
            self._show()
            self.dayChanged.emit(day)

    def _show(self) -> None:
        text = QLocale().toString(self._day, "dddd d MMMM")
        if self._day == self._today:
            text = self.tr("Today, %1").replace("%1", text)
        self.day_label.setText(text)
        self.today_button.setEnabled(self._day != self._today)


class ScheduleView(QWidget):
    """The day's job cards; emits :attr:`jobOpened` when the technician picks a job."""

    jobOpened = Signal(str)

    def __init__(self, workday: Workday, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workday = workday
        self.model = ScheduleModel(workday, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING_PX)
        self.navigator = DayNavigator(workday.today(), self)
        layout.addWidget(self.navigator)
        self.list_view = QListView(self)
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(JobCardDelegate(self.list_view))
        self.list_view.setUniformItemSizes(True)
        self.list_view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list_view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.list_view.setAccessibleName(self.tr("Jobs of the day"))
        layout.addWidget(self.list_view, 1)
        self.empty_label = QLabel(self.tr("No jobs on this day."), self)
        self.empty_label.setProperty("role", "muted")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_label)
        self.navigator.dayChanged.connect(self.model.show_day)
        self.list_view.clicked.connect(self._open)
        self.list_view.activated.connect(self._open)
        self.model.modelReset.connect(self._after_reload)
        workday.changed.connect(lambda _job_id: self.reload())
        self.model.reload()

    def reload(self) -> None:
        """Read the day again (after a local change or a sync), keeping the selected job."""
        selected = self.selected_job_id()
        self.navigator.set_today(self._workday.today())
        self.model.reload()
        if selected is not None:
            self.select_job(selected)

    def selected_job_id(self) -> str | None:
        indexes = self.list_view.selectionModel().selectedIndexes()
        return indexes[0].data(ScheduleRole.JOB_ID) if indexes else None

    def select_job(self, job_id: str) -> bool:
        row = self.model.row_of(job_id)
        if row < 0:
            return False
        self.list_view.setCurrentIndex(self.model.index(row))
        return True

    def _open(self, index: QModelIndex) -> None:
        job_id = index.data(ScheduleRole.JOB_ID)
        if job_id:
            self.jobOpened.emit(job_id)

    def _after_reload(self) -> None:
        self.empty_label.setVisible(self.model.rowCount() == 0)
