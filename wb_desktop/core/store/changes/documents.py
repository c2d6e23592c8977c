"""Invoices and estimates: create and edit drafts offline, and queue them to be sent."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import Session

from wb_desktop.core.domain.errors import StateError, ValidationError
from wb_desktop.core.domain.money import DocumentTotals, LineInput, price_document
from wb_desktop.core.domain.records import DeliveryState, DocumentKind, clean_text
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.store.changes.core import (
    Change,
    ChangeReceipt,
    WritePath,
    load,
    new_id,
    new_record,
    touch,
)
from wb_desktop.core.store.models import Customer, Device, Document, DocumentLine, Job
from wb_desktop.core.store.outbox import OpSpec

RECORD = "document"
MAX_DOCUMENT_NOTES = 5000
_PREFIX = {DocumentKind.INVOICE: "INV", DocumentKind.ESTIMATE: "EST"}
_NO_CUSTOMER = QT_TRANSLATE_NOOP("Domain", "pick the customer the invoice or estimate is for")
_NOT_AN_ESTIMATE = QT_TRANSLATE_NOOP(
    "Domain", "%1 is already an invoice; only an estimate can be converted into one."
)
_NOT_A_KIND = QT_TRANSLATE_NOOP("Domain", "'%1' is not invoice or estimate")
_UNKNOWN_KEYS = QT_TRANSLATE_NOOP("Domain", "unknown keys: %1")
_NOT_A_LINE = QT_TRANSLATE_NOOP("Domain", "expected a line")
_NOTHING_TO_CHANGE = QT_TRANSLATE_NOOP("Domain", "nothing to change")
_OTHER_CUSTOMERS_JOB = QT_TRANSLATE_NOOP("Domain", "the job belongs to another customer")
_FINAL = {
    DeliveryState.QUEUED: QT_TRANSLATE_NOOP(
        "Domain", "%1 is queued and can no longer be edited; make a new one instead."
    ),
    DeliveryState.SENT: QT_TRANSLATE_NOOP(
        "Domain", "%1 has been sent and can no longer be edited; make a new one instead."
    ),
}


def parse_kind(kind: str | DocumentKind) -> DocumentKind:
    try:
        return DocumentKind(kind)
    except ValueError:
        raise ValidationError.single("kind", Text(_NOT_A_KIND, str(kind))) from None


def as_line_inputs(lines: Sequence[Any]) -> list[LineInput]:
    """Accept LineInput objects or mappings with the same keys (as scenarios give them)."""
    result = []
    for index, line in enumerate(lines):
        if isinstance(line, LineInput):
            result.append(line)
        elif isinstance(line, dict):
            unknown = set(line) - {"description", "quantity", "unit_price", "vat_rate"}
            if unknown:
                raise ValidationError.single(
                    f"lines[{index}]", Text(_UNKNOWN_KEYS, ", ".join(sorted(unknown)))
                )
            # Missing keys become None, so price_document names them (lines[i].quantity).
            result.append(
                LineInput(
                    line.get("description"),
                    line.get("quantity"),
                    line.get("unit_price"),
                    line.get("vat_rate", "25"),
                )
            )
        else:
            raise ValidationError.single(f"lines[{index}]", Text(_NOT_A_LINE))
    return result


class DocumentChanges:
    def __init__(self, write_path: WritePath) -> None:
        self._write = write_path

    def create(
        self,
        kind: str | DocumentKind,
        customer_id: str,
        lines: Sequence[Any],
        *,
        job_id: str | None = None,
        currency: str = "SEK",
        notes: str = "",
    ) -> ChangeReceipt:
        doc_kind = parse_kind(kind)
        if not customer_id:
            raise ValidationError.single("customer_id", Text(_NO_CUSTOMER))
        clean_notes = clean_text(notes, "notes", MAX_DOCUMENT_NOTES)
        totals = price_document(as_line_inputs(lines), currency)

        def mutate(session: Session, now: datetime) -> Change:
            document = _new_document(
                session, now, doc_kind, customer_id, job_id, clean_notes, totals, None
            )
            return Change(RECORD, document.id, _create_spec(document), document.job_id)

        return self._write.write(mutate)

    def convert_to_invoice(self, estimate_id: str) -> ChangeReceipt:
        """Make an invoice from an estimate: same customer, job, lines and notes.

        Converting an estimate that already became an invoice makes nothing new: the receipt
        names the existing invoice and ``changed`` is False, the way a second Send sends
        nothing. A technician who taps Convert twice (or on a second tablet screen) wants
        *the* invoice, not a second bill to the same customer.
        """

        def mutate(session: Session, now: datetime) -> Change:
            estimate = load(session, Document, estimate_id, "estimate")
            if estimate.kind is not DocumentKind.ESTIMATE:
                raise StateError(Text(_NOT_AN_ESTIMATE, estimate.reference))
            existing = session.scalar(
                select(Document.id).where(
                    Document.converted_from_id == estimate.id,
                    Document.kind == DocumentKind.INVOICE,
                )
            )
            if existing is not None:
                return Change(RECORD, existing, None, estimate.job_id)
            lines = [
                LineInput(line.description, line.quantity, line.unit_price, line.vat_rate)
                for line in estimate.lines
            ]
            document = _new_document(
                session,
                now,
                DocumentKind.INVOICE,
                estimate.customer_id,
                estimate.job_id,
                estimate.notes,
                price_document(lines, estimate.currency),
                estimate.id,
            )
            return Change(RECORD, document.id, _create_spec(document), document.job_id)

        return self._write.write(mutate)

    def edit(
        self,
        document_id: str,
        *,
        lines: Sequence[Any] | None = None,
        currency: str | None = None,
        notes: str | None = None,
    ) -> ChangeReceipt:
        """Replace a draft's lines, currency or notes; a queued or sent document is final."""
        if lines is None and currency is None and notes is None:
            raise ValidationError.single("fields", Text(_NOTHING_TO_CHANGE))
        clean_notes = None if notes is None else clean_text(notes, "notes", MAX_DOCUMENT_NOTES)

        def mutate(session: Session, now: datetime) -> Change:
            document = load(session, Document, document_id, RECORD)
            if document.delivery_state is not DeliveryState.DRAFT:
                raise StateError(Text(_FINAL[document.delivery_state], document.reference))
            if lines is not None or currency is not None:
                old_lines = [
                    LineInput(line.description, line.quantity, line.unit_price, line.vat_rate)
                    for line in document.lines
                ]
                new_lines = as_line_inputs(lines) if lines is not None else old_lines
                _apply_totals(document, price_document(new_lines, currency or document.currency))
            if clean_notes is not None:
                document.notes = clean_notes
            touch(document, now)
            spec = OpSpec(
                f"{RECORD}.update",
                RECORD,
                document.id,
                _snapshot(document),
                base_version=document.version,
            )
            return Change(RECORD, document.id, spec, document.job_id)

        return self._write.write(mutate)

    def send(self, document_id: str) -> ChangeReceipt:
        """Queue the document to be sent; pressing Send again does not send it twice."""

        def mutate(session: Session, now: datetime) -> Change:
            document = load(session, Document, document_id, RECORD)
            if document.delivery_state is not DeliveryState.DRAFT:
                return Change(RECORD, document.id, None, document.job_id)
            document.delivery_state = DeliveryState.QUEUED
            document.queued_at = now
            touch(document, now)
            spec = OpSpec(
                f"{RECORD}.send",
                RECORD,
                document.id,
                {"queued_at": now},
                base_version=document.version,
            )
            return Change(RECORD, document.id, spec, document.job_id)

        return self._write.write(mutate)


