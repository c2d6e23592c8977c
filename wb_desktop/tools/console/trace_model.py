"""The sync trace as a table: one row per request, newest last, filtered in place.

A row names what it is about where the cache knows it (an upload's photo and job, a push's
ops), and what the server said of a refusal. Requests not sent because the link was down are
counted apart from failures: an offline morning is not a morning of errors."""

from __future__ import annotations

from datetime import tzinfo
from enum import IntEnum
from urllib.parse import parse_qs

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)

from wb_desktop.core.protocol import routes
from wb_desktop.core.store.trace_queries import blob_of
from wb_desktop.core.sync.trace import TraceEvent
from wb_desktop.ui.formatting import format_time
from wb_desktop.ui.row_models import RIGHT, ROW_ROLE, Column, RowTableModel

MAX_ROWS = 20_000  # the file keeps everything; the table keeps the recent past
SHOWN_CHARS = 120  # of what the server said, in the cell (all of it in the tooltip)
EVENT_ROLE = ROW_ROLE
_Index = QModelIndex | QPersistentModelIndex


class TraceColumn(IntEnum):
    TIME = 0
    METHOD = 1
    ROUTE = 2
    ABOUT = 3
    STATUS = 4
    DURATION = 5
    SENT = 6
    RECEIVED = 7
    OPS = 8
    PROFILE = 9
    ERROR = 10
    SERVER_SAID = 11


def server_said(event: TraceEvent) -> str:
    """A refusal's code and detail as the server sent them (empty when it did not refuse)."""
    if event.server_error is None:
        return ""
    return (
        f"{event.server_error}: {event.server_detail}"
        if event.server_detail
        else event.server_error
    )


def subject_keys(event: TraceEvent) -> list[str]:
    """The hashes and op ids a row can be named by."""
    blob = blob_of(event.route)
    return [blob] if blob is not None else list(event.op_ids)


