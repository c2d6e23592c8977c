"""Running a scenario headless: steps in order, then the invariants, then one result.

Against the embedded server (the default) the client and the server share one virtual
clock that starts on a fixed weekday morning, so a run repeats exactly: waiting for a retry
moves that clock instead of sleeping. Against a real server (``--server``) time is real.
"""

from __future__ import annotations

import secrets
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from wb_desktop.core.domain.clock import Clock, FixedClock, SystemClock
from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.core.protocol.admin import OfficeView
from wb_desktop.core.sync.step_report import StepReport
from wb_desktop.tools.scenario.checks import Expectations
from wb_desktop.tools.scenario.format import (
    ActionStep,
    ClockStep,
    CrashStep,
    ExpectStep,
    NetworkStep,
    Scenario,
    ServerStep,
    Step,
    SyncStep,
)
from wb_desktop.tools.scenario.invariants import InvariantReport, check_invariants
from wb_desktop.tools.scenario.office import Office, OfficeError
from wb_desktop.tools.scenario.perform import Ledger, Performer, StepFailedError
from wb_desktop.tools.scenario.session import (
    OffsetClock,
    PowerCut,
    ScenarioClock,
    TechnicianSession,
    profile_folder,
)
from wb_server.demo_data import DEMO_ACCOUNTS, DEMO_TIMEZONE

START = datetime(2026, 11, 25, 6, 30, tzinfo=UTC)  # a Wednesday, 07:30 in Stockholm
IDLE_PERIOD_S = 60.0  # how often the background sync runs when all is well
_KIND_OF = {
    NetworkStep: "network",
    ActionStep: "do",
    ServerStep: "server",
    SyncStep: "sync",
    CrashStep: "crash",
    ClockStep: "clock",
    ExpectStep: "expect",
}


@dataclass(frozen=True)
class RunOptions:
    """``start``: where the embedded server's virtual clock starts (default ``START``), so a
    scenario recorded on another demo day meets the same jobs. ``clock``: real time against a
    running server (default: the system clock; the console passes the app's clock)."""

    server_url: str | None = None
    admin_token: str | None = None
    data_dir: Path | None = None
    scenario_dir: Path | None = None
    start: datetime | None = None
    clock: Clock | None = None


@dataclass
class StepResult:
    number: int
    kind: str
    ok: bool
    message: str

    def as_json(self) -> dict[str, Any]:
        outcome = "ok" if self.ok else "failed"
        return {
            "number": self.number,
            "kind": self.kind,
            "outcome": outcome,
            "message": self.message,
        }


@dataclass
class RunResult:
    scenario: str
    steps: list[StepResult] = field(default_factory=list)
    invariants: InvariantReport = field(default_factory=InvariantReport)
    outbox: dict[str, int] = field(default_factory=dict)
    server: dict[str, Any] | None = None

    @property
    def passed(self) -> bool:
        return all(step.ok for step in self.steps) and self.invariants.holds

    def as_json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "passed": self.passed,
            "steps": [step.as_json() for step in self.steps],
            "invariants": self.invariants.as_json(),
            "outbox": self.outbox,
            "server": self.server,
        }


class ScenarioRun:
    def __init__(
        self,
        scenario: Scenario,
        session: TechnicianSession,
        office: Office | None,
        virtual: bool,
        scenario_dir: Path | None,
    ) -> None:
        self.scenario = scenario
        self.session = session
        self.office = office
        self.virtual = virtual
        self.ledger = Ledger()
        self.performer = Performer(session, office, self.ledger, scenario_dir)  # type: ignore[arg-type]
        self.last_report: StepReport | None = None
        self.expectations = Expectations(self.performer, lambda: self.last_report, self.office_view)

    def office_view(self) -> OfficeView | None:
        if self.office is None:
            return None
        return self.office.office_view(self.session.technician_id)

    def run(self) -> RunResult:
        return self.finish([self.run_step(step) for step in self.scenario.steps])

    def run_step(self, step: Step) -> StepResult:
        """One step; a failure is its result, so the steps after it still run."""
        kind = _KIND_OF[type(step)]
        try:
            return StepResult(step.number, kind, True, self._run_step(step))
        except (StepFailedError, WorkBossError, OfficeError, LookupError) as error:
            return StepResult(step.number, kind, False, str(error))

    def finish(self, steps: list[StepResult]) -> RunResult:
        """The result of the steps run so far, with the invariants and the server's summary."""
        result = RunResult(self.scenario.name, list(steps))
        result.invariants = check_invariants(
            self.session.cache.database, self.ledger, self.office_view()
        )
        result.outbox = self.session.client.engine.counts().by_state
        result.server = _server_summary(self.office_view())
        return result

    def _run_step(self, step: Step) -> str:
        if isinstance(step, NetworkStep):
            self.session.set_network(step.profile)
            return f"network is {step.profile}"
        if isinstance(step, ActionStep):
            if step.action == "wait":
                return self._background(float(step.args["seconds"]))
            return self.performer.do(step.number, step.action, step.args)
        if isinstance(step, ServerStep):
            if self.office is None:
                raise StepFailedError("server steps need the admin token (--admin-token)")
            args = dict(step.args)
            if step.action == "fault":
                args.setdefault("seed", self.scenario.seed)
            return self.performer.server(step.action, args)
        if isinstance(step, SyncStep):
            return self._sync(step.timeout_s)
        if isinstance(step, CrashStep):
            return self._crash(step.during)
        if isinstance(step, ClockStep):
            self.session.clock.advance(step.delta)
            return f"clock moved {step.delta}"
        assert isinstance(step, ExpectStep)
        problems = self.expectations.check(step.checks)
        if problems:
            raise StepFailedError("; ".join(problems))
        return "as expected"

    def _step_engine(self) -> StepReport:
        self.last_report = self.session.client.engine.step()
        return self.last_report

    def _pass_time(self, seconds: float) -> None:
        if self.virtual:
            self.session.clock.advance(timedelta(seconds=seconds))
        else:
            time.sleep(seconds)

    def _sync(self, timeout_s: float) -> str:
        """Steps until nothing sendable is left and a pull completed, within the timeout."""
        spent = 0.0
        while True:
            started = time.monotonic()
            report = self._step_engine()
            spent += time.monotonic() - started
            counts = self.session.client.engine.counts()
            if report.ok and counts.drained:
                return (
                    f"synced: pushed {report.pushed}, pulled {report.pulled}, "
                    f"pending {counts.pending}"
                )
            wait = report.retry_in_s if not report.ok and report.retry_in_s is not None else 1.0
            if spent + wait > timeout_s:
                reason = report.reason or f"{counts.queued} ops still queued"
                raise StepFailedError(f"not synced within {timeout_s:g} s: {reason}")
            self._pass_time(wait)
            spent += wait

    def _background(self, seconds: float) -> str:
        """What the app's sync service does while the technician waits: step when due."""
        passed, steps = 0.0, 0
        while passed < seconds:
            report = self._step_engine()
            steps += 1
            due = report.retry_in_s if not report.ok and report.retry_in_s else IDLE_PERIOD_S
            pause = min(due, seconds - passed)
            self._pass_time(pause)
            passed += pause
        return f"{steps} background syncs in {seconds:g} s"

    def _crash(self, during: str | None) -> str:
        if during is None:
            self.session.crash()
            return "crashed and restarted"
        self.session.trap.armed = during
        try:
            self._step_engine()
        except PowerCut as cut:
            self.session.crash()
            return f"crashed during {during} ({cut}) and restarted"
        self.session.crash()
        return f"no {during} happened; crashed after the sync and restarted"


