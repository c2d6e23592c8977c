"""The day's schedule: day navigation above a list of job cards.

Each card shows the time window, the job, the customer, the address, a status chip and a
sync badge. Cards are painted by a delegate (one list view, not a widget per job), so a
day with many jobs scrolls smoothly on a tablet.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QLocale, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.store.changes import Changes
from wb_desktop.core.store.job_views import JobBadge, ScheduleRow, schedule_rows
from wb_desktop.ui.cards import (
    BADGE_MARKS,
    LINE_PX,
    PILL_HEIGHT_PX,
    CardDelegate,
    CardPen,
    ModelIndex,
)
from wb_desktop.ui.cards import current_colours as current_colours  # bar_chart, editor_parts
from wb_desktop.ui.elided_label import ElidedLabel
from wb_desktop.ui.labels import badge_label, status_label
from wb_desktop.ui.schedule_model import ScheduleModel, ScheduleRole
from wb_desktop.ui.theme import SPACING_PX, TOUCH_TARGET_PX, Colours
from wb_desktop.ui.workday import Workday

CARD_HEIGHT_PX = 104
# A card shows the job and its customer; its badge waits for any of the job's records.
SCHEDULE_KINDS = ("job", "customer", "job_line_item", "note", "photo", "signature", "time_entry")
CHIPS_WIDTH_PX = 170
CHIP_PADDING_PX = 28  # the text's room inside a pill's rounded ends
NARROW_TEXT_PX = 220  # below this, the time moves to a line of its own
NARROW_CARD_HEIGHT_PX = 136  # the time's line above title, customer and address
CARD_MARGINS_PX = 12  # the card inside its row, left and right (paint_card_frame)


def status_colour(status: JobStatus, colours: Colours) -> str:
    return {
        JobStatus.SCHEDULED: colours.muted,
        JobStatus.EN_ROUTE: colours.accent,
        JobStatus.IN_PROGRESS: colours.warning,
        JobStatus.COMPLETE: colours.online,
        JobStatus.CANCELLED: colours.error,
    }[status]


class JobCardDelegate(CardDelegate[ScheduleRow]):
    """A job: a status stripe, the time window, title, customer and address; the status
    (filled) and sync badge (outlined) pills on the right."""

    row_role = ScheduleRole.ROW
    height_px = CARD_HEIGHT_PX
    padding = (18, 10)  # the text starts a spacing right of the status stripe
    width_px = 200  # less than any viewport: a card is as wide as the list, never wider

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        """A narrow card is taller: its time gets a line of its own above the title."""
        size = super().sizeHint(option, index)
        bold = QFont(option.font)
        bold.setBold(True)
        if narrow(self.row_width(option) - CARD_MARGINS_PX - self.padding[0] - 12, bold):
            size.setHeight(NARROW_CARD_HEIGHT_PX)
        return size

    def paint_card(self, pen: CardPen, card: QRect, row: ScheduleRow, index: ModelIndex) -> None:
        """Wide: the time in a column of its own beside title, customer and address.
        Narrow (a scaled tablet, the schedule beside a job): the time on a line of its own
        above them, so the names keep the card's width. Whatever still does not fit is
        elided; the model's tooltip has every word."""
        colours = pen.colours
        stripe = QRect(card.left(), card.top() + 8, 6, card.height() - 16)
        pen.painter.fillRect(stripe, QColor(status_colour(row.status, colours)))
        inner = self.inner(card)
        top = inner.top()
        chips = chips_width(pen.bold)
        time_window = index.data(ScheduleRole.TIME_WINDOW)
        time_width = QFontMetrics(pen.bold).horizontalAdvance("00:00–00:00") + SPACING_PX
        text_width = inner.width() - chips
        if not narrow(inner.width(), pen.bold):
            pen.text(QRect(inner.left(), top, time_width, 28), time_window, font=pen.bold)
            left, width = inner.left() + time_width, text_width - time_width
        else:
            pen.text(QRect(inner.left(), top, text_width, 28), time_window, font=pen.bold)
            left, width, top = inner.left(), text_width, top + 26
        width = max(40, width)
        pen.text(QRect(left, top, width, 28), row.title, font=pen.bold)
        pen.text(QRect(left, top + 30, width, LINE_PX), row.customer_name)
        pen.text(QRect(left, top + 56, width, LINE_PX), row.address, colour=colours.muted)
        top = inner.top()
        chip_left = inner.right() - chips + SPACING_PX
        chip_width = chips - SPACING_PX
        pen.pill(
            QRect(chip_left, top, chip_width, PILL_HEIGHT_PX),
            status_label(row.status),
            status_colour(row.status, colours),
            filled=True,
        )
        pen.badge(
            QRect(chip_left, top + 44, chip_width, PILL_HEIGHT_PX),
            row.badge,
            badge_label(row.badge),
        )


def chips_width(bold: QFont) -> int:
    """As wide as the longest status or badge in this language (one width for every card,
    so the pills line up), at most :data:`CHIPS_WIDTH_PX`."""
    metrics = QFontMetrics(bold)
    words = [status_label(s) for s in JobStatus] + [
        BADGE_MARKS[b] + badge_label(b) for b in JobBadge
    ]
    widest = max(metrics.horizontalAdvance(word) for word in words)
    return min(CHIPS_WIDTH_PX, widest + CHIP_PADDING_PX + SPACING_PX)


def narrow(inner_width: int, bold: QFont) -> bool:
    """Too narrow for a time column beside the names (see :class:`JobCardDelegate`)."""
    time_width = QFontMetrics(bold).horizontalAdvance("00:00–00:00") + SPACING_PX
    return inner_width - chips_width(bold) - time_width < NARROW_TEXT_PX


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
        self.day_label = ElidedLabel("", self)  # a long date gives way, tooltipped
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
    """The day's job cards; emits :attr:`jobOpened` when the technician picks a job.

    The day is read through the op runner, and again when a notice concerns the schedule."""

    jobOpened = Signal(str)

    def __init__(self, workday: Workday, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workday = workday
        self._day = workday.today()
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
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.setResizeMode(QListView.ResizeMode.Adjust)  # cards follow its width
        self.list_view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list_view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.list_view.setAccessibleName(self.tr("Jobs of the day"))
        layout.addWidget(self.list_view, 1)
        self.empty_label = QLabel(self.tr("No jobs on this day."), self)
        self.empty_label.setProperty("role", "muted")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_label)
        self.navigator.dayChanged.connect(self._show_day)
        self.list_view.clicked.connect(self._open)
        self.list_view.activated.connect(self._open)
        self.model.modelReset.connect(self._after_reload)
        workday.runner.changed.connect(self._on_changed)
        self._read()

    @property
    def day(self) -> date:
        return self._day

    def reload(self) -> None:
        """Read the day again (after a local change or a sync), keeping the selected job."""
        self.navigator.set_today(self._workday.today())
        self._read()

    def _show_day(self, day: date) -> None:
        self._day = day
        self._read()

    def _on_changed(self, changes: Changes) -> None:
        if changes.concerns(*SCHEDULE_KINDS):
            self.reload()

    def _read(self) -> None:
        workday, day = self._workday, self._day
        workday.runner.query(
            lambda session: (day, schedule_rows(session, workday.technician_id, day, workday.zone)),
            self._show_rows,
            latest_of=self,
        )

    def _show_rows(self, answer: tuple[date, list[ScheduleRow]]) -> None:
        day, rows = answer
        if day != self._day:
            return  # another day was asked for meanwhile; its rows follow
        selected = self.selected_job_id()
        self.model.set_rows(rows)
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
