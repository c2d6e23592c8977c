"""Where a record stands with the server; every synced row carries one."""

from __future__ import annotations

from enum import StrEnum


class SyncState(StrEnum):
    LOCAL_ONLY = "local_only"  # created here, never accepted by the server
    PENDING = "pending"  # known to the server, local changes not yet accepted
    SYNCED = "synced"
    FAILED = "failed"  # rejected for good; the reason is kept beside it
    CONFLICT = "conflict"  # the server changed the same field; waiting for a decision


def state_after_local_change(current: SyncState | None, server_version: int) -> SyncState:
    """A record the server has never accepted stays local-only; any other becomes pending.

    A record already failed or in conflict keeps that state: a new edit does not hide the
    problem support has to see.
    """
    if current in (SyncState.FAILED, SyncState.CONFLICT):
        return current
    return SyncState.LOCAL_ONLY if server_version == 0 else SyncState.PENDING
