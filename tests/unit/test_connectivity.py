"""What the sync indicator says, one row per rule of ``decide_view``; the first rule wins."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

from wb_desktop.core.sync import connectivity
from wb_desktop.core.sync.connectivity import OfflineReason, SyncActivity, SyncView, decide_view
from wb_desktop.core.sync.step_report import Failure, OutboxCounts, StepReport

OK = StepReport(ok=True)
INTERRUPTED = StepReport(ok=False, reason="stopped")  # the service asked the step to stop


def failed(failure: Failure, reason: str = "why") -> StepReport:
    return StepReport(ok=False, failure=failure, reason=reason, retry_in_s=0.5)


def inputs(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "simulated_offline": False,
        "simulated_profile": "online",
        "network_reachable": None,
        "syncing": False,
        "last_report": None,
        "counts": OutboxCounts(queued=2),
    }
    return base | changes


OFFLINE, IDLE, SYNCING, ERROR = (
    SyncActivity.OFFLINE,
    SyncActivity.IDLE,
    SyncActivity.SYNCING,
    SyncActivity.ERROR,
)

RULES = [
    # (case, inputs, activity, offline reason, message)
    ("nothing known yet", inputs(), IDLE, None, "Online"),
    ("the last step went through", inputs(last_report=OK), IDLE, None, "Online"),
    ("the OS says online", inputs(network_reachable=True), IDLE, None, "Online"),
    (
        "simulated offline",
        inputs(simulated_offline=True, simulated_profile="offline"),
        OFFLINE,
        OfflineReason.SIMULATED,
        "Offline — simulated network profile 'offline'",
    ),
    (
        "simulated offline beats everything",
        inputs(
            simulated_offline=True,
            simulated_profile="offline",
            network_reachable=False,
            syncing=True,
            last_report=failed(Failure.SERVER),
        ),
        OFFLINE,
        OfflineReason.SIMULATED,
        "Offline — simulated network profile 'offline'",
    ),
    (
        "the OS says no network",
        inputs(network_reachable=False, syncing=True, last_report=OK),
        OFFLINE,
        OfflineReason.NO_NETWORK,
        "Offline — no network",
    ),
    (
        "syncing hides the last failure",
        inputs(syncing=True, last_report=failed(Failure.SERVER)),
        SYNCING,
        None,
        "Syncing…",
    ),
    (
        "no link",
        inputs(last_report=failed(Failure.OFFLINE, "no route")),
        OFFLINE,
        OfflineReason.SERVER_UNREACHABLE,
        "Offline — the server does not answer (no route)",
    ),
    (
        "the server does not answer",
        inputs(last_report=failed(Failure.UNREACHABLE, "timed out")),
        OFFLINE,
        OfflineReason.SERVER_UNREACHABLE,
        "Offline — the server does not answer (timed out)",
    ),
    (
        "a captive portal answered",
        inputs(last_report=failed(Failure.PORTAL, "HTML")),
        OFFLINE,
        OfflineReason.CAPTIVE_PORTAL,
        "Offline — a Wi-Fi login page answered instead of the server",
    ),
    (
        "a server error",
        inputs(last_report=failed(Failure.SERVER, "the server answered 500: boom")),
        ERROR,
        None,
        "Sync error: the server answered 500: boom",
    ),
    (
        "signed out",
        inputs(last_report=failed(Failure.AUTH, "the server answered 401: expired")),
        ERROR,
        None,
        "Sync error: the server answered 401: expired",
    ),
    (
        "the pull stopped",
        inputs(last_report=failed(Failure.STOPPED, "the storage quota is full")),
        ERROR,
        None,
        "Sync error: the storage quota is full",
    ),
    (
        "a failure without a reason still says what failed",
        inputs(last_report=StepReport(ok=False, failure=Failure.AUTH)),
        ERROR,
        None,
        "Sync error: auth",
    ),
    (
        "dead ops",
        inputs(counts=OutboxCounts(queued=1, dead=2), last_report=OK),
        ERROR,
        None,
        "2 changes were refused by the server — see details",
    ),
    (
        "one dead op",
        inputs(counts=OutboxCounts(dead=1)),
        ERROR,
        None,
        "1 change was refused by the server — see details",
    ),
    (
        "a failed step outranks dead ops",
        inputs(counts=OutboxCounts(dead=1), last_report=failed(Failure.PORTAL)),
        OFFLINE,
        OfflineReason.CAPTIVE_PORTAL,
        "Offline — a Wi-Fi login page answered instead of the server",
    ),
    ("an interrupted step is no failure", inputs(last_report=INTERRUPTED), IDLE, None, "Online"),
]


@pytest.mark.parametrize(
    ("given", "activity", "reason", "message"),
    [row[1:] for row in RULES],
    ids=[row[0] for row in RULES],
)
def test_decide_view(
    given: dict[str, Any],
    activity: SyncActivity,
    reason: OfflineReason | None,
    message: str,
) -> None:
    view = decide_view(**given)
    assert (view.activity, view.offline_reason, view.message) == (activity, reason, message)


def test_the_view_carries_the_counts_whatever_the_activity() -> None:
    counts = OutboxCounts(queued=3, in_flight=1, blocked=1, dead=2)
    for given in (inputs(counts=counts), inputs(counts=counts, simulated_offline=True)):
        view = decide_view(**given)
        assert (view.pending, view.dead) == (7, 2)


def test_views_compare_by_value_so_the_service_can_skip_repeats() -> None:
    assert decide_view(**inputs()) == decide_view(**inputs())
    assert decide_view(**inputs()) == SyncView(IDLE, None, "Online", 2, 0)


def test_the_activity_and_reason_strings_are_stable() -> None:
    assert [a.value for a in SyncActivity] == ["offline", "idle", "syncing", "error"]
    assert [r.value for r in OfflineReason] == [
        "simulated",
        "no network",
        "server unreachable",
        "captive portal",
    ]


def test_connectivity_is_qt_free() -> None:
    tree = ast.parse(Path(connectivity.__file__).read_text(encoding="utf-8"))
    modules = {
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not {m for m in modules if m and m.startswith("PySide6")}