def _server_summary(view: OfficeView | None) -> dict[str, Any] | None:
    """What the office holds, as JSON for the run's report (decimals as the wire's text)."""
    if view is None:
        return None

    def count(key: str, job_id: str) -> int:
        return sum(1 for row in getattr(view, key) if row.job_id == job_id)

    return {
        "jobs": [
            {
                "id": job.id,
                "title": job.title,
                "status": job.status,
                **{k: count(k, job.id) for k in ("notes", "photos", "signatures", "time_entries")},
            }
            for job in view.jobs
        ],
        "invoices": [
            {"reference": d.reference, "delivery_state": d.delivery_state, "total": str(d.total)}
            for d in view.documents
            if d.kind == "invoice"
        ],
        "payments": [
            {"document_id": p.document_id, "status": p.status, "amount": str(p.amount)}
            for p in view.payments
        ],
    }


@contextmanager
def _embedded_server(clock: FixedClock, folder: Path) -> Iterator[tuple[str, str]]:
    from wb_server.app import create_app
    from wb_server.config import ServerConfig
    from wb_server.demo import load_demo
    from wb_server.runner import start_in_thread

    token = secrets.token_urlsafe(16)
    config = ServerConfig(
        database_url=f"sqlite:///{(folder / 'server.sqlite3').as_posix()}",
        blob_dir=folder / "blobs",
        admin_token=token,
        payment_timeout_delay_s=3.0,
    )
    app = create_app(config, clock)
    load_demo(
        app.state.context, seed=1, week_of=clock.now().astimezone(ZoneInfo(DEMO_TIMEZONE)).date()
    )
    running = start_in_thread(app)
    try:
        yield running.url, token
    finally:
        running.stop()
        app.state.context.engine.dispose()


def run_scenario(scenario: Scenario, options: RunOptions) -> RunResult:
    with open_run(scenario, options) as run:
        return run.run()


@contextmanager
def open_run(scenario: Scenario, options: RunOptions) -> Iterator[ScenarioRun]:
    """A run that is signed in and synced once, ready for its first step (the console steps
    it one at a time); the server, the client and the scratch folder go at the end."""
    password = DEMO_ACCOUNTS.get(scenario.technician)
    if password is None:
        raise StepFailedError(f"{scenario.technician} is not a demo technician")
    with tempfile.TemporaryDirectory(prefix="wb-scenario-") as scratch:
        folder = Path(scratch)
        data_dir = options.data_dir or folder / "client"
        if options.server_url is None:
            clock: ScenarioClock = FixedClock(options.start or START)
            with (
                _embedded_server(clock, folder) as (url, token),
                _session_run(scenario, options, url, token, clock, data_dir, password, True) as run,
            ):
                yield run
            return
        clock = OffsetClock(options.clock or SystemClock())
        with _session_run(
            scenario,
            options,
            options.server_url,
            options.admin_token,
            clock,
            data_dir,
            password,
            False,
        ) as run:
            yield run


@contextmanager
def _session_run(
    scenario: Scenario,
    options: RunOptions,
    url: str,
    admin_token: str | None,
    clock: ScenarioClock,
    data_dir: Path,
    password: str,
    virtual: bool,
) -> Iterator[ScenarioRun]:
    session = TechnicianSession(
        profile_folder(data_dir, scenario.technician),
        url,
        scenario.technician,
        password,
        clock,
        scenario.seed,
        ZoneInfo(DEMO_TIMEZONE),
    )
    office = Office(url, admin_token) if admin_token else None
    try:
        first = session.client.engine.step()
        if not first.ok:
            raise StepFailedError(f"the first sync failed: {first.reason}")
        yield ScenarioRun(scenario, session, office, virtual, options.scenario_dir)
    finally:
        session.close()
        if office is not None:
            office.close()
