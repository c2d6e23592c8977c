"""Card payments as the sync worker takes them: with the worker's own client and cache.

The payment call blocks for up to a few timeouts, so it never runs on the GUI thread; the
worker calls :func:`take_payment` and reports what it returns. Every ending is a value —
an outcome or the refusal to show — so the worker never loses an answer to an exception.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.sync.client import SyncClient
from wb_desktop.core.sync.payments import (
    OFFLINE_MESSAGE,
    PAYMENT_TIMEOUT_S,
    PaymentDesk,
    PaymentOutcome,
    PaymentRefusedError,
)

UNEXPECTED_MESSAGE = QT_TRANSLATE_NOOP(
    "Domain",
    "The payment service gave an answer this app does not understand. Try again — the card "
    "will not be charged twice.",
)
NOT_STARTED_MESSAGE = QT_TRANSLATE_NOOP(
    "Domain", "Sync has not started yet; try the payment again in a moment."
)

PaymentResult = PaymentOutcome | WorkBossError
_log = logging.getLogger(__name__)


def offline_refusal() -> PaymentRefusedError:
    """PaymentDesk.collect's own refusal for an offline tablet (the same OFFLINE_MESSAGE),
    given at once without a trip to the sync worker."""
    return PaymentRefusedError(Text(OFFLINE_MESSAGE))


def not_started_refusal() -> PaymentRefusedError:
    return PaymentRefusedError(Text(NOT_STARTED_MESSAGE))


def take_payment(
    client: SyncClient,
    document_id: str,
    card_number: str,
    *,
    is_online: Callable[[], bool],
    sync: Callable[[], object],
    timeout_s: float = PAYMENT_TIMEOUT_S,
) -> PaymentResult:
    """Charge the invoice's total once; ``sync`` runs a sync step when the office does not
    have the invoice yet. A retry after "no answer" reuses the open payment's idempotency
    key (PaymentDesk keeps it in the cache), so it never charges twice."""
    engine = client.engine
    desk = PaymentDesk(client.api, engine.database, engine.clock, is_online, sync, timeout_s)
    try:
        return desk.collect(document_id, card_number)
    except WorkBossError as refusal:
        return refusal
    except Exception:
        _log.exception("a card payment for %s ended unexpectedly", document_id)
        return PaymentRefusedError(Text(UNEXPECTED_MESSAGE))
