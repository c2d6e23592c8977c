"""Invoices and estimates: create and edit drafts offline, and queue them to be sent."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import Session

from wb_desktop.domain.errors import StateError, ValidationError
from wb_desktop.domain.money import DocumentTotals, LineInput, price_document
from wb_desktop.domain.records import DeliveryState, DocumentKind, clean_text
from wb_desktop.store.changes.core import (
    Change,
    ChangeReceipt,
    WritePath,
    load,
    new_id,
    new_record,
    touch,
)
from wb_desktop.store.models import Customer, Device, Document, DocumentLine, Job
from wb_desktop.store.outbox import OpSpec

RECORD = "document"
MAX_DOCUMENT_NOTES = 5000
_PREFIX = {DocumentKind.INVOICE: "INV", DocumentKind.ESTIMATE: "EST"}


def parse_kind(kind: str | DocumentKind) -> DocumentKind:
    try:
        return DocumentKind(kind)
    except ValueError:
        raise ValidationError.single("kind", f"'{kind}' is not invoice or estimate") from None


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
                    f"lines[{index}]", f"unknown keys: {', '.join(sorted(unknown))}"
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
            raise ValidationError.single(f"lines[{index}]", "expected a line")
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
        clean_notes = clean_text(notes, "notes", MAX_DOCUMENT_NOTES)
        totals = price_document(as_line_inputs(lines), currency)

        def mutate(session: Session, now: datetime) -> Change:
            customer = load(session, Customer, customer_id, "customer")
            if job_id is not None:
                job = load(session, Job, job_id, "job")
                if job.customer_id != customer.id:
                    raise ValidationError.single("job_id", "the job belongs to another customer")
            document = new_record(
                Document,
                now,
                kind=doc_kind,
                reference=_next_reference(session, doc_kind),
                job_id=job_id,
                customer_id=customer.id,
                notes=clean_notes,
                delivery_state=DeliveryState.DRAFT,
            )
            _apply_totals(document, totals)
            session.add(document)
            parents = [("customer", customer.id)] + ([("job", job_id)] if job_id else [])
            spec = OpSpec(
                f"{RECORD}.create", RECORD, document.id, _snapshot(document), parents=tuple(parents)
            )
            return Change(RECORD, document.id, spec)

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
            raise ValidationError.single("fields", "nothing to change")
        clean_notes = None if notes is None else clean_text(notes, "notes", MAX_DOCUMENT_NOTES)

        def mutate(session: Session, now: datetime) -> Change:
            document = load(session, Document, document_id, RECORD)
            if document.delivery_state is not DeliveryState.DRAFT:
                raise StateError(
                    f"{document.reference} is {document.delivery_state.value} and can no "
                    "longer be edited; make a new one instead."
                )
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
            return Change(RECORD, document.id, spec)

        return self._write.write(mutate)

    def send(self, document_id: str) -> ChangeReceipt:
        """Queue the document to be sent; pressing Send again does not send it twice."""

        def mutate(session: Session, now: datetime) -> Change:
            document = load(session, Document, document_id, RECORD)
            if document.delivery_state is not DeliveryState.DRAFT:
                return Change(RECORD, document.id, None)
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
            return Change(RECORD, document.id, spec)

        return self._write.write(mutate)


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
