"""What the technician typed on a line, checked field by field in their own language.

The domain is the final judge (it prices the line exactly as it will be stored); this
module gives each field a specific, translated message first, and reads numbers the way
the locale writes them ("1 250,50" in Swedish).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from wb_desktop.core.domain.errors import ValidationError
from wb_desktop.core.domain.money import (
    MAX_AMOUNT,
    MAX_DESCRIPTION,
    MAX_QUANTITY,
    MINOR_UNITS,
    QUANTITY_DECIMALS,
    VAT_DECIMALS,
    LineInput,
    PricedLine,
    price_line,
)
from wb_desktop.ui.messages import user_message

FIELDS = ("description", "quantity", "unit_price", "vat_rate")
_PLAIN = re.compile(r"^[+-]?\d+(\.\d+)?$")
_SPACES = ("\u00a0", "\u202f", " ")


def _t(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("LineInput", text, None, n)


@dataclass(frozen=True)
class LineTexts:
    """One line's fields as typed."""

    description: str
    quantity: str
    unit_price: str
    vat_rate: str


@dataclass(frozen=True)
class CheckedLine:
    priced: PricedLine | None  # None when a field is wrong
    problems: dict[str, str]  # field → translated message
    plain: LineInput  # the numbers as plain text, for the write path


def plain_number(text: str, locale: QLocale | None = None) -> str:
    """The locale's way of writing a number as plain digits and a point.

    Spaces (Swedish thousands) are dropped and the locale's decimal comma becomes a point.
    A comma or point used for thousands is left alone, so "1,5" is never read as 15.
    """
    where = locale or QLocale()
    cleaned = text.strip()
    for space in _SPACES:
        cleaned = cleaned.replace(space, "")
    decimal = where.decimalPoint()
    if decimal != ".":
        cleaned = cleaned.replace(decimal, ".")
    return cleaned.replace("\u2212", "-")  # the minus sign some keyboards type


def _decimals(number: Decimal) -> int:
    exponent = number.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _number(text: str, locale: QLocale) -> Decimal | str:
    """The number, or the message saying why the text is not one."""
    if not text.strip():
        return _t("Type a number.")
    plain = plain_number(text, locale)
    if not _PLAIN.match(plain):
        example = locale.toString(1250.5, "f", 2)
        return (
            _t("“%1” is not a number; type digits, like %2.")
            .replace("%1", text)
            .replace("%2", example)
        )
    return Decimal(plain)


def _quantity(text: str, locale: QLocale) -> str | None:
    number = _number(text, locale)
    if isinstance(number, str):
        return number
    if number < 0:
        return _t("A quantity cannot be negative.")
    if number == 0:
        return _t("The quantity must be more than zero.")
    if _decimals(number) > QUANTITY_DECIMALS:
        return _t("A quantity has at most %n decimals.", QUANTITY_DECIMALS)
    if number > MAX_QUANTITY:
        return _t("The quantity is too large.")
    return None


def _price(text: str, currency: str, locale: QLocale) -> str | None:
    number = _number(text, locale)
    if isinstance(number, str):
        return number
    if number < 0:
        return _t("A price cannot be negative.")
    places = MINOR_UNITS.get(currency, 2)
    if _decimals(number) > places:
        return _t("A price has at most %n decimals.", places)
    if number >= MAX_AMOUNT:
        return _t("The price is too large.")
    return None


def _vat(text: str, locale: QLocale) -> str | None:
    number = _number(text, locale)
    if isinstance(number, str):
        return number
    if not Decimal(0) <= number <= Decimal(100):
        return _t("VAT is a percentage from 0 to 100.")
    if _decimals(number) > VAT_DECIMALS:
        return _t("VAT has at most %n decimals.", VAT_DECIMALS)
    return None


def check_line(
    texts: LineTexts, currency: str, index: int = 0, locale: QLocale | None = None
) -> CheckedLine:
    where = locale or QLocale()
    problems: dict[str, str] = {}
    description = texts.description.strip()
    if not description:
        problems["description"] = _t("Describe the work or part.")
    elif len(description) > MAX_DESCRIPTION:
        problems["description"] = _t("A description has at most %n characters.", MAX_DESCRIPTION)
    for field, problem in (
        ("quantity", _quantity(texts.quantity, where)),
        ("unit_price", _price(texts.unit_price, currency, where)),
        ("vat_rate", _vat(texts.vat_rate, where)),
    ):
        if problem is not None:
            problems[field] = problem
    plain = LineInput(
        description,
        plain_number(texts.quantity, where),
        plain_number(texts.unit_price, where),
        plain_number(texts.vat_rate, where),
    )
    if problems:
        return CheckedLine(None, problems, plain)
    try:
        return CheckedLine(price_line(plain, currency, index), {}, plain)
    except ValidationError as error:  # a rule this module does not know yet
        return CheckedLine(None, {"description": user_message(error)}, plain)


def field_name(field: str) -> str:
    return {
        "description": _t("Description"),
        "quantity": _t("Quantity"),
        "unit_price": _t("Unit price"),
        "vat_rate": _t("VAT"),
    }[field]
