"""Push (``POST /v1/push``): a batch of ops from one device, and the answer to each.

An op's envelope is checked as the request is read (a malformed one refuses the batch with
422); its payload is checked against its kind's model (:mod:`.ops`) on its own, so a bad
payload or an unknown kind rejects that op alone and never the rest of the batch.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from wb_desktop.core.protocol.fields import JsonInt, Uuid
from wb_desktop.core.protocol.kinds import OpKind, RecordType
from wb_desktop.core.protocol.records import RecordJson

MAX_OPS = 500
MAX_SEQ = 2**62
MAX_BASE_VERSION = 2**31
OpResultKind = Literal["applied", "duplicate", "conflict", "rejected"]
RejectionCode = Literal["seq_used", "op_id_used", "server_error"]
# The same codes by name, for the code that sends or reads them (a test keeps them equal).
SEQ_USED, OP_ID_USED, SERVER_ERROR = "seq_used", "op_id_used", "server_error"
Winner = Literal["server", "client"]
Policy = Literal["office_owned", "technician_owned", "status_machine", "last_write"]


class OpIn(BaseModel):
    """One change as a device sends it; ``payload``'s shape depends on ``kind``."""

    model_config = ConfigDict(extra="forbid")

    op_id: Uuid
    seq: JsonInt = Field(ge=1, le=MAX_SEQ)
    kind: str = Field(
        min_length=1,
        max_length=40,
        description="one of the op kinds (an unknown one rejects that op alone)",
        examples=[kind.value for kind in OpKind],
    )
    record_type: str = Field(
        min_length=1, max_length=40, examples=[record_type.value for record_type in RecordType]
    )
    record_id: Uuid
    base_version: JsonInt = Field(ge=0, le=MAX_BASE_VERSION)
    payload: dict[str, Any]


class PushRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    device_id: Uuid
    ops: list[OpIn] = Field(max_length=MAX_OPS)


class SettledField(BaseModel):
    """A field both sides changed that the server settled by its per-field policy.

    Sent back so the device can show what was replaced; the server keeps the same in its
    conflict log.
    """

    field: str
    winner: Winner = Field(description="`server` kept the office's value; `client` took this op's")
    policy: Policy = Field(
        description=(
            "why: `office_owned` (the server's value wins), `technician_owned` (the op's value "
            "wins), `status_machine` (the job's status had moved on; the op's status could not "
            "follow it), `last_write` (a record only its technician edits, changed on two of "
            "their devices: the op that arrives last wins)"
        )
    )
    kept: Any = Field(description="the value the record holds now (the winner's)")
    lost: Any = Field(description="the value that was replaced or refused (the loser's)")


class OpResultOut(BaseModel):
    """The server's answer to one op, in the order the ops were sent."""

    op_id: str
    seq: int
    result: OpResultKind
    original_result: str | None = None
    version: int | None = None
    record: RecordJson | None = None
    reason: str | None = None
    code: RejectionCode | None = Field(
        default=None,
        description=(
            "why a `rejected` op was refused, where the client can act on it: `seq_used` — "
            "this device already used the seq for another op (a cache restored from a backup "
            "is behind): send the op again with a seq above `last_seq`; `op_id_used` — another "
            "device used the op id; `server_error` — applying the op failed on the server"
        ),
    )
    settled: list[SettledField] = Field(
        default_factory=list,
        description=(
            "fields of this op both sides changed, settled by policy (with `applied` when the "
            "op's values won, `conflict` when the server kept some of its own)"
        ),
    )


class PushReply(BaseModel):
    results: list[OpResultOut]
    last_seq: int
