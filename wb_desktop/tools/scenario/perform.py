"""What a scenario's ``do`` and ``server`` steps do: the technician's actions through the
app's one write path, and the office's moves through the server's admin API."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from wb_desktop.core.domain.records import DocumentKind
from wb_desktop.core.store.changes import ChangeReceipt
from wb_desktop.core.store.models import Customer, Document, Job, JobLineItem
from wb_desktop.core.sync.payments import PaymentDesk, PaymentRefusedError
from wb_desktop.tools.scenario.office import Office
from wb_desktop.tools.scenario.session import TechnicianSession
from wb_desktop.tools.scenario.vocabulary import PAYMENT_REFUSED, PAYMENT_REFUSED_OFFLINE
from wb_server.demo_data import make_png


class StepFailedError(Exception):
    """The step could not do what it says; the message names what and why."""


@dataclass(frozen=True)
class Saved:
    """One change the technician saved, as the invariants will look for it."""

    step: int
    action: str
    record_type: str
    record_id: str
    op_id: str


@dataclass
class Ledger:
    saved: list[Saved] = field(default_factory=list)
    invoices: list[str] = field(default_factory=list)
    estimates: list[str] = field(default_factory=list)
    payments: dict[str, str] = field(default_factory=dict)  # invoice id → last status
    office_touched: set[str] = field(default_factory=set)  # job ids the office changed

    def record(self, step: int, action: str, receipt: ChangeReceipt) -> None:
        if receipt.op_id is not None:
            self.saved.append(
                Saved(step, action, receipt.record_type, receipt.record_id, receipt.op_id)
            )


@dataclass
class Performer:
    session: TechnicianSession
    office: Office
    ledger: Ledger
    scenario_dir: Path | None

    def job(self, ref: Any) -> Job:
        if isinstance(ref, int):
            schedule = self.session.schedule()
            if not 1 <= ref <= len(schedule):
                raise StepFailedError(f"job {ref}: today's schedule has {len(schedule)} jobs")
            return schedule[ref - 1]
        with self.session.cache.database.reader() as db:
            job = db.get(Job, ref)
        if job is None:
            raise StepFailedError(f"job {ref} is not in the technician's cache")
        return job

    def document(self, ref: Any, kind: DocumentKind) -> str:
        made = self.ledger.invoices if kind is DocumentKind.INVOICE else self.ledger.estimates
        if ref is None:
            if not made:
                raise StepFailedError(f"no {kind.value} was created in this scenario yet")
            return made[-1]
        if isinstance(ref, int):
            if not 1 <= ref <= len(made):
                raise StepFailedError(f"{kind.value} {ref}: only {len(made)} were created")
            return made[ref - 1]
        with self.session.cache.database.reader() as db:
            found = db.scalar(select(Document.id).where(Document.reference == ref))
        if found is None:
            raise StepFailedError(f"no {kind.value} with reference {ref}")
        return found

    def do(self, number: int, action: str, args: Mapping[str, Any]) -> str:
        handler: Callable[[int, Mapping[str, Any]], str] = getattr(self, f"_do_{action}")
        return handler(number, args)

    def server(self, action: str, args: Mapping[str, Any]) -> str:
        handler: Callable[[Mapping[str, Any]], str] = getattr(self, f"_server_{action}")
        return handler(args)

    def _save(self, number: int, action: str, receipt: ChangeReceipt) -> str:
        self.ledger.record(number, action, receipt)
        return "saved" if receipt.changed else "nothing to change"

    def _do_set_status(self, number: int, args: Mapping[str, Any]) -> str:
        job = self.job(args["job"])
        receipt = self.session.cache.changes.jobs.set_status(job.id, args["status"])
        return self._save(number, "set_status", receipt)

    def _do_add_note(self, number: int, args: Mapping[str, Any]) -> str:
        job = self.job(args["job"])
        return self._save(
            number, "add_note", self.session.cache.changes.jobs.add_note(job.id, args["text"])
        )

    def _do_import_photo(self, number: int, args: Mapping[str, Any]) -> str:
        job = self.job(args["job"])
        source = str(args["file"])
        if source.startswith("demo:"):
            n = int(source.split(":", 1)[1])
            data, name = make_png((40 * n % 256, 90, 160), (200, 30 * n % 256, 60)), f"demo-{n}.png"
        else:
            path = Path(source)
            try:
                data, name = path.read_bytes(), path.name
            except OSError as error:
                raise StepFailedError(f"cannot read {path}: {error}") from None
        receipt = self.session.cache.changes.media.add_photo(job.id, data, name)
        return self._save(number, "import_photo", receipt)

    def _do_sign(self, number: int, args: Mapping[str, Any]) -> str:
        job = self.job(args["job"])
        signer = str(args["signer"])
        seed = int(hashlib.sha256(f"{job.id}{signer}".encode()).hexdigest()[:6], 16)
        strokes = [[[10 + n * 7, 20 + (seed >> n) % 30, 0.6, n * 16] for n in range(12)]]
        png = make_png((255, 255, 255), (seed % 200, 20, 120))
        receipt = self.session.cache.changes.media.add_signature(job.id, signer, strokes, png)
        return self._save(number, "sign", receipt)

    def _do_clock_in(self, number: int, args: Mapping[str, Any]) -> str:
        job_id = self.job(args["job"]).id if "job" in args else None
        return self._save(number, "clock_in", self.session.cache.changes.time.clock_in(job_id))

    def _do_clock_out(self, number: int, args: Mapping[str, Any]) -> str:
        return self._save(number, "clock_out", self.session.cache.changes.time.clock_out())

    def _do_create_invoice(self, number: int, args: Mapping[str, Any]) -> str:
        return self._create_document(number, args, DocumentKind.INVOICE)

    def _do_create_estimate(self, number: int, args: Mapping[str, Any]) -> str:
        return self._create_document(number, args, DocumentKind.ESTIMATE)

    def _create_document(self, number: int, args: Mapping[str, Any], kind: DocumentKind) -> str:
        job = self.job(args["job"])
        lines = [dict(line) for line in args.get("lines") or ()] or self._job_lines(job.id)
        receipt = self.session.cache.changes.documents.create(
            kind, job.customer_id, lines, job_id=job.id
        )
        made = self.ledger.invoices if kind is DocumentKind.INVOICE else self.ledger.estimates
        made.append(receipt.record_id)
        return self._save(number, f"create_{kind.value}", receipt)

    def _job_lines(self, job_id: str) -> list[dict[str, Any]]:
        with self.session.cache.database.reader() as db:
            items = db.scalars(
                select(JobLineItem)
                .where(JobLineItem.job_id == job_id)
                .order_by(JobLineItem.position)
            ).all()
        if not items:
            raise StepFailedError("the job has no line items; give the invoice 'lines'")
        return [
            {
                "description": i.description,
                "quantity": str(i.quantity),
                "unit_price": str(i.unit_price),
                "vat_rate": str(i.vat_rate),
            }
            for i in items
        ]

    def _do_send_invoice(self, number: int, args: Mapping[str, Any]) -> str:
        document_id = self.document(args.get("invoice"), DocumentKind.INVOICE)
        return self._save(
            number, "send_invoice", self.session.cache.changes.documents.send(document_id)
        )

    def _do_send_estimate(self, number: int, args: Mapping[str, Any]) -> str:
        document_id = self.document(args.get("estimate"), DocumentKind.ESTIMATE)
        return self._save(
            number, "send_estimate", self.session.cache.changes.documents.send(document_id)
        )

    def _do_collect_payment(self, number: int, args: Mapping[str, Any]) -> str:
        invoice = self.document(args.get("invoice"), DocumentKind.INVOICE)
        client = self.session.client
        desk = PaymentDesk(
            client.api,
            self.session.cache.database,
            self.session.clock,
            is_online=lambda: self.session.online,
            sync=client.engine.step,
        )
        try:
            outcome = desk.collect(invoice, str(args["card"]))
        except PaymentRefusedError as refused:
            offline = not self.session.online
            refused_as = PAYMENT_REFUSED_OFFLINE if offline else PAYMENT_REFUSED
            self.ledger.payments[invoice] = refused_as
            return f"refused: {refused.message}"
        self.ledger.payments[invoice] = outcome.status.value
        return f"{outcome.status.value}{': ' + outcome.reason if outcome.reason else ''}"

    def _do_edit_customer(self, number: int, args: Mapping[str, Any]) -> str:
        ref = args["customer"]
        customer_id = self.job(ref).customer_id if isinstance(ref, int) else str(ref)
        with self.session.cache.database.reader() as db:
            if db.get(Customer, customer_id) is None:
                raise StepFailedError(f"customer {customer_id} is not in the technician's cache")
        receipt = self.session.cache.changes.customers.edit(customer_id, dict(args["fields"]))
        return self._save(number, "edit_customer", receipt)

    def _server_assign_job(self, args: Mapping[str, Any]) -> str:
        email = str(args.get("technician") or self.session.email)
        technician_id = self.office.technician_id(email)
        if "job" in args:
            job_id = self._server_job_id(args["job"])
            self.office.assign_job(job_id, technician_id)
            self.ledger.office_touched.add(job_id)
            return f"job {job_id} assigned to {email}"
        start = args.get("start") or timedelta(hours=2)
        if isinstance(start, timedelta):
            start = self.session.clock.now() + start
        assert isinstance(start, datetime)
        customer = args.get("customer")
        if customer is None:
            customer_id = self.office.customers()[0].id
        elif isinstance(customer, int):
            customer_id = self.job(customer).customer_id
        else:
            customer_id = str(customer)
        created = self.office.create_job(
            customer_id=customer_id,
            technician_id=technician_id,
            title=str(args.get("title") or "New assignment"),
            scheduled_start=start.isoformat(),
            scheduled_end=(start + timedelta(hours=1)).isoformat(),
            line_items=[{"description": "Call-out", "quantity": "1", "unit_price": "450.00"}],
        )
        self.ledger.office_touched.add(created.id)
        return f"new job {created.id} assigned to {email}"

    def _server_edit_job(self, args: Mapping[str, Any]) -> str:
        job_id = self._server_job_id(args["job"])
        self.office.edit_job(job_id, **dict(args["fields"]))
        self.ledger.office_touched.add(job_id)
        return f"job {job_id} edited"

    def _server_cancel_job(self, args: Mapping[str, Any]) -> str:
        job_id = self._server_job_id(args["job"])
        self.office.cancel_job(job_id)
        self.ledger.office_touched.add(job_id)
        return f"job {job_id} cancelled"

    def _server_unassign_job(self, args: Mapping[str, Any]) -> str:
        job_id = self._server_job_id(args["job"])
        self.office.assign_job(job_id, None)
        self.ledger.office_touched.add(job_id)
        return f"job {job_id} unassigned"

    def _server_fault(self, args: Mapping[str, Any]) -> str:
        fault = self.office.add_fault(**dict(args))
        return f"fault {fault.id} ({args['kind']})"

    def _server_clear_faults(self, args: Mapping[str, Any]) -> str:
        self.office.clear_faults()
        return "faults cleared"

    def _server_job_id(self, ref: Any) -> str:
        return self.job(ref).id if isinstance(ref, int) else str(ref)
