"""How long ago something happened, in the words a technician reads at a glance.

Pure functions of a moment, an injected ``now`` and the technician's time zone, so the
sync indicator and its tests agree on what "2 min ago" means without a real clock. The
words go through ``QCoreApplication.translate`` (context "RelativeTime") for Swedish later.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo

from PySide6.QtCore import QCoreApplication

_CONTEXT = "RelativeTime"
_JUST_NOW = timedelta(minutes=1)
_MINUTES = timedelta(hours=1)


def _translate(text: str, count: int = -1) -> str:
    return QCoreApplication.translate(_CONTEXT, text, "", count)


def _aware(moment: datetime) -> datetime:
    """A naive moment is taken as UTC: the cache stores UTC, and a crash here helps nobody."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def clock_time(moment: datetime, zone: tzinfo) -> str:
    """Hours and minutes on the technician's wall clock, e.g. "16:40"."""
    return _aware(moment).astimezone(zone).strftime("%H:%M")


def local_timestamp(moment: datetime, zone: tzinfo) -> str:
    """The full local date and time, e.g. "2026-11-23 16:40", for details where "ago" is
    not enough (ISO order reads the same in Swedish and English)."""
    local = _aware(moment).astimezone(zone)
    return f"{local.date().isoformat()} {local.strftime('%H:%M')}"


def relative_time(moment: datetime, now: datetime, zone: tzinfo) -> str:
    """ "just now", "2 min ago", "1 h ago", "yesterday 16:40", or a date for anything older.

    A moment in the future (a clock that was set back) reads "just now": the sync did
    happen, and a negative age would only confuse.
    """
    moment, now = _aware(moment), _aware(now)
    age = now - moment
    if age < _JUST_NOW:
        return _translate("just now")
    if age < _MINUTES:
        return _translate("%n min ago", int(age.total_seconds() // 60))
    local_moment, local_now = moment.astimezone(zone), now.astimezone(zone)
    days_back = (local_now.date() - local_moment.date()).days
    if days_back == 0:
        return _translate("%n h ago", int(age.total_seconds() // 3600))
    if days_back == 1:
        return _translate("yesterday %1").replace("%1", clock_time(moment, zone))
    return local_moment.date().isoformat()
