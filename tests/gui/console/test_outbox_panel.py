"""The outbox inspector on the whole demo app: offline changes show up, one is discarded with
its log entry, the rest drains when the app goes online; a refused op goes back to the queue
after the office fixed the cause; the outbox exports; bad requests are refused inline."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.gui.console.conftest import SYNC_WAIT_MS
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.store.models import Job, OutboxState
from wb_desktop.core.store.outbox_discard import discard_log, plan_discard
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.outbox_model import OutboxColumn, StateFilter
from wb_desktop.tools.console.outbox_panel import OutboxPanel
from wb_desktop.ui.theme import TOUCH_TARGET_PX

LINES = [{"description": "Callout", "quantity": "1", "unit_price": "500"}]


def panel_for(qtbot: QtBot, console: ConsoleContext) -> OutboxPanel:
    panel = OutboxPanel(console)
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.show()
    return panel


def scheduled_jobs(console: ConsoleContext) -> list[Job]:
    return console.workday.read(
        lambda session: list(
            session.scalars(
                select(Job)
                .where(Job.status == JobStatus.SCHEDULED)
                .order_by(Job.scheduled_start, Job.id)
            )
        )
    )


def go_offline(qtbot: QtBot, console: ConsoleContext) -> None:
    console.service.set_profile("offline")
    qtbot.waitUntil(lambda: console.service.view().activity.value == "offline")


def cell(panel: OutboxPanel, row: int, column: OutboxColumn) -> str:
    return panel.model.index(row, column).data()


def test_offline_changes_show_one_is_discarded_and_the_rest_drains(
    qtbot: QtBot, qtmodeltester, console: ConsoleContext
) -> None:
    go_offline(qtbot, console)
    job = scheduled_jobs(console)[0]
    panel = panel_for(qtbot, console)
    assert panel.model.rowCount() == 0
    kept = console.workday.write(job.id, lambda c: c.jobs.add_note(job.id, "Bring the ladder"))
    typo = console.workday.write(job.id, lambda c: c.jobs.add_note(job.id, "wrong job, sorry"))
    console.workday.write(job.id, lambda c: c.jobs.set_status(job.id, JobStatus.EN_ROUTE))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)  # the panel follows workday.changed
    qtmodeltester.check(panel.model)
    assert cell(panel, 0, OutboxColumn.KIND) == "note.create"
    assert job.title in cell(panel, 0, OutboxColumn.RECORD)
    assert cell(panel, 0, OutboxColumn.STATE) == "Queued"
    assert "3 not yet accepted" in panel.summary_label.text()

    panel.select_ops([typo.op_id])
    assert panel.discard_button.isEnabled() and not panel.requeue_button.isEnabled()
    assert "wrong job, sorry" in panel.detail_text.toPlainText()
    done = panel.discard_selected(confirm=False, reason="typed on the wrong job")
    assert done is not None and done.all == (typo.op_id,)
    assert panel.model.rowCount() == 2
    assert panel.message_label.property("role") == "ok"
    with console.cache.database.reader() as session:
        [entry] = discard_log(session)
    assert (entry.op_id, entry.reason) == (typo.op_id, "typed on the wrong job")
    assert entry.details["payload"]["text"] == "wrong job, sorry"

    console.service.set_profile("online")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=SYNC_WAIT_MS)
    office = console.office()
    try:
        notes = office.office_view(console.technician_id).notes
        office_job = next(j for j in office.jobs(console.technician_id) if j.id == job.id)
    finally:
        office.close()
    texts = {note.text for note in notes}
    assert "Bring the ladder" in texts and "wrong job, sorry" not in texts
    assert kept.record_id in {note.id for note in notes}
    assert office_job.status == "en_route"


def test_a_refused_op_goes_back_to_the_queue_after_the_fix(
    qtbot: QtBot, console: ConsoleContext
) -> None:
    job = scheduled_jobs(console)[0]
    office = console.office()
    try:
        me = console.technician_id
        other = next(t.id for t in office.technicians() if t.id != me)
        go_offline(qtbot, console)
        office.assign_job(job.id, other)  # the office gives the job away meanwhile
        console.workday.write(job.id, lambda c: c.jobs.set_status(job.id, JobStatus.EN_ROUTE))
        panel = panel_for(qtbot, console)
        console.service.set_profile("online")
        qtbot.waitUntil(
            lambda: [r.state for r in panel.model.rows()] == [OutboxState.DEAD],
            timeout=SYNC_WAIT_MS,
        )
        assert cell(panel, 0, OutboxColumn.STATE) == "Refused"
        assert "no longer assigned" in cell(panel, 0, OutboxColumn.LAST_ERROR)
        panel.set_state_filter(StateFilter.QUEUED)
        assert panel.model.rowCount() == 0
        panel.set_state_filter(StateFilter.DEAD)
        [dead] = panel.model.rows()
        panel.select_ops([dead.op_id])
        assert panel.requeue_button.isEnabled() and not panel.retry_button.isEnabled()

        office.assign_job(job.id, me)  # the fix
        [moved] = panel.requeue_selected()
        assert moved.old_op_id == dead.op_id
        panel.set_state_filter(StateFilter.EVERYTHING)
        qtbot.waitUntil(
            lambda: any(
                r.op_id == moved.new_op_id and r.state is OutboxState.DONE
                for r in panel.model.rows()
            ),
            timeout=SYNC_WAIT_MS,
        )
        office_job = next(j for j in office.jobs(me) if j.id == job.id)
        assert office_job.status == "en_route"
    finally:
        office.close()


def test_discarding_a_new_customer_names_what_goes_with_it(
    qtbot: QtBot, console: ConsoleContext
) -> None:
    go_offline(qtbot, console)
    changes = console.cache.changes
    created = changes.customers.create({"name": "Ada Berg"})
    changes.documents.create("estimate", created.record_id, LINES)
    panel = panel_for(qtbot, console)
    panel.select_ops([created.op_id])
    with console.cache.database.reader() as session:
        plan = plan_discard(session, [created.op_id])
    question = panel.discard_question(plan)
    assert "Discard 1 change for good?" in question
    assert "1 more change cannot reach the office" in question

    assert panel.discard_selected(confirm=False) is None  # no reason given
    assert panel.message_label.property("role") == "error"
    assert "Say why" in panel.message_label.text()
    assert panel.model.rowCount() == 2  # nothing discarded

    panel.reason_edit.setText("a duplicate of Ada Berg AB")
    done = panel.discard_selected(confirm=False)
    assert done is not None and len(done.all) == 2
    assert panel.model.rowCount() == 0


def test_nothing_selected_and_export(qtbot: QtBot, console: ConsoleContext, tmp_path: Path) -> None:
    go_offline(qtbot, console)
    job = scheduled_jobs(console)[0]
    console.workday.write(job.id, lambda c: c.jobs.add_note(job.id, "Gate code 1234"))
    panel = panel_for(qtbot, console)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    panel.select_ops([])
    assert panel.retry_selected() == 0
    assert panel.message_label.property("role") == "error"
    assert panel.requeue_selected() == []
    for button in (panel.retry_button, panel.discard_button, panel.export_button):
        assert button.minimumHeight() >= TOUCH_TARGET_PX

    target = tmp_path / "outbox.csv"
    with qtbot.waitSignal(panel.exportFinished, timeout=SYNC_WAIT_MS) as finished:
        panel.export_to(target)
    assert finished.args[0] == 1
    [row] = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert row["kind"] == "note.create" and "Gate code 1234" in row["payload"]

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with qtbot.waitSignal(panel.exportFailed, timeout=SYNC_WAIT_MS):
        panel.export_to(blocker / "outbox.json")
    assert panel.message_label.property("role") == "error"
    assert "could not be exported" in panel.message_label.text()
