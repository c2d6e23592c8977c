"""Card payments (``POST /v1/payments``): online only, idempotent by key.

``GET /v1/payments/{idempotency_key}`` answers the :class:`PaymentOut` a key was charged
with (404 when the server never recorded it), so a client that heard no answer can learn
the outcome before it sends the card again.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from wb_desktop.core.protocol.fields import PositiveMoney, Uuid

PaymentResult = Literal["approved", "declined"]


class PaymentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    idempotency_key: Uuid
    document_id: Uuid
    amount: PositiveMoney
    currency: str = Field(min_length=3, max_length=3)
    card_number: str = Field(min_length=12, max_length=23)


class PaymentOut(BaseModel):
    id: str
    idempotency_key: str
    document_id: str
    amount: Decimal
    currency: str
    status: PaymentResult
    card_last4: str
    reason: str
