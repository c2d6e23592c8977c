"""The typed *changes* notice: what a write (or a sync step) changed, and who started it.

Every write returns one; the op runner broadcasts it, and each view decides from it alone
whether to read again, so no view has to guess when its data went stale (Anki's
``OpChanges``). Qt-free: the write path makes it, the app only carries it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from wb_desktop.core.protocol.kinds import RecordType

# A notice names record kinds by the wire's one list of record types (string enums, so a
# view may ask about "note" as well as RecordType.NOTE).
RecordKind = RecordType | str
# Kinds whose records always belong to one job: a view of another job need not read again.
JOB_BOUND_KINDS = frozenset(
    {
        RecordType.JOB,
        RecordType.JOB_LINE_ITEM,
        RecordType.NOTE,
        RecordType.PHOTO,
        RecordType.SIGNATURE,
    }
)


@dataclass(frozen=True)
class Changes:
    """Which kinds of record, which records and which jobs changed; ``everything`` when a
    sync step may have changed anything (a pull, an outbox edited by hand)."""

    kinds: frozenset[RecordKind] = frozenset()
    record_ids: frozenset[str] = frozenset()
    job_ids: frozenset[str] = frozenset()
    initiator: object | None = field(default=None, compare=False)
    storage_warning: str | None = None
    everything: bool = False

    @classmethod
    def of_everything(cls, initiator: object | None = None) -> Changes:
        """A notice that concerns every view (after a sync step applied something)."""
        return cls(everything=True, initiator=initiator)

    @classmethod
    def merged(cls, notices: Iterable[Changes], initiator: object | None = None) -> Changes:
        result = cls(initiator=initiator)
        for notice in notices:
            result = result | notice
        return result

    @property
    def empty(self) -> bool:
        return not (self.everything or self.kinds or self.record_ids or self.job_ids)

    def concerns(self, *kinds: RecordKind, job_id: str | None = None) -> bool:
        """True when a view showing ``kinds`` (of ``job_id``, when given) should read again."""
        if self.everything:
            return True
        if job_id is not None and job_id in self.job_ids:
            return True
        wanted = self.kinds if not kinds else self.kinds.intersection(kinds)
        if job_id is not None and self.job_ids:
            wanted = wanted - JOB_BOUND_KINDS  # another job's status, notes or photos
        return bool(wanted)

    def started_by(self, initiator: object | None) -> Changes:
        return replace(self, initiator=initiator)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.kinds | other.kinds,
            self.record_ids | other.record_ids,
            self.job_ids | other.job_ids,
            self.initiator if self.initiator is not None else other.initiator,
            other.storage_warning or self.storage_warning,
            self.everything or other.everything,
        )