class TraceTableModel(RowTableModel[TraceEvent]):
    context = "TraceTableModel"
    row_role = EVENT_ROLE

    def __init__(self, zone: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(
            parent,
            columns=(
                Column(QT_TRANSLATE_NOOP("TraceTableModel", "Time"), self._time),
                Column(QT_TRANSLATE_NOOP("TraceTableModel", "Method"), lambda event: event.method),
                Column(
                    QT_TRANSLATE_NOOP("TraceTableModel", "Route"),
                    lambda event: event.route + (f"?{event.query}" if event.query else ""),
                ),
                Column(
                    QT_TRANSLATE_NOOP("TraceTableModel", "About"),
                    self.about,
                    tooltip=lambda event: self.about(event, limit=None) or None,
                ),
                Column(
                    QT_TRANSLATE_NOOP("TraceTableModel", "Status"),
                    lambda event: "—" if event.status is None else str(event.status),
                    RIGHT,
                ),
                Column(
                    QT_TRANSLATE_NOOP("TraceTableModel", "ms"),
                    lambda event: f"{event.duration_ms:.0f}",
                    RIGHT,
                ),
                Column(
                    QT_TRANSLATE_NOOP("TraceTableModel", "Sent"),
                    lambda event: str(event.bytes_sent),
                    RIGHT,
                ),
                Column(
                    QT_TRANSLATE_NOOP("TraceTableModel", "Received"),
                    lambda event: str(event.bytes_received),
                    RIGHT,
                ),
                Column(
                    QT_TRANSLATE_NOOP("TraceTableModel", "Ops"),
                    lambda event: str(len(event.op_ids)) if event.op_ids else "",
                    tooltip=lambda event: "\n".join(event.op_ids) or None,
                ),
                Column(
                    QT_TRANSLATE_NOOP("TraceTableModel", "Profile"), lambda event: event.profile
                ),
                Column(
                    QT_TRANSLATE_NOOP("TraceTableModel", "Error"), lambda event: event.error or ""
                ),
                Column(
                    QT_TRANSLATE_NOOP("TraceTableModel", "Server said"),
                    lambda event: server_said(event)[:SHOWN_CHARS],
                    tooltip=lambda event: server_said(event) or None,
                ),
            ),
        )
        self._zone = zone
        self._failed = 0  # kept as rows come and go: the summary reads it per request
        self._offline = 0
        self._subjects: dict[str, str] = {}
        self._lookups: set[str] = set()

    def about(self, event: TraceEvent, limit: int | None = 2) -> str:
        """What the cache knows the request was about (an upload's photo, a push's ops), or
        what the row itself says (a pull's cursor and count, a GPS post's positions); empty
        when neither knows anything."""
        names = [self._subjects[key] for key in subject_keys(event) if key in self._subjects]
        if not names:
            return self.counted(event)
        if limit is None or len(names) <= limit:
            return "; ".join(names)
        return "; ".join(names[:limit]) + f"; +{len(names) - limit}"

    def counted(self, event: TraceEvent) -> str:
        """A pull names the cursor it asked after and how many changes came back; a location
        post how many positions it carried (a trace line from before counts were kept, or a
        pull with no reply, names the cursor alone)."""
        if event.method == "GET" and event.route == routes.CHANGES:
            since = parse_qs(event.query).get("since", ["0"])[0]
            if event.records is None:
                return self.tr("changes after %1").replace("%1", since)
            return self.tr("changes after %1: %n received", "", event.records).replace("%1", since)
        if event.method == "POST" and event.route == routes.LOCATIONS and event.records is not None:
            return self.tr("%n positions", "", event.records)
        return ""

    def unnamed_keys(self) -> set[str]:
        """Hashes and op ids of the rows not yet looked up in the cache."""
        return {key for event in self._rows for key in subject_keys(event)} - set(self._lookups)

    def add_subjects(self, asked: set[str], names: dict[str, str]) -> None:
        """Names found for ``asked`` (keys the cache did not know stay unnamed, and are not
        asked again)."""
        self._lookups.update(asked)
        self._subjects.update(names)
        if self._rows:
            column = TraceColumn.ABOUT
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def events(self) -> list[TraceEvent]:
        return self.rows()

    def recent(self, count: int) -> list[TraceEvent]:
        """The newest ``count`` events, without copying the whole table (called per request)."""
        return self._rows[-count:]

    def failures(self) -> int:
        return self._failed

    def not_sent(self) -> int:
        """Requests the link did not carry because it was offline."""
        return self._offline

    def set_events(self, events: list[TraceEvent]) -> None:
        kept = events[-MAX_ROWS:]
        self._failed = sum(1 for event in kept if event.failed)
        self._offline = sum(1 for event in kept if event.offline)
        self.set_rows(kept)

    def append(self, event: TraceEvent) -> None:
        if len(self._rows) >= MAX_ROWS:
            self.beginRemoveRows(QModelIndex(), 0, 0)
            self._failed -= self._rows[0].failed
            self._offline -= self._rows[0].offline
            del self._rows[0]
            self.endRemoveRows()
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(event)
        self._failed += event.failed
        self._offline += event.offline
        self.endInsertRows()

    def _time(self, event: TraceEvent) -> str:
        local = event.at.astimezone(self._zone)
        return f"{format_time(local)}:{local.second:02d}.{local.microsecond // 1000:03d}"


class TraceFilter(QSortFilterProxyModel):
    """Filters by text (route, op id, error), failures only, and method."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._failures_only = False
        self._method = ""

    def set_filters(self, *, text: str, failures_only: bool, method: str) -> None:
        self.beginFilterChange()
        self._text, self._failures_only, self._method = text.strip().lower(), failures_only, method
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        event = model.index(source_row, 0, source_parent).data(EVENT_ROLE)
        if not isinstance(event, TraceEvent):
            return False
        if self._failures_only and not event.failed:
            return False
        if self._method and event.method != self._method:
            return False
        if self._text:
            model_about = (
                model.about(event, limit=None) if isinstance(model, TraceTableModel) else ""
            )
            haystack = " ".join(
                (
                    event.route,
                    event.query,
                    event.error or "",
                    server_said(event),
                    event.request_id or "",
                    model_about,
                    *event.op_ids,
                )
            )
            return self._text in haystack.lower()
        return True
