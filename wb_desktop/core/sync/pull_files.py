"""A pull page's attachments: downloaded before the page's transaction, kept across tries.

Every attachment downloaded is kept, even when its page cannot commit yet (a later download
failed, the link dropped). The files are content-addressed and checked against their hash,
so keeping them is safe; the page's cursor commits only with all of its files present, and a
page retried later downloads only what is still missing. A kept file is registered
(``media_files``) only when its page commits, so one whose page never does is an
unreferenced file that the sweep at close removes; a crash leaves it on disk, and the next
pull checks it and uses it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.protocol.records import RecordBody
from wb_desktop.core.store.changes.media import register_file
from wb_desktop.core.store.database import Database
from wb_desktop.core.store.media_files import MediaFiles, StoredFile
from wb_desktop.core.store.models import MediaFile
from wb_desktop.core.store.quota import StorageQuota
from wb_desktop.core.sync.backoff import resend_if_reset
from wb_desktop.core.sync.errors import StepInterruptedError, SyncProblem
from wb_desktop.core.sync.protocol_client import (
    ChangeOut,
    ProtocolError,
    ServerRefusedError,
    SyncApi,
)
from wb_desktop.core.sync.records import KINDS, MEDIA_KINDS, RecordDataError, RecordKind
from wb_desktop.core.sync.transport import FailureKind, TransportError

# Failed downloads in a row that end a step's downloads (the link is down, not one file):
# each file is tried once per step (resent at once if its connection is reset, backoff.py),
# and one that fails does not end the others, so a lossy link still adds files every step.
MAX_MISSES_IN_A_ROW = 3
_SUFFIXES = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
    "image/heic": ".heic",
}


class PullStoppedError(SyncProblem):
    """The pull stopped cleanly (quota, disk, unusable data); the cursor did not move."""


class DamagedDownloadError(SyncProblem):
    """The bytes that arrived do not match their hash (a reply cut short, a bad proxy)."""


@dataclass(frozen=True)
class Download:
    """A file of a page, stored and checked, waiting for the page to commit."""

    kind: RecordKind
    stored: StoredFile


class PageFiles:
    """The files of the pages being pulled, downloaded once and kept until a page takes them."""

    def __init__(
        self, api: SyncApi, database: Database, media: MediaFiles, quota: StorageQuota
    ) -> None:
        self.api = api
        self.database = database
        self.media = media
        self.quota = quota
        # Downloaded and checked, but their page has not committed: kept for its retry.
        self._kept: dict[str, StoredFile] = {}
        self.downloaded = 0  # files fetched over the network so far

    def clear(self) -> None:
        """The pull is over: what no page took is swept at close (media_files.py)."""
        self._kept.clear()

    def download_missing(
        self, changes: list[ChangeOut], should_stop: Callable[[], bool]
    ) -> list[Download]:
        """The page's files: those kept from an earlier try, and the rest downloaded now.

        Each missing file is tried once (a reset is resent at once, ``resend_if_reset``); a
        failed download does not end the others (a lossy link still adds files), but
        ``MAX_MISSES_IN_A_ROW`` failures in a row, a link that is down or a refused sign-in
        do. When any file is missing at the end, the last failure is raised, with every
        file that did arrive kept for the retry."""
        wanted: dict[str, tuple[RecordKind, RecordBody]] = {}
        for change in changes:
            kind = KINDS.get(change.record_type)
            if kind is None or kind.media_sha_key is None or change.deleted:
                continue
            try:
                body = kind.parse(change.data)
            except RecordDataError:
                continue  # writing the page stops at it, naming the field
            wanted[kind.media_sha256(body)] = (kind, body)
        if not wanted:
            return []
        with self.database.reader() as session:
            have = set(
                session.scalars(select(MediaFile.sha256).where(MediaFile.sha256.in_(list(wanted))))
            )
        downloads: list[Download] = []
        failure: Exception | None = None
        misses = 0
        for sha256, (kind, body) in wanted.items():
            if sha256 in have:
                continue
            stored = self._already_here(kind, sha256, body)
            if stored is None:
                if should_stop():
                    raise StepInterruptedError
                try:
                    stored = self._fetch(kind, sha256, body)
                except (
                    TransportError,
                    ProtocolError,
                    ServerRefusedError,
                    DamagedDownloadError,
                ) as error:
                    failure, misses = error, misses + 1
                    if misses >= MAX_MISSES_IN_A_ROW or link_is_down(error):
                        break
                    continue
                misses = 0
            downloads.append(Download(kind, stored))
        if failure is not None:
            if isinstance(failure, DamagedDownloadError):
                raise PullStoppedError(failure.reason)
            raise failure
        return downloads

    def _already_here(self, kind: RecordKind, sha256: str, body: RecordBody) -> StoredFile | None:
        """A file of this page kept from an earlier try, or left by a session that crashed
        before its page committed (checked against its hash)."""
        kept = self._kept.get(sha256)
        if kept is not None:
            path = self.media.absolute(kept.relative_path)
            if path.is_file() and path.stat().st_size == kept.size:
                return kept
            del self._kept[sha256]  # swept or removed since: download it again
        relative = self.media.relative_path(MEDIA_KINDS[kind.record_type], sha256, _suffix(body))
        try:
            content = self.media.absolute(relative).read_bytes()
        except OSError:
            return None
        if hashlib.sha256(content).hexdigest() != sha256:
            return None
        stored = StoredFile(sha256, relative, len(content), created=True)
        self._kept[sha256] = stored
        return stored

    def _fetch(self, kind: RecordKind, sha256: str, body: RecordBody) -> StoredFile:
        content = resend_if_reset(partial(self.api.blob_content, sha256))
        if hashlib.sha256(content).hexdigest() != sha256:
            raise DamagedDownloadError(
                Text(
                    QT_TRANSLATE_NOOP("Domain", "the downloaded file %1… is damaged"),
                    sha256[:12],
                )
            )
        try:
            stored = self.media.put(MEDIA_KINDS[kind.record_type], content, _suffix(body))
        except OSError as error:
            raise PullStoppedError(
                Text(
                    QT_TRANSLATE_NOOP("Domain", "the pull stopped: cannot save a file (%1)"),
                    str(error),
                )
            ) from None
        self._kept[sha256] = stored
        self.downloaded += 1
        return stored

    def register(self, session: Session, downloads: list[Download], now: datetime) -> None:
        if not downloads:
            return
        for download in downloads:
            register_file(session, download.stored, MEDIA_KINDS[download.kind.record_type], now)
        session.flush()
        self.quota.check(session, 0)

    def discard(self, downloads: list[Download]) -> None:
        """Remove the page's unregistered files: they cannot be stored (over the quota)."""
        self.forget(downloads)
        for download in downloads:
            self.media.discard(download.stored)

    def forget(self, downloads: list[Download]) -> None:
        for download in downloads:
            self._kept.pop(download.stored.sha256, None)


def _suffix(body: RecordBody) -> str:
    """A photo's file suffix from its content type; a signature is a PNG."""
    return _SUFFIXES.get(str(getattr(body, "content_type", "")), ".png")


def link_is_down(error: Exception) -> bool:
    """No point trying the next file: no link, nobody listening, or not signed in."""
    if isinstance(error, TransportError):
        return error.kind in (FailureKind.OFFLINE, FailureKind.REFUSED)
    if isinstance(error, ServerRefusedError):
        return error.status in (401, 403)
    return False
