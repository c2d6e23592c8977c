"""Recording the live session into a scenario: the technician's changes (read back from
the outbox after each one), the network profile, card payments, syncs, the office's moves
and clock jumps, each as it happens.

The outbox is read, not the widgets: every change any view makes queues exactly one op, so
nothing done through a screen the recorder does not know about is missed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from sqlalchemy import func, select

from wb_desktop.core.store.models import OutboxOp, Payment, TechnicianProfile
from wb_desktop.core.sync.payments import TEST_CARDS, PaymentOutcome
from wb_desktop.core.sync.profiles import PROFILE_NAMES, Behaviour, NetworkProfile, profile_named
from wb_desktop.core.sync.step_report import StepReport, outbox_counts
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.scenario.format import ScenarioError
from wb_desktop.tools.scenario.recorder import (
    References,
    ScenarioRecorder,
    card_for,
    localise_server_step,
    payment_step,
    state_checks,
    steps_for_ops,
)

_CARRIES_DATA = (Behaviour.NORMAL, Behaviour.FLAKY)
_ALIAS_OF_NUMBER = {number.replace(" ", ""): alias for alias, number in TEST_CARDS.items()}


class LiveRecorder(QObject):
    """Follows the session's signals; records only between :meth:`start` and :meth:`stop`."""

    stepRecorded = Signal(dict)
    problem = Signal(str)  # something that happened but cannot be written as a step

    def __init__(self, context: ConsoleContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.recorder: ScenarioRecorder | None = None
        self.refs: References | None = None
        self._seen_seq = 0
        self._skipped_shown = 0
        self._cards: dict[str, str] = {}
        context.workday.changed.connect(self._on_changed)
        context.service.profileChanged.connect(self._on_profile)
        context.service.paymentFinished.connect(self._on_payment)
        context.service.stepFinished.connect(self._on_sync_step)

    def is_recording(self) -> bool:
        return self.recorder is not None and self.refs is not None

    def technician_email(self) -> str:
        with self._context.cache.database.reader() as session:
            return session.scalar(select(TechnicianProfile.email)) or ""

    def start(self, name: str) -> ScenarioRecorder:
        """Begin a recording from now; ``ScenarioError`` when this technician cannot be
        written into a scenario (only the demo technicians can)."""
        context = self._context
        recorder = ScenarioRecorder(name, self.technician_email(), started_at=context.clock.now())
        with context.cache.database.reader() as session:
            self._seen_seq = session.scalar(select(func.max(OutboxOp.seq))) or 0
        self.refs = References(
            context.technician_id, context.zone, context.workday.today, context.cache.media
        )
        self.recorder = recorder
        self._skipped_shown = 0
        self._cards.clear()
        self._on_profile(context.service.profile())
        return recorder

    def stop(self) -> ScenarioRecorder | None:
        """End the recording with a sync (when online, as the app would) and a check of what
        the technician sees now, so a replay proves it reaches the same state."""
        recorder, refs = self.recorder, self.refs
        if recorder is None or refs is None:
            return None
        self._read_outbox()
        pending = outbox_counts(self._context.cache.database).pending
        online = profile_named(recorder.profile).behaviour in _CARRIES_DATA
        if online:
            self._add(recorder.sync)
        with self._context.cache.database.reader() as session:
            step = state_checks(session, refs, pending)
        if online and pending:  # still on its way: the replay's sync will have sent it
            step["expect"].pop("pending")
            for job in step["expect"].get("job", []):
                job.pop("sync_state")
        self._add(lambda: recorder.expect(step["expect"]))
        self.recorder, self.refs = None, None
        return recorder

    @Slot(dict)
    def record_server_step(self, step: Mapping[str, Any]) -> None:
        """An office move (a ``server`` step) from the dispatcher or the faults card."""
        recorder, refs = self.recorder, self.refs
        if recorder is None or refs is None:
            return
        self._read_outbox()
        with self._context.cache.database.reader() as session:
            local = localise_server_step(step, session, refs)
        self._add(lambda: recorder.server(local))

    def record_clock_jump(self, delta: timedelta) -> None:
        recorder = self.recorder
        if recorder is not None:
            self._add(lambda: recorder.clock(delta))

    @Slot(str, str)
    def record_payment_request(self, document_id: str, card_number: str) -> None:
        """The test card asked for, so the payment step names the same one. Any other
        number is never written into a scenario file: the outcome decides the card then."""
        alias = _ALIAS_OF_NUMBER.get(card_number.replace(" ", ""))
        if alias is not None:
            self._cards[document_id] = alias

    @Slot(str)
    def _on_changed(self, _job_id: str) -> None:
        if self.is_recording():
            self._read_outbox()

    @Slot(object)
    def _on_profile(self, profile: NetworkProfile) -> None:
        recorder = self.recorder
        if recorder is None:
            return
        name = profile.name
        if name not in PROFILE_NAMES:
            name = "offline" if profile.behaviour is Behaviour.OFFLINE else "online"
            self.problem.emit(
                self.tr(
                    "The custom network profile %1 is written as “%2”: scenarios name "
                    "only the built-in profiles."
                )
                .replace("%1", profile.name)
                .replace("%2", name)
            )
        self._add(lambda: recorder.network(name))

    @Slot(str, object)
    def _on_payment(self, document_id: str, outcome: object) -> None:
        recorder, refs = self.recorder, self.refs
        if recorder is None or refs is None:
            return
        self._read_outbox()
        with self._context.cache.database.reader() as session:
            card = self._cards.pop(document_id, None)
            if card is None and isinstance(outcome, PaymentOutcome):
                payment = session.get(Payment, outcome.payment_id)
                card = card_for(outcome.status.value, payment.card_last4 if payment else "")
            step = payment_step(session, refs, document_id, card or "approve")
        self._add(lambda: recorder.action(step))

    @Slot(object)
    def _on_sync_step(self, report: StepReport) -> None:
        recorder = self.recorder
        moved = report.pushed or report.pulled or report.uploaded
        if recorder is None or not report.ok or not moved:
            return
        self._read_outbox()
        self._add(recorder.sync)

    def _read_outbox(self) -> None:
        recorder, refs = self.recorder, self.refs
        if recorder is None or refs is None:
            return
        with self._context.cache.database.reader() as session:
            ops = session.scalars(
                select(OutboxOp).where(OutboxOp.seq > self._seen_seq).order_by(OutboxOp.seq)
            ).all()
            if not ops:
                return
            self._seen_seq = ops[-1].seq
            steps = steps_for_ops(ops, session, refs)
        for step in steps:
            self._add(lambda step=step: recorder.action(step))
        for skipped in refs.skipped[self._skipped_shown :]:
            self.problem.emit(self.tr("Not recorded: %1").replace("%1", skipped))
        self._skipped_shown = len(refs.skipped)

    def _add(self, append: Callable[[], dict[str, Any] | None]) -> None:
        """Run one recorder method; a step appended is announced, a refusal is shown."""
        recorder = self.recorder
        if recorder is None:
            return
        before = len(recorder.steps)
        try:
            step = append()
        except ScenarioError as error:
            self.problem.emit(str(error))
            return
        if step is not None and len(recorder.steps) > before:
            self.stepRecorded.emit(step)