def _new_document(
    session: Session,
    now: datetime,
    kind: DocumentKind,
    customer_id: str,
    job_id: str | None,
    notes: str,
    totals: DocumentTotals,
    converted_from_id: str | None,
) -> Document:
    customer = load(session, Customer, customer_id, "customer")
    if job_id is not None:
        job = load(session, Job, job_id, "job")
        if job.customer_id != customer.id:
            raise ValidationError.single("job_id", Text(_OTHER_CUSTOMERS_JOB))
    document = new_record(
        Document,
        now,
        kind=kind,
        reference=_next_reference(session, kind),
        job_id=job_id,
        customer_id=customer.id,
        notes=notes,
        delivery_state=DeliveryState.DRAFT,
        converted_from_id=converted_from_id,
    )
    _apply_totals(document, totals)
    session.add(document)
    return document


def _create_spec(document: Document) -> OpSpec:
    """The create op waits for a new customer, job or source estimate it refers to; an
    invoice made from an estimate names it (the server keeps what it knows how to store)."""
    parents = [("customer", document.customer_id)]
    payload = _snapshot(document)
    if document.job_id:
        parents.append(("job", document.job_id))
    if document.converted_from_id:
        parents.append((RECORD, document.converted_from_id))
        payload["converted_from_id"] = document.converted_from_id
    return OpSpec(f"{RECORD}.create", RECORD, document.id, payload, parents=tuple(parents))


def _next_reference(session: Session, kind: DocumentKind) -> str:
    """A readable local reference, unique per device: INV-<device>-00001.

    Numbered after the highest one used, not by counting rows, so a removed document never
    frees its number for reuse.
    """
    device = session.scalars(select(Device.id)).one()
    prefix = f"{_PREFIX[kind]}-{device[:8].upper()}-"
    highest = session.scalar(
        select(func.max(cast(func.substr(Document.reference, len(prefix) + 1), Integer))).where(
            Document.reference.startswith(prefix, autoescape=True)
        )
    )
    return f"{prefix}{(highest or 0) + 1:05d}"


def _apply_totals(document: Document, totals: DocumentTotals) -> None:
    document.currency = totals.currency
    document.subtotal = totals.subtotal
    document.vat_total = totals.vat_total
    document.total = totals.total
    document.lines = [
        DocumentLine(
            id=new_id(),
            position=index,
            description=line.description,
            quantity=line.quantity,
            unit_price=line.unit_price,
            vat_rate=line.vat_rate,
            net=line.net,
            vat=line.vat,
            total=line.total,
        )
        for index, line in enumerate(totals.lines)
    ]


def _snapshot(document: Document) -> dict[str, Any]:
    return {
        "kind": document.kind,
        "reference": document.reference,
        "job_id": document.job_id,
        "customer_id": document.customer_id,
        "currency": document.currency,
        "subtotal": document.subtotal,
        "vat_total": document.vat_total,
        "total": document.total,
        "notes": document.notes,
        "lines": [
            {
                "description": line.description,
                "quantity": line.quantity,
                "unit_price": line.unit_price,
                "vat_rate": line.vat_rate,
                "net": line.net,
                "vat": line.vat,
                "total": line.total,
            }
            for line in document.lines
        ],
    }
