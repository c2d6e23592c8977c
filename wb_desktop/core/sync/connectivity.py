"""What the sync indicator says: one pure decision from everything the service knows.

The service gathers the inputs (the simulated profile, the operating system's reachability,
whether a step is running, the last step's report, the outbox counts) and this module turns
them into a :class:`SyncView`. Keeping the decision Qt-free and pure means every rule is a
row in a table test, and the GUI and a headless run agree on what "offline" means.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.sync.step_report import Failure, OutboxCounts, StepReport


class SyncActivity(StrEnum):
    OFFLINE = "offline"
    IDLE = "idle"
    SYNCING = "syncing"
    ERROR = "error"


class OfflineReason(StrEnum):
    SIMULATED = "simulated"
    NO_NETWORK = "no network"
    SERVER_UNREACHABLE = "server unreachable"
    CAPTIVE_PORTAL = "captive portal"


@dataclass(frozen=True)
class SyncView:
    """What a person sees: an activity, why it is offline if it is, a sentence, two counts."""

    activity: SyncActivity
    offline_reason: OfflineReason | None
    message: str
    pending: int
    dead: int


_ERROR_FAILURES = (Failure.SERVER, Failure.AUTH, Failure.STOPPED)


def decide_view(
    *,
    simulated_offline: bool,
    simulated_profile: str,
    network_reachable: bool | None,
    syncing: bool,
    last_report: StepReport | None,
    counts: OutboxCounts,
) -> SyncView:
    """The indicator's state; the first rule that applies wins.

    ``network_reachable`` is ``None`` when the operating system cannot tell (no backend, or
    only a local link): then the server's answers decide.
    """

    def view(activity: SyncActivity, message: str, reason: OfflineReason | None = None) -> SyncView:
        return SyncView(activity, reason, message, counts.pending, counts.dead)

    if simulated_offline:
        return offline_by_choice(simulated_profile, counts.pending, counts.dead)
    if network_reachable is False:
        return view(
            SyncActivity.OFFLINE,
            Text(QT_TRANSLATE_NOOP("Domain", "Offline — no network")),
            OfflineReason.NO_NETWORK,
        )
    if syncing:
        return view(SyncActivity.SYNCING, Text(QT_TRANSLATE_NOOP("Domain", "Syncing…")))
    failure = last_report.failure if last_report is not None and not last_report.ok else None
    reason = (last_report.reason if last_report is not None else None) or ""
    if failure in (Failure.OFFLINE, Failure.UNREACHABLE):
        return view(
            SyncActivity.OFFLINE,
            _with_detail(
                QT_TRANSLATE_NOOP("Domain", "Offline — the server does not answer"), reason
            ),
            OfflineReason.SERVER_UNREACHABLE,
        )
    if failure is Failure.PORTAL:
        return view(
            SyncActivity.OFFLINE,
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain", "Offline — a Wi-Fi login page answered instead of the server"
                )
            ),
            OfflineReason.CAPTIVE_PORTAL,
        )
    if failure in _ERROR_FAILURES:
        return view(
            SyncActivity.ERROR,
            Text(QT_TRANSLATE_NOOP("Domain", "Sync error: %1"), reason or str(failure)),
        )
    if counts.dead > 0:
        refused = (
            QT_TRANSLATE_NOOP("Domain", "1 change was refused by the server — see details")
            if counts.dead == 1
            else QT_TRANSLATE_NOOP("Domain", "%1 changes were refused by the server — see details")
        )
        return view(SyncActivity.ERROR, Text(refused, counts.dead))
    return view(SyncActivity.IDLE, Text(QT_TRANSLATE_NOOP("Domain", "Online")))


def offline_by_choice(profile_name: str, pending: int, dead: int) -> SyncView:
    """Work offline is on (or QA chose an offline profile): nothing is tried."""
    return SyncView(
        SyncActivity.OFFLINE,
        OfflineReason.SIMULATED,
        Text(QT_TRANSLATE_NOOP("Domain", "Offline — simulated network profile '%1'"), profile_name),
        pending,
        dead,
    )


@dataclass(frozen=True)
class SyncStatus:
    """Everything the status bar shows, as one snapshot made in one place (the sync worker,
    then the service) and shown whole: the connection badge and the sync indicator never
    read two different moments, so they cannot contradict each other.

    ``connected`` is what the last *finished* step found: while a step runs it stays, so an
    offline tablet does not flash "Online" at every retry, and the indicator says it is
    trying to reach the server rather than "Syncing…". ``uploads`` counts photos and
    signatures whose bytes the server does not have yet: they wait to sync too.
    """

    view: SyncView
    connected: bool = True
    uploads: int = 0
    progress: tuple[int, int] | None = None  # done, total of the running step
    last_sync: datetime | None = None
    last_report: StepReport | None = None

    @property
    def waiting(self) -> int:
        """What has not reached the office: changes in the outbox and attachments' bytes."""
        return self.view.pending + self.uploads

    @property
    def syncing(self) -> bool:
        return self.view.activity is SyncActivity.SYNCING

    @property
    def all_synced(self) -> bool:
        """Only then may anything say "All synced": nothing waits and nothing is wrong."""
        return self.waiting == 0 and self.view.activity is not SyncActivity.ERROR

    def with_view(self, view: SyncView) -> SyncStatus:
        """A new view: progress belongs only to the step that is running."""
        syncing = view.activity is SyncActivity.SYNCING
        connected = self.connected if syncing else view.activity is not SyncActivity.OFFLINE
        progress = self.progress if syncing and self.syncing else None
        return replace(self, view=view, connected=connected, progress=progress)

    def with_progress(self, done: int, total: int) -> SyncStatus:
        if not self.syncing:
            return self  # a late report of a step that has ended
        return replace(self, progress=(min(done, total), total) if total > 0 else None)

    def offline_by_choice(self, profile_name: str) -> SyncStatus:
        """The technician turned Work offline on: shown at once, whatever step is still
        finishing on the worker (its late progress must not say "Syncing…" beside it)."""
        view = offline_by_choice(profile_name, self.view.pending, self.view.dead)
        return replace(self, view=view, connected=False, progress=None)


def _with_detail(template: str, detail: str) -> Text:
    """The sentence, then the engine's reason: its words are translated, the operating
    system's error text inside it stays as the system wrote it."""
    if not detail:
        return Text(template)
    return Text(QT_TRANSLATE_NOOP("Domain", "%1 (%2)"), Text(template), detail)
