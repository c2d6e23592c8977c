"""The technician's time clock: the day's clock and the clock on the job in hand.

Both views read through the op runner, again when a notice concerns time entries or jobs,
and otherwise only move their timers on; every press is one write through the write path
(stopping a running job on the way), so it is saved at once, offline or not, and a refusal
is shown beside the button that caused it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.store.changes import Changes, LocalChanges
from wb_desktop.core.store.changes.timeclock import Punch
from wb_desktop.core.store.time_queries import (
    JobTime,
    OpenTimeEntries,
    TimeEntryView,
    day_bounds,
    entries_for_day,
    job_time,
    open_time_entries,
    time_entry,
    worked_within,
)
from wb_desktop.ui.messages import user_message
from wb_desktop.ui.theme import TOUCH_TARGET_PX, repolish, set_role
from wb_desktop.ui.time_entries_model import (
    TimeEntriesModel,
    entry_name,
    format_clock,
    format_timer,
    format_total,
)
from wb_desktop.ui.workday import Workday

TICK_MS = 1000
TIME_KINDS = ("time_entry", "job")  # a job completed or cancelled can no longer be clocked
DAY_BUTTON_HEIGHT_PX = TOUCH_TARGET_PX + 16


def message_label(parent: QWidget, role: str) -> QLabel:
    """A wrapped label that takes no space while it has nothing to say."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setProperty("role", role)
    label.setVisible(False)
    return label


def timer_label(parent: QWidget, object_name: str, scale: float) -> QLabel:
    """The big running hh:mm:ss, readable at arm's length."""
    label = QLabel(parent)
    label.setObjectName(object_name)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


