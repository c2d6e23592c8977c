"""What a scenario may name, from the one definition of each concept (values, as a scenario
writes them): statuses, sync and delivery states, payment outcomes, card aliases, fault kinds.

Shared by the field checkers, the action and expectation tables and the performer, so that
the checker and the performer never disagree on a name.
"""

from __future__ import annotations

from wb_desktop.core.domain.records import DeliveryState, PaymentStatus
from wb_desktop.core.domain.status import TECHNICIAN_STATUSES as DOMAIN_TECHNICIAN_STATUSES
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.protocol.kinds import FaultKind

JOB_STATUSES = tuple(status.value for status in JobStatus)
TECHNICIAN_STATUSES = tuple(status.value for status in DOMAIN_TECHNICIAN_STATUSES)
SYNC_STATES = tuple(state.value for state in SyncState)
DELIVERY_STATES = tuple(state.value for state in DeliveryState)
PAYMENT_REFUSED, PAYMENT_REFUSED_OFFLINE = "refused", "refused_offline"  # never charged
PAYMENT_OUTCOMES = (
    *(status.value for status in PaymentStatus),
    PAYMENT_REFUSED,
    PAYMENT_REFUSED_OFFLINE,
)
CARD_ALIASES = ("approve", "decline", "timeout")
FAULT_KINDS = tuple(kind.value for kind in FaultKind)
