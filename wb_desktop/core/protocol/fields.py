"""Field types of the wire contract that accept exactly what their JSON schema says.

Pydantic's lax mode takes ``true`` for an integer, ``0`` for a time and ``"1_000"`` or
``" 5"`` for a query integer, and documents a decimal as "a number or any string"; a client
written from the OpenAPI document should be able to rely on it, so the server accepts no
more and no less:

- body integers are JSON numbers without a fraction (``3`` or ``3.0``, as JSON Schema's
  ``integer``), never booleans or text (:data:`JsonInt`, or :data:`NUMBER` after the
  ``Field`` in an ``Annotated`` inside ``| None``, where pydantic would otherwise lose the
  limits from the schema); numbers are :data:`StrictFloat`;
- times are ISO 8601 text with a zone, never a number of seconds (:data:`DateTimeText`);
- integer query and header parameters are decimal digits (:data:`DIGITS`, after the
  ``Query``/``Header`` in their ``Annotated``, so the limits stay in the schema);
- money, quantities and rates are decimal strings with a bounded number of digits, e.g.
  ``"1625.00"``, whose pattern is all the validation there is (:func:`decimal_text`).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AwareDatetime,
    BeforeValidator,
    StrictFloat,
    StringConstraints,
    WithJsonSchema,
)

__all__ = [
    "DIGITS",
    "NUMBER",
    "SHA256_PATTERN",
    "DateTimeText",
    "JsonInt",
    "Sha256",
    "StrictFloat",
    "Uuid",
    "decimal_text",
]

_DIGITS = re.compile(r"-?[0-9]+")
UUID_PATTERN = r"^[0-9a-fA-F-]{36}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
Uuid = Annotated[str, StringConstraints(pattern=UUID_PATTERN)]
"""An id as the app makes them: a UUID in its 36-character text form."""
Sha256 = Annotated[str, StringConstraints(pattern=SHA256_PATTERN)]
"""The SHA-256 of an attachment's bytes, in lower-case hex: its name on the server."""


def _number(value: object) -> object:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("must be a number, not true, false or text")
    return value


def _text(value: object) -> object:
    if not isinstance(value, str):
        raise ValueError("must be an ISO 8601 time with a zone, as text")
    return value


NUMBER = BeforeValidator(_number)
JsonInt = Annotated[int, NUMBER]
DateTimeText = Annotated[AwareDatetime, BeforeValidator(_text)]


def _digits(value: object) -> object:
    if isinstance(value, str) and not _DIGITS.fullmatch(value):
        raise ValueError("must be a whole number written in digits")
    return value


DIGITS = BeforeValidator(_digits)


def _between(whole_digits: int, places: int, *, positive: bool) -> str:
    """A regular expression for a decimal string with at most ``whole_digits`` digits before
    the point (no leading zeros) and at most ``places`` after it; zero only if not
    ``positive``."""
    whole = rf"[1-9][0-9]{{0,{whole_digits - 1}}}"
    fraction = rf"(\.[0-9]{{1,{places}}})?"
    if not positive:
        return rf"^(0|{whole}){fraction}$"
    # below 1: 0.<digits> with at least one non-zero digit among the first `places`
    small = "|".join(
        "0" * zeros + "[1-9]" + (f"[0-9]{{0,{more}}}" if (more := places - zeros - 1) else "")
        for zeros in range(places)
    )
    return rf"^({whole}{fraction}|0\.({small}))$"


PERCENT = r"^(100(\.0{1,2})?|(0|[1-9][0-9]?)(\.[0-9]{1,2})?)$"


def decimal_text(pattern: str, example: str, description: str) -> Any:
    """A :class:`~decimal.Decimal` sent as a JSON string matching ``pattern``."""

    compiled = re.compile(pattern)

    def matching(value: object) -> object:
        # search, as a JSON Schema validator applies a pattern (so the two never disagree)
        if not isinstance(value, str) or not compiled.search(value):
            raise ValueError(f"must be a decimal string like '{example}' ({description})")
        return value

    schema = {"type": "string", "pattern": pattern, "examples": [example]}
    return Annotated[
        Decimal,
        BeforeValidator(matching),
        WithJsonSchema({**schema, "description": description}),
    ]


PositiveMoney = decimal_text(
    _between(12, 2, positive=True), "1625.00", "above 0, at most 12 digits and 2 decimals"
)
Money = decimal_text(
    _between(12, 2, positive=False), "450.00", "0 or more, at most 12 digits and 2 decimals"
)
Quantity = decimal_text(
    _between(9, 3, positive=True), "1.5", "above 0, at most 9 digits and 3 decimals"
)
VatRate = decimal_text(PERCENT, "25", "0 to 100, at most 2 decimals")
