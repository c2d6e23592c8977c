"""Creating and editing customers offline."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from wb_desktop.core.domain.records import clean_customer_fields
from wb_desktop.core.store.changes.core import (
    Change,
    ChangeReceipt,
    WritePath,
    load,
    new_record,
    touch,
)
from wb_desktop.core.store.models import Customer
from wb_desktop.core.store.outbox import OpSpec

RECORD = "customer"


class CustomerChanges:
    def __init__(self, write_path: WritePath) -> None:
        self._write = write_path

    def create(self, fields: Mapping[str, Any]) -> ChangeReceipt:
        clean = clean_customer_fields(fields, creating=True)

        def mutate(session: Session, now: datetime) -> Change:
            customer = new_record(
                Customer, now, **{"phone": "", "email": "", "address": "", "notes": "", **clean}
            )
            session.add(customer)
            spec = OpSpec("customer.create", RECORD, customer.id, _snapshot(customer))
            return Change(RECORD, customer.id, spec)

        return self._write.write(mutate)

    def edit(self, customer_id: str, fields: Mapping[str, Any]) -> ChangeReceipt:
        """Change only the fields given; fields already holding that value are left out."""
        clean = clean_customer_fields(fields, creating=False)

        def mutate(session: Session, now: datetime) -> Change:
            customer = load(session, Customer, customer_id, RECORD)
            changed = {k: v for k, v in clean.items() if getattr(customer, k) != v}
            if not changed:
                return Change(RECORD, customer.id, None)
            previous = {k: getattr(customer, k) for k in changed}
            for key, value in changed.items():
                setattr(customer, key, value)
            touch(customer, now)
            spec = OpSpec(
                "customer.update",
                RECORD,
                customer.id,
                {"fields": changed, "previous": previous},
                base_version=customer.version,
            )
            return Change(RECORD, customer.id, spec)

        return self._write.write(mutate)


def _snapshot(customer: Customer) -> dict[str, Any]:
    return {
        "name": customer.name,
        "phone": customer.phone,
        "email": customer.email,
        "address": customer.address,
        "notes": customer.notes,
    }