def say(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def stopped_notice(workday: Workday, entry: TimeEntryView | None) -> str:
    """The notice "Stopped 'X' at 10:02", with the clock-out time the cache recorded."""
    if entry is None:
        return ""
    moment = entry.clock_out or workday.now()
    return (
        QCoreApplication.translate("TimeClock", "Stopped '%1' at %2")
        .replace("%1", entry_name(entry))
        .replace("%2", format_clock(moment, workday.zone))
    )


class _Punching(QWidget):
    """What both clock widgets do: one write per press, a refusal shown and the view read
    again (it may have been out of date), and the job it stopped on the way said.

    Each subclass builds these attributes and defines ``refresh``, its own re-read."""

    _workday: Workday
    error_label: QLabel
    notice_label: QLabel
    refresh: Callable[..., None]

    def _punch(self, action: Callable[[LocalChanges], Punch]) -> None:
        say(self.error_label, "")
        say(self.notice_label, "")
        self._workday.runner.write(action, self._punched, self._refused, initiator=self)

    def _punched(self, punch: Punch) -> None:
        entry_id = punch.stopped_entry_id
        if entry_id is not None:
            self._workday.runner.query(
                lambda session: time_entry(session, entry_id), self._say_stopped
            )

    def _say_stopped(self, entry: TimeEntryView | None) -> None:
        say(self.notice_label, stopped_notice(self._workday, entry))

    def _refused(self, error: WorkBossError) -> None:
        say(self.error_label, user_message(error))
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.concerns(*TIME_KINDS):
            self.refresh()


class TimeClockPanel(_Punching):
    """The day's clock: one big button, a running timer, today's total and entries."""

    def __init__(self, workday: Workday, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workday = workday
        self._open = OpenTimeEntries(day=None, job=None)
        self._day = workday.today()
        self.model = TimeEntriesModel(workday.zone, workday.now(), self)

        heading = QLabel(self.tr("Time clock"), self)
        heading.setProperty("role", "heading")
        self.state_label = QLabel(self)
        self.state_label.setWordWrap(True)
        self.timer_label = timer_label(self, "dayTimer", 2.4)
        self.total_label = QLabel(self)
        self.day_button = QPushButton(self)
        self.day_button.setProperty("primary", True)
        self.day_button.setMinimumHeight(DAY_BUTTON_HEIGHT_PX)
        self.day_button.setMinimumWidth(TOUCH_TARGET_PX * 6)
        self.day_button.clicked.connect(self.toggle_day)
        self.error_label = message_label(self, "error")
        self.notice_label = message_label(self, "muted")
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(TOUCH_TARGET_PX)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TimeEntriesModel.JOB_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(TOUCH_TARGET_PX)

        top = QHBoxLayout()
        clock_column = QVBoxLayout()
        clock_column.addWidget(self.state_label)
        clock_column.addWidget(self.timer_label)
        clock_column.addWidget(self.total_label)
        top.addLayout(clock_column, 1)
        top.addWidget(self.day_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.table, 1)
        QWidget.setTabOrder(self.day_button, self.table)

        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        workday.runner.changed.connect(self._on_changed)
        self.refresh()

    @property
    def open_entries(self) -> OpenTimeEntries:
        return self._open

    @Slot()
    def refresh(self) -> None:
        """Read today's entries and what is open again, through the op runner."""
        self._day = day = self._workday.today()
        zone = self._workday.zone
        self._workday.runner.query(
            lambda session: (open_time_entries(session), entries_for_day(session, day, zone)),
            self._show,
            latest_of=self,
        )

    def _show(self, answer: tuple[OpenTimeEntries, list[TimeEntryView]]) -> None:
        self._open, entries = answer
        zone = self._workday.zone
        self.model.set_entries(entries, self._workday.now())
        day = self._open.day
        self.day_button.setText(
            self.tr("Clock out for the day") if day else self.tr("Clock in for the day")
        )
        if day is not None:
            since = format_clock(day.clock_in, zone)
            self.state_label.setText(self.tr("Clocked in since %1").replace("%1", since))
        else:
            self.state_label.setText(self.tr("Not clocked in for the day"))
        set_role(self.timer_label, "" if day else "muted")
        running = self._open.day is not None or self._open.job is not None
        if running and not self.timer.isActive():
            self.timer.start()
        elif not running:
            self.timer.stop()
        self._show_times()

    @Slot()
    def tick(self) -> None:
        """Move the timers on from the workday's clock; a new local day re-reads the list."""
        if self._workday.today() != self._day:
            self.refresh()
            return
        self.model.set_now(self._workday.now())
        self._show_times()

    def _show_times(self) -> None:
        now = self._workday.now()
        day = self._open.day
        self.timer_label.setText(
            format_timer(day.worked(now)) if day else format_timer(timedelta(0))
        )
        start, end = day_bounds(self._day, self._workday.zone)
        worked = worked_within(self.model.entries, start, end, now)
        self.total_label.setText(self.tr("Worked today: %1").replace("%1", format_total(worked)))

    @Slot()
    def toggle_day(self) -> None:
        zone = self._workday.zone
        self._punch(lambda changes: changes.time.toggle_day(zone))


class JobTimeControls(_Punching):
    """Start and stop work on one job; starting it stops the work on any other job."""

    def __init__(self, workday: Workday, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workday = workday
        self._job_id: str | None = None
        self._time: JobTime | None = None

        self.button = QPushButton(self)
        self.button.setMinimumHeight(TOUCH_TARGET_PX)
        self.button.clicked.connect(self.toggle)
        self.timer_label = timer_label(self, "jobTimer", 1.6)
        self.total_label = QLabel(self)
        self.closed_label = message_label(self, "warning")
        self.notice_label = message_label(self, "muted")
        self.error_label = message_label(self, "error")

        self.total_label.setWordWrap(True)
        layout = QVBoxLayout(self)  # one column: the page is two cards wide on a tablet
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.timer_label)
        layout.addWidget(self.total_label)
        layout.addWidget(self.closed_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.error_label)

        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        workday.runner.changed.connect(self._on_changed)
        self.show_job(None)

    @property
    def job_time(self) -> JobTime | None:
        return self._time

    def show_job(self, job_id: str | None) -> None:
        """Show the clock of another job (None: no job); messages about the last one go."""
        self._job_id = job_id
        say(self.error_label, "")
        say(self.notice_label, "")
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Read the job's clock again; a change to any job may have stopped this one's."""
        job_id = self._job_id
        if job_id is None:
            self._show((None, None))
            return
        self._workday.runner.query(
            lambda s: (job_id, job_time(s, job_id)), self._show, latest_of=self
        )

    def _show(self, answer: tuple[str | None, JobTime | None]) -> None:
        job_id, time = answer
        if job_id != self._job_id:
            return  # another job was opened meanwhile; its clock follows
        self._time = time
        running = time is not None and time.open_entry is not None
        self.button.setText(
            self.tr("Stop work on this job") if running else self.tr("Start work on this job")
        )
        enabled = time is not None and (running or time.can_clock_in)
        self.button.setEnabled(enabled)
        self.button.setProperty("primary", enabled and not running)  # a blue button invites
        repolish(self.button)
        say(self.closed_label, self._closed_reason(time, running))
        set_role(self.timer_label, "" if running else "muted")
        if running and not self.timer.isActive():
            self.timer.start()
        elif not running:
            self.timer.stop()
        self._show_times()

    def _closed_reason(self, time: JobTime | None, running: bool) -> str:
        if time is None:
            return (
                self.tr("No job selected.")
                if self._job_id is None
                else self.tr("This job is no longer in the local cache.")
            )
        if running or time.can_clock_in:
            return ""
        if time.status is JobStatus.CANCELLED:
            return self.tr("This job was cancelled, so no time can be logged on it.")
        return self.tr("This job is complete, so no more time can be logged on it.")

    @Slot()
    def tick(self) -> None:
        self._show_times()

    def _show_times(self) -> None:
        now = self._workday.now()
        time = self._time
        entry = time.open_entry if time else None
        self.timer_label.setText(format_timer(entry.worked(now) if entry else timedelta(0)))
        logged = format_total(time.total(now) if time else timedelta(0))
        self.total_label.setText(self.tr("Logged on this job: %1").replace("%1", logged))

    @Slot()
    def toggle(self) -> None:
        job_id = self._job_id
        if job_id is None:
            return
        zone = self._workday.zone
        self._punch(lambda changes: changes.time.toggle_job(job_id, zone))
