"""Messages the technician must not miss: kept until they dismiss them.

The camera inbox, photo imports, sync problems and crashes used to say things in places that
the next message overwrote (or that were hidden while no job was open). Each now posts a
:class:`Notification` to one :class:`Notifications` store, built once by the composition root
and handed to whatever posts or shows; the store keeps every message until it is dismissed.

A problem that repeats (the server failing every retry of a two-hour outage) is one entry
with a count and the time it last happened, not hundreds of rows.

The value is Qt-free; its ``text`` is a :class:`~wb_desktop.core.domain.text.Text` where the
poster has no widget to translate with, and the UI says it in the technician's language.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from PySide6.QtCore import QObject, Signal


class NotificationKind(StrEnum):
    """Where a message comes from; the panel names it so the technician knows where to look."""

    CAMERA_INBOX = "camera_inbox"
    IMPORT = "import"
    SYNC = "sync"
    CRASH = "crash"


@dataclass(frozen=True)
class Notification:
    """One message as the technician keeps it: ``at`` is when it last happened, ``count``
    how many times in a row."""

    id: int
    kind: NotificationKind
    text: str  # a Text where the poster could not translate it
    at: datetime
    detail: str | None = None  # e.g. the file's name
    count: int = 1

    def same_message(self, kind: NotificationKind, text: str, detail: str | None) -> bool:
        return (self.kind, str(self.text), self.detail) == (kind, str(text), detail)


class Notifications(QObject):
    """Every message not yet dismissed, newest first; used on the GUI thread only."""

    added = Signal(object)  # Notification
    updated = Signal(object)  # Notification: the same message again (count, time)
    dismissed = Signal(int)  # the id
    counted = Signal(int)  # how many are kept, after each change

    def __init__(self, now: Callable[[], datetime], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._ids = itertools.count(1)
        self._items: list[Notification] = []  # newest first

    @property
    def items(self) -> list[Notification]:
        """The kept messages, newest (or most recently repeated) first."""
        return list(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def post(self, kind: NotificationKind, text: str, *, detail: str | None = None) -> Notification:
        """Keep ``text`` until dismissed. The same message as the latest kept one of its
        kind is counted on that one instead, which moves to the top."""
        latest = next((item for item in self._items if item.kind is kind), None)
        if latest is not None and latest.same_message(kind, text, detail):
            again = replace(latest, at=self._now(), count=latest.count + 1)
            self._items.remove(latest)
            self._items.insert(0, again)
            self.updated.emit(again)
            return again
        notification = Notification(next(self._ids), kind, text, self._now(), detail)
        self._items.insert(0, notification)
        self.added.emit(notification)
        self.counted.emit(len(self._items))
        return notification

    def dismiss(self, notification_id: int) -> None:
        """Forget one message (unknown ids are ignored: a double tap is harmless)."""
        kept = [item for item in self._items if item.id != notification_id]
        if len(kept) == len(self._items):
            return
        self._items = kept
        self.dismissed.emit(notification_id)
        self.counted.emit(len(self._items))

    def dismiss_all(self) -> None:
        gone, self._items = self._items, []
        for item in gone:
            self.dismissed.emit(item.id)
        if gone:
            self.counted.emit(0)
