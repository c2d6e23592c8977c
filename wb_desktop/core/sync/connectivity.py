"""What the sync indicator says: one pure decision from everything the service knows.

The service gathers the inputs (the simulated profile, the operating system's reachability,
whether a step is running, the last step's report, the outbox counts) and this module turns
them into a :class:`SyncView`. Keeping the decision Qt-free and pure means every rule is a
row in a table test, and the GUI and a headless run agree on what "offline" means.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.sync.engine import Failure, OutboxCounts, StepReport


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
        return view(
            SyncActivity.OFFLINE,
            Text(
                QT_TRANSLATE_NOOP("Domain", "Offline — simulated network profile '%1'"),
                simulated_profile,
            ),
            OfflineReason.SIMULATED,
        )
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


def _with_detail(template: str, detail: str) -> Text:
    """The sentence, then the engine's reason: its words are translated, the operating
    system's error text inside it stays as the system wrote it."""
    if not detail:
        return Text(template)
    return Text(QT_TRANSLATE_NOOP("Domain", "%1 (%2)"), Text(template), detail)
