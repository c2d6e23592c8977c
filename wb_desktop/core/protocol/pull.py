"""Pull (``GET /v1/changes``): a technician's changes after a cursor, by server sequence."""

from __future__ import annotations

from typing import Self

from pydantic import BaseModel, model_validator

from wb_desktop.core.protocol.records import RecordJson

DEFAULT_PAGE = 500
MAX_PAGE = 5000


class ChangeOut(BaseModel):
    """One entry of the feed: the record as it now is, or a tombstone (``deleted``)."""

    seq: int
    record_type: str
    record_id: str
    version: int
    deleted: bool
    data: RecordJson | None
    origin_device_id: str | None

    @model_validator(mode="after")
    def _data_unless_deleted(self) -> Self:
        if not self.deleted and self.data is None:
            raise ValueError("a pulled change has no record data")
        return self


class ChangesPage(BaseModel):
    changes: list[ChangeOut]
    next_cursor: int
    has_more: bool
