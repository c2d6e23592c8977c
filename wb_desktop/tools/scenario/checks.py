"""A scenario's ``expect`` step: each check compares one thing the technician or the office
would see with what the scenario says it should be (the vocabulary is in docs/scenarios.md)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from wb_desktop.core.domain.records import DocumentKind
from wb_desktop.core.protocol.admin import OfficeView
from wb_desktop.core.store.models import Document, Note, Photo, Signature, TimeEntry
from wb_desktop.core.sync.step_report import Failure, StepReport
from wb_desktop.tools.scenario.perform import Performer

_CONNECTIVITY_FAILURES = (Failure.OFFLINE, Failure.UNREACHABLE, Failure.PORTAL)
_CHILDREN = {"notes": Note, "photos": Photo, "signatures": Signature, "time_entries": TimeEntry}


@dataclass
class Expectations:
    performer: Performer
    last_report: Callable[[], StepReport | None]
    office_view: Callable[[], OfficeView | None]

    def check(self, checks: Mapping[str, Any]) -> list[str]:
        """Every mismatch, as sentences; an empty list means the step passed."""
        problems: list[str] = []
        for name, expected in checks.items():
            handler: Callable[[Any], list[str]] = getattr(self, f"_check_{name}")
            values = expected if name in ("job", "server_job", "invoice", "payment") else [expected]
            for value in values:
                problems.extend(handler(value))
        return problems

    def _engine(self) -> Any:
        return self.performer.session.client.engine

    def _check_online(self, expected: bool) -> list[str]:
        report = self.last_report()
        online = self.performer.session.online and not (
            report is not None and not report.ok and report.failure in _CONNECTIVITY_FAILURES
        )
        return [] if online == expected else [f"online is {online}, expected {expected}"]

    def _check_pending(self, expected: int) -> list[str]:
        return _equal("pending", self._engine().counts().pending, expected)

    def _check_dead(self, expected: int) -> list[str]:
        return _equal("dead", self._engine().counts().dead, expected)

    def _check_conflicts(self, expected: int) -> list[str]:
        return _equal("conflicts", self._engine().unresolved_conflicts(), expected)

    def _check_schedule_size(self, expected: int) -> list[str]:
        return _equal("schedule_size", len(self.performer.session.schedule()), expected)

    def _check_uploads_waiting(self, expected: int) -> list[str]:
        waiting = len(self._engine().uploader.waiting())
        return _equal("uploads_waiting", waiting, expected)

    def _check_last_error(self, expected: str) -> list[str]:
        report = self.last_report()
        reason = (report.reason or "") if report is not None and not report.ok else ""
        if expected.lower() in reason.lower():
            return []
        return [f"last_error is {reason!r}, expected it to contain {expected!r}"]

    def _check_job(self, spec: Mapping[str, Any]) -> list[str]:
        job = self.performer.job(spec["job"])
        label = f"job {spec['job']}"
        problems = []
        if "status" in spec:
            problems += _equal(f"{label} status", str(job.status), spec["status"])
        if "sync_state" in spec:
            problems += _equal(f"{label} sync_state", str(job.sync_state), spec["sync_state"])
        with self.performer.session.cache.database.reader() as db:
            for key, model in _CHILDREN.items():
                if key in spec:
                    count = db.scalar(
                        select(func.count()).select_from(model).where(model.job_id == job.id)
                    )
                    problems += _equal(f"{label} {key}", count, spec[key])
        return problems

    def _check_server_job(self, spec: Mapping[str, Any]) -> list[str]:
        job_id = self.performer.job(spec["job"]).id
        view = self._view()
        label = f"server job {spec['job']}"
        server_job = next((j for j in view.jobs if j.id == job_id), None)
        if server_job is None:
            return [f"{label}: the office does not list it for this technician"]
        problems = []
        if "status" in spec:
            problems += _equal(f"{label} status", server_job.status, spec["status"])
        for key in _CHILDREN:
            if key in spec:
                count = sum(1 for row in getattr(view, key) if row.job_id == job_id)
                problems += _equal(f"{label} {key}", count, spec[key])
        return problems

    def _check_invoice(self, spec: Mapping[str, Any]) -> list[str]:
        document_id = self.performer.document(spec["invoice"], DocumentKind.INVOICE)
        with self.performer.session.cache.database.reader() as db:
            document = db.get(Document, document_id)
        assert document is not None
        label = f"invoice {document.reference}"
        problems = []
        if "delivery_state" in spec:
            problems += _equal(
                f"{label} delivery_state", str(document.delivery_state), spec["delivery_state"]
            )
        if "sync_state" in spec:
            problems += _equal(f"{label} sync_state", str(document.sync_state), spec["sync_state"])
        return problems

    def _check_server_invoices(self, spec: Mapping[str, Any]) -> list[str]:
        invoices = [d for d in self._view().documents if d.kind == "invoice"]
        problems = []
        if "total" in spec:
            problems += _equal("server invoices", len(invoices), spec["total"])
        if "sent" in spec:
            sent = sum(1 for d in invoices if d.delivery_state == "sent")
            problems += _equal("server invoices sent", sent, spec["sent"])
        return problems

    def _check_payment(self, spec: Mapping[str, Any]) -> list[str]:
        invoice = self.performer.document(spec.get("invoice"), DocumentKind.INVOICE)
        status = self.performer.ledger.payments.get(invoice, "none")
        return _equal("payment status", status, spec["status"])

    def _view(self) -> OfficeView:
        view = self.office_view()
        if view is None:
            raise LookupError("server checks need the admin token (--admin-token)")
        return view


def _equal(label: str, actual: Any, expected: Any) -> list[str]:
    return [] if actual == expected else [f"{label} is {actual!r}, expected {expected!r}"]
