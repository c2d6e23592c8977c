"""Card payments as the sync worker takes them: with the worker's own client and cache.

The payment call blocks for up to a few timeouts, so it never runs on the GUI thread; the
worker calls :func:`take_payment` and reports what it returns. Every ending is a value —
an outcome or the refusal to show — so the worker never loses an answer to an exception.
"""

from __future__ import annotations

import logging
import threading
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


class PaymentAttempts:
    """Which attempt at each invoice's payment the person is still waiting for.

    The GUI starts, supersedes ("Try again") and cancels attempts while the sync worker may be
    busy with one, so this is shared by both threads under a lock. The worker asks
    :meth:`is_live` before it sends and after the answer: an attempt given up on sends
    nothing, and its late answer is neither shown nor taken as the outcome."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._live: dict[str, int] = {}
        self._last = 0

    def begin(self, document_id: str) -> int:
        """A new attempt at this invoice; any earlier one is given up on."""
        with self._lock:
            self._last += 1
            self._live[document_id] = self._last
            return self._last

    def cancel(self, document_id: str) -> None:
        with self._lock:
            self._live.pop(document_id, None)

    def is_live(self, document_id: str, attempt: int) -> bool:
        with self._lock:
            return self._live.get(document_id) == attempt

    def finish(self, document_id: str, attempt: int) -> bool:
        """Whether this attempt's answer is the one to show (it is then no longer live)."""
        with self._lock:
            if self._live.get(document_id) != attempt:
                return False
            del self._live[document_id]
            return True


def take_payment(
    client: SyncClient,
    document_id: str,
    card_number: str,
    *,
    is_online: Callable[[], bool],
    sync: Callable[[], object],
    timeout_s: float = PAYMENT_TIMEOUT_S,
    cancelled: Callable[[], bool] = lambda: False,
) -> PaymentResult:
    """Charge the invoice's total once; ``sync`` runs a sync step when the office does not
    have the invoice yet. A retry after "no answer" reuses the open payment's idempotency
    key (PaymentDesk keeps it in the cache) and asks the server for its outcome first, so it
    never charges twice; ``cancelled`` is :meth:`PaymentAttempts.is_live` negated."""
    engine = client.engine
    desk = PaymentDesk(client.api, engine.database, engine.clock, is_online, sync, timeout_s)
    try:
        return desk.collect(document_id, card_number, cancelled)
    except WorkBossError as refusal:
        return refusal
    except Exception:
        _log.exception("a card payment for %s ended unexpectedly", document_id)
        return PaymentRefusedError(Text(UNEXPECTED_MESSAGE))
